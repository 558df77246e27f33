/**
 * Questions (`ask` actions): where a pending one lives in the menu file, and what a valid
 * or a refused answer does. The answer itself is read in interpret.ts.
 */
import { MISSED_LIMIT, pushBounded, type AskLocation } from '../state.js';
import type { Action, CompiledMenu } from '../types.js';
import type { Draft } from './draft.js';
import { handOver } from './hand-over.js';
import { run } from './run.js';
import type { Need } from './turn.js';

export type AskAction = Extract<Action, { type: 'ask' }>;

/** The ask action at a location: item action, then `depth` steps down ask.next. */
export function askAt(menu: CompiledMenu, at: AskLocation): AskAction | undefined {
  const item = menu.menus[at.menu]?.items.find((candidate) => candidate.id === at.item);
  let action: Action | undefined = at.item === -1 ? menu.settings.onRetriesExceeded : item?.action;
  for (let depth = 0; depth < at.depth && action?.type === 'ask'; depth++) action = action.next;
  return action?.type === 'ask' ? action : undefined;
}

/** Keeps the answer as #VAR# and goes on with what follows the question. */
export function answered(draft: Draft, ask: AskAction, at: AskLocation, value: string): Need | undefined {
  const { state } = draft;
  state.vars = { ...state.vars, [ask.var]: value };
  state.asking = undefined;
  state.misses = 0;
  const itemShow = draft.menu.menus[at.menu]?.items.find((item) => item.id === at.item)?.show;
  return run(draft, ask.next, { menuId: at.menu, itemId: at.item, depth: at.depth + 1, ...(itemShow ? { itemShow } : {}) });
}

/** The hint and the question again, until the question's retries run out. */
export function refused(draft: Draft, ask: AskAction, at: AskLocation, text: string): Need | undefined {
  const { state } = draft;
  const tries = at.tries + 1;
  if (text) state.missed = pushBounded(state.missed, text.slice(0, 100), MISSED_LIMIT);
  if (tries > ask.retries) {
    state.asking = undefined;
    return handOver(draft, { kind: 'retries', menuId: at.menu });
  }
  state.asking = { ...at, tries };
  draft.say(ask.hint !== undefined ? draft.text(ask.hint) : draft.message('askInvalid'));
  draft.say(draft.text(ask.question));
  return undefined;
}
