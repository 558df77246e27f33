/**
 * The concept lexicon (lib/menu/lexicon.ts) applied to a menu's model: a message word
 * that shares no spelling with an item can still reach it through a concept both belong
 * to ("cost" → the item titled "Prices"; "Paket" → "Where is my parcel?"). A concept
 * match counts `TUNING.concept` of an exact one, below a typo, so the item's own words
 * always win over a near-synonym. Built lazily, once per process (the lexicon) and once
 * per model (which of its terms belong to which concept); nothing is stored in the model.
 */
import { LEXICON } from './lexicon.js';
import type { MatchModel } from './model.js';
import { isCyrillic, stem, words } from './stem.js';
import { isStopIn } from './stopwords.js';

interface Phrase {
  readonly concept: string;
  /** The language of the lexicon entry: a stop word of it may stand between the phrase's words ("tut echt weh"). */
  readonly lang: string;
  /** Per word of the phrase, the spellings that match it (the word, its stem). */
  readonly parts: readonly ReadonlySet<string>[];
}

interface Index {
  /** A word or its stem (in the entry's language) → the concepts it names. */
  readonly single: ReadonlyMap<string, readonly string[]>;
  /** German stems long enough to be the last part of a compound ("preis" in "mietpreis"). */
  readonly tails: ReadonlyMap<string, readonly string[]>;
  /** Phrases by the spellings of their first word. */
  readonly phrases: ReadonlyMap<string, readonly Phrase[]>;
}

let index: Index | undefined;
function lexicon(): Index {
  if (index) return index;
  const single = new Map<string, string[]>();
  const tails = new Map<string, string[]>();
  const phrases = new Map<string, Phrase[]>();
  const add = (map: Map<string, string[]>, key: string, concept: string) => {
    const list = map.get(key) ?? [];
    if (!list.includes(concept)) map.set(key, [...list, concept]);
  };
  for (const [concept, languages] of Object.entries(LEXICON)) {
    for (const [lang, list] of Object.entries(languages)) {
      for (const entry of list.split(',')) {
        const parts = words(entry).map((word) => new Set([word, stem(word, lang)]));
        if (parts.length === 1) {
          for (const spelling of parts[0]!) add(single, spelling, concept);
          if (lang === 'de') for (const spelling of parts[0]!) if (spelling.length >= 4) add(tails, spelling, concept);
        } else if (parts.length > 1)
          for (const spelling of new Set([...parts[0]!].map(phraseKey))) phrases.set(spelling, [...(phrases.get(spelling) ?? []), { concept, lang, parts }]);
      }
    }
  }
  index = { single, tails, phrases };
  return index;
}

/**
 * The concepts a word names: by any of its spellings; else, for a Russian word, by a
 * stem it starts with (the stemmer leaves "отправлен" for "отправления", the lexicon has
 * "отправ"); else as the last, then the first part of a German compound ("Mietpreise",
 * "Bezahlmöglichkeiten").
 */
export function conceptsOf(spellings: readonly string[]): string[] {
  const { single, tails } = lexicon();
  const out = new Set<string>();
  const look = (map: ReadonlyMap<string, readonly string[]>, key: string) => {
    for (const concept of map.get(key) ?? []) out.add(concept);
    return out.size > 0;
  };
  for (const spelling of spellings) look(single, spelling);
  if (out.size > 0) return [...out];
  for (const spelling of spellings) {
    if (!isCyrillic(spelling)) continue;
    for (let end = spelling.length - 1; end >= Math.max(5, spelling.length - 4); end--) if (look(single, spelling.slice(0, end))) return [...out];
  }
  for (const spelling of spellings) {
    if (spelling.length < 8 || isCyrillic(spelling)) continue;
    for (let cut = 3; cut <= spelling.length - 4; cut++) if (look(tails, spelling.slice(cut))) return [...out];
    for (let cut = spelling.length - 3; cut >= 5; cut--) if (look(tails, spelling.slice(0, cut))) return [...out];
  }
  return [];
}

/** The term a menu phrase holds for a concept it asks by a lexicon phrase ("where is my" → "~track"). */
export const patternTerm = (concept: string): string => `~${concept}`;
export const isPattern = (term: string): boolean => term.startsWith('~');
/**
 * The term a menu phrase that is nothing but a lexicon phrase ("How to find us", "Where
 * are you?") holds instead of its words: the concept itself, named in full by any word or
 * phrase of that concept ("is there parking", "wo sind Sie?").
 */
export const conceptTerm = (concept: string): string => `@${concept}`;
export const isConceptTerm = (term: string): boolean => term.startsWith('@');

const perModel = new WeakMap<MatchModel, ReadonlyMap<string, readonly number[]>>();
/** Concept → the model's terms that name it. */
export function conceptTerms(model: MatchModel): ReadonlyMap<string, readonly number[]> {
  let found = perModel.get(model);
  if (found) return found;
  const byTerm = new Map<number, Set<string>>();
  for (const [key, term] of Object.entries(model.keys)) {
    const concepts = isPattern(key) || isConceptTerm(key) ? [key.slice(1)] : conceptsOf([key]);
    if (concepts.length > 0) byTerm.set(term, new Set([...(byTerm.get(term) ?? []), ...concepts]));
  }
  const out = new Map<string, number[]>();
  for (const [term, concepts] of byTerm) for (const concept of concepts) out.set(concept, [...(out.get(concept) ?? []), term]);
  found = out;
  perModel.set(model, found);
  return found;
}

/** Phrases are found by their first word; a Russian one by its first letters, as its forms differ in the ending. */
const phraseKey = (word: string): string => (isCyrillic(word) && word.length > 4 ? word.slice(0, 4) : word);

/** A word of a phrase, or for Russian one of its forms the stemmer cut differently ("верните" for "вернуть": "верн", "вернут"). */
function sameWord(part: ReadonlySet<string>, spelling: string): boolean {
  if (part.has(spelling)) return true;
  if (spelling.length < 4 || !isCyrillic(spelling)) return false;
  for (const form of part) if (form.length >= 4 && (form.startsWith(spelling) || spelling.startsWith(form))) return true;
  return false;
}

/**
 * Phrases of the lexicon in a message ("how much", "where is my", "график работы"): each
 * as its concept and the positions of its words. `forms` are each word's spellings.
 */
export function phrasesIn(message: readonly string[], forms: readonly (readonly string[])[]): { concept: string; positions: number[] }[] {
  const { phrases } = lexicon();
  const out: { concept: string; positions: number[] }[] = [];
  const done = new Set<Phrase>();
  message.forEach((_, at) => {
    for (const form of forms[at]!) {
      for (const phrase of phrases.get(phraseKey(form)) ?? []) {
        if (done.has(phrase) || at + phrase.parts.length > message.length) continue;
        const positions = placed(phrase, at, message, forms);
        if (!positions) continue;
        done.add(phrase);
        out.push({ concept: phrase.concept, positions });
      }
    }
  });
  return out;
}

/** Where the phrase's words are, from `at` on: in a row, or with one stop word between two of them ("wo ist denn mein"). */
function placed(phrase: Phrase, at: number, message: readonly string[], forms: readonly (readonly string[])[]): number[] | undefined {
  const positions = [at];
  let next = at + 1;
  for (const part of phrase.parts.slice(1)) {
    const fits = (position: number) => forms[position]?.some((spelling) => sameWord(part, spelling)) ?? false;
    if (fits(next)) positions.push(next);
    else if (next + 1 < message.length && isStopIn(message[next]!, phrase.lang) && fits(next + 1)) positions.push(++next);
    else return undefined;
    next++;
  }
  return positions;
}
