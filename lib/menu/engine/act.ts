/**
 * Acting on what the customer meant (an Intent from interpret.ts): run the item, move,
 * hand over, ask which, or say it was not understood. Returns the decision, or what the
 * engine needs looked up first.
 */
import { askWhich } from '../clarify.js';
import { MISSED_LIMIT, pushBounded } from '../state.js';
import type { Draft } from './draft.js';
import { handOver, type HandOverReason } from './hand-over.js';
import type { Intent } from './interpret.js';
import { navigate, showMenu, step, walkTo } from './navigation.js';
import { answered, refused } from './questions.js';
import { run } from './run.js';
import type { Decision, Need } from './turn.js';

/** `firstContact`: no menu was shown yet (no state): what means nothing just shows it. */
export function act(draft: Draft, intent: Intent, firstContact: boolean): Decision {
  return perform(draft, intent, firstContact) ?? draft.finish();
}

function perform(draft: Draft, intent: Intent, firstContact: boolean): Need | undefined {
  const { state } = draft;
  switch (intent.kind) {
    case 'item':
      state.misses = 0;
      step(draft, state.menu, intent.item.id);
      return run(draft, intent.item.action, { menuId: state.menu, itemId: intent.item.id, itemShow: intent.item.show });
    case 'item-elsewhere':
      walkTo(draft, intent.ref);
      state.misses = 0;
      step(draft, intent.ref.menu, intent.ref.id);
      return run(draft, intent.item.action, { menuId: intent.ref.menu, itemId: intent.ref.id, itemShow: intent.item.show });
    case 'navigate':
      navigate(draft, intent.where);
      return undefined;
    case 'operator':
      // A bare 0 leaves the count of misses as it was (the platform takes the dialog anyway).
      if (intent.via !== 'zero') state.misses = 0;
      return handOver(draft, operatorReason(state.menu, intent));
    case 'greeting':
      showMenu(draft);
      return undefined;
    case 'clarify': {
      const question = askWhich(draft.menu, intent.options, draft.message('clarify'), draft.language);
      state.clarify = question.options;
      draft.say(question.text);
      return undefined;
    }
    case 'answer':
      return answered(draft, intent.ask, intent.at, intent.value);
    case 'refused-answer':
      return refused(draft, intent.ask, intent.at, intent.text);
    case 'not-understood':
      return notUnderstood(draft, intent.text, firstContact);
  }
}

function operatorReason(menuId: string, intent: Extract<Intent, { kind: 'operator' }>): HandOverReason {
  switch (intent.via) {
    case 'zero':
      return { kind: 'zero', menuId, item: intent.item };
    case 'item-zero':
      return { kind: 'item-zero', menuId, item: intent.item };
    case 'word':
      return { kind: 'operator', menuId };
  }
}

function notUnderstood(draft: Draft, text: string, firstContact: boolean): Need | undefined {
  if (firstContact) {
    // They have not seen a menu yet: show it, without "I did not understand".
    showMenu(draft);
    return undefined;
  }
  const { state } = draft;
  state.misses += 1;
  if (text) state.missed = pushBounded(state.missed, text.slice(0, 100), MISSED_LIMIT);
  const max = draft.menu.settings.maxRetries;
  if (max > 0 && state.misses >= max) {
    state.misses = 0;
    return handOver(draft, { kind: 'retries', menuId: state.menu });
  }
  draft.say(draft.message('unknown'));
  showMenu(draft);
  return undefined;
}
