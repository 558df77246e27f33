/**
 * The REST methods the bot calls, answered the way the contract describes them
 * (../shared/docs/bitrix24-contract.md §4): parameters checked, documented error
 * codes, results shaped like Bitrix's. Enough of Bitrix24 to run the bot against. The
 * Open Lines session methods are in openline-session-methods.ts, what all methods share in
 * method-context.ts.
 */
import { type Method, type MethodContext, num, ourBot, type Params, SimError, str, yes } from './method-context.js';
import type { SimBot, SimChat } from './model.js';
import { openlineSessionMethods } from './openline-session-methods.js';

/** imbot.chat.*: an unknown chat is "Action unavailable" [DOC chat-bots/outdated/chats/imbot-chat-user-add.md, imbot-chat-leave.md]. */
function chatOf(ctx: MethodContext, params: Params, key = 'CHAT_ID'): SimChat {
  const chatId = num(params[key]);
  if (!chatId) throw new SimError(400, 'CHAT_ID_EMPTY', "Chat ID can't be empty");
  const chat = ctx.portal.chats.get(chatId);
  if (!chat) throw new SimError(400, 'ACCESS_ERROR', 'Action unavailable');
  return chat;
}

function handlerUrl(value: unknown, code: string): string {
  const url = str(value);
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new SimError(400, code, 'Handler URL is not valid');
  return url;
}

const COLORS = [
  'RED',
  'GREEN',
  'MINT',
  'LIGHT_BLUE',
  'DARK_BLUE',
  'PURPLE',
  'AQUA',
  'PINK',
  'LIME',
  'BROWN',
  'AZURE',
  'KHAKI',
  'SAND',
  'MARENGO',
  'GRAY',
  'GRAPHITE',
];

/** The simulated portal's administrators: user 1 (who installed the app); operators (12…) are not. */
export const ADMINS: ReadonlySet<number> = new Set([1]);

export const methods: Record<string, Method> = {
  /** Whether the token's user is an administrator [DOC api-reference/user/user-admin.md]: true or false. */
  'user.admin': (_params, ctx) => ctx.caller.kind === 'user' && ADMINS.has(ctx.caller.userId),
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
    if (!code) throw new SimError(400, 'CODE_ERROR', "Bot code isn't specified");
    const properties = (params.PROPERTIES ?? {}) as Params;
    if (!str(properties.NAME) && !str(properties.LAST_NAME)) throw new SimError(400, 'NAME_ERROR', "Bot name isn't specified");
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
    if (!fields || Object.keys(fields).length === 0) throw new SimError(400, 'WRONG_REQUEST', "Update fields can't be empty");
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
    Object.fromEntries(
      [...ctx.portal.bots.values()].map((bot) => [bot.id, { ID: bot.id, NAME: bot.name, CODE: bot.code, OPENLINE: bot.openline ? 'Y' : 'N' }]),
    ),

  'imbot.message.add': (params, ctx) => {
    const bot = ourBot(ctx, params.BOT_ID);
    const dialogId = str(params.DIALOG_ID);
    if (!dialogId) throw new SimError(400, 'DIALOG_ID_EMPTY', "Dialog ID can't be empty");
    const message = str(params.MESSAGE).trim();
    if (!message) throw new SimError(400, 'MESSAGE_EMPTY', "Message can't be empty");
    // An unknown chat, or one the bot is no longer a member of (it left, or the line made it
    // leave at a hand-over): the documented refusal is WRONG_REQUEST "Message isn't added"
    // [DOC chat-bots/outdated/messages/imbot-message-add.md]. A member bot may still post
    // after an operator took the chat: the platform does not stop it (contract §9.1).
    const chat = ctx.portal.chats.get(num(dialogId.replace(/^chat/, '')));
    if (!chat?.members.has(bot.id)) throw new SimError(400, 'WRONG_REQUEST', "Message isn't added");
    const id = ctx.nextId();
    chat.messages.push({
      id,
      chatId: chat.chatId,
      author: 'bot',
      authorId: bot.id,
      text: message.slice(0, 20_000),
      operatorOnly: yes(params.SKIP_CONNECTOR) || yes(params.SYSTEM),
      sessionId: chat.sessionId,
      at: ctx.now,
    });
    ctx.changed(chat);
    return id;
  },

  // Errors as documented [DOC chat-bots/outdated/chats/imbot-chat-user-add.md]: a bot that is
  // not in the chat cannot add anyone to it (ACCESS_ERROR), nor add a member twice (WRONG_REQUEST).
  'imbot.chat.user.add': (params, ctx) => {
    const caller = ourBot(ctx, params.BOT_ID);
    const chat = chatOf(ctx, params);
    if (!chat.members.has(caller.id)) throw new SimError(400, 'ACCESS_ERROR', 'It is forbidden to add users to this chat');
    const users = params.USERS;
    const ids = (Array.isArray(users) ? users : users && typeof users === 'object' ? Object.values(users) : []).map(num);
    if (ids.length === 0 || ids.some((id) => !id)) throw new SimError(400, 'WRONG_REQUEST', 'User IDs must be passed in array format');
    for (const id of ids) {
      if (chat.members.has(id)) throw new SimError(400, 'WRONG_REQUEST', "You don't have access or user already member in chat");
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
    if (!chat.members.delete(bot.id)) throw new SimError(400, 'WRONG_REQUEST', "You don't have access or user isn't a member in chat");
    ctx.changed(chat);
    return true;
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

  ...openlineSessionMethods,
};
