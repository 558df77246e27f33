/**
 * Words → terms: normalised, stop words dropped, stemmed per language with the Snowball
 * stemmers of @orama/stemmers (English, Russian, German; small ES modules, see
 * docs/decisions.md). A language without a stemmer keeps a word's first letters, which
 * is what a stemmer mostly does anyway.
 */
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as russian } from '@orama/stemmers/russian';
import { normalize } from './normalize.js';

const STEMMERS: Readonly<Record<string, (word: string) => string>> = { en: english, de: german, ru: russian };

/** Without a stemmer: long words cut to 6 letters ("delivery", "delivered" → "delive"). */
const prefix = (word: string): string => (word.length > 6 ? word.slice(0, 6) : word);

export function stem(word: string, lang: string): string {
  if (/\d/.test(word)) return word;
  const stemmed = (STEMMERS[lang] ?? prefix)(word);
  // Snowball's Russian stemmer leaves very short stems ("сто" for "стоит"); keep the word then.
  return stemmed.length >= 3 || stemmed.length === word.length ? stemmed : word;
}

const CYRILLIC = /[\u0400-\u04ff]/;
export const isCyrillic = (word: string): boolean => CYRILLIC.test(word);

/** Normalised words of a text. */
export const words = (text: string): string[] => normalize(text).split(' ').filter(Boolean);

// Informal transliteration back to Cyrillic, longest letter groups first ("shch", "zh", "ya").
const LATIN_TO_CYRILLIC: readonly (readonly [string, string])[] = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['ch', 'ч'],
  ['sh', 'ш'],
  ['yu', 'ю'],
  ['ya', 'я'],
  ['yo', 'е'],
  ['ye', 'е'],
  ['ja', 'я'],
  ['ju', 'ю'],
  ['a', 'а'],
  ['b', 'б'],
  ['v', 'в'],
  ['g', 'г'],
  ['d', 'д'],
  ['e', 'е'],
  ['z', 'з'],
  ['i', 'и'],
  ['j', 'и'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['t', 'т'],
  ['u', 'у'],
  ['f', 'ф'],
  ['h', 'х'],
  ['c', 'ц'],
  ['y', 'ы'],
  ['w', 'в'],
  ['x', 'кс'],
  ['q', 'к'],
];

/**
 * A Russian word typed on a Latin keyboard ("oplata", "vozvrat", "dostavka") in Cyrillic,
 * so the Russian stemmer can read it. Only for words of Latin letters.
 */
export function cyrillic(word: string): string | undefined {
  if (!/^[a-z]+$/.test(word)) return undefined;
  let out = '';
  for (let i = 0; i < word.length; ) {
    const pair = LATIN_TO_CYRILLIC.find(([latin]) => word.startsWith(latin, i))!;
    out += pair[1];
    i += pair[0].length;
  }
  return out;
}
