/**
 * `words:` — what customers type for menu, back, operator and greetings, per language,
 * added to the built-in lists (lib/menu/defaults.ts). A plain list is in the file's
 * language. Words are kept normalised, as messages are compared.
 */
import { DEFAULT_WORDS } from '../../defaults.js';
import { normalize } from '../../normalize.js';
import type { WordKind } from '../../types.js';
import { isObj, LANG, type Reader } from '../reader.js';

export const WORD_KINDS: WordKind[] = ['menu', 'back', 'operator', 'greeting'];

export function readWords(r: Reader, value: unknown, language: string): Record<WordKind, Record<string, string[]>> {
  const words: Record<WordKind, Record<string, string[]>> = { menu: {}, back: {}, operator: {}, greeting: {} };
  for (const kind of WORD_KINDS) for (const [lang, list] of Object.entries(DEFAULT_WORDS[kind])) words[kind][lang] = list.map(normalize);
  if (value === undefined || value === null) return words;
  if (!isObj(value)) {
    r.fail(['words'], 'words must be a mapping such as { operator: { en: [human] } }');
    return words;
  }
  for (const [kind, perLang] of Object.entries(value)) {
    if (!(WORD_KINDS as string[]).includes(kind)) {
      r.failKey(['words', kind], `words.${kind} is not known (known: ${WORD_KINDS.join(', ')})`);
      continue;
    }
    const lists = Array.isArray(perLang) ? { [language]: perLang } : perLang;
    if (!isObj(lists)) {
      r.fail(['words', kind], `words.${kind} must map a language to a list of words`);
      continue;
    }
    for (const [lang, list] of Object.entries(lists)) {
      if (!LANG.test(lang) || !Array.isArray(list) || list.some((word) => typeof word !== 'string')) {
        r.fail(['words', kind, lang], `words.${kind}.${lang} must be a list of words for a two-letter language`);
        continue;
      }
      const target = (words[kind as WordKind][lang] ??= []);
      for (const word of list as string[]) if (!target.includes(normalize(word))) target.push(normalize(word));
    }
  }
  return words;
}
