/**
 * What did the customer mean? Customers on Telegram, WhatsApp or the live chat type
 * (keyboards never reach them, contract §7), so beyond ITR's "first word is the
 * number" this reads `1.`, `1)`, `#1`, `№1`, `1️⃣`, full-width digits, a number in a
 * short phrase, an item's title with small typos, and per-language words for
 * menu / back / operator / greetings. Pure.
 */
import type { Choice } from './choose.js';
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

const MAX_PHRASE_WORDS = 8;
/** "first", "второй", "zweite": a position in the menu. */
const ORDINALS = keyed({
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '5th': 5,
  первый: 1,
  второй: 2,
  третий: 3,
  четвертый: 4,
  пятый: 5,
  первое: 1,
  второе: 2,
  третье: 3,
  четвертое: 4,
  пятое: 5,
  первая: 1,
  вторая: 2,
  третья: 3,
  четвертая: 4,
  пятая: 5,
  первую: 1,
  вторую: 2,
  третью: 3,
  четвертую: 4,
  пятую: 5,
  erste: 1,
  zweite: 2,
  dritte: 3,
  vierte: 4,
  fünfte: 5,
  ersten: 1,
  zweiten: 2,
  dritten: 3,
  vierten: 4,
  fünften: 5,
  erster: 1,
  zweiter: 2,
  dritter: 3,
  vierter: 4,
  fünfter: 5,
  erstes: 1,
  zweites: 2,
  drittes: 3,
  viertes: 4,
  fünftes: 5,
});
/** "two", "два", "zwei"; "one" also stands for a thing ("the second one"), so ordinals win. */
const CARDINALS = keyed({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  один: 1,
  два: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  eins: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
});
/** Thanks after a number still leave it a choice: "2 thanks". */
const POLITE = new Set(['thanks', 'thank', 'thx', 'спасибо', 'danke']);

/** Word tables are written as people spell them; messages are compared normalised ("второй" → "второи"). */
function keyed(table: Readonly<Record<string, number>>): ReadonlyMap<string, number> {
  return new Map(Object.entries(table).map(([word, n]) => [normalize(word), n]));
}

/** Digits in any script the customer's keyboard might produce, as ASCII. */
function asciiDigits(text: string): string {
  return text
    .replace(/([0-9])\uFE0F?\u20E3/g, ' $1 ') // keycap 1️⃣
    .replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10)) // full-width
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)) // Arabic-Indic
    .replace(/[\u2460-\u2468]/g, (d) => String(d.charCodeAt(0) - 0x2460 + 1)) // ①…⑨
    .replace(/[\u2776-\u277E]/g, (d) => String(d.charCodeAt(0) - 0x2776 + 1)); // ❶…❾
}

/**
 * The item number the message points at; 'unclear' when it starts with a number that picks
 * nothing ("7" in a menu of five, "2 or 3?"): such a message is about that number (ITR reads
 * the first word as the number), so it is not read as a title or a word either.
 */
function numberIn(raw: string, ids: ReadonlySet<number>): number | 'unclear' | undefined {
  const text = asciiDigits(raw).trim();
  const words = normalize(text).split(' ').filter(Boolean);
  const numbers = [...new Set(words.filter((word) => /^\d{1,3}$/.test(word)).map(Number))];
  // Leading number, ITR style and its decorations: "2", "2.", "2)", "#2", "№2", "No. 2", "2 please".
  const leading = /^(?:#|№|n[o°]\.?\s*)?\s*(\d{1,3})(?=$|[\s.,:;)\]!?\-–—])/i.exec(text);
  if (leading) {
    const n = Number(leading[1]);
    // Only a number on screen (or 0, the platform's own key), and only one: "2 or 3?" is a question.
    return numbers.length <= 1 && (n === 0 || ids.has(n)) ? n : 'unclear';
  }
  // A number inside a short phrase: "option 2 please", "пункт 3", "Nummer 2 bitte".
  if (words.length === 0 || words.length > MAX_PHRASE_WORDS) return undefined;
  if (numbers.length > 1) return undefined;
  const [number] = numbers;
  if (number !== undefined) return ids.has(number) && !counts(words, String(number)) ? number : undefined;
  const ordinals = [...new Set(words.map((word) => ORDINALS.get(word)).filter((n) => n !== undefined))];
  // "два раза", "two times", "zwei Mal": a cardinal followed by what it counts is not a choice.
  const cardinals = [
    ...new Set(
      words
        .filter((word) => !counts(words, word))
        .map((word) => CARDINALS.get(word))
        .filter((n) => n !== undefined),
    ),
  ];
  const named = ordinals.length > 0 ? ordinals : cardinals;
  if (named.length === 1 && ids.has(named[0]!) && words.length <= 4) return named[0];
  return undefined;
}

/** "I have 2 questions", "у меня 2 вопроса": a number followed by what it counts is not a choice. */
function counts(words: readonly string[], number: string): boolean {
  const next = words[words.indexOf(number) + 1];
  return next !== undefined && !STOP.has(next) && !POLITE.has(next);
}

/** Words that carry no choice on their own. */
const STOP = new Set([
  'the',
  'a',
  'an',
  'to',
  'of',
  'my',
  'i',
  'me',
  'please',
  'pls',
  'want',
  'need',
  'about',
  'for',
  'and',
  'is',
  'it',
  'with',
  'in',
  'on',
  'would',
  'like',
  'can',
  'you',
  'your',
  'our',
  'do',
  'have',
  'what',
  'how',
  'info',
  'information',
  'и',
  'в',
  'на',
  'о',
  'об',
  'про',
  'мне',
  'я',
  'хочу',
  'нужно',
  'нужен',
  'нужна',
  'пожалуйста',
  'по',
  'с',
  'у',
  'вас',
  'ваш',
  'ваши',
  'как',
  'что',
  'можно',
  'интересует',
  'вопрос',
  'der',
  'die',
  'das',
  'ein',
  'eine',
  'ich',
  'mochte',
  'bitte',
  'zu',
  'zum',
  'zur',
  'uber',
  'fur',
  'mit',
  'und',
  'mein',
  'meine',
  'ihre',
  'wie',
  'was',
  'ist',
  'habe',
  'frage',
  'brauche',
  'gerne',
]);
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
export function understand(rawText: string, ids: ReadonlySet<number>, vocabulary: Vocabulary, match: (message: string) => Choice, current: string): Understood {
  const trimmed = rawText.trim();
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

  const { words } = vocabulary;
  const short = wordCount <= 3;
  if (words.operator.some((phrase) => phraseIn(message, phrase, wordCount > MAX_PHRASE_WORDS))) return { kind: 'word', word: 'operator' };
  if (short && words.back.some((phrase) => phraseIn(message, phrase, false))) return { kind: 'word', word: 'back' };
  if (short && words.menu.some((phrase) => phraseIn(message, phrase, false))) return { kind: 'word', word: 'menu' };
  if (wordCount <= 4 && words.greeting.some((phrase) => message === phrase || message.startsWith(`${phrase} `))) return { kind: 'word', word: 'greeting' };
  if (choice.kind === 'doubt') return choice;
  return { kind: 'none' };
}
