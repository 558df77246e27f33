/**
 * Which item number a message points at: ITR's leading number and its decorations
 * ("2.", "#2", "№2", "2️⃣", full-width digits), a number inside a short phrase ("option 2
 * please", "пункт 3") and ordinals or cardinals ("the second one", "zwei") — but not a
 * number that counts or names something else ("I have 2 questions", "room 5 is cold").
 * Pure; used by lib/menu/understand.ts.
 */
import { normalize } from './normalize.js';

/** Longer than this, a message is a sentence, not a pick from the menu. */
export const MAX_PHRASE_WORDS = 8;

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
export function numberIn(raw: string, ids: ReadonlySet<number>): number | 'unclear' | undefined {
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
  // Beside it only words that point at an item: "room 5 is cold", "2 adults" are about something else.
  if (number !== undefined) return ids.has(number) && words.every((word) => word === String(number) || pointsAtItem(word)) ? number : undefined;
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

/** Words that can stand beside an item's number: "option 2 please", "пункт 3", "I choose 4". */
const POINTERS = new Set(
  normalize(
    'option choice item number no point pick choose take select go with one вариант пункт номер выбираю выбрать выберу давайте беру option auswahl punkt nummer nehme wähle nr',
  ).split(' '),
);
const pointsAtItem = (word: string): boolean => STOP.has(word) || POLITE.has(word) || POINTERS.has(word);

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
