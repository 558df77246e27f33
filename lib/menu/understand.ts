/**
 * What did the customer mean? Customers on Telegram, WhatsApp or the live chat type
 * (keyboards never reach them, contract §7), so beyond ITR's "first word is the
 * number" this reads `1.`, `1)`, `#1`, `№1`, `1️⃣`, full-width digits, a number in a
 * short phrase, an item's title with small typos, and per-language words for
 * menu / back / operator / greetings. Pure.
 */
import { latin, normalize } from './normalize.js';
import type { WordKind } from './types.js';

export interface Choice {
  readonly id: number;
  /** Titles in every language the file has, already normalised. */
  readonly titles: readonly string[];
}

export type Understood =
  | { readonly kind: 'zero' }
  | { readonly kind: 'choice'; readonly id: number; readonly by: 'number' | 'title' }
  | { readonly kind: 'word'; readonly word: WordKind }
  | { readonly kind: 'none' };

export interface Vocabulary {
  /** Per kind, all languages merged or the customer's first: normalised phrases. */
  readonly words: Readonly<Record<WordKind, readonly string[]>>;
}

const MAX_PHRASE_WORDS = 8;
/** A title must fit this well, and better than every other title by this much. */
const TITLE_THRESHOLD = 0.55;
const TITLE_LEAD = 0.1;
/** "first", "второй", "zweite": a position in the menu. */
const ORDINALS = keyed({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5,
  первый: 1, второй: 2, третий: 3, четвертый: 4, пятый: 5, первое: 1, второе: 2, третье: 3, четвертое: 4, пятое: 5,
  первая: 1, вторая: 2, третья: 3, четвертая: 4, пятая: 5, первую: 1, вторую: 2, третью: 3, четвертую: 4, пятую: 5,
  erste: 1, zweite: 2, dritte: 3, vierte: 4, fünfte: 5, ersten: 1, zweiten: 2, dritten: 3, vierten: 4, fünften: 5,
  erster: 1, zweiter: 2, dritter: 3, vierter: 4, fünfter: 5, erstes: 1, zweites: 2, drittes: 3, viertes: 4, fünftes: 5,
});
/** "two", "два", "zwei"; "one" also stands for a thing ("the second one"), so ordinals win. */
const CARDINALS = keyed({
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  один: 1, два: 2, три: 3, четыре: 4, пять: 5, шесть: 6, семь: 7, восемь: 8, девять: 9,
  eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9,
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
  const cardinals = [...new Set(words.map((word) => CARDINALS.get(word)).filter((n) => n !== undefined))];
  const named = ordinals.length > 0 ? ordinals : cardinals;
  if (named.length === 1 && ids.has(named[0]!) && words.length <= 4) return named[0];
  return undefined;
}

/** "I have 2 questions", "у меня 2 вопроса": a number followed by what it counts is not a choice. */
function counts(words: readonly string[], number: string): boolean {
  const next = words[words.indexOf(number) + 1];
  return next !== undefined && !STOP.has(next) && !POLITE.has(next);
}

/** Optimal string alignment distance, capped: enough for "delivry" ≈ "delivery". */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(value);
    }
  }
  return rows[a.length]![b.length]!;
}

const tolerance = (word: string): number => (word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0);
const wordsMatch = (a: string, b: string): boolean => a === b || editDistance(a, b, 2) <= Math.min(tolerance(a), tolerance(b));

/** Words that carry no choice on their own. */
const STOP = new Set([
  'the', 'a', 'an', 'to', 'of', 'my', 'i', 'me', 'please', 'pls', 'want', 'need', 'about', 'for', 'and', 'is', 'it', 'with', 'in', 'on', 'would', 'like', 'can', 'you', 'your', 'our', 'do', 'have', 'what', 'how', 'info', 'information',
  'и', 'в', 'на', 'о', 'об', 'про', 'мне', 'я', 'хочу', 'нужно', 'нужен', 'нужна', 'пожалуйста', 'по', 'с', 'у', 'вас', 'ваш', 'ваши', 'как', 'что', 'можно', 'интересует', 'вопрос',
  'der', 'die', 'das', 'ein', 'eine', 'ich', 'mochte', 'bitte', 'zu', 'zum', 'zur', 'uber', 'fur', 'mit', 'und', 'mein', 'meine', 'ihre', 'wie', 'was', 'ist', 'habe', 'frage', 'brauche', 'gerne',
]);
const content = (text: string): string[] => text.split(' ').filter((word) => word.length > 0 && !STOP.has(word));
/**
 * In a title "or" joins two names of one item ("Return or refund"), so it is not a word
 * to look for; in a message it offers alternatives ("delivery or payment?") and stays.
 */
const JOINERS = new Set(['or', 'или', 'oder']);
const titleContent = (title: string): string[] => content(title).filter((word) => !JOINERS.has(word));

/** A longer form of the title's word: "refunded" for "refund", "доставку" for "доставка". */
const sameStem = (candidate: string, word: string): boolean => word.length >= 5 && candidate.startsWith(word.slice(0, Math.max(5, word.length - 2)));
/** German (and some Russian) glue words together: "Rechnungskopie" holds "Kopie", "предоплата" holds "оплата". */
const compoundOf = (candidate: string, word: string): boolean => word.length >= 5 && candidate.length > word.length && candidate.endsWith(word);

/** How well a normalised message matches a normalised title: 0 (no) … 1 (exact). */
function titleScore(message: string, title: string): number {
  if (!title) return 0;
  if (message === title) return 1;
  const messageWords = content(message);
  const titleWords = titleContent(title);
  if (messageWords.length === 0 || titleWords.length === 0) return 0;
  if (messageWords.length > MAX_PHRASE_WORDS) return 0;
  const hits = titleWords.filter((word) => messageWords.some((candidate) => wordsMatch(candidate, word) || sameStem(candidate, word) || compoundOf(candidate, word)));
  if (hits.length === 0) return 0;
  const coverTitle = hits.length / titleWords.length;
  const extra = messageWords.filter((word) => !titleWords.some((candidate) => wordsMatch(candidate, word))).length;
  return 0.5 * coverTitle + 0.4 * (hits.length / (hits.length + extra)) + 0.1;
}

/** Russian titles also as customers type them on a Latin keyboard ("oplata"). */
const withLatin = (titles: readonly string[]): string[] => [...new Set([...titles, ...titles.map(latin)])];

function phraseIn(message: string, phrase: string, whole: boolean): boolean {
  if (message === phrase) return true;
  if (whole) return false;
  return ` ${message} `.includes(` ${phrase} `);
}

/**
 * Reads one message. `ids` are the numbers the customer can see (visible items and
 * global items); titles are matched only among `choices`.
 */
export function understand(rawText: string, choices: readonly Choice[], ids: ReadonlySet<number>, vocabulary: Vocabulary): Understood {
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

  // Titles first: an item called "Operator" or "Back" is what the menu author meant.
  const scored = choices
    .map((choice) => ({ id: choice.id, score: Math.max(0, ...withLatin(choice.titles).map((title) => titleScore(message, title))) }))
    .sort((a, b) => b.score - a.score);
  const [best, runnerUp] = scored;
  // "delivery" among "Delivery times" and "Change the delivery address" fits both: ask, don't guess.
  if (best && best.score >= TITLE_THRESHOLD && best.score - (runnerUp?.score ?? 0) >= TITLE_LEAD) return { kind: 'choice', id: best.id, by: 'title' };

  const { words } = vocabulary;
  const short = wordCount <= 3;
  if (words.operator.some((phrase) => phraseIn(message, phrase, wordCount > MAX_PHRASE_WORDS))) return { kind: 'word', word: 'operator' };
  if (short && words.back.some((phrase) => phraseIn(message, phrase, false))) return { kind: 'word', word: 'back' };
  if (short && words.menu.some((phrase) => phraseIn(message, phrase, false))) return { kind: 'word', word: 'menu' };
  if (wordCount <= 4 && words.greeting.some((phrase) => message === phrase || message.startsWith(`${phrase} `))) return { kind: 'word', word: 'greeting' };
  return { kind: 'none' };
}
