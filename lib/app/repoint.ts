/**
 * Re-pointing installed portals at the current PUBLIC_URL (`npm run repoint`): every
 * portal's bot was registered with handler URLs under the URL of its day, so a new
 * domain, or an API recreated with another execute-api id, leaves them calling nowhere.
 *
 * Per portal, each step of REPOINT_STEPS tells the portal the new URL, with the
 * installer's stored token (refreshed if need be); then the URL is remembered on the
 * portal item (`handlerUrl`), so a run cut short, or failing for some portals, is simply
 * run again: portals already at the URL are skipped (unless forced).
 *
 * The steps: the bot (V1 imbot.update or Chatbots 2.0 imbot.v2.Bot.update), the app
 * events, the operators' chat app's frame URL (imbot.app.update). Another thing a portal
 * holds a URL for is one more RepointStep in REPOINT_STEPS (or passed in `steps`).
 */
import type { RestClient } from '../bitrix/rest-client.js';
import type { Logger } from '../log.js';
import type { PortalRecord } from '../store/portals.js';
import type { RegisterDeps } from './deps.js';
import { botApiOf } from '../bitrix/bot-api.js';
import { registerBotV2 } from './bot-v2.js';
import { registerChatApp } from './chat-app.js';
import { bindAppEvents, handlerUrl, registerBot } from './install.js';
import { restForPortal } from './portal-rest.js';

export interface RepointContext {
  readonly deps: RegisterDeps;
  readonly portal: PortalRecord;
  readonly rest: RestClient;
  /** The bot's public base URL (PUBLIC_URL, no trailing slash). */
  readonly publicUrl: string;
  readonly log: Logger;
}

export interface RepointStep {
  /** Shown in the report (e.g. `bot`, `app-events`). */
  readonly name: string;
  /** Points this portal's one thing at ctx.publicUrl; may return portal fields that changed. */
  run(ctx: RepointContext): Promise<Partial<Pick<PortalRecord, 'botId' | 'chatApp'>> | void>;
}

/**
 * The bot's handlers, as a re-install does: V1 imbot.update of the known bot (registerBot),
 * Chatbots 2.0 imbot.v2.Bot.update of its webhookUrl (registerBotV2).
 */
const botHandlers: RepointStep = {
  name: 'bot',
  async run({ deps, portal, rest, log }) {
    const register = botApiOf(portal) === 'v2' ? registerBotV2 : registerBot;
    const botId = await register(rest, deps.bot(), handlerUrl(deps), portal.botId, log);
    // The portal had lost the bot and registered it again: a new id.
    if (botId !== portal.botId) return { botId };
  },
};

/** The operators' chat app: its IFRAME URL (imbot.app.update; registered again if it is gone). */
const chatAppUrl: RepointStep = {
  name: 'chat-app',
  async run({ deps, portal, rest, publicUrl, log }) {
    const chatApp = await registerChatApp(
      rest,
      { botId: portal.botId, languages: deps.bot().languages ?? [], publicUrl, memberId: portal.memberId, existing: portal.chatApp },
      log,
    );
    if (chatApp && chatApp.url !== portal.chatApp?.url) return { chatApp };
  },
};

/** OnAppUpdate / OnAppUninstall, bound at install to the handler URL. */
const appEvents: RepointStep = {
  name: 'app-events',
  run: ({ deps, rest, log }) => bindAppEvents(rest, handlerUrl(deps), log),
};

export const REPOINT_STEPS: readonly RepointStep[] = [botHandlers, appEvents, chatAppUrl];

export type RepointOutcome = 'repointed' | 'already' | 'failed' | 'gone';

export interface RepointReport {
  readonly memberId: string;
  readonly domain?: string;
  readonly outcome: RepointOutcome;
  /** The steps that ran (all of them for `repointed`; up to the failed one for `failed`). */
  readonly steps: readonly string[];
  /** For `failed`: the error's code or name, and which step. */
  readonly error?: string;
}

export interface RepointOptions {
  /** Re-point portals already recorded at the URL too. */
  readonly force?: boolean;
  readonly steps?: readonly RepointStep[];
}

export async function repointPortal(deps: RegisterDeps, memberId: string, options: RepointOptions = {}): Promise<RepointReport> {
  const publicUrl = deps.config.publicUrl;
  const log = deps.log.child({ job: 'repoint', memberId });
  const portal = await deps.portals.get(memberId);
  if (portal?.status !== 'active') return { memberId, outcome: 'gone', steps: [] };
  if (portal.handlerUrl === publicUrl && !options.force) return { memberId, domain: portal.domain, outcome: 'already', steps: [] };

  const rest = restForPortal(deps, portal, undefined, log);
  const done: string[] = [];
  let changes: Partial<Pick<PortalRecord, 'botId' | 'chatApp'>> = {};
  for (const step of options.steps ?? REPOINT_STEPS) {
    try {
      changes = { ...changes, ...(await step.run({ deps, portal: { ...portal, ...changes }, rest, publicUrl, log })) };
      done.push(step.name);
    } catch (error) {
      const code = (error as { code?: unknown })?.code;
      const reason = `${step.name}: ${typeof code === 'string' ? code : ((error as Error)?.name ?? 'Error')}`;
      log.warn('portal not re-pointed; run again to retry it', { step: step.name, error });
      if (changes.botId || changes.chatApp) await deps.portals.update(memberId, changes, deps.clock()).catch(() => undefined);
      return { memberId, domain: portal.domain, outcome: 'failed', steps: done, error: reason };
    }
  }
  // Only once every step is done: a portal cut short is tried again whole next time.
  await deps.portals.update(memberId, { ...changes, handlerUrl: publicUrl }, deps.clock());
  deps.caches.bots.delete(memberId); // the warm portal was updated with the write (lib/app/portal-cache.ts)
  log.info('portal re-pointed', { handlerUrl: publicUrl, steps: done, ...changes });
  return { memberId, domain: portal.domain, outcome: 'repointed', steps: done };
}

/** Every portal in turn (one at a time: each portal's REST budget is its own, but the OAuth server is shared). */
export async function repointPortals(deps: RegisterDeps, memberIds: readonly string[], options: RepointOptions = {}): Promise<RepointReport[]> {
  const reports: RepointReport[] = [];
  for (const memberId of memberIds) reports.push(await repointPortal(deps, memberId, options));
  return reports;
}
