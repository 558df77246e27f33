/**
 * The Open Lines methods a bot calls about a session (imopenlines.bot.session.*) and the
 * line's settings (imopenlines.config.get), answered as documented
 * [DOC imopenlines/openlines/chat-bots/*.md]: the line's own transitions are in lines.ts.
 */
import { handToQueue } from './lines.js';
import type { SimChat } from './model.js';
import { type Method, type MethodContext, num, ourBot, type Params, SimError, str, yes } from './method-context.js';

/** imopenlines.bot.session.*: CHAT_ID must be > 0 [DOC imopenlines/openlines/chat-bots/*.md]. */
function sessionChatId(params: Params): number {
  const chatId = num(params.CHAT_ID);
  if (!chatId) throw new SimError(400, 'CHAT_ID_EMPTY', "Chat ID can't be empty");
  return chatId;
}

/** A transfer target the platform refuses: a bot, the customer (a connector user) or nobody we know. */
function unreachableOperator(ctx: MethodContext, chat: SimChat, userId: number): boolean {
  return ctx.portal.bots.has(userId) || userId === chat.customer.id || userId > 1_000_000;
}

export const openlineSessionMethods: Record<string, Method> = {
  // Hands the dialog from the bot to the queue (Chat::endBotSession), the same transition as
  // the line's timeout and the customer's `0` (lines.ts). Refused with WRONG_CHAT "Operator is
  // not a bot" when the dialog is no longer the bot's: queue, operator, another line,
  // finished [DOC imopenlines/openlines/chat-bots/imopenlines-bot-session-operator.md].
  'imopenlines.bot.session.operator': (params, ctx) => {
    const chat = ctx.portal.chats.get(sessionChatId(params));
    if (!chat || !handToQueue(ctx.portal, chat)) throw new SimError(400, 'WRONG_CHAT', 'Operator is not a bot');
    ctx.changed(chat);
    return true;
  },

  // Target first, as documented [DOC imopenlines/openlines/chat-bots/imopenlines-bot-session-transfer.md]:
  // priority USER_ID → QUEUE_ID → TRANSFER_ID (`<userId>` | `queue<configId>`); a given but
  // empty USER_ID / QUEUE_ID is USER_ID_EMPTY / QUEUE_ID_EMPTY, none at all TRANSFER_ID_EMPTY;
  // then BOT_ID_ERROR without a bot of the app. The page documents no WRONG_CHAT for transfer:
  // its one refusal of the transfer itself is OPERATOR_WRONG ("transfer to the specified
  // operator or queue is not available") — a bot, the customer, an unknown user, a line that
  // does not exist, and here also a dialog the bot no longer holds.
  'imopenlines.bot.session.transfer': (params, ctx) => {
    const chatId = sessionChatId(params);
    let userId = 0;
    let queueId = 0;
    const has = (key: string) => params[key] !== undefined;
    const transferId = str(params.TRANSFER_ID);
    if (has('USER_ID') || (!has('QUEUE_ID') && transferId && !transferId.startsWith('queue'))) {
      userId = num(has('USER_ID') ? params.USER_ID : transferId);
      if (!userId) throw new SimError(400, 'USER_ID_EMPTY', "User ID can't be empty");
    } else if (has('QUEUE_ID') || transferId.startsWith('queue')) {
      queueId = num(has('QUEUE_ID') ? params.QUEUE_ID : transferId.slice('queue'.length));
      if (!queueId) throw new SimError(400, 'QUEUE_ID_EMPTY', "QUEUE ID can't be empty");
    } else throw new SimError(400, 'TRANSFER_ID_EMPTY', "Queue ID or User ID can't be empty");
    ourBot(ctx, undefined);
    const chat = ctx.portal.chats.get(chatId);
    const refused = () => new SimError(400, 'OPERATOR_WRONG', 'You can not redirect to this operator');
    if (chat?.status !== 'bot') throw refused();
    if (userId) {
      if (unreachableOperator(ctx, chat, userId)) throw refused();
      chat.status = 'operator';
      chat.holder = userId;
    } else {
      if (!ctx.portal.lines.has(queueId)) throw refused();
      chat.status = 'line';
      chat.holder = queueId;
    }
    if (yes(params.LEAVE)) for (const bot of ctx.portal.bots.values()) if (bot.ours) chat.members.delete(bot.id);
    ctx.changed(chat);
    return true;
  },

  // Finishes the current session whoever holds it, and answers true: the page documents no
  // refusal but CHAT_ID_EMPTY / BOT_ID_ERROR [DOC imopenlines/openlines/chat-bots/imopenlines-bot-session-finish.md]
  // (a bot that finishes an operator's session really closes it — one more reason for the bot
  // to stay out once the dialog has moved on). An unknown or finished one: nothing to do.
  'imopenlines.bot.session.finish': (params, ctx) => {
    const chatId = sessionChatId(params);
    ourBot(ctx, undefined);
    const chat = ctx.portal.chats.get(chatId);
    if (!chat || chat.status === 'finished') return true;
    chat.status = 'finished';
    chat.holder = undefined;
    // A closed session keeps only the customer in the chat (imopenlines Chat::close): the bot
    // is added again when the customer's next message opens a new session (line-sessions.ts).
    for (const bot of ctx.portal.bots.values()) chat.members.delete(bot.id);
    ctx.changed(chat);
    return true;
  },

  'imopenlines.config.get': (params, ctx) => {
    const id = num(params.CONFIG_ID);
    if (!id) throw new SimError(400, 'CONFIG_ID_EMPTY', "Config ID can't be empty");
    if (ctx.caller.kind === 'bot') throw new SimError(403, 'CONFIG_WRONG_USER_PERMISSION', 'Permission denied');
    return ctx.portal.lines.get(id) ?? false;
  },
};
