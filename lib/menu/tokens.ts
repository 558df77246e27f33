/**
 * A message as tokens for the matcher (lib/menu/match.ts). Each word finds terms of the
 * model: exactly (its stem in any of the menu's languages, or a Russian word typed in
 * Latin letters), with a typo, as a German-style compound of known terms
 * ("Rechnungskopie"), or as the first or last part of a compound the menu uses ("Zahn"
 * in "Zahnschmerzen"); and, through the concept lexicon (lib/menu/concepts.ts), the
 * terms of the concepts it names, at `TUNING.concept`.
 */
import { conceptsOf, conceptTerms, isConceptTerm, isPattern, phrasesIn } from './concepts.js';
import { editDistance, tolerance } from './edit-distance.js';
import type { MatchModel } from './model.js';
import { separableJoins } from './separable.js';
import { cyrillic, isCyrillic, stem, words } from './stem.js';
import { isStopIn, weakWords } from './stopwords.js';

/**
 * The matcher's constants, measured on the corpus (npm run corpus; docs/decisions.md).
 * `typo`, `compound`, `part`: how much those kinds of match count against an exact one.
 * `unknown`: the weight of a word no item knows, in "how much of the message is about
 * the item". `beta`: how much more that counts than "how much of the phrase the message
 * names" (F-beta). `concept`: a word of the same concept (lib/menu/lexicon.ts).
 * `question`: a question word no item uses, against an unknown word ("what is the fee"
 * at a menu of titles; 0.15–0.5 measured alike on the corpora). `typoMin`: shorter words
 * are matched exactly or as parts only ("bist" is no typo of "biet"). `unknownCap`: only
 * this many unknown words (the heaviest) count against items (2 gained more at a wrong pick).
 */
export const TUNING = { typo: 0.85, compound: 0.8, part: 0.6, concept: 0.7, question: 0.25, unknown: 1.2, beta: 1, typoMin: 5, whole: 0.95, unknownCap: 3 };

export interface Token {
  readonly weight: number;
  /** term index → how well this word matches it (0…1): itself, with a typo, in a compound. */
  readonly terms: ReadonlyMap<number, number>;
  /** term index → `TUNING.concept` for the terms of the concepts the word names. */
  readonly related: ReadonlyMap<number, number>;
  /** The lexicon's concepts the word names (lib/menu/lexicon.ts). */
  readonly concepts: readonly string[];
}

export interface Lookup {
  readonly keys: Map<string, number>;
  /** Keys by first letter: a typo rarely hits the first letter, so only these are compared. */
  readonly byFirst: Map<string, [string, number][]>;
  /** Is a message word a stop word (or a form of one) in one of the menu's languages? */
  readonly stop: (word: string) => boolean;
  readonly weak: Set<string>;
  /** Pattern terms ("~track"): a bonus to a phrase, never missing from it. */
  readonly patterns: Set<number>;
  /** Concept terms ("@location" of "How to find us"): asked the same way, named in full. */
  readonly wholes: Set<number>;
}

const lookups = new WeakMap<MatchModel, Lookup>();
export function lookup(model: MatchModel): Lookup {
  let found = lookups.get(model);
  if (!found) {
    const byFirst = new Map<string, [string, number][]>();
    for (const [key, index] of Object.entries(model.keys)) byFirst.set(key[0]!, [...(byFirst.get(key[0]!) ?? []), [key, index]]);
    found = {
      keys: new Map(Object.entries(model.keys)),
      byFirst,
      stop: (word) => model.languages.some((lang) => isStopIn(word, lang)),
      weak: new Set(model.languages.flatMap((lang) => [...weakWords(lang)])),
      patterns: new Set(model.terms.flatMap((term, index) => (isPattern(term) ? [index] : []))),
      wholes: new Set(model.terms.flatMap((term, index) => (isConceptTerm(term) ? [index] : []))),
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

/**
 * A Russian word that is another word with letters added at the end is another word, not
 * a typo of it ("завтра" tomorrow, "завтрак" breakfast): Russian changes meaning there.
 */
const endingOf = (form: string, key: string): boolean => isCyrillic(form) && form !== key && (key.startsWith(form) || form.startsWith(key));

function approximate(word: string, forms: readonly string[], model: MatchModel, { keys, byFirst }: Lookup): Map<number, number> {
  const found = new Map<number, number>();
  const set = (index: number, value: number) => found.set(index, Math.max(found.get(index) ?? 0, value));
  for (const form of forms) {
    // A Latin word read as Russian ("oplata") is matched exactly or not at all: "robot" read
    // as "робот" is no typo of "работы".
    if (isCyrillic(form) !== isCyrillic(word)) continue;
    for (const [key, index] of byFirst.get(form[0]!) ?? []) {
      const allowed = Math.min(tolerance(form), tolerance(key));
      if (
        allowed > 0 &&
        form.length >= TUNING.typoMin &&
        Math.abs(key.length - form.length) <= allowed &&
        !endingOf(form, key) &&
        editDistance(form, key, allowed) <= allowed
      )
        set(index, TUNING.typo);
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

/** A word of the message at its position, as read before phrases fold words together. */
interface Read extends Token {
  readonly position: number;
}

/**
 * The message as tokens: each word (once; stop words dropped unless the menu uses them)
 * with the terms it matches and the concepts it names; each phrase of the lexicon ("how
 * much", "where is my", "график работы", "wo bleibt") as one token that stands for its
 * words, names its concept and matches what they matched, so nothing counts twice.
 */
export function tokens(text: string, model: MatchModel): readonly Token[] {
  // One message is read several times in one decision (off-topic, each ranking, the menu's
  // topic): the last reading is kept, so it is done once.
  if (last?.model === model && last.text === text) return last.read;
  const read = readTokens(text, model);
  last = { model, text, read };
  return read;
}
let last: { readonly model: MatchModel; readonly text: string; readonly read: readonly Token[] } | undefined;

function readTokens(text: string, model: MatchModel): Token[] {
  const found = lookup(model);
  const { keys, stop, weak, patterns, wholes } = found;
  const concepts = conceptTerms(model);
  // Asked the same way as a phrase of the menu ("wo bleibt" for "where is my …"): its pattern term in full.
  const relatedOf = (names: Iterable<string>, phrase = false): Map<number, number> => {
    const related = new Map<number, number>();
    for (const concept of names)
      for (const index of concepts.get(concept) ?? [])
        related.set(index, phrase && patterns.has(index) ? 1 : phrase && wholes.has(index) ? TUNING.whole : TUNING.concept);
    return related;
  };
  const weightOf = (indexes: Iterable<number>): number => Math.max(0, ...[...indexes].map((index) => model.weights[index]!));
  const all = words(text);
  // "gebe … zurück": the joined verb ("zurückgeben") when the menu or the lexicon knows it.
  const split = model.languages.includes('de') ? separableJoins(all) : undefined;
  const join = split?.joined.find(({ word }) => {
    const forms = spellings(word, model);
    return exact(forms, keys).size > 0 || conceptsOf(forms).length > 0;
  });
  if (split && join) {
    all.splice(split.particle, 1, join.word);
    all.splice(join.verb, 1);
  }
  const forms = all.map((word) => spellings(word, model));
  const read: Read[] = [];
  const seen = new Set<string>();
  all.forEach((word, position) => {
    if ((stop(word) && !keys.has(word)) || seen.has(word)) return;
    seen.add(word);
    let terms = exact(forms[position]!, keys);
    if (terms.size === 0 && !/\d/.test(word) && word.length >= 4) terms = approximate(word, forms[position]!, model, found);
    const mine = /\d/.test(word) ? [] : conceptsOf(forms[position]!);
    const related = relatedOf(mine);
    const matched = [...terms.keys(), ...related.keys()];
    const base = matched.length > 0 ? weightOf(matched) : /\d/.test(word) ? 0.3 : TUNING.unknown;
    // A question word the menu does not use ("what is the fee") asks, but names nothing.
    const asks = weak.has(word) ? (matched.length > 0 ? 0.5 : TUNING.question) : 1;
    read.push({ position, weight: base * asks, terms, related, concepts: mine });
  });

  const out: Token[] = [];
  const folded = new Set<number>();
  const named = new Set<string>();
  for (const phrase of phrasesIn(all, forms)) {
    if (phrase.positions.some((position) => folded.has(position))) continue;
    const inside = read.filter((token) => phrase.positions.includes(token.position));
    // A phrase no item names ("gift cards" in a menu without one) is said as a whole: its words weigh
    // what they do but match nothing on their own ("cards" is not a way to pay here).
    if (!concepts.has(phrase.concept)) {
      for (const position of phrase.positions) folded.add(position);
      out.push({ weight: inside.reduce((sum, token) => sum + token.weight, 0), terms: new Map(), related: new Map(), concepts: [phrase.concept] });
      continue;
    }
    for (const position of phrase.positions) folded.add(position);
    named.add(phrase.concept);
    const terms = new Map<number, number>();
    for (const token of inside) for (const [index, value] of token.terms) terms.set(index, Math.max(value, terms.get(index) ?? 0));
    const related = relatedOf([phrase.concept], true);
    const weight = Math.max(
      weightOf(related.keys()),
      inside.reduce((sum, token) => sum + (token.terms.size > 0 ? token.weight : 0), 0),
    );
    out.push({ weight, terms, related, concepts: [phrase.concept] });
  }
  for (const token of read) {
    if (folded.has(token.position)) continue;
    // A second word for a concept already named ("package … parcel") adds nothing.
    if (token.terms.size === 0 && token.concepts.length > 0 && token.concepts.every((concept) => named.has(concept))) continue;
    for (const concept of token.concepts) named.add(concept);
    out.push({ weight: token.weight, terms: token.terms, related: token.related, concepts: token.concepts });
  }
  return out;
}
