/**
 * The Chatbots 2.0 methods the bot calls, answered as documented in
 * bitrix24/b24restdocs api-reference/chat-bots/chat-bots-v2/** — parameters in camelCase
 * with content under `fields`, results as `{bot, users}` / `{id, uuidMap}` /
 * `{result: true}`, the documented error codes. A portal configured as V1-only
 * (SimPortal.api = 'v1') never reaches this table: rest-calls.ts answers every imbot.v2.*
 * there with ERROR_METHOD_NOT_FOUND, as an older portal does (imbot.v2/revision-get.md).
 *
 * The bot is an OAuth application, so no botToken: the bot is tied to the app's client_id
 * (chat-bots-v2/index.md#auth). Booleans come as JSON true/false or "Y"/"N" (both accepted).
 */
import type { SimBot, SimChat } from './model.js';
import { eventGet } from './event-feed.js';
import { SimError, type MethodContext } from './method-context.js';

type Params = Record<string, unknown>;
type Method = (params: Params, ctx: MethodContext) => unknown;

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const num = (value: unknown): number => (/^\d+$/.test(str(value)) ? Number(value) : 0);
const yes = (value: unknown): boolean => value === true || ['Y', '1', 'TRUE'].includes(str(value).toUpperCase());
const obj = (value: unknown): Params => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Params) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : []);

/** imbot.v2/chats/chat-add.md#available-colors */
export const V2_COLORS = [
  'red',
  'green',
  'mint',
  'lightBlue',
  'darkBlue',
  'purple',
  'aqua',
  'pink',
  'lime',
  'brown',
  'azure',
  'khaki',
  'sand',
  'marengo',
  'gray',
  'graphite',
];
const TYPES = ['bot', 'network', 'openline', 'supervisor', 'personal'];

/** Which API a bot of ours speaks; a V1 bot is "visible" to V2 methods but not ours to send with here. */
function ownBot(ctx: MethodContext, id: unknown): SimBot {
  const botId = num(id);
  if (!botId) throw new SimError(400, 'BOT_ID_REQUIRED', 'Bot ID is required');
  const bot = ctx.portal.bots.get(botId);
  if (!bot) throw new SimError(400, 'BOT_NOT_FOUND', 'Bot not found');
  if (!bot.ours) throw new SimError(403, 'BOT_OWNERSHIP_ERROR', 'Bot is registered by another application');
  return bot;
}

/** The extended Bot object (entities.md#bot). */
export function botObject(bot: SimBot): Params {
  const type = bot.type === 'O' ? 'openline' : bot.type === 'B' ? 'bot' : bot.type;
  return {
    id: bot.id,
    code: bot.code,
    type,
    isHidden: false,
    isSupportOpenline: bot.openline,
    isReactionsEnabled: true,
    backgroundId: null,
    language: 'en',
    moduleId: 'rest',
    eventMode: bot.eventMode ?? 'webhook',
    countMessage: 0,
    countCommand: 0,
    countChat: 0,
    countUser: 0,
  };
}

const userObject = (bot: SimBot): Params => ({
  id: bot.id,
  active: true,
  name: bot.name,
  bot: true,
  type: 'bot',
  color: str(bot.properties.color) || '#df532d',
});

/** eventMode / webhookUrl as register and update check them (bot-register.md errors). */
function delivery(fields: Params, current: SimBot | undefined): { eventMode: 'webhook' | 'fetch'; webhookUrl: string | undefined } {
  const eventMode = str(fields.eventMode || current?.eventMode || 'fetch');
  if (eventMode !== 'webhook' && eventMode !== 'fetch') throw new SimError(400, 'BOT_INVALID_EVENT_MODE', 'Invalid event mode');
  const webhookUrl = fields.webhookUrl !== undefined ? str(fields.webhookUrl) : current?.webhookUrl;
  if (eventMode === 'webhook' && !webhookUrl) throw new SimError(400, 'BOT_WEBHOOK_URL_REQUIRED', 'Webhook URL is required');
  if (webhookUrl && !/^https?:\/\/\S+$/.test(webhookUrl)) throw new SimError(400, 'BOT_INVALID_CALLBACK', 'Invalid callback URL');
  return { eventMode, webhookUrl };
}

/** An unknown colour is not an error: it is "assigned automatically" / ignored (bot-register.md, bot-update.md). */
function profile(properties: Params): Params {
  const out = { ...properties };
  if (out.color !== undefined && !V2_COLORS.includes(str(out.color))) delete out.color;
  return out;
}

/** The bot must be a member of the chat (ACCESS_DENIED "Bot is not a participant in the chat"). */
function memberChat(ctx: MethodContext, bot: SimBot, dialogId: unknown): SimChat {
  const id = str(dialogId);
  if (!id) throw new SimError(400, 'DIALOG_ID_EMPTY', "Dialog ID can't be empty");
  const chat = ctx.portal.chats.get(num(id.replace(/^chat/, '')));
  if (!chat?.members.has(bot.id)) throw new SimError(403, 'ACCESS_DENIED', 'Access denied');
  return chat;
}

export const v2Methods: Record<string, Method> = {
  // No parameters, no call errors (imbot.v2/revision-get.md). Revision 36: the docs' latest (change-log.md).
  'imbot.v2.Revision.get': () => ({ rest: 36, web: 130, mobile: 23, desktop: 6 }),

  // Idempotent per app + code: the existing bot comes back unchanged (bot-register.md).
  'imbot.v2.Bot.register': (params, ctx) => {
    const fields = obj(params.fields);
    const code = str(fields.code);
    if (!code) throw new SimError(400, 'BOT_CODE_REQUIRED', 'Bot code is required');
    const properties = obj(fields.properties);
    if (!str(properties.name)) throw new SimError(400, 'BOT_PROPERTIES_REQUIRED', 'Bot properties are required');
    const type = str(fields.type || 'bot');
    if (!TYPES.includes(type)) throw new SimError(400, 'BOT_INVALID_TYPE', 'Invalid bot type');
    const { eventMode, webhookUrl } = delivery(fields, undefined);
    const existing = [...ctx.portal.bots.values()].find((bot) => bot.code === code);
    if (existing) {
      if (!existing.ours) throw new SimError(400, 'BOT_CODE_ALREADY_TAKEN', 'Bot code is already taken');
      return { bot: botObject(existing), users: [userObject(existing)] };
    }
    const bot: SimBot = {
      id: ctx.nextId(),
      code,
      name: str(properties.name),
      type: type === 'openline' ? 'O' : type,
      openline: type === 'openline' || yes(fields.isSupportOpenline),
      ours: true,
      handlers: {},
      properties: profile(properties),
      api: 'v2',
      eventMode,
      ...(webhookUrl ? { webhookUrl } : {}),
    };
    ctx.portal.bots.set(bot.id, bot);
    return { bot: botObject(bot), users: [userObject(bot)] };
  },

  // A changed webhookUrl / eventMode rebuilds the bot's subscriptions (bot-update.md).
  'imbot.v2.Bot.update': (params, ctx) => {
    const bot = ownBot(ctx, params.botId);
    const fields = obj(params.fields);
    const { eventMode, webhookUrl } = delivery(fields, bot);
    bot.eventMode = eventMode;
    bot.webhookUrl = eventMode === 'webhook' ? webhookUrl : undefined;
    if (fields.properties) {
      bot.properties = { ...bot.properties, ...profile(obj(fields.properties)) };
      if (str(obj(fields.properties).name)) bot.name = str(obj(fields.properties).name);
    }
    return { bot: botObject(bot), users: [userObject(bot)] };
  },

  // The current application's bots only (bot-list.md); always a successful answer.
  'imbot.v2.Bot.list': (_params, ctx) => {
    const bots = [...ctx.portal.bots.values()].filter((bot) => bot.ours);
    return { bots: bots.map(botObject), users: bots.map(userObject), hasNextPage: false };
  },

  'imbot.v2.Bot.unregister': (params, ctx) => {
    const bot = ownBot(ctx, params.botId);
    ctx.portal.bots.delete(bot.id);
    return { result: true };
  },

  // Text over 20,000 characters is cut with " (...)" (chat-message-send.md). skipConnector:
  // an operator-only note (change-log.md BOT-FIX-0402-2 lists it for this method).
  'imbot.v2.Chat.Message.send': (params, ctx) => {
    const bot = ownBot(ctx, params.botId);
    const chat = memberChat(ctx, bot, params.dialogId);
    const fields = obj(params.fields);
    const text = str(fields.message).trim();
    if (!text && !fields.attach) throw new SimError(400, 'EMPTY_MESSAGE', 'Message is empty');
    const id = ctx.nextId();
    const message = text.length > 20_000 ? `${text.slice(0, 20_000)} (...)` : text;
    chat.messages.push({
      id,
      chatId: chat.chatId,
      author: 'bot',
      authorId: bot.id,
      text: message,
      operatorOnly: yes(fields.skipConnector) || yes(fields.system),
      sessionId: chat.sessionId,
      at: ctx.now,
    });
    ctx.changed(chat);
    return { id, uuidMap: {} };
  },

  // Non-existent or inactive users are ignored without an error (chat-user-add.md).
  'imbot.v2.Chat.User.add': (params, ctx) => {
    const caller = ownBot(ctx, params.botId);
    const chat = memberChat(ctx, caller, params.dialogId);
    const ids = list(params.userIds)
      .map(num)
      .filter((id) => id > 0);
    for (const id of ids) {
      const bot = ctx.portal.bots.get(id);
      if (!bot && id > 1_000_000) continue;
      chat.members.add(id);
      if (bot && !bot.ours) {
        chat.status = 'other-bot';
        chat.holder = id;
      }
    }
    ctx.changed(chat);
    return { result: true };
  },

  // Fetch mode: the bot's waiting events, confirmed by offset (event-feed.ts, imbot.v2/events/event-get.md).
  'imbot.v2.Event.get': eventGet,

  'imbot.v2.Chat.leave': (params, ctx) => {
    const bot = ownBot(ctx, params.botId);
    const chat = memberChat(ctx, bot, params.dialogId);
    chat.members.delete(bot.id);
    ctx.changed(chat);
    return { result: true };
  },
};
