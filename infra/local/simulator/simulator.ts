/**
 * A Bitrix24 simulator: it plays one or more portals with their Open Lines. It posts
 * real form-encoded events to the bot's HTTP handlers (install, sessions, customer
 * messages, uninstall) and answers the bot's REST calls and OAuth refreshes on
 * `/rest/…` and `/oauth/token/` the way the contract describes, errors included.
 * Used by `npm start` (the playground), the integration tests, the benchmarks and the
 * load test. Faults can be injected: failing or hanging methods, expired tokens, the
 * documented leaky-bucket rate limit, a method's exhausted operating limit, a renamed
 * portal (its old address answers 302, contract §9.3). Refresh tokens are single-use and
 * expire unused. The line acts on its own as the platform does (lines.ts): the bot's
 * timeout, operators who take the chat and write, the customer's `0`.
 *
 * This file puts the pieces together and is the simulator's one public face: the shared
 * state (platform.ts), the portals' addresses (portal-registry.ts), the REST and OAuth
 * servers (rest-routes.ts, rest-calls.ts, oauth-server.ts), the events posted to the bot
 * (bot-events.ts) and the line's chats (line-sessions.ts).
 */
import { chatAppsOf, frameRequest } from './chat-apps.js';
import { createBotEvents, ourBot } from './bot-events.js';
import { waitingEvents } from './event-feed.js';
import { createLineSessions } from './line-sessions.js';
import type { SimPortal } from './model.js';
import { createPlatform, type SimChange, type SimulatorOptions } from './platform.js';
import { createPortalRegistry } from './portal-registry.js';
import { createRestCalls } from './rest-calls.js';
import { createRestRoutes } from './rest-routes.js';

export type { SimChange, SimulatorOptions } from './platform.js';

export function createSimulator(options: SimulatorOptions) {
  const platform = createPlatform(options);
  const { state, clock, portals, calls, listeners, refusedInBatch, stats, misbehaviour, issuedSecrets, issue } = platform;
  const { createPortal, renamePortal, moveOAuthServer } = createPortalRegistry(platform);
  const events = createBotEvents(platform);
  const { post, install, openApp, update, uninstall } = events;
  const { openChat, newSession, customerSays, operatorSays, operatorTakes, lineTimeout } = createLineSessions(platform, events);
  const { handle } = createRestRoutes(platform, createRestCalls(platform));

  return {
    createPortal,
    renamePortal,
    moveOAuthServer,
    portals,
    portal: (memberId: string) => [...portals.values()].find((portal) => portal.memberId === memberId),
    install,
    openApp,
    update,
    uninstall,
    openChat,
    newSession,
    customerSays,
    operatorSays,
    operatorTakes,
    lineTimeout,
    /** Moves the platform's clock on (the line's bot time, token expiry); the bot's clock is its own. */
    advance(ms: number) {
      state.skew += ms;
    },
    now: clock,
    /** Posts any raw body to the bot (for hand-made or malformed events). */
    postRaw: (url: string, body: string, portal: SimPortal, label = 'RAW') => post(url, body, portal, label),
    handle,
    calls,
    callsFor: (memberId: string, since = 0) => calls.filter((call) => call.memberId === memberId && call.seq > since),
    get lastSeq() {
      return state.seq;
    },
    /**
     * Ages the portal's current refresh token by `ms` (a test makes a pair old without
     * waiting): past the lifetime, the OAuth server answers invalid_grant.
     */
    ageRefreshToken(portal: SimPortal, ms: number) {
      portal.refreshIssuedAt -= ms;
    },
    /** The refresh-token lifetime from now on (ms). */
    setRefreshTokenLifetime(ms: number) {
      state.refreshLifetimeMs = ms;
    },
    /** Makes every access token of the portal expired (they answer expired_token). */
    expireTokens(portal: SimPortal, kind?: 'user' | 'bot') {
      for (const entry of portal.accessTokens.values()) if (!kind || entry.kind === kind) entry.expiresAt = clock() - 1;
    },
    /** The next `times` calls of `method` ('*' for any REST method, 'oauth.token' for the OAuth server) fail with this status and error (status 0: connection dropped). */
    fail: misbehaviour.fail,
    clearFaults: misbehaviour.clear,
    /** From now on these methods fail inside batch with ERROR_BATCH_METHOD_NOT_ALLOWED (none: reset). */
    refuseInBatch(...methodNames: string[]) {
      refusedInBatch.clear();
      for (const name of methodNames) refusedInBatch.add(name);
    },
    setEventTokens(mode: 'fresh' | 'expired' | 'none') {
      state.eventTokens = mode;
    },
    /** Switches the documented leaky bucket on (2/s, burst 50) or off. */
    setRateLimit: misbehaviour.setRateLimit,
    /** `method` answers 429 OPERATION_TIME_LIMIT until `resetAt` (ms), after `successes` answers reporting that reset (clearFaults ends it). */
    limitOperating: misbehaviour.limitOperating,
    onChange(listener: (change: SimChange) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats,
    issuedSecrets,
    ourBot,
    /** The admin picks the line's bot in Contact Center (imopenlines config WELCOME_BOT_ID). */
    setLineBot(portal: SimPortal, lineId: number, botId: number) {
      const config = portal.lines.get(lineId);
      if (!config) throw new Error(`no line ${lineId}`);
      config.WELCOME_BOT_ID = String(botId);
    },
    /** Events a fetch-mode bot has not confirmed yet (event-feed.ts). */
    waitingEvents,
    issueToken: issue,
    /** The portal's chat apps (imbot.app.register), by id. */
    chatApps: (portal: SimPortal) => [...chatAppsOf(portal).values()],
    /** The signed frame request the messenger makes when operator `userId` opens `app` in a chat. */
    frameRequest,
  };
}

export type Simulator = ReturnType<typeof createSimulator>;
