/**
 * Scores a message against the items of a compiled model (lib/menu/model.ts). Each word
 * of the message finds terms: exactly (its stem in any of the menu's languages, or a
 * Russian word typed in Latin letters), with a typo, as a German-style compound of known
 * terms ("Rechnungskopie"), or as the first or last part of a compound the menu uses
 * ("Zahn" in "Zahnschmerzen"). An item scores by how much of its best phrase the message
 * covers and how much of the message the item covers (their harmonic mean, weighted by
 * the terms' weights): a message must both name the item and be mostly about it.
 */
import { conceptsOf, conceptTerms, phrasesIn } from './concepts.js';
import { editDistance, tolerance } from './edit-distance.js';
import { separableJoins } from './separable.js';
import type { MatchModel, ModelItem } from './model.js';
import { cyrillic, isCyrillic, stem, words } from './stem.js';
import { stopWords, weakWords } from './stopwords.js';

/**
 * The matcher's constants, measured on the corpus (npm run corpus; docs/decisions.md).
 * `typo`, `compound`, `part`: how much those kinds of match count against an exact one.
 * `unknown`: the weight of a word no item knows, in "how much of the message is about
 * the item". `beta`: how much more that counts than "how much of the phrase the message
 * names" (F-beta). `concept`: a word of the same concept (lib/menu/lexicon.ts).
 */
export const TUNING = { typo: 0.85, compound: 0.8, part: 0.6, concept: 0.7, unknown: 1.2, beta: 1 };

export interface Scored {
  readonly item: ModelItem;
  readonly score: number;
  /** Share of the item's best phrase the message covers. */
  readonly phrase: number;
  /** Share of the item's best title phrase the message covers. */
  readonly title: number;
  /** Which words of the message (by position) the item matched. */
  readonly words: readonly number[];
  /** Concepts the message names that the item does not match ("broken" for "Where is my parcel?"). */
  readonly missed: readonly string[];
}

interface Token {
  readonly weight: number;
  /** term index → how well this word matches it (0…1): itself, with a typo, in a compound. */
  readonly terms: ReadonlyMap<number, number>;
  /** term index → `TUNING.concept` for the terms of the concepts the word names. */
  readonly related: ReadonlyMap<number, number>;
  /** The lexicon's concepts the word names (lib/menu/lexicon.ts). */
  readonly concepts: readonly string[];
}

interface Lookup {
  readonly keys: Map<string, number>;
  /** Keys by first letter: a typo rarely hits the first letter, so only these are compared. */
  readonly byFirst: Map<string, [string, number][]>;
  readonly stops: Set<string>;
  readonly weak: Set<string>;
}

const lookups = new WeakMap<MatchModel, Lookup>();
function lookup(model: MatchModel): Lookup {
  let found = lookups.get(model);
  if (!found) {
    const byFirst = new Map<string, [string, number][]>();
    for (const [key, index] of Object.entries(model.keys)) byFirst.set(key[0]!, [...(byFirst.get(key[0]!) ?? []), [key, index]]);
    found = {
      keys: new Map(Object.entries(model.keys)),
      byFirst,
      stops: new Set(model.languages.flatMap((lang) => [...stopWords(lang)])),
      weak: new Set(model.languages.flatMap((lang) => [...weakWords(lang)])),
    };
    lookups.set(model, found);
  }
  return found;
}

/** Spellings to look up for a word: itself, its stem in each language of its script, its Cyrillic reading. */
function spellings(word: string, model: MatchModel): string[] {
  const cyr = isCyrillic(word);
  const out = new Set([word]);
  for (const lang of model.languages) if ((lang === 'ru' || lang === 'uk') === cyr) out.add(stem(word, lang));
  const asRussian = !cyr && model.languages.includes('ru') ? cyrillic(word) : undefined;
  if (asRussian && asRussian.length >= 4) out.add(stem(asRussian, 'ru'));
  return [...out];
}

function exact(forms: readonly string[], keys: ReadonlyMap<string, number>): Map<number, number> {
  const found = new Map<number, number>();
  for (const form of forms) {
    const index = keys.get(form);
    if (index !== undefined) found.set(index, 1);
  }
  return found;
}

function approximate(word: string, forms: readonly string[], model: MatchModel, { keys, byFirst }: Lookup): Map<number, number> {
  const found = new Map<number, number>();
  const set = (index: number, value: number) => found.set(index, Math.max(found.get(index) ?? 0, value));
  for (const form of forms) {
    for (const [key, index] of byFirst.get(form[0]!) ?? []) {
      const allowed = Math.min(tolerance(form), tolerance(key));
      if (allowed > 0 && Math.abs(key.length - form.length) <= allowed && editDistance(form, key, allowed) <= allowed) set(index, TUNING.typo);
      // "zahn" in "zahnschmerz", "zeit" in "offnungszeit": part of a compound the menu uses.
      if (form.length >= 4 && key.length >= form.length + 3 && key.startsWith(form)) set(index, TUNING.part);
      // "shipment" for "ship", "Zustellung" for "zustell": a longer word made from a term.
      if (form === word && key.length >= 4 && form.length >= key.length + 2 && form.length <= key.length + 4 && form.startsWith(key)) set(index, TUNING.part);
    }
    if (form.length >= 4) for (const [key, index] of keys) if (key.length >= form.length + 3 && key.endsWith(form)) set(index, TUNING.part);
  }
  if (found.size > 0) return found;
  // "rechnungskopie" = "rechnungs" + "kopie": a compound of words the menu uses.
  for (let cut = 4; word.length >= 8 && cut <= word.length - 4; cut++) {
    const head = exact(spellings(word.slice(0, cut).replace(/s$/, ''), model), keys);
    const tail = exact(spellings(word.slice(cut), model), keys);
    if (tail.size > 0) {
      for (const index of [...head.keys(), ...tail.keys()]) set(index, TUNING.compound);
      break;
    }
  }
  return found;
}

function tokens(text: string, model: MatchModel): Token[] {
  const found = lookup(model);
  const { keys, stops, weak } = found;
  const concepts = conceptTerms(model);
  const relatedOf = (names: Iterable<string>): Map<number, number> => {
    const related = new Map<number, number>();
    for (const concept of names) for (const index of concepts.get(concept) ?? []) related.set(index, TUNING.concept);
    return related;
  };
  const all = words(text);
  // "gebe … zurück": the joined verb ("zurückgeben") when the menu or the lexicon knows it.
  const split = model.languages.includes('de') ? separableJoins(all) : undefined;
  const join = split?.joined.find((word) => {
    const forms = spellings(word, model);
    return exact(forms, keys).size > 0 || conceptsOf(forms).length > 0;
  });
  if (split && join) all.splice(split.particle, 1, join);
  // "how much", "where is my", "wo bleibt": a phrase of the lexicon stands for its quiet words.
  // The phrase stands for its words the menu does not use ("график" in "график работы");
  // words it uses stay words ("сколько" when an example says "сколько стоит").
  const forms = all.map((word) => spellings(word, model));
  const said = phrasesIn(all, forms).map((phrase) => ({ ...phrase, positions: phrase.positions.filter((position) => exact(forms[position]!, keys).size === 0) }));
  const phrases = said.filter((phrase) => phrase.positions.length > 0 && concepts.has(phrase.concept));
  const consumed = new Set(phrases.flatMap((phrase) => phrase.positions));
  const out: Token[] = [];
  const named = new Set<string>();
  const seen = new Set<string>();
  all.forEach((word, position) => {
    if (consumed.has(position) || (stops.has(word) && !keys.has(word)) || seen.has(word)) return;
    seen.add(word);
    let terms = exact(forms[position]!, keys);
    if (terms.size === 0 && !/\d/.test(word) && word.length >= 4) terms = approximate(word, forms[position]!, model, found);
    const mine = /\d/.test(word) ? [] : conceptsOf(forms[position]!);
    // A second word for a concept already named ("package … parcel") adds nothing.
    if (terms.size === 0 && mine.length > 0 && mine.every((concept) => named.has(concept))) return;
    for (const concept of mine) named.add(concept);
    const related = relatedOf(mine);
    const matched = [...terms.keys(), ...related.keys()];
    const base = matched.length > 0 ? Math.max(...matched.map((index) => model.weights[index]!)) : /\d/.test(word) ? 0.3 : TUNING.unknown;
    out.push({ weight: weak.has(word) ? base * 0.5 : base, terms, related, concepts: mine });
  });
  for (const phrase of phrases) {
    if (named.has(phrase.concept)) continue;
    named.add(phrase.concept);
    const related = relatedOf([phrase.concept]);
    out.push({ weight: Math.max(...[...related.keys()].map((index) => model.weights[index]!)), terms: new Map(), related, concepts: [phrase.concept] });
  }
  // A phrase no item names ("не работает" in a menu without a repair item) weighs nothing but is still said.
  for (const phrase of said) if (!named.has(phrase.concept) && !concepts.has(phrase.concept)) out.push({ weight: 0, terms: new Map(), related: new Map(), concepts: [phrase.concept] });
  return out;
}

/** Every item with a score above 0, best first. */
export function scoreItems(model: MatchModel, text: string, include: (item: ModelItem) => boolean): Scored[] {
  const message = tokens(text, model);
  const total = message.reduce((sum, token) => sum + token.weight, 0);
  if (total === 0) return [];
  const out: Scored[] = [];
  for (const item of model.items) {
    if (!include(item)) continue;
    const mine = new Set(item.phrases.flat());
    let covered = 0;
    const matched: number[] = [];
    const missed: string[] = [];
    message.forEach((token, position) => {
      let best = 0;
      for (const map of [token.terms, token.related]) for (const [index, value] of map) if (mine.has(index) && value > best) best = value;
      covered += token.weight * best;
      if (best > 0) matched.push(position);
      else missed.push(...token.concepts);
    });
    if (covered === 0) continue;
    const about = covered / total;
    let phrase = 0;
    let title = 0;
    item.phrases.forEach((terms, at) => {
      const share = phraseShare(terms, message, model.weights);
      phrase = Math.max(phrase, share);
      if (at < item.titles) title = Math.max(title, share);
    });
    if (phrase === 0) continue;
    const b2 = TUNING.beta * TUNING.beta;
    out.push({ item, score: ((1 + b2) * phrase * about) / (b2 * phrase + about), phrase, title, words: matched, missed });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * How much of a phrase (by weight) the message names. A word names the phrase's terms it
 * matches itself; through a concept it names only one of them, the one that adds most:
 * "payment" is a near-synonym of "cash" or of "card", not of both in "card or cash".
 */
function phraseShare(terms: readonly number[], message: readonly Token[], weights: readonly number[]): number {
  const best = terms.map((index) => Math.max(0, ...message.map((token) => token.terms.get(index) ?? 0)));
  for (const token of message) {
    let pick = -1;
    let gain = 0;
    terms.forEach((index, at) => {
      const more = weights[index]! * ((token.related.get(index) ?? 0) - best[at]!);
      if (more > gain) [pick, gain] = [at, more];
    });
    if (pick >= 0) best[pick] = token.related.get(terms[pick]!)!;
  }
  const all = terms.reduce((sum, index) => sum + weights[index]!, 0);
  return all > 0 ? terms.reduce((sum, index, at) => sum + weights[index]! * best[at]!, 0) / all : 0;
}
