/**
 * The trade concepts (lib/menu/lexicon-services.ts, lib/menu/lexicon-digital.ts) keep the
 * lexicon's rule: a word is in one concept only. Checked as the index stores a word (itself
 * and its stem in its language) and as a message reads it (its stem in every language of
 * its script, a Latin word also as Russian typed on a Latin keyboard), so a false friend
 * ("dealer" is German "deal", "Kredit" is Russian "кредит") is caught too. And a
 * provider's menu of titles only understands its customers' other words through them.
 */
import { describe, expect, it } from 'vitest';
import { conceptsOf } from '../../lib/menu/concepts.js';
import { readInput } from '../../lib/menu/engine.js';
import { CORE, LEXICON } from '../../lib/menu/lexicon.js';
import { SERVICES } from '../../lib/menu/lexicon-services.js';
import { cyrillic, isCyrillic, stem, words } from '../../lib/menu/stem.js';
import { loadMenuSource } from '../../lib/menu/load-file.js';

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
    ['wlan', 'de', 'wifi'],
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

// Titles only, no examples: whatever is understood beyond the titles comes from the lexicon.
const { menu: provider } = loadMenuSource(
  `
bot: { code: p, name: Provider }
start: main
menus:
  main:
    text: Welcome
    items:
      - { id: 1, title: { en: Internet outage, ru: Авария на линии, de: Störung melden }, action: { type: text, text: "x" } }
      - { id: 2, title: { en: Router and Wi-Fi, ru: Роутер и Wi-Fi, de: Router und WLAN }, action: { type: text, text: "x" } }
      - { id: 4, title: { en: Roaming, ru: Роуминг, de: Roaming }, action: { type: text, text: "x" } }
      - { id: 5, title: { en: Keep your number, ru: Перенос номера, de: Rufnummernmitnahme }, action: { type: text, text: "x" } }
      - { id: 6, title: { en: Moving house, ru: Переезд, de: Umzug }, action: { type: text, text: "x" } }
      - { id: 7, title: { en: Lost or stolen phone, ru: Потеря или кража телефона, de: Handy verloren oder gestohlen }, action: { type: text, text: "x" } }
      - { id: 8, title: { en: Slow internet, ru: Низкая скорость, de: Langsames Internet }, action: { type: text, text: "x" } }
      - { id: 9, title: { en: Mobile data, ru: Мобильный интернет, de: Datenvolumen }, action: { type: text, text: "x" } }
      - { id: 11, title: { en: Prices, ru: Цены, de: Preise }, action: { type: text, text: "x" } }
`,
  'provider.yaml',
);

describe('a provider menu of titles only', () => {
  it.each([
    ['kein Internet', 1],
    ['авария', 1],
    ['modem', 2],
    ['вайфай', 2],
    ['abroad', 4],
    ['за границей', 4],
    ['can I port my number', 5],
    ['хочу сохранить свой номер', 5],
    ['ich ziehe um', 6], // "umziehen", a separable verb
    ['relocation', 6],
    ['украли телефон', 7],
    ['Handy geklaut', 7],
    ['Internet ist lahm', 8],
    ['закончились гигабайты', 9],
    ['gigabytes', 9],
    ['what does the tariff cost', 11],
  ])('%s → item %s', (text, id) => {
    expect(readInput(provider!, 'main', text)).toMatchObject({ kind: 'choice', id });
  });
});
