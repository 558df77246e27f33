/**
 * The matcher's model, built once when a menu file is compiled and shipped inside the
 * compiled menu as plain data: every item of every menu (and the global back/home items)
 * as the phrases that name it — its titles and its examples — each phrase a list of
 * stemmed terms, and per term a weight that says how much it tells items apart (BM25's
 * inverse document frequency over items; question words count half). A phrase that asks
 * the way a lexicon phrase does ("where is my …", "how much …") also holds that phrase's
 * concept as a term ("~track"); a title or example that says nothing but words and phrases
 * of the lexicon ("How to find us", "Prices") is also a phrase of their concepts ("@location"),
 * which any word or phrase of the concept names ("is there parking", "wo sind Sie?").
 */
import { conceptsOf, conceptTerm, patternTerm, phrasesIn } from './concepts.js';
import { stem, words } from './stem.js';
import { isStopIn, weakWords } from './stopwords.js';
import type { LocalText, MenuDef } from './types.js';

export interface ModelItem {
  /** The menu the item is in; '' for the global back/home items. */
  readonly menu: string;
  readonly id: number;
  /** Titles first, then examples; each a list of term indexes. */
  readonly phrases: readonly (readonly number[])[];
  /** How many of `phrases` come from the title. */
  readonly titles: number;
}

export interface MatchModel {
  /** Languages the texts were stemmed in (the menu's languages). */
  readonly languages: readonly string[];
  readonly terms: readonly string[];
  readonly weights: readonly number[];
  /** Every spelling that finds a term: its stem and the plain words it came from. */
  readonly keys: Readonly<Record<string, number>>;
  readonly items: readonly ModelItem[];
}

/** Examples per language of an item, as compiled (lib/menu/examples.ts). */
export type Examples = Readonly<Record<string, readonly string[]>>;

export interface ModelSource {
  readonly language: string;
  readonly menus: Readonly<Record<string, MenuDef>>;
  readonly globals: readonly { readonly id: number; readonly title: LocalText }[];
}

/** Texts of a LocalText with their language; a plain string is in the file's language. */
const perLanguage = (text: LocalText, fallback: string): [string, string][] => (typeof text === 'string' ? [[fallback, text]] : Object.entries(text));

export function buildModel(source: ModelSource): MatchModel {
  const terms: string[] = [];
  const keys: Record<string, number> = {};
  const weak = new Set<number>();
  const languages = new Set<string>([source.language]);

  const termOf = (term: string): number => {
    // Own keys only: a word such as "constructor" is not Object.prototype's.
    let index = Object.hasOwn(keys, term) ? keys[term] : undefined;
    if (index === undefined) {
      index = terms.push(term) - 1;
      keys[term] = index;
    }
    return index;
  };

  const phrase = (lang: string, text: string, part = false): number[] => {
    languages.add(lang);
    const all = words(text);
    // A title of stop words only ("Help", "Hello") is still a title; a part of one ("Getting here" of "Getting here and parking") is not.
    const content = all.filter((word) => !isStopIn(word, lang));
    const kept = content.length > 0 || part ? content : all;
    const out = new Set<number>();
    const asked = phrasesIn(
      all,
      all.map((word) => [word, stem(word, lang)]),
    );
    for (const word of kept) {
      const stemmed = stem(word, lang);
      const index = termOf(stemmed);
      if (!Object.hasOwn(keys, word)) keys[word] = index;
      if (weakWords(lang).has(word)) weak.add(index);
      out.add(index);
    }
    // "where is my parcel": the phrase's way of asking ("where is my") is a term of its own,
    // a bonus when a message asks the same way (lib/menu/match.ts).
    for (const { concept } of asked) out.add(termOf(patternTerm(concept)));
    return [...out];
  };

  // "How to find us": a text that says nothing but lexicon phrases is also their concepts,
  // a phrase of its own that any word or phrase of the concept names ("is there parking").
  const whole = (lang: string, text: string): number[] => {
    const all = words(text);
    const asked = phrasesIn(
      all,
      all.map((word) => [word, stem(word, lang)]),
    );
    const covered = new Set(asked.flatMap(({ positions }) => positions));
    const named = asked.map(({ concept }) => concept);
    for (const [at, word] of all.entries()) {
      if (covered.has(at) || isStopIn(word, lang)) continue;
      const concepts = conceptsOf([word, stem(word, lang)]);
      if (concepts.length === 0) return [];
      named.push(...concepts);
    }
    return [...new Set(named.map((concept) => termOf(conceptTerm(concept))))];
  };

  const items: ModelItem[] = [];
  const add = (menu: string, id: number, title: LocalText, examples: Examples | undefined) => {
    const titles = perLanguage(title, source.language)
      .flatMap(([lang, text]) => [phrase(lang, text), whole(lang, text), ...parts(text).flatMap((part) => [phrase(lang, part, true), whole(lang, part)])])
      .filter((terms) => terms.length > 0);
    const said = Object.entries(examples ?? {})
      .flatMap(([lang, list]) => list.flatMap((text) => [phrase(lang, text), whole(lang, text)]))
      .filter((terms) => terms.length > 0);
    items.push({ menu, id, phrases: [...titles, ...said], titles: titles.length });
  };
  for (const def of Object.values(source.menus)) for (const item of def.items) add(def.id, item.id, item.title, item.examples);
  for (const global of source.globals) add('', global.id, global.title, undefined);

  // BM25's idf over items: a term in one item of thirty weighs ~3, in ten of them ~1.
  const df = new Array<number>(terms.length).fill(0);
  for (const item of items) for (const index of new Set(item.phrases.flat())) df[index]! += 1;
  const n = items.length;
  const weights = df.map((count, index) => round(Math.log(1 + (n - count + 0.5) / (count + 0.5)) * (weak.has(index) ? 0.5 : 1)));
  return { languages: [...languages], terms, weights, keys, items };
}

/**
 * A title names its item by each of its parts too: "Delivery and tracking" is asked for
 * as "delivery" or as "tracking", "Language: English / Deutsch" as "Deutsch".
 */
const JOINERS = /\s*(?:[:/,;&+|()]|\s(?:and|or|und|oder|sowie|и|или|либо)\s)\s*/iu;
function parts(title: string): string[] {
  const pieces = title
    .split(JOINERS)
    .map((piece) => piece.trim())
    .filter(Boolean);
  return pieces.length > 1 ? pieces : [];
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
