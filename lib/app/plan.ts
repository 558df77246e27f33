/**
 * Effects → REST steps. Pure. Consecutive texts become one message (the item's answer
 * and the next menu go out as one); a text over the messenger's limit becomes several
 * (lib/app/split-text.ts); everything keeps its order. What differs between the bot
 * APIs — the message, the operator-only note, adding another bot — is the dialect:
 * V1 here (contract §4.5, §4.9), Chatbots 2.0 in lib/app/plan-v2.ts. The Open Lines
 * session calls are the same for both (contract §4.11, §10).
 */
import type { Effect } from '../menu/effects.js';
import { BLOCK } from '../menu/render.js';
import type { Step } from '../store/dialogs.js';
import { splitText } from './split-text.js';

export interface Target {
  readonly botId: number;
  readonly dialogId: string;
  /** Numeric id from `chatNNN`: what imopenlines.bot.session.* expect. */
  readonly chatId: number;
}

/** Effects after function calls have been turned into texts. */
export type ResolvedEffect = Exclude<Effect, { type: 'function' }>;

/** How one bot API says what the plan needs beyond the session calls. */
export interface Dialect {
  message(target: Target, text: string): Step;
  /** An operator-only note (the hand-over card). */
  note(target: Target, text: string): Step;
  /** Adds another bot to the chat and, with `leave`, takes ours out. */
  addBot(target: Target, botId: number, leave: boolean): Step[];
}

export const V1: Dialect = {
  message: (target, text) => ({ method: 'imbot.message.add', params: { BOT_ID: target.botId, DIALOG_ID: target.dialogId, MESSAGE: text } }),
  // SKIP_CONNECTOR=Y keeps the note away from the customer's channel (contract §4.5, §7).
  note: (target, text) => ({ method: 'imbot.message.add', params: { BOT_ID: target.botId, DIALOG_ID: target.dialogId, MESSAGE: text, SKIP_CONNECTOR: 'Y' } }),
  addBot: (target, botId, leave) => [
    { method: 'imbot.chat.user.add', params: { CHAT_ID: target.chatId, USERS: [botId], BOT_ID: target.botId } },
    ...(leave ? [{ method: 'imbot.chat.leave', params: { CHAT_ID: target.chatId, BOT_ID: target.botId } }] : []),
  ],
};

export function planSteps(effects: readonly ResolvedEffect[], target: Target, dialect: Dialect = V1): Step[] {
  const steps: Step[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    for (const part of splitText(pending.join(BLOCK))) steps.push(dialect.message(target, part));
    pending = [];
  };
  for (const effect of effects) {
    if (effect.type === 'send') {
      if (effect.text.trim()) pending.push(effect.text);
      continue;
    }
    flush();
    const chat = { CHAT_ID: target.chatId };
    switch (effect.type) {
      case 'note':
        for (const part of splitText(effect.text)) steps.push(dialect.note(target, part));
        break;
      case 'queue':
        steps.push({ method: 'imopenlines.bot.session.operator', params: chat });
        break;
      case 'transferUser':
        steps.push({ method: 'imopenlines.bot.session.transfer', params: { ...chat, USER_ID: effect.userId, LEAVE: effect.leave ? 'Y' : 'N' } });
        break;
      case 'transferLine':
        // QUEUE_ID is the line's config id (imopenlines.config.list.get), not a user id.
        steps.push({ method: 'imopenlines.bot.session.transfer', params: { ...chat, QUEUE_ID: effect.lineId } });
        break;
      case 'addBot':
        steps.push(...dialect.addBot(target, effect.botId, effect.leave));
        break;
      case 'finish':
        steps.push({ method: 'imopenlines.bot.session.finish', params: chat });
        break;
    }
  }
  flush();
  return steps;
}
