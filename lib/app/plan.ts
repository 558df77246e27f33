/**
 * Effects → REST steps. Pure. Consecutive texts become one imbot.message.add (the
 * item's answer and the next menu go out as one message); everything keeps its order.
 * Method names and parameters follow the contract §4.5, §4.9, §4.11.
 */
import type { Effect } from '../menu/effects.js';
import { BLOCK } from '../menu/render.js';
import type { Step } from '../store/dialogs.js';

export interface Target {
  readonly botId: number;
  readonly dialogId: string;
  /** Numeric id from `chatNNN`: what imopenlines.bot.session.* expect. */
  readonly chatId: number;
}

/** Effects after function calls have been turned into texts. */
export type ResolvedEffect = Exclude<Effect, { type: 'function' }>;

export function planSteps(effects: readonly ResolvedEffect[], target: Target): Step[] {
  const steps: Step[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    steps.push({ method: 'imbot.message.add', params: { BOT_ID: target.botId, DIALOG_ID: target.dialogId, MESSAGE: pending.join(BLOCK) } });
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
        // SKIP_CONNECTOR=Y keeps the note away from the customer's channel (contract §4.5, §7).
        steps.push({ method: 'imbot.message.add', params: { BOT_ID: target.botId, DIALOG_ID: target.dialogId, MESSAGE: effect.text, SKIP_CONNECTOR: 'Y' } });
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
        steps.push({ method: 'imbot.chat.user.add', params: { ...chat, USERS: [effect.botId], BOT_ID: target.botId } });
        if (effect.leave) steps.push({ method: 'imbot.chat.leave', params: { ...chat, BOT_ID: target.botId } });
        break;
      case 'finish':
        steps.push({ method: 'imopenlines.bot.session.finish', params: chat });
        break;
    }
  }
  flush();
  return steps;
}
