/**
 * The trade concepts (lib/menu/lexicon-services.ts, lib/menu/lexicon-digital.ts) keep the
 * lexicon's rule: a word is in one concept only. Checked as the index stores a word (itself
 * and its stem in its language) and as a message reads it (its stem in every language of
 * its script, a Latin word also as Russian typed on a Latin keyboard), so a false friend
 * ("dealer" is German "deal", "Kredit" is Russian "кредит") is caught too.
 */
import { describe, expect, it } from 'vitest';
import { conceptsOf } from '../../lib/menu/concepts.js';
import { CORE, LEXICON } from '../../lib/menu/lexicon.js';
import { SERVICES } from '../../lib/menu/lexicon-services.js';
import { cyrillic, isCyrillic, stem, words } from '../../lib/menu/stem.js';

interface Entry {
  readonly concept: string;
  readonly lang: string;
  readonly word: string;
}

function singles(lexicon: typeof LEXICON): Entry[] {
  return Object.entries(lexicon).flatMap(([concept, languages]) =>
    Object.entries(languages).flatMap(([lang, list]) =>
      (list ?? '').split(',').flatMap((entry) => {
        const parts = words(entry);
        return parts.length === 1 ? [{ concept, lang, word: parts[0]! }] : [];
      }),
    ),
  );
}

// Spelling → the concepts whose single-word entries the index keys by it.
const index = new Map<string, Set<string>>();
for (const { concept, lang, word } of singles(LEXICON))
  for (const key of [word, stem(word, lang)]) index.set(key, new Set([...(index.get(key) ?? []), concept]));

/** How a message reads the word: itself, its stems in the languages of its script, a Latin word as Russian. */
function readings(word: string): string[] {
  if (isCyrillic(word)) return [word, stem(word, 'ru')];
  const asRussian = cyrillic(word);
  return [word, stem(word, 'en'), stem(word, 'de'), ...(asRussian && asRussian.length >= 4 ? [stem(asRussian, 'ru')] : [])];
}

describe('the trade concepts of the lexicon', () => {
  it('add concepts without replacing a core one', () => {
    expect(Object.keys(SERVICES).filter((name) => name in CORE)).toEqual([]);
    for (const name of Object.keys(SERVICES)) expect(LEXICON[name]).toBe(SERVICES[name]);
  });

  it('put each of their words, as stored and as read, in one concept only', () => {
    const clashes = singles(SERVICES).flatMap(({ concept, lang, word }) =>
      readings(word).flatMap((spelling) =>
        [...(index.get(spelling) ?? [])].filter((other) => other !== concept).map((other) => `${lang} "${word}" (${spelling}) in ${concept} and ${other}`),
      ),
    );
    expect(clashes).toEqual([]);
  });

  it('have words in each language', () => {
    for (const [name, languages] of Object.entries(SERVICES)) expect(Object.keys(languages).sort(), name).toEqual(['de', 'en', 'ru']);
  });

  it.each([
    ['инет', 'ru', 'internet'],
    ['интернет', 'ru', 'internet'],
    ['wlan', 'de', 'router'],
    ['симка', 'ru', 'sim'],
    ['handy', 'de', 'smartphone'],
    ['roaming', 'en', 'abroad'],
    ['rufnummernmitnahme', 'de', 'number_port'],
    ['переезд', 'ru', 'relocation'],
    ['zählerstand', 'de', 'meter'],
    ['kontostand', 'de', 'balance'],
    ['winterreifen', 'de', 'tyres'],
    ['синхронизация', 'ru', 'sync'],
    ['warenkorb', 'de', 'ordering'],
    ['аккумулятор', 'ru', 'battery'],
  ])('"%s" (%s) names %s', (word, lang, concept) => {
    const [normal] = words(word);
    expect(conceptsOf([normal!, stem(normal!, lang)])).toEqual([concept]);
  });

  it('leave the words of core concepts where they were', () => {
    for (const [word, lang, concept] of [
      ['tariff', 'en', 'price'],
      ['card', 'en', 'payment'],
      ['update', 'en', 'change'],
      ['kündigen', 'de', 'cancel'],
    ] as const) {
      const [normal] = words(word);
      expect(conceptsOf([normal!, stem(normal!, lang)])).toEqual([concept]);
    }
  });
});
