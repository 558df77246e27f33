/**
 * Handing the dialog over to a person (or another bot): the one place that does it, for
 * every reason there is. Whatever the reason, the same things happen in the same order:
 * the path notes why, an operator-only card goes first (lib/menu/handover.ts), the
 * customer is told (never promised an operator out of hours), the session call follows,
 * and the dialog is the bot's no more.
 */
import { handoverCard } from '../handover.js';
import type { Effect } from '../effects.js';
import type { LocalText, MenuItem, TransferAction, Visibility } from '../types.js';
import type { Draft } from './draft.js';
import { showMenu, step } from './navigation.js';
import { run, type ActionAt } from './run.js';
import { NEED_BOTS, type Need } from './turn.js';

export type HandOverReason =
  /** An item's queue, user, line or bot action (or one that follows a question). */
  | { readonly kind: 'item'; readonly action: TransferAction; readonly at: ActionAt }
  /**
   * The customer sent exactly `0`, the platform's operator key (contract §1.5): Bitrix24
   * moves the dialog to the queue by itself after this event; item 0, when shown, adds its
   * text (or, written for something else, runs).
   */
  | { readonly kind: 'zero'; readonly menuId: string; readonly item: MenuItem | undefined }
  /** Item 0 chosen by its title or a decorated `0.`: the platform won't hand over, so we do. */
  | { readonly kind: 'item-zero'; readonly menuId: string; readonly item: MenuItem }
  /** An operator word: "operator", "человек", "Mitarbeiter"… */
  | { readonly kind: 'operator'; readonly menuId: string }
  /** Not understood (or an answer refused) too often: settings.onRetriesExceeded decides. */
  | { readonly kind: 'retries'; readonly menuId: string };

/** How the path (and so the hand-over card) names each reason that is not an item. */
const PATH_STEP = { zero: '0', 'item-zero': '0', operator: 'operator', retries: 'retries' } as const;

/** Hands the dialog over; a Need when the bot list is needed first (a `bot` transfer). */
export function handOver(draft: Draft, reason: HandOverReason): Need | undefined {
  if (reason.kind !== 'item') step(draft, reason.menuId, PATH_STEP[reason.kind]);
  switch (reason.kind) {
    case 'item':
      return transfer(draft, reason.action, reason.at);
    case 'operator':
      return transfer(draft, toQueue(draft.menu.messages.toOperator), { menuId: reason.menuId, itemId: -1 });
    case 'item-zero': {
      const action = reason.item.action;
      const text = (action.type === 'text' || action.type === 'queue') && action.text !== undefined ? action.text : draft.menu.messages.toOperator;
      return transfer(draft, toQueue(text), { menuId: reason.menuId, itemId: 0, itemShow: reason.item.show });
    }
    case 'retries':
      return run(draft, draft.menu.settings.onRetriesExceeded, { menuId: reason.menuId, itemId: -1 });
    case 'zero':
      return platformHandsOver(draft, reason.menuId, reason.item);
  }
}

const toQueue = (text: LocalText): TransferAction => ({ type: 'queue', text, hideMenu: true });

function transfer(draft: Draft, action: TransferAction, at: ActionAt): Need | undefined {
  const { state, ctx } = draft;
  let effect: Effect | undefined;
  switch (action.type) {
    case 'queue':
      // Given back by an operator, the session is still theirs: no session call (it would be
      // refused with WRONG_CHAT); the card and the text tell them the customer wants a person.
      effect = state.resumed ? undefined : { type: 'queue' };
      break;
    case 'user':
      effect = { type: 'transferUser', userId: action.userId, leave: action.leave };
      break;
    case 'line':
      effect = { type: 'transferLine', lineId: action.lineId };
      break;
    case 'bot': {
      if (ctx.bots === undefined) return NEED_BOTS;
      const botId = ctx.bots[action.botCode];
      if (botId === undefined) {
        // ITR: the bot is not on this portal → errorText and the menu again.
        draft.say(action.errorText !== undefined ? draft.text(action.errorText) : draft.message('botUnavailable'));
        showMenu(draft);
        return undefined;
      }
      effect = { type: 'addBot', botId, leave: action.leave };
      break;
    }
  }
  postCard(draft, targetOf(action));
  draft.say(action.type !== 'bot' && operatorsAway(draft, at.itemShow) ? draft.message('noOperatorNow') : draft.text(action.text));
  if (effect) draft.emit(effect);
  state.status = 'transferred';
  state.asking = undefined;
  if (!action.hideMenu && !draft.platformHandsOver) showMenu(draft);
  return undefined;
}

/** After a bare `0`: the card, item 0's words; never the menu again (Bitrix24 moves the dialog). */
function platformHandsOver(draft: Draft, menuId: string, item: MenuItem | undefined): Need | undefined {
  draft.platformHandsOver = true;
  draft.state.status = 'transferred';
  postCard(draft, 'to the queue (customer sent 0)');
  if (!item) return undefined;
  const action = item.action;
  if (action.type === 'text' || action.type === 'queue' || action.type === 'function' || action.type === 'void') {
    draft.say(operatorsAway(draft, item.show) ? draft.message('noOperatorNow') : draft.text('text' in action ? action.text : undefined));
    if (action.type === 'function') draft.emit({ type: 'function', name: action.name });
    return undefined;
  }
  // Item 0 written for something else (menu check warns): it runs, under the card already out.
  return run(draft, action, { menuId, itemId: 0 });
}

/** Out of hours, don't promise an operator, unless the item was written for closed hours. */
const operatorsAway = (draft: Draft, itemShow: Visibility | undefined): boolean => draft.ctx.open === false && itemShow !== 'closed';

function targetOf(action: TransferAction): string {
  switch (action.type) {
    case 'queue':
      return 'to the queue';
    case 'user':
      return `to operator ${action.userId}`;
    case 'line':
      return `to Open Line ${action.lineId}`;
    case 'bot':
      return `to bot ${action.botCode}`;
  }
}

/** The operator-only card, once per decision, when the menu wants one. */
function postCard(draft: Draft, target: string): void {
  if (!draft.menu.settings.handoverCard || draft.cardPosted) return;
  const { menu, state, ctx } = draft;
  draft.emit({ type: 'note', text: handoverCard({ menu, state, customer: ctx.customer, language: draft.language, now: ctx.now, target }) });
  draft.cardPosted = true;
}
