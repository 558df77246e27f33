/**
 * What did the customer mean? Customers on Telegram, WhatsApp or the live chat type
 * (keyboards never reach them, contract §7), so beyond ITR's "first word is the
 * number" this reads `1.`, `1)`, `#1`, `№1`, `1️⃣`, full-width digits, a number in a
 * short phrase, an item's title with small typos, and per-language words for
 * menu / back / operator / greetings. Pure.
 */
import type { Choice } from './choose.js';
import { MAX_PHRASE_WORDS, numberIn } from './item-number.js';
import { normalize } from './normalize.js';
import type { ItemRef } from './reach.js';
import type { WordKind } from './types.js';

export type Understood =
  | { readonly kind: 'zero' }
  /** `menu` is set when the item is in another menu than the current one. */
  | { readonly kind: 'choice'; readonly id: number; readonly by: 'number' | 'title'; readonly menu?: string }
  | { readonly kind: 'word'; readonly word: WordKind }
  /** Two items fit about equally well: ask which one. */
  | { readonly kind: 'doubt'; readonly options: readonly [ItemRef, ItemRef] }
  | { readonly kind: 'none' };

export interface Vocabulary {
  /** Per kind, all languages merged or the customer's first: normalised phrases. */
  readonly words: Readonly<Record<WordKind, readonly string[]>>;
}

function phraseIn(message: string, phrase: string, whole: boolean): boolean {
  if (message === phrase) return true;
  if (whole) return false;
  return ` ${message} `.includes(` ${phrase} `);
}

/**
 * Reads one message. `ids` are the numbers the customer can see (visible items and
 * global items); `match` scores the message against every item the customer may mean
 * (lib/menu/choose.ts), `current` is the menu on screen.
 */
/** How much of a message is read for its meaning. */
const MAX_READ_CHARS = 2_000;

export function understand(rawText: string, ids: ReadonlySet<number>, vocabulary: Vocabulary, match: (message: string) => Choice, current: string): Understood {
  // A request is said in its first lines: a pasted log or letter is read that far, so no message costs more than a few ms.
  const trimmed = rawText.slice(0, MAX_READ_CHARS).trim();
  if (trimmed === '0') return { kind: 'zero' };
  const number = numberIn(trimmed, ids);
  if (number === 'unclear') return { kind: 'none' };
  // Bitrix24 itself hands over only on a message that is exactly "0" (contract §1.5); "0.",
  // "0️⃣" or "option 0" mean the same to the customer, but the bot must act on them itself:
  // item 0 when the menu shows one, otherwise a request for an operator.
  if (number === 0) return ids.has(0) ? { kind: 'choice', id: 0, by: 'number' } : { kind: 'word', word: 'operator' };
  if (number !== undefined) return { kind: 'choice', id: number, by: 'number' };

  const message = normalize(trimmed);
  if (!message) return { kind: 'none' };
  const wordCount = message.split(' ').length;

  // Items first when named by their title: an item called "Operator" or "Back" is what the
  // menu author meant. A bare "back" or "menu" that only an example uses ("send it back")
  // is the navigation word.
  const choice = match(trimmed);
  const bare = (['back', 'menu', 'operator'] as const).some((kind) => vocabulary.words[kind].includes(message));
  if (choice.kind === 'item' && (!bare || choice.title >= 0.5)) {
    const here = choice.item.menu === current || choice.item.menu === '';
    return here ? { kind: 'choice', id: choice.item.id, by: 'title' } : { kind: 'choice', id: choice.item.id, by: 'title', menu: choice.item.menu };
  }

  // "sucht ihr Mitarbeiter?": a job seeker, not a request for a person.
  if (choice.kind === 'none' && choice.outside) return { kind: 'none' };
  const { words } = vocabulary;
  const short = wordCount <= 3;
  if (words.operator.some((phrase) => phraseIn(message, phrase, wordCount > MAX_PHRASE_WORDS))) return { kind: 'word', word: 'operator' };
  if (short && words.back.some((phrase) => phraseIn(message, phrase, false))) return { kind: 'word', word: 'back' };
  if (short && words.menu.some((phrase) => phraseIn(message, phrase, false))) return { kind: 'word', word: 'menu' };
  if (wordCount <= 4 && words.greeting.some((phrase) => message === phrase || message.startsWith(`${phrase} `))) return { kind: 'word', word: 'greeting' };
  if (choice.kind === 'doubt') return choice;
  return { kind: 'none' };
}
