/**
 * The shape of a corpus message: what a customer typed in which menu, and what a sensible
 * support agent takes it to mean.
 *
 * - a number: the item of that number in the menu on screen;
 * - 'menu:id': an item of another menu ("where is my parcel" at the start menu);
 * - 'doubt': two items fit (or the message names two): the bot should ask which;
 * - 'zero', 'menu', 'back', 'operator', 'greeting': the platform's 0 key and the words;
 * - 'none': nothing fits; a guess would be worse than the menu again.
 */
export type Language = 'en' | 'ru' | 'de';
export type CorpusExpectation = number | `${string}:${number}` | 'doubt' | 'zero' | 'menu' | 'back' | 'operator' | 'greeting' | 'none';
/** How the customer said it; paraphrases are marked 'p' in the rows. */
export type Category = 'number' | 'title' | 'paraphrase' | 'word' | 'two items' | 'off-topic';

export interface CorpusCase {
  readonly lang: Language;
  readonly menu: string;
  readonly text: string;
  readonly expect: CorpusExpectation;
  readonly category: Category;
}

export type Row = readonly [menu: string, text: string, expect: CorpusExpectation, paraphrase?: 'p'];

const NUMBERISH = /\d|[\u2460-\u277F]|\uFE0F\u20E3|^(?:the )?(?:first|second|third|fourth|fifth)(?: one)?$|^(?:первый|второй|третий|четвертый|пятый)$|^die (?:erste|zweite|dritte)$/iu;

function categoryOf([, text, expect, paraphrase]: Row): Category {
  if (paraphrase) return 'paraphrase';
  if (expect === 'none') return 'off-topic';
  if (expect === 'doubt') return 'two items';
  if (expect === 'zero' || NUMBERISH.test(text)) return 'number';
  if (typeof expect === 'number' || expect.includes(':')) return 'title';
  return 'word';
}

export const cases = (lang: Language, rows: readonly Row[]): CorpusCase[] =>
  rows.map((row) => ({ lang, menu: row[0], text: row[1], expect: row[2], category: categoryOf(row) }));
