/**
 * What the customer meant, read in one place before anything is done about it: an item
 * (here or in another menu), back or home, an operator, a greeting, the answer to a
 * question or to "did you mean A or B?", or nothing understood. The matcher itself lives
 * in lib/menu/understand.ts and its neighbours; this turns its reading into an Intent
 * for the menu on screen. Reading settles what the message answers: a clarifying
 * question is used up, an escaped question dropped, and a menu for the other half of the
 * day gives way to the start menu.
 */
import { checkAnswer } from '../answers.js';
import { stripBbCodes } from '../bbcode.js';
import { candidatesFor, itemAt, modelOf } from '../candidates.js';
import { choose } from '../choose.js';
import { clarified } from '../clarify.js';
import { normalize } from '../normalize.js';
import type { ItemRef } from '../reach.js';
import { visibleLines } from '../render.js';
import type { AskLocation } from '../state.js';
import type { CompiledMenu, MenuItem, WordKind } from '../types.js';
import { understand, type Understood } from '../understand.js';
import { isStartMenu, startMenuId, type Draft } from './draft.js';
import { currentLines } from './navigation.js';
import { askAt, type AskAction } from './questions.js';

export type Intent =
  /** An item of the menu on screen, by its number or its title. */
  | { readonly kind: 'item'; readonly item: MenuItem }
  /** An item of a menu further on, named by its title or examples. */
  | { readonly kind: 'item-elsewhere'; readonly ref: ItemRef; readonly item: MenuItem }
  | { readonly kind: 'navigate'; readonly where: 'back' | 'home' }
  /** A bare `0` (the platform's operator key), item 0 chosen otherwise, or an operator word. */
  | { readonly kind: 'operator'; readonly via: 'zero'; readonly item: MenuItem | undefined }
  | { readonly kind: 'operator'; readonly via: 'item-zero'; readonly item: MenuItem }
  | { readonly kind: 'operator'; readonly via: 'word' }
  | { readonly kind: 'greeting' }
  /** Two items fit about equally well: ask which one. */
  | { readonly kind: 'clarify'; readonly options: readonly [ItemRef, ItemRef] }
  /** A valid answer to the pending question (the value found in what they wrote). */
  | { readonly kind: 'answer'; readonly ask: AskAction; readonly at: AskLocation; readonly value: string }
  | { readonly kind: 'refused-answer'; readonly ask: AskAction; readonly at: AskLocation; readonly text: string }
  /** `text` is kept for the hand-over card ("Not understood: …"). */
  | { readonly kind: 'not-understood'; readonly text: string };

export function interpret(draft: Draft, raw: string): Intent {
  const at = draft.state.asking;
  if (at) {
    const ask = askAt(draft.menu, at)!;
    if (!escapes(draft.menu, raw)) {
      const checked = checkAnswer(ask.validate, raw);
      return checked.ok ? { kind: 'answer', ask, at, value: checked.value } : { kind: 'refused-answer', ask, at, text: raw };
    }
    draft.state.asking = undefined;
  }
  return readAtMenu(draft, raw);
}

/**
 * The customer can always leave a question with "0" or a whole-message word (operator,
 * menu, back); "Back street 12" is an address, not a way out.
 */
function escapes(menu: CompiledMenu, raw: string): boolean {
  const said = normalize(raw);
  const words = vocabulary(menu).words;
  return raw.trim() === '0' || (['operator', 'menu', 'back'] as const).some((kind) => words[kind].includes(said));
}

function readAtMenu(draft: Draft, raw: string): Intent {
  const { def, lines } = currentLines(draft);
  const ids = new Set(lines.map((line) => line.id));
  const match = matcher(draft.menu, def.id, draft.ctx.open, startMenuId(draft.menu, draft.ctx));
  // The answer to "did you mean A or B?": one of the two, else read as usual.
  const doubt = draft.state.clarify;
  draft.state.clarify = undefined;
  const settled = doubt ? clarified(raw, doubt, match) : undefined;
  const understood: Understood = settled
    ? { kind: 'choice', id: settled.id, by: 'title', ...(settled.menu === def.id ? {} : { menu: settled.menu }) }
    : understand(raw, ids, vocabulary(draft.menu), match, def.id);

  switch (understood.kind) {
    case 'zero':
      return { kind: 'operator', via: 'zero', item: lines.find((line) => line.id === 0 && line.item)?.item };
    case 'doubt':
      return { kind: 'clarify', options: understood.options };
    case 'choice': {
      if (understood.menu !== undefined) {
        const ref = { menu: understood.menu, id: understood.id };
        const item = itemAt(draft.menu, ref);
        // No such item: the answer to a clarifying question asked before the file changed.
        return item ? { kind: 'item-elsewhere', ref, item } : { kind: 'not-understood', text: '' };
      }
      const line = lines.find((candidate) => candidate.id === understood.id);
      if (line?.item) return line.id === 0 ? { kind: 'operator', via: 'item-zero', item: line.item } : { kind: 'item', item: line.item };
      if (line?.global) return { kind: 'navigate', where: line.global };
      return { kind: 'not-understood', text: raw };
    }
    case 'word':
      if (understood.word === 'greeting') return { kind: 'greeting' };
      if (understood.word === 'operator') return { kind: 'operator', via: 'word' };
      return { kind: 'navigate', where: understood.word === 'back' ? 'back' : 'home' };
    case 'none':
      return { kind: 'not-understood', text: raw };
  }
}

const vocabularies = new WeakMap<object, { words: Record<WordKind, string[]> }>();

/** Every language's words together: a Russian customer may well type "operator". */
function vocabulary(menu: CompiledMenu): { words: Record<WordKind, string[]> } {
  let found = vocabularies.get(menu.words);
  if (!found) {
    const merge = (kind: WordKind) => Object.values(menu.words[kind]).flat();
    found = { words: { menu: merge('menu'), back: merge('back'), operator: merge('operator'), greeting: merge('greeting') } };
    vocabularies.set(menu.words, found);
  }
  return found;
}

/** Reads a message against every item the customer may mean from menu `menuId` now. */
function matcher(menu: CompiledMenu, menuId: string, open: boolean | undefined, startId: string) {
  const candidates = candidatesFor(menu, menuId, startId, open, isStartMenu(menu, menuId));
  return (text: string) => choose(modelOf(menu), text, candidates);
}

/**
 * How the engine reads `text` in menu `menuId` (visible items, global items, words), without
 * deciding anything. For tests, the corpus and the menu tooling.
 */
export function readInput(menu: CompiledMenu, menuId: string, text: string, open?: boolean): Understood {
  const def = menu.menus[menuId];
  if (!def) throw new Error(`no menu ${menuId}`);
  const lines = visibleLines(menu, def, open, isStartMenu(menu, menuId));
  return understand(
    stripBbCodes(text),
    new Set(lines.map((line) => line.id)),
    vocabulary(menu),
    matcher(menu, menuId, open, startMenuId(menu, { open })),
    menuId,
  );
}
