/**
 * The Open Line itself, as the platform runs it without asking the bot: the line's bot
 * timeout, the hand-over to the queue (timeout, the customer's `0`, the bot's own
 * imopenlines.bot.session.operator) and an operator taking the chat. Plain functions on
 * the model; line-sessions.ts and rest-calls.ts call them and tell the listeners.
 *
 * Sources (contract §4.12, §9.1):
 * - WELCOME_BOT_TIME: seconds until the line moves the dialog from the bot to the queue;
 *   0 = never (the bot keeps it until it calls operator/transfer/finish)
 *   [DOC api-reference/imopenlines/openlines/imopenlines-config-add.md; SRC imopenlines config.php, session.php].
 * - WELCOME_BOT_LEFT: `queue` = the bot is disconnected when the dialog goes to the
 *   operators' queue, `close` = the bot is disconnected when the dialog is closed
 *   [DOC same page]. The platform's automatic transfer passes LEAVE='N' only for `close`
 *   (and LEAVE='Y' otherwise) [SRC imopenlines session.php transferToNextInQueue], and an
 *   operator's answer removes every other member except the customer and, for `close`,
 *   the bots [SRC imopenlines chat.php answer]. So: with `queue` the bot leaves at the
 *   hand-over; with `close` it stays a member — and keeps receiving every message of the
 *   chat, the operator's included (contract §1.5) — until the session is finished.
 */
import type { SimBot, SimChat, SimPortal } from './model.js';

export interface BotTimeout {
  /** Seconds the bot holds a new session; 0 = never times out. */
  readonly seconds: number;
  readonly left: 'queue' | 'close';
}

/** The platform's default for WELCOME_BOT_TIME when a line is created [SRC config.php]. */
export const DEFAULT_BOT_TIME = 600;

/**
 * The simulated lines a portal gets unless the test gives its own. WELCOME_BOT_LEFT is
 * `close` on purpose: it is the setting under which the bot stays in the chat after a
 * hand-over and hears the operator — the case the bot has to survive (contract §9.1).
 */
export const DEFAULT_LINES: Record<number, Record<string, unknown>> = {
  1: {
    ID: '1',
    LINE_NAME: 'Support',
    ACTIVE: 'Y',
    WORKTIME_ENABLE: 'N',
    WELCOME_BOT_ENABLE: 'Y',
    WELCOME_BOT_JOIN: 'always',
    WELCOME_BOT_TIME: String(DEFAULT_BOT_TIME),
    WELCOME_BOT_LEFT: 'close',
  },
  2: {
    ID: '2',
    LINE_NAME: 'Sales',
    ACTIVE: 'Y',
    WORKTIME_ENABLE: 'N',
    WELCOME_BOT_ENABLE: 'Y',
    WELCOME_BOT_JOIN: 'always',
    WELCOME_BOT_TIME: String(DEFAULT_BOT_TIME),
    WELCOME_BOT_LEFT: 'close',
  },
};

/** The line's bot settings; a line without them behaves as created by the platform (600 s, queue). */
export function botTimeout(portal: SimPortal, lineId: number): BotTimeout {
  const config = portal.lines.get(lineId) ?? {};
  const raw = config.WELCOME_BOT_TIME;
  const seconds = raw === undefined || raw === '' ? DEFAULT_BOT_TIME : Math.max(0, Number(raw) || 0);
  return { seconds, left: String(config.WELCOME_BOT_LEFT ?? 'queue') === 'close' ? 'close' : 'queue' };
}

/** A session starts with the bot: the line's timer for it starts now. */
export function startBotSession(chat: SimChat, now: number): void {
  chat.status = 'bot';
  chat.holder = undefined;
  chat.botSince = now;
}

/** True when the line's bot time of this session has run out and the bot still holds it. */
export function timeoutDue(portal: SimPortal, chat: SimChat, now: number): boolean {
  if (chat.status !== 'bot' || chat.botSince === undefined) return false;
  const { seconds } = botTimeout(portal, chat.lineId);
  return seconds > 0 && now >= chat.botSince + seconds * 1000;
}

const ourBotIds = (portal: SimPortal) => [...portal.bots.values()].filter((bot) => bot.ours).map((bot) => bot.id);

/**
 * The platform ends the bot's part (Chat::endBotSession): the dialog goes to the line's
 * queue. One transition for the line's timeout, the customer's `0` and the bot's own
 * imopenlines.bot.session.operator. Returns false when the bot did not hold the dialog.
 */
export function handToQueue(portal: SimPortal, chat: SimChat): boolean {
  if (chat.status !== 'bot') return false;
  chat.status = 'queue';
  chat.holder = chat.lineId;
  if (botTimeout(portal, chat.lineId).left === 'queue') for (const id of ourBotIds(portal)) chat.members.delete(id);
  return true;
}

/**
 * An operator answers the dialog (from the queue, or intercepting it from the bot): the
 * session is the operator's; other members leave, bots only when the line says `queue`.
 */
export function takeByOperator(portal: SimPortal, chat: SimChat, operatorId: number): void {
  if (chat.status === 'finished') throw new Error('the session is finished: an operator cannot take it');
  chat.status = 'operator';
  chat.holder = operatorId;
  if (botTimeout(portal, chat.lineId).left === 'queue') for (const id of ourBotIds(portal)) chat.members.delete(id);
  chat.members.add(operatorId);
}

/** The chat a REST call is about (CHAT_ID, or DIALOG_ID / V2 dialogId `chat<N>`), if the portal has it. */
export function chatOfCall(portal: SimPortal, params: Record<string, unknown>): SimChat | undefined {
  const raw = params.CHAT_ID ?? params.DIALOG_ID ?? params.dialogId; // dialogId: imbot.v2.Chat.*
  const id = Number(String(raw ?? '').replace(/^chat/, ''));
  return Number.isInteger(id) && id > 0 ? portal.chats.get(id) : undefined;
}

/**
 * The line's bot: WELCOME_BOT_ID of the line's config (imopenlines-config-add.md) when it is
 * one of ours on the portal, else our first bot (a portal with one bot never sets it).
 */
export function lineBot(portal: SimPortal, lineId: number): SimBot | undefined {
  const chosen = Number(portal.lines.get(lineId)?.WELCOME_BOT_ID ?? 0);
  const bot = chosen ? portal.bots.get(chosen) : undefined;
  return bot?.ours ? bot : [...portal.bots.values()].find((candidate) => candidate.ours);
}
