/**
 * Runs one action of the menu file: an item's, the next of a question, or the one the
 * settings name when retries run out. Hand-overs (queue, user, line, bot) go to the one
 * place that hands a dialog over (hand-over.ts).
 */
import type { Action, Visibility } from '../types.js';
import type { Draft } from './draft.js';
import { handOver } from './hand-over.js';
import { goBack, open, showMenu } from './navigation.js';
import type { Need } from './turn.js';

/** Where an action comes from: for questions (their place) and hand-overs (out-of-hours texts). */
export interface ActionAt {
  readonly menuId: string;
  /** Item id; -1 for actions that come from words or settings rather than an item. */
  readonly itemId: number;
  /** How deep in a chain of questions (ask.next) the action is. */
  readonly depth?: number;
  readonly itemShow?: Visibility | undefined;
}

/** Runs `action`; a Need when it cannot go on without a lookup (the bot list). */
export function run(draft: Draft, action: Action, at: ActionAt): Need | undefined {
  const { state } = draft;
  const showAfter = (hideMenu: boolean) => {
    if (!hideMenu && !draft.platformHandsOver) showMenu(draft);
  };
  switch (action.type) {
    case 'void':
      showAfter(action.hideMenu);
      return undefined;
    case 'text':
      draft.say(draft.text(action.text));
      showAfter(action.hideMenu);
      return undefined;
    case 'menu':
      if (action.text !== undefined) draft.say(draft.text(action.text));
      open(draft, action.menu);
      showMenu(draft);
      return undefined;
    case 'back':
      if (action.text !== undefined) draft.say(draft.text(action.text));
      goBack(draft);
      showMenu(draft);
      return undefined;
    case 'queue':
    case 'user':
    case 'line':
    case 'bot':
      return handOver(draft, { kind: 'item', action, at });
    case 'finish':
      if (action.text !== undefined) draft.say(draft.text(action.text));
      draft.emit({ type: 'finish' });
      state.status = 'finished';
      showAfter(action.hideMenu);
      return undefined;
    case 'function':
      if (action.text !== undefined) draft.say(draft.text(action.text));
      draft.emit({ type: 'function', name: action.name });
      showAfter(action.hideMenu);
      return undefined;
    case 'ask':
      draft.say(draft.text(action.question));
      state.asking = { menu: at.menuId, item: at.itemId, depth: at.depth ?? 0, tries: 0 };
      return undefined;
    case 'language':
      state.language = action.language;
      state.languageSource = 'chosen';
      draft.say(action.text !== undefined ? draft.text(action.text) : draft.message('languageChanged'));
      // Back to where the customer was before the language menu, now in their language.
      if (state.history.length > 0) goBack(draft);
      showMenu(draft);
      return undefined;
  }
}
