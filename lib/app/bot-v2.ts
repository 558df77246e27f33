/**
 * Chatbots 2.0 at install: which API a portal gets, and the V2 bot's registration.
 *
 * - The API: a portal keeps the one its bot was registered with (its events come only in
 *   that format, chat-bots-v2/migration.md); a new install takes BOT_API, or with `auto`
 *   asks the portal: imbot.v2.Revision.get answers on a portal with Chatbots 2.0 and an
 *   older one answers ERROR_METHOD_NOT_FOUND (imbot.v2/revision-get.md; contract §10).
 * - The bot: imbot.v2.Bot.register with type `openline` and isSupportOpenline (the line's
 *   responsible bot, tutorials/chat-bots/open-lines-bot.md, imbot.v2/bots/index.md), event
 *   mode BOT_EVENT_MODE: `webhook` to the events URL, or `fetch` (no webhookUrl; the poller
 *   reads imbot.v2.Event.get); register/update/unregister manage the ONIMBOTV2*
 *   subscriptions, so they are never event.bind-ed (imbot.v2/events/events.md). Register is
 *   idempotent per code and changes nothing (bot-register.md), so a known bot is changed
 *   with imbot.v2.Bot.update — which also moves it between the two modes on a re-install or
 *   update (imbot.v2/bots/bot-update.md#event-subscriptions: webhook → fetch drops the
 *   subscriptions, fetch → webhook creates them).
 */
import { v2Color, type BotApi } from '../bitrix/bot-api.js';
import { BitrixApiError } from '../bitrix/errors.js';
import type { RestClient } from '../bitrix/rest-client.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { BotProfile } from '../menu/types.js';

/** The portal has no such method: not a Chatbots 2.0 portal (contract §5, §10). */
const NOT_FOUND = new Set(['ERROR_METHOD_NOT_FOUND', 'METHOD_NOT_FOUND']);

export async function chooseBotApi(rest: RestClient, config: Pick<Config, 'botApi'>, stored: BotApi | undefined, log: Logger): Promise<BotApi> {
  if (stored) return stored; // moving a V1 portal to V2 is a migration, never a side effect of a re-install
  if (config.botApi !== 'auto') return config.botApi;
  try {
    const revision = await rest.call<{ rest?: unknown }>('imbot.v2.Revision.get');
    log.info('portal has Chatbots 2.0', { restRevision: typeof revision?.rest === 'number' ? revision.rest : undefined });
    return 'v2';
  } catch (error) {
    if (error instanceof BitrixApiError && NOT_FOUND.has(error.code)) return 'v1';
    throw error; // anything else (limits, 5xx): the install fails and is tried again, never guessed
  }
}

/** The profile in V2's shape (bot-register.md#properties): colours in lower-camel codes. */
function properties(bot: BotProfile): Record<string, string> {
  const props: Record<string, string> = { name: bot.name };
  if (bot.workPosition) props.workPosition = bot.workPosition;
  const color = v2Color(bot.color);
  if (color) props.color = color;
  if (bot.avatar) props.avatar = bot.avatar; // base64 without the data: prefix, as for V1
  return props;
}

/** How the platform hands the bot its events (bot-register.md: webhookUrl only with `webhook`). */
export type EventMode = 'webhook' | 'fetch';

/** What both register and update set: the line's bot, its events by webhook to `handler` or fetched. */
const common = (bot: BotProfile, handler: string, mode: EventMode) => ({
  isSupportOpenline: true,
  eventMode: mode,
  ...(mode === 'webhook' ? { webhookUrl: handler } : {}),
  properties: properties(bot),
});

/**
 * One bot per portal, as for V1 (lib/app/install.ts registerBot): a stored bot is updated in
 * place; if the portal no longer knows it (BOT_NOT_FOUND, BOT_OWNERSHIP_ERROR — bot-update.md),
 * or there is none, it is registered.
 */
export async function registerBotV2(
  rest: RestClient,
  bot: BotProfile,
  handler: string,
  knownBotId: number | undefined,
  log: Logger,
  mode: EventMode = 'webhook',
): Promise<number> {
  if (knownBotId) {
    try {
      await rest.call('imbot.v2.Bot.update', { botId: knownBotId, fields: common(bot, handler, mode) });
      return knownBotId;
    } catch (error) {
      if (!(error instanceof BitrixApiError) || !['BOT_NOT_FOUND', 'BOT_OWNERSHIP_ERROR'].includes(error.code)) throw error;
      log.warn('stored V2 bot is gone from the portal; registering again', { botId: knownBotId });
    }
  }
  const answer = await rest.call<{ bot?: { id?: unknown } }>('imbot.v2.Bot.register', {
    fields: { code: bot.code, type: 'openline', ...common(bot, handler, mode) },
  });
  const botId = Number(answer?.bot?.id);
  if (!Number.isInteger(botId) || botId <= 0) throw new BitrixApiError('imbot.v2.Bot.register', 200, 'NO_BOT_ID', 'no bot id in the answer');
  return botId;
}
