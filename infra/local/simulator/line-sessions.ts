/**
 * What happens in the portal's Open Lines chats: a customer opens a chat or writes, a new
 * session starts, an operator takes the chat and writes, the line's bot time runs out. The
 * line's own rules are in lines.ts; this tells the listeners and posts the events to the bot
 * (bot-events.ts).
 */
import type { BotEvents } from './bot-events.js';
import { ourBot } from './bot-events.js';
import * as line from './lines.js';
import type { SimChat, SimMessage, SimPortal } from './model.js';
import type { Platform } from './platform.js';

/** The line's timeout, applied when the platform's clock says it has passed (checked lazily). */
export function catchUp(p: Platform, portal: SimPortal, chat: SimChat): void {
  if (line.timeoutDue(portal, chat, p.clock()) && line.handToQueue(portal, chat)) p.emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
}

export function createLineSessions(p: Platform, events: BotEvents) {
  const { clock, emit, nextId } = p;
  const { join, toBot } = events;

  /** A customer writes to the line: a new chat, the line adds the bot, ONIMBOTJOINCHAT. */
  async function openChat(portal: SimPortal, opts: { name?: string; language?: string; lineId?: number; connector?: string } = {}): Promise<SimChat> {
    const bot = line.lineBot(portal, opts.lineId ?? 1);
    if (!bot) throw new Error('the bot is not installed on this portal');
    const chatId = nextId();
    const name = opts.name ?? 'Ivan Petrov';
    const chat: SimChat = {
      chatId,
      dialogId: `chat${chatId}`,
      lineId: opts.lineId ?? 1,
      connector: opts.connector ?? 'telegrambot',
      customer: { id: nextId(), name, firstName: name.split(' ')[0] ?? name, lastName: name.split(' ').slice(1).join(' ') },
      language: opts.language ?? portal.language,
      sessionId: nextId(),
      status: 'bot',
      members: new Set([bot.id]),
      messages: [],
    };
    line.startBotSession(chat, clock());
    portal.chats.set(chatId, chat);
    await join(portal, chat);
    return chat;
  }

  /** The same chat gets a new Open Lines session (WELCOME_BOT_JOIN=always): the bot joins again. */
  async function newSession(portal: SimPortal, chat: SimChat) {
    const bot = line.lineBot(portal, chat.lineId);
    if (!bot) throw new Error('the bot is not installed on this portal');
    chat.sessionId = nextId();
    line.startBotSession(chat, clock());
    chat.members.add(bot.id);
    return join(portal, chat);
  }

  async function reopen(portal: SimPortal, chat: SimChat) {
    const config = portal.lines.get(chat.lineId) ?? {};
    const botJoins = String(config.WELCOME_BOT_ENABLE ?? 'Y') !== 'N' && String(config.WELCOME_BOT_JOIN ?? 'always') === 'always';
    if (botJoins && ourBot(portal)) {
      await newSession(portal, chat);
      return;
    }
    chat.sessionId = nextId();
    chat.status = 'queue';
    chat.holder = chat.lineId;
    emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
  }

  /** The customer types. Returns the handler's answer; `messageId` forces a duplicate delivery. */
  async function customerSays(portal: SimPortal, chat: SimChat, text: string, opts: { messageId?: number } = {}) {
    catchUp(p, portal, chat);
    // A message into a closed session opens a new one, as the platform does: with the line's
    // bot set to join every session (WELCOME_BOT_JOIN=always) the bot joins it first
    // (ONIMBOTJOINCHAT), otherwise it goes to the operators' queue [DOC imopenlines-config-add.md].
    if (chat.status === 'finished' && opts.messageId === undefined) await reopen(portal, chat);
    const message: SimMessage = {
      id: opts.messageId ?? nextId(),
      chatId: chat.chatId,
      author: 'customer',
      authorId: chat.customer.id,
      text,
      operatorOnly: false,
      sessionId: chat.sessionId,
      at: clock(),
    };
    if (opts.messageId === undefined) chat.messages.push(message);
    emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
    // Every message in a LINES chat goes to the Open Lines bots that are members (contract §1.5).
    const answer = await toBot(portal, chat, message, { id: chat.customer.id, name: chat.customer.name, connector: true });
    // Bitrix's own "0": after dispatching, a bot session ends and the dialog goes to the queue.
    if (text.trim() === '0' && line.handToQueue(portal, chat)) emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
    return { ...answer, messageId: message.id };
  }

  /** An operator (a Bitrix24 user, not a connector) writes in the chat. */
  async function operatorSays(portal: SimPortal, chat: SimChat, text: string, operatorId = 12) {
    catchUp(p, portal, chat);
    const message: SimMessage = {
      id: nextId(),
      chatId: chat.chatId,
      author: 'operator',
      authorId: operatorId,
      text,
      operatorOnly: false,
      sessionId: chat.sessionId,
      at: clock(),
    };
    chat.messages.push(message);
    return toBot(portal, chat, message, { id: operatorId, name: 'Olga Operator', connector: false });
  }

  /** The line's bot time runs out now (whatever WELCOME_BOT_TIME says): the dialog goes to the queue. False if the bot did not hold it. */
  function lineTimeout(portal: SimPortal, chat: SimChat): boolean {
    const moved = line.handToQueue(portal, chat);
    if (moved) emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
    return moved;
  }

  /** An operator takes the chat (from the queue or from the bot) and, given a text, writes it. */
  async function operatorTakes(portal: SimPortal, chat: SimChat, opts: { operatorId?: number; text?: string } = {}) {
    catchUp(p, portal, chat);
    const operatorId = opts.operatorId ?? 12;
    line.takeByOperator(portal, chat, operatorId);
    emit({ type: 'chat', memberId: portal.memberId, chatId: chat.chatId });
    return opts.text?.trim() ? operatorSays(portal, chat, opts.text, operatorId) : undefined;
  }

  return { openChat, newSession, customerSays, operatorSays, operatorTakes, lineTimeout };
}
