/**
 * Which way a portal's bot gets its events, and registering it that way. V1 bots have
 * webhooks only; a Chatbots 2.0 bot takes BOT_EVENT_MODE (imbot.v2/events/index.md#event-modes).
 * A fetch-mode bot gets a feed (lib/store/feeds.ts) for the poller; a webhook bot has none, so
 * a bot switched back to webhook is no longer polled.
 */
import type { BotApi } from '../bitrix/bot-api.js';
import type { RestClient } from '../bitrix/rest-client.js';
import type { Logger } from '../log.js';
import { registerBotV2, type EventMode } from './bot-v2.js';
import type { RegisterDeps } from './deps.js';
import { handlerUrl, registerBot } from './install.js';

export const eventModeOf = (deps: Pick<RegisterDeps, 'config'>, api: BotApi): EventMode => (api === 'v2' ? deps.config.botEventMode : 'webhook');

/** imbot.register / imbot.update, or imbot.v2.Bot.register / update in the configured mode. */
export function registerPortalBot(deps: RegisterDeps, rest: RestClient, api: BotApi, knownBotId: number | undefined, log: Logger): Promise<number> {
  if (api === 'v1') return registerBot(rest, deps.bot(), handlerUrl(deps), knownBotId, log);
  return registerBotV2(rest, deps.bot(), handlerUrl(deps), knownBotId, log, eventModeOf(deps, api));
}

/**
 * The portal's feed follows its bot's mode. A V1 portal in the middle of a migration
 * (lib/app/migrate/migrate-v2.ts) keeps the feed of its pending V2 bot: that bot's first line
 * event is what switches the portal.
 */
export async function applyEventMode(deps: RegisterDeps, memberId: string, api: BotApi, botId: number, pending?: { readonly botId: number }): Promise<void> {
  const [feedApi, feedBot] = api === 'v1' && pending ? (['v2', pending.botId] as const) : ([api, botId] as const);
  if (eventModeOf(deps, feedApi) === 'fetch') await deps.feeds.enable(memberId, feedBot, deps.time.now());
  else await deps.feeds.disable(memberId);
}
