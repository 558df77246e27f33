/**
 * Scores a message against the items of a compiled model (lib/menu/model.ts). Each word
 * of the message finds terms: exactly (its stem in any of the menu's languages, or a
 * Russian word typed in Latin letters), with a typo, as a German-style compound of known
 * terms ("Rechnungskopie"), or as the first or last part of a compound the menu uses
 * ("Zahn" in "Zahnschmerzen"). An item scores by how much of its best phrase the message
 * covers and how much of the message the item covers (their harmonic mean, weighted by
 * the terms' weights): a message must both name the item and be mostly about it.
 */
import { editDistance, tolerance } from './edit-distance.js';
import type { MatchModel, ModelItem } from './model.js';
import { cyrillic, isCyrillic, stem, words } from './stem.js';
import { stopWords, weakWords } from './stopwords.js';

/**
 * The matcher's constants, measured on the corpus (npm run corpus; docs/decisions.md).
 * `typo`, `compound`, `part`: how much those kinds of match count against an exact one.
 * `unknown`: the weight of a word no item knows, in "how much of the message is about
 * the item". `beta`: how much more that counts than "how much of the phrase the message
 * names" (F-beta).
 */
export const TUNING = { typo: 0.85, compound: 0.8, part: 0.6, unknown: 1.2, beta: 1 };

export interface Scored {
  readonly item: ModelItem;
  readonly score: number;
  /** Share of the item's best phrase the message covers. */
  readonly phrase: number;
  /** Share of the item's best title phrase the message covers. */
  readonly title: number;
  /** Which words of the message (by position) the item matched. */
  readonly words: readonly number[];
}

interface Token {
  readonly weight: number;
  /** term index → how well this word matches it (0…1). */
  readonly terms: ReadonlyMap<number, number>;
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
  const out: Token[] = [];
  const seen = new Set<string>();
  for (const word of words(text)) {
    if ((stops.has(word) && !keys.has(word)) || seen.has(word)) continue;
    seen.add(word);
    const forms = spellings(word, model);
    let terms = exact(forms, keys);
    if (terms.size === 0 && !/\d/.test(word) && word.length >= 4) terms = approximate(word, forms, model, found);
    const known = Math.max(0, ...[...terms.keys()].map((index) => model.weights[index]!));
    const base = terms.size > 0 ? known : /\d/.test(word) ? 0.3 : TUNING.unknown;
    out.push({ weight: weak.has(word) ? base * 0.5 : base, terms });
  }
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
    message.forEach((token, position) => {
      let best = 0;
      for (const [index, value] of token.terms) if (mine.has(index) && value > best) best = value;
      covered += token.weight * best;
      if (best > 0) matched.push(position);
    });
    if (covered === 0) continue;
    const about = covered / total;
    let phrase = 0;
    let title = 0;
    item.phrases.forEach((terms, at) => {
      let got = 0;
      let all = 0;
      for (const index of terms) {
        const weight = model.weights[index]!;
        all += weight;
        let best = 0;
        for (const token of message) best = Math.max(best, token.terms.get(index) ?? 0);
        got += weight * best;
      }
      if (all > 0) phrase = Math.max(phrase, got / all);
      if (all > 0 && at < item.titles) title = Math.max(title, got / all);
    });
    if (phrase === 0) continue;
    const b2 = TUNING.beta * TUNING.beta;
    out.push({ item, score: ((1 + b2) * phrase * about) / (b2 * phrase + about), phrase, title, words: matched });
  }
  return out.sort((a, b) => b.score - a.score);
}
