/**
 * The lexicon's own rules (lib/menu/lexicon.ts): a word names one concept, in its language
 * and, as the index is shared by all languages (lib/menu/concepts.ts), in the others too
 * (German "Kinder" stems to English "kind"); the files merged into it overwrite no concept;
 * no entry is a stop word that could never be read. And what the concepts of places
 * (lib/menu/lexicon-places.ts) do for a menu of titles only.
 */
import { describe, expect, it } from 'vitest';
import { readInput } from '../../lib/menu/engine.js';
import { CORE, LEXICON } from '../../lib/menu/lexicon.js';
import { PLACES } from '../../lib/menu/lexicon-places.js';
import { stem, words } from '../../lib/menu/stem.js';
import { isStopIn } from '../../lib/menu/stopwords.js';
import type { CompiledMenu } from '../../lib/menu/types.js';
import { compileMenuText } from '../helpers/menu.js';

/** Spellings known to be in two concepts on purpose, as "lang:spelling" (none so far). */
const ALLOWED: ReadonlySet<string> = new Set<string>();

/** Every single-word entry as its spellings (the word, its stem) → the concepts naming it, keyed by `key`. */
function spellings(key: (lang: string, spelling: string) => string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [concept, languages] of Object.entries(LEXICON))
    for (const [lang, list] of Object.entries(languages)) {
      for (const entry of list.split(',')) {
        const [word, ...more] = words(entry);
        if (!word || more.length > 0) continue;
        for (const spelling of new Set([word, stem(word, lang)])) out.set(key(lang, spelling), new Set([...(out.get(key(lang, spelling)) ?? []), concept]));
      }
    }
  return out;
}

const inTwo = (index: Map<string, Set<string>>): string[] =>
  [...index].filter(([key, concepts]) => concepts.size > 1 && !ALLOWED.has(key)).map(([key, concepts]) => `${key} → ${[...concepts].join(', ')}`);

describe('the lexicon', () => {
  it('has a word (or its stem) in one concept only, per language', () => {
    expect(inTwo(spellings((lang, spelling) => `${lang}:${spelling}`))).toEqual([]);
  });

  it('has a spelling in one concept only across languages (the index is shared)', () => {
    expect(inTwo(spellings((_, spelling) => spelling))).toEqual([]);
  });

  it('keeps every concept of the files merged into it: none overwrites another', () => {
    expect(Object.keys(PLACES).filter((concept) => concept in CORE)).toEqual([]);
    for (const part of [CORE, PLACES]) expect(Object.keys(part).filter((concept) => LEXICON[concept] !== part[concept])).toEqual([]);
  });

  it('has no single-word entry that is a stop word of its language', () => {
    const stops = Object.entries(LEXICON).flatMap(([concept, languages]) =>
      Object.entries(languages).flatMap(([lang, list]) =>
        list
          .split(',')
          .map((entry) => words(entry))
          .filter((entry) => entry.length === 1 && isStopIn(entry[0]!, lang))
          .map((entry) => `${concept}/${lang}: ${entry[0]}`),
      ),
    );
    expect(stops).toEqual([]);
  });

  it('names each concept of places in English, Russian and German', () => {
    for (const [concept, languages] of Object.entries(PLACES))
      for (const lang of ['en', 'ru', 'de'] as const) expect(languages[lang]?.split(',').length ?? 0, `${concept}/${lang}`).toBeGreaterThanOrEqual(5);
  });
});

const compile = (source: string): CompiledMenu => compileMenuText(source, 'places.yaml');

// Titles only, no examples: whatever is understood beyond the titles comes from the lexicon.
const guesthouse = compile(`
bot: { code: g, name: Guesthouse }
start: main
menus:
  main:
    text: Welcome
    items:
      - { id: 1, title: { en: Heating, ru: Отопление, de: Heizung }, action: { type: text, text: "t" } }
      - { id: 2, title: { en: Wi-Fi, ru: Wi-Fi, de: WLAN }, action: { type: text, text: "t" } }
      - { id: 3, title: { en: Towels, ru: Полотенца, de: Handtücher }, action: { type: text, text: "t" } }
      - { id: 4, title: { en: Lost and found, ru: Бюро находок, de: Fundsachen }, action: { type: text, text: "t" } }
      - { id: 5, title: { en: Pets, ru: Животные, de: Haustiere }, action: { type: text, text: "t" } }
      - { id: 6, title: { en: Breakfast, ru: Завтрак, de: Frühstück }, action: { type: text, text: "t" } }
      - { id: 7, title: { en: Check-in, ru: Заселение, de: Anreise }, action: { type: text, text: "t" } }
      - { id: 8, title: { en: Transfer, ru: Трансфер, de: Transfer }, action: { type: text, text: "t" } }
      - { id: 9, title: { en: Cot, ru: Кроватка, de: Kinderbett }, action: { type: text, text: "t" } }
      - { id: 10, title: { en: Luggage, ru: Багаж, de: Gepäck }, action: { type: text, text: "t" } }
      - { id: 11, title: { en: Keys, ru: Ключи, de: Schlüssel }, action: { type: text, text: "t" } }
      - { id: 12, title: { en: Children, ru: Дети, de: Familien mit Kleinkind }, action: { type: text, text: "t" } }
`);

const services = compile(`
bot: { code: s, name: Services }
start: main
menus:
  main:
    text: Welcome
    items:
      - { id: 1, title: { en: Courses, ru: Курсы, de: Kurse }, action: { type: text, text: "t" } }
      - { id: 2, title: { en: Certificate, ru: Сертификат, de: Zertifikat }, action: { type: text, text: "t" } }
      - { id: 3, title: { en: Vaccination, ru: Прививки, de: Impfung }, action: { type: text, text: "t" } }
      - { id: 4, title: { en: Test results, ru: Результаты анализов, de: Befunde }, action: { type: text, text: "t" } }
      - { id: 5, title: { en: Haircut, ru: Стрижка, de: Haarschnitt }, action: { type: text, text: "t" } }
      - { id: 6, title: { en: Manicure, ru: Маникюр, de: Maniküre }, action: { type: text, text: "t" } }
      - { id: 8, title: { en: Takeaway, ru: Самовывоз, de: Abholung }, action: { type: text, text: "t" } }
      - { id: 9, title: { en: Insurance, ru: Страховка, de: Versicherung }, action: { type: text, text: "t" } }
`);

describe('the concepts of places', () => {
  it.each([
    ['radiator', 1],
    ['обогреватель', 1],
    ['Heizkörper', 1],
    ['вайфай', 2],
    ['вай фай не ловит', 2],
    ['WLAN Passwort', 2],
    ['fresh towel', 3],
    ['I forgot', 4],
    ['забыла', 4],
    ['vergessen', 4],
    ['собака', 5],
    ['Hund', 5],
    ['brekkie', 6],
    ['завтракать', 6],
    ['wann checke ich ein', 7], // a separable verb: "einchecken"
    ['заселиться', 7],
    ['taxi', 8],
    ['crib', 9],
    ['раскладушка', 9],
    ['Babybett', 9],
    ['чемодан', 10],
    ['Koffer', 10],
    ['key card', 11],
    ['kids', 12],
    ['ребенок', 12],
  ])('%s → guesthouse item %s', (text, id) => {
    expect(readInput(guesthouse, 'main', text)).toMatchObject({ kind: 'choice', id });
  });

  it.each([
    ['workshop', 1],
    ['семинар', 1],
    ['Lehrgang', 1],
    ['diploma', 2],
    ['Zeugnis', 2],
    ['flu shot', 3],
    ['вакцина', 3],
    ['анализы', 4],
    ['lab results', 4],
    ['barber', 5],
    ['подстричься', 5],
    ['Nägel', 6],
    ['на вынос', 8],
    ['zum Mitnehmen', 8],
    ['полис', 9],
    ['Krankenkasse', 9],
  ])('%s → item %s', (text, id) => {
    expect(readInput(services, 'main', text)).toMatchObject({ kind: 'choice', id });
  });

  it('reads no false friend as a concept', () => {
    // English "kind" is not German "Kind"; Russian "завтра" (tomorrow) is not "завтрак".
    expect(readInput(guesthouse, 'main', 'what kind of room').kind).toBe('none');
    expect(readInput(guesthouse, 'main', 'kind regards').kind).toBe('none');
    expect(readInput(guesthouse, 'main', 'завтра').kind).toBe('none');
  });
});
