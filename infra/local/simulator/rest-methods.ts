/**
 * The REST methods the bot calls, answered the way the contract describes them
 * (../shared/docs/bitrix24-contract.md §4): parameters checked, documented error
 * codes, results shaped like Bitrix's. Enough of Bitrix24 to run the bot against.
 */
import type { SimBot, SimChat, SimPortal } from './model.js';

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description = '',
  ) {
    super(code);
  }
}

export interface MethodContext {
  readonly portal: SimPortal;
  readonly clientId: string;
  readonly caller: { readonly userId: number; readonly kind: 'user' | 'bot' };
  readonly now: number;
  nextId(): number;
  /** Called when the bot posts a message or changes a session (the playground listens). */
  changed(chat: SimChat | undefined): void;
}

type Params = Record<string, unknown>;
type Method = (params: Params, ctx: MethodContext) => unknown;

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const num = (value: unknown): number => (/^\d+$/.test(str(value)) ? Number(value) : 0);
const yes = (value: unknown): boolean => value === true || str(value).toUpperCase() === 'Y';

function ourBot(ctx: MethodContext, id: unknown): SimBot {
  const botId = num(id) || [...ctx.portal.bots.values()].find((bot) => bot.ours)?.id || 0;
  const bot = ctx.portal.bots.get(botId);
  if (!bot) throw new SimError(400, 'BOT_ID_ERROR', 'Bot not found');
  if (!bot.ours) throw new SimError(400, 'APP_ID_ERROR', 'Bot was installed by another application');
  return bot;
}

function chatOf(ctx: MethodContext, params: Params, key = 'CHAT_ID'): SimChat {
  const chatId = num(params[key]);
  if (!chatId) throw new SimError(400, 'CHAT_ID_EMPTY', 'Chat ID can\'t be empty');
  const chat = ctx.portal.chats.get(chatId);
  if (!chat) throw new SimError(400, 'ACCESS_ERROR', 'You do not have access to this chat');
  return chat;
}

/** Session methods act as the app's first bot, and only while a bot holds the dialog (contract §4.11). */
function heldByBot(ctx: MethodContext, chat: SimChat): void {
  ourBot(ctx, undefined);
  if (chat.status !== 'bot') throw new SimError(400, 'WRONG_CHAT', 'Operator is not a bot');
}

function handlerUrl(value: unknown, code: string): string {
  const url = str(value);
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new SimError(400, code, 'Handler URL is not valid');
  return url;
}

const COLORS = ['RED', 'GREEN', 'MINT', 'LIGHT_BLUE', 'DARK_BLUE', 'PURPLE', 'AQUA', 'PINK', 'LIME', 'BROWN', 'AZURE', 'KHAKI', 'SAND', 'MARENGO', 'GRAY', 'GRAPHITE'];

export const methods: Record<string, Method> = {
  'app.info': (_params, ctx) => ({
    ID: 7,
    CODE: ctx.clientId,
    VERSION: 1,
    STATUS: 'L',
    INSTALLED: ctx.portal.installed,
    PAYMENT_EXPIRED: 'N',
    DAYS: null,
    LANGUAGE_ID: ctx.portal.language,
  }),

  'imbot.register': (params, ctx) => {
    const code = str(params.CODE);
    if (!code) throw new SimError(400, 'CODE_ERROR', 'Bot code isn\'t specified');
    const properties = (params.PROPERTIES ?? {}) as Params;
    if (!str(properties.NAME) && !str(properties.LAST_NAME)) throw new SimError(400, 'NAME_ERROR', 'Bot name isn\'t specified');
    if (properties.COLOR !== undefined && !COLORS.includes(str(properties.COLOR))) throw new SimError(400, 'WRONG_REQUEST', 'Unknown color');
    const handlers = {
      messageAdd: handlerUrl(params.EVENT_MESSAGE_ADD ?? params.EVENT_HANDLER, 'EVENT_MESSAGE_ADD_ERROR'),
      welcome: handlerUrl(params.EVENT_WELCOME_MESSAGE ?? params.EVENT_HANDLER, 'EVENT_WELCOME_MESSAGE_ERROR'),
      botDelete: handlerUrl(params.EVENT_BOT_DELETE ?? params.EVENT_HANDLER, 'EVENT_BOT_DELETE_ERROR'),
    };
    // Re-registering the same CODE returns the existing bot (contract §2.4, Im\Bot::register).
    const existing = [...ctx.portal.bots.values()].find((bot) => bot.code === code);
    if (existing) {
      if (!existing.ours) throw new SimError(400, 'CODE_ERROR', 'Bot code is used by another application');
      return existing.id;
    }
    if ([...ctx.portal.bots.values()].filter((bot) => bot.ours).length >= 5) throw new SimError(400, 'MAX_COUNT_ERROR', 'Too many bots');
    const type = str(params.TYPE) || 'B';
    const bot: SimBot = {
      id: ctx.nextId(),
      code,
      name: str(properties.NAME),
      type,
      openline: type === 'O' || yes(params.OPENLINE),
      ours: true,
      handlers,
      properties,
    };
    ctx.portal.bots.set(bot.id, bot);
    return bot.id;
  },

  'imbot.update': (params, ctx) => {
    const bot = ourBot(ctx, params.BOT_ID);
    const fields = params.FIELDS as Params | undefined;
    if (!fields || Object.keys(fields).length === 0) throw new SimError(400, 'WRONG_REQUEST', 'Update fields can\'t be empty');
    if (fields.EVENT_MESSAGE_ADD !== undefined) bot.handlers.messageAdd = handlerUrl(fields.EVENT_MESSAGE_ADD, 'EVENT_MESSAGE_ADD_ERROR');
    if (fields.EVENT_WELCOME_MESSAGE !== undefined) bot.handlers.welcome = handlerUrl(fields.EVENT_WELCOME_MESSAGE, 'EVENT_WELCOME_MESSAGE_ERROR');
    if (fields.EVENT_BOT_DELETE !== undefined) bot.handlers.botDelete = handlerUrl(fields.EVENT_BOT_DELETE, 'EVENT_BOT_DELETE_ERROR');
    if (fields.PROPERTIES) {
      bot.properties = { ...bot.properties, ...(fields.PROPERTIES as Params) };
      if ((fields.PROPERTIES as Params).NAME) bot.name = str((fields.PROPERTIES as Params).NAME);
    }
    return true;
  },

  'imbot.unregister': (params, ctx) => {
    const bot = ourBot(ctx, params.BOT_ID);
    ctx.portal.bots.delete(bot.id);
    return true;
  },

  'imbot.bot.list': (_params, ctx) =>
    Object.fromEntries([...ctx.portal.bots.values()].map((bot) => [bot.id, { ID: bot.id, NAME: bot.name, CODE: bot.code, OPENLINE: bot.openline ? 'Y' : 'N' }])),

  'imbot.message.add': (params, ctx) => {
    const bot = ourBot(ctx, params.BOT_ID);
    const dialogId = str(params.DIALOG_ID);
    if (!dialogId) throw new SimError(400, 'DIALOG_ID_EMPTY', 'Dialog ID can\'t be empty');
    const message = str(params.MESSAGE).trim();
    if (!message) throw new SimError(400, 'MESSAGE_EMPTY', 'Message can\'t be empty');
    const chat = ctx.portal.chats.get(num(dialogId.replace(/^chat/, '')));
    if (!chat) throw new SimError(400, 'WRONG_REQUEST', 'Message isn\'t added');
    if (!chat.members.has(bot.id)) throw new SimError(400, 'ACCESS_ERROR', 'Bot is not a member of this chat');
    const id = ctx.nextId();
    chat.messages.push({ id, chatId: chat.chatId, author: 'bot', authorId: bot.id, text: message.slice(0, 20_000), operatorOnly: yes(params.SKIP_CONNECTOR) || yes(params.SYSTEM), at: ctx.now });
    ctx.changed(chat);
    return id;
  },

  'imbot.chat.user.add': (params, ctx) => {
    ourBot(ctx, params.BOT_ID);
    const chat = chatOf(ctx, params);
    const users = params.USERS;
    const ids = (Array.isArray(users) ? users : users && typeof users === 'object' ? Object.values(users) : []).map(num);
    if (ids.length === 0 || ids.some((id) => !id)) throw new SimError(400, 'WRONG_REQUEST', 'USERS must be an array of ids');
    for (const id of ids) {
      if (chat.members.has(id)) throw new SimError(400, 'WRONG_REQUEST', 'User is already a member');
      chat.members.add(id);
      const bot = ctx.portal.bots.get(id);
      if (bot && !bot.ours) {
        chat.status = 'other-bot';
        chat.holder = id;
      }
    }
    ctx.changed(chat);
    return true;
  },

  'imbot.chat.leave': (params, ctx) => {
    const bot = ourBot(ctx, params.BOT_ID);
    const chat = chatOf(ctx, params);
    if (!chat.members.delete(bot.id)) throw new SimError(400, 'WRONG_REQUEST', 'Bot is not a member');
    ctx.changed(chat);
    return true;
  },

  'imopenlines.bot.session.operator': (params, ctx) => {
    const chat = chatOf(ctx, params);
    heldByBot(ctx, chat);
    chat.status = 'queue';
    chat.holder = chat.lineId;
    ctx.changed(chat);
    return true;
  },

  'imopenlines.bot.session.transfer': (params, ctx) => {
    const chat = chatOf(ctx, params);
    heldByBot(ctx, chat);
    const userId = num(params.USER_ID);
    const queueId = num(params.QUEUE_ID);
    const transferId = str(params.TRANSFER_ID);
    if (!userId && !queueId && !transferId) throw new SimError(400, 'USER_ID_EMPTY', 'User ID can\'t be empty');
    if (userId) {
      if (userId > 1_000_000) throw new SimError(400, 'OPERATOR_WRONG', 'You can not redirect to this operator');
      chat.status = 'operator';
      chat.holder = userId;
    } else if (queueId) {
      if (!ctx.portal.lines.has(queueId)) throw new SimError(400, 'QUEUE_ID_EMPTY', 'Queue ID is wrong');
      chat.status = 'line';
      chat.holder = queueId;
    } else {
      chat.status = transferId.startsWith('queue') ? 'line' : 'operator';
      chat.holder = num(transferId.replace(/^queue/, ''));
    }
    if (yes(params.LEAVE)) for (const bot of ctx.portal.bots.values()) if (bot.ours) chat.members.delete(bot.id);
    ctx.changed(chat);
    return true;
  },

  'imopenlines.bot.session.finish': (params, ctx) => {
    const chat = chatOf(ctx, params);
    ourBot(ctx, undefined);
    chat.status = 'finished';
    chat.holder = undefined;
    ctx.changed(chat);
    return true;
  },

  'imopenlines.config.get': (params, ctx) => {
    const id = num(params.CONFIG_ID);
    if (!id) throw new SimError(400, 'CONFIG_ID_EMPTY', 'Config ID can\'t be empty');
    if (ctx.caller.kind === 'bot') throw new SimError(403, 'CONFIG_WRONG_USER_PERMISSION', 'Permission denied');
    return ctx.portal.lines.get(id) ?? false;
  },

  'event.bind': (params, ctx) => {
    const event = str(params.event ?? params.EVENT).toUpperCase();
    const handler = str(params.handler ?? params.HANDLER);
    if (!['ONAPPUPDATE', 'ONAPPUNINSTALL', 'ONAPPINSTALL'].includes(event)) throw new SimError(400, 'ERROR_EVENT_NOT_FOUND', 'Event not found');
    handlerUrl(handler, 'WRONG_HANDLER_URL');
    if (ctx.portal.bindings.some((binding) => binding.event === event && binding.handler === handler)) {
      throw new SimError(400, 'ERROR_CORE', 'Unable to set event handler: Handler already binded');
    }
    ctx.portal.bindings.push({ event, handler });
    return true;
  },
};
