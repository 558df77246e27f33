/**
 * The simulated platform's shared state: its clock (which tests move on), the portals by
 * REST endpoint, every REST call the bot made, the listeners told about changes, the
 * access tokens it hands out and the secrets it ever issued. The REST server
 * (rest-calls.ts, rest-routes.ts), the OAuth server (oauth-server.ts), the event sender
 * (bot-events.ts) and the line (line-sessions.ts) all work on this one object.
 */
import { randomBytes } from 'node:crypto';
import type * as bodies from './event-bodies.js';
import { createMisbehaviour } from './misbehaviour.js';
import type { RestCall, SimBot, SimPortal } from './model.js';

export interface SimulatorOptions {
  /** Where the bot listens, e.g. http://localhost:3000 (install URL = `${botUrl}/bitrix/install`). */
  readonly botUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clock?: () => number;
  /** How a hanging answer waits (a fault's hangMs): a test's fake Time makes the hang take no real time. */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * How long an unused refresh token lives (ms). Bitrix24 documents 180 days today, older
   * pages 28 (contract §3, §9.5; settings/oauth/auto-renewal.md): an older one answers
   * invalid_grant. Default 180 days.
   */
  readonly refreshTokenLifetimeMs?: number;
}

export type SimChange =
  | { readonly type: 'call'; readonly call: RestCall }
  | { readonly type: 'chat'; readonly memberId: string; readonly chatId: number }
  | { readonly type: 'event'; readonly memberId: string; readonly event: string; readonly status: number; readonly outcome: string; readonly body: string };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const token = () => randomBytes(16).toString('hex');

export function createPlatform(options: SimulatorOptions) {
  const baseClock = options.clock ?? Date.now;
  const state = {
    /** How far the platform's clock has been moved on (advance()): the line's timers, token expiry. */
    skew: 0,
    refreshLifetimeMs: options.refreshTokenLifetimeMs ?? 180 * DAY,
    seq: 0,
    ids: 1000,
    /** Bot-level tokens in events: fresh (current docs), expired, or none (older payloads, contract §1.4). */
    eventTokens: 'fresh' as 'fresh' | 'expired' | 'none',
  };
  const clock = () => baseClock() + state.skew;
  const hang = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const portals = new Map<string, SimPortal>(); // by REST endpoint: http://host:port/rest/ or …/p/<n>/rest/
  /** Old REST endpoints of renamed portals: they answer 302 to the portal's current address. */
  const movedFrom = new Map<string, SimPortal>();
  const calls: RestCall[] = [];
  const listeners = new Set<(change: SimChange) => void>();
  /** Methods this portal refuses inside batch (contract §4.16 leaves it open for imbot.*). */
  const refusedInBatch = new Set<string>();
  const stats = { restRequests: 0, oauthRequests: 0, rateLimited: 0, faultsInjected: 0, eventsSent: 0 };
  const misbehaviour = createMisbehaviour(clock, stats);
  /** Every secret the simulated portals ever handed out (tests check none of them is logged). */
  const issuedSecrets = new Set<string>([options.clientSecret]);

  const emit = (change: SimChange) => {
    for (const listener of listeners) listener(change);
  };
  const nextId = () => ++state.ids;

  function issue(portal: SimPortal, userId: number, kind: 'user' | 'bot'): bodies.Issued {
    const accessToken = token();
    const expiresAt = clock() + HOUR;
    portal.accessTokens.set(accessToken, { expiresAt, userId, kind });
    issuedSecrets.add(accessToken);
    return { accessToken, expiresAt };
  }

  function botToken(portal: SimPortal, bot: SimBot): bodies.Issued | undefined {
    if (state.eventTokens === 'none') return undefined;
    const issued = issue(portal, bot.id, 'bot');
    if (state.eventTokens === 'expired') portal.accessTokens.get(issued.accessToken)!.expiresAt = clock() - 1;
    return issued;
  }

  return {
    options,
    state,
    clock,
    hang,
    portals,
    movedFrom,
    calls,
    listeners,
    refusedInBatch,
    stats,
    misbehaviour,
    issuedSecrets,
    emit,
    nextId,
    issue,
    botToken,
  };
}

export type Platform = ReturnType<typeof createPlatform>;
