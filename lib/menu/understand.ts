/**
 * What did the customer mean? Customers on Telegram, WhatsApp or the live chat type
 * (keyboards never reach them, contract §7), so beyond ITR's "first word is the
 * number" this reads `1.`, `1)`, `#1`, `№1`, `1️⃣`, full-width digits, a number in a
 * short phrase, an item's title with small typos, and per-language words for
 * menu / back / operator / greetings. Pure.
 */
import { normalize } from './normalize.js';
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
const ORDINALS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, first: 1, second: 2, third: 3, fourth: 4, fifth: 5,
  один: 1, два: 2, три: 3, четыре: 4, пять: 5, первый: 1, второй: 2, третий: 3, четвертый: 4, пятый: 5, первое: 1, второе: 2, третье: 3,
  eins: 1, zwei: 2, drei: 3, vier: 4, funf: 5, erste: 1, zweite: 2, dritte: 3, vierte: 4, funfte: 5, ersten: 1, zweiten: 2, dritten: 3,
};

/** Digits in any script the customer's keyboard might produce, as ASCII. */
function asciiDigits(text: string): string {
  return text
    .replace(/([0-9])\uFE0F?\u20E3/g, ' $1 ') // keycap 1️⃣
    .replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10)) // full-width
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)) // Arabic-Indic
    .replace(/[\u2460-\u2468]/g, (d) => String(d.charCodeAt(0) - 0x2460 + 1)) // ①…⑨
    .replace(/[\u2776-\u277E]/g, (d) => String(d.charCodeAt(0) - 0x2776 + 1)); // ❶…❾
}

/** The item number the message points at, if any. */
function numberIn(raw: string, ids: ReadonlySet<number>): number | undefined {
  const text = asciiDigits(raw).trim();
  // Leading number, ITR style and its decorations: "2", "2.", "2)", "#2", "№2", "No. 2", "2 please".
  const leading = /^(?:#|№|n[o°]\.?\s*)?\s*(\d{1,3})(?=$|[\s.,:;)\]!?\-–—])/i.exec(text);
  if (leading) return Number(leading[1]);
  // A number inside a short phrase: "option 2 please", "пункт 3", "Nummer 2 bitte".
  const words = normalize(text).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > MAX_PHRASE_WORDS) return undefined;
  const numbers = words.filter((word) => /^\d{1,3}$/.test(word)).map(Number);
  const unique = [...new Set(numbers)];
  if (unique.length === 1 && ids.has(unique[0]!)) return unique[0];
  if (unique.length === 0) {
    const ordinals = [...new Set(words.map((word) => ORDINALS[word]).filter((n): n is number => n !== undefined && ids.has(n)))];
    if (ordinals.length === 1 && words.length <= 4) return ordinals[0];
  }
  return undefined;
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

/** How well a normalised message matches a normalised title: 0 (no) … 1 (exact). */
function titleScore(message: string, title: string): number {
  if (!title) return 0;
  if (message === title) return 1;
  const messageWords = content(message);
  const titleWords = content(title);
  if (messageWords.length === 0 || titleWords.length === 0) return 0;
  if (messageWords.length > MAX_PHRASE_WORDS) return 0;
  const hits = titleWords.filter((word) => messageWords.some((candidate) => wordsMatch(candidate, word) || (word.length >= 5 && candidate.startsWith(word.slice(0, Math.max(5, word.length - 2))))));
  if (hits.length === 0) return 0;
  const coverTitle = hits.length / titleWords.length;
  const extra = messageWords.filter((word) => !titleWords.some((candidate) => wordsMatch(candidate, word))).length;
  return 0.5 * coverTitle + 0.4 * (hits.length / (hits.length + extra)) + 0.1;
}

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
  if (number !== undefined) return number === 0 ? { kind: 'zero' } : { kind: 'choice', id: number, by: 'number' };

  const message = normalize(trimmed);
  if (!message) return { kind: 'none' };
  const wordCount = message.split(' ').length;

  // Titles first: an item called "Operator" or "Back" is what the menu author meant.
  let best: { id: number; score: number } | undefined;
  let tie = false;
  for (const choice of choices) {
    const score = Math.max(0, ...choice.titles.map((title) => titleScore(message, title)));
    if (!best || score > best.score + 0.01) {
      best = { id: choice.id, score };
      tie = false;
    } else if (Math.abs(score - best.score) <= 0.01) tie = true;
  }
  if (best && best.score >= 0.55 && !tie) return { kind: 'choice', id: best.id, by: 'title' };

  const { words } = vocabulary;
  const short = wordCount <= 3;
  if (words.operator.some((phrase) => phraseIn(message, phrase, wordCount > MAX_PHRASE_WORDS))) return { kind: 'word', word: 'operator' };
  if (short && words.back.some((phrase) => phraseIn(message, phrase, false))) return { kind: 'word', word: 'back' };
  if (short && words.menu.some((phrase) => phraseIn(message, phrase, false))) return { kind: 'word', word: 'menu' };
  if (wordCount <= 4 && words.greeting.some((phrase) => message === phrase || message.startsWith(`${phrase} `))) return { kind: 'word', word: 'greeting' };
  return { kind: 'none' };
}
