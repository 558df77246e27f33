/**
 * Scores a message against the items of a compiled model (lib/menu/model.ts), read as
 * tokens (lib/menu/tokens.ts). An item scores by how much of its best phrase the message
 * covers and how much of the message the item covers (their harmonic mean, weighted by
 * the terms' weights): a message must both name the item and be mostly about it.
 */
import type { MatchModel, ModelItem } from './model.js';
import { lookup, tokens, TUNING, type Token } from './tokens.js';

export { TUNING } from './tokens.js';

export interface Scored {
  readonly item: ModelItem;
  readonly score: number;
  /** Share of the item's best phrase the message covers. */
  readonly phrase: number;
  /** Share of the item's best title phrase the message covers. */
  readonly title: number;
  /** Which words of the message (by position) the item matched. */
  readonly words: readonly number[];
  /** Per word of the message (by position), how well the item matched it (0…1). */
  readonly fits: readonly number[];
  /** Concepts the message names that the item does not match ("broken" for "Where is my parcel?"). */
  readonly missed: readonly string[];
}

/** Every item with a score above 0, best first. */
export function scoreItems(model: MatchModel, text: string, include: (item: ModelItem) => boolean): Scored[] {
  const message = tokens(text, model);
  const { patterns } = lookup(model);
  // Words no item knows weigh against every item, but only the heaviest few: a long message
  // says more than its request ("wifi keeps kicking me out since this morning").
  const known = message.filter((token) => token.terms.size > 0 || token.related.size > 0);
  const unknown = message
    .filter((token) => token.terms.size === 0 && token.related.size === 0)
    .map((token) => token.weight)
    .sort((a, b) => b - a);
  const total = known.reduce((sum, token) => sum + token.weight, 0) + unknown.slice(0, TUNING.unknownCap).reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return [];
  // Every term the message reaches: items and phrases without one are skipped unread.
  const touched = new Set<number>();
  for (const token of message) for (const map of [token.terms, token.related]) for (const index of map.keys()) touched.add(index);
  const reached = (terms: readonly number[]) => terms.some((index) => touched.has(index));
  const out: Scored[] = [];
  for (const item of model.items) {
    if (!item.phrases.some(reached) || !include(item)) continue;
    const mine = new Set(item.phrases.flat());
    let covered = 0;
    const matched: number[] = [];
    const fits: number[] = [];
    const missed: string[] = [];
    message.forEach((token, position) => {
      let best = 0;
      for (const map of [token.terms, token.related]) for (const [index, value] of map) if (mine.has(index) && value > best) best = value;
      covered += token.weight * best;
      fits.push(best);
      if (best > 0) matched.push(position);
      else missed.push(...token.concepts);
    });
    if (covered === 0) continue;
    const about = covered / total;
    let phrase = 0;
    let title = 0;
    item.phrases.forEach((terms, at) => {
      const share = reached(terms) ? phraseShare(terms, message, model.weights, patterns) : 0;
      phrase = Math.max(phrase, share);
      if (at < item.titles) title = Math.max(title, share);
    });
    if (phrase === 0) continue;
    const b2 = TUNING.beta * TUNING.beta;
    out.push({ item, score: ((1 + b2) * phrase * about) / (b2 * phrase + about), phrase, title, words: matched, fits, missed });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * How much of a phrase (by weight) the message names. A word names the phrase's terms it
 * matches itself; through a concept it names only one of them, the one that adds most:
 * "payment" is a near-synonym of "cash" or of "card", not of both in "card or cash".
 * Pattern terms ("~track" of "where is my parcel") are not part of it: "parcel" alone
 * names it all. They count on the message's side, where "wo bleibt" is then about the item
 * (a bonus of up to half the phrase for asking the same way was measured: no better).
 */
function phraseShare(terms: readonly number[], message: readonly Token[], weights: readonly number[], patterns: ReadonlySet<number>): number {
  // A loop, not a spread: a very long message must not overflow the call stack.
  const best = terms.map((index) => message.reduce((most, token) => Math.max(most, token.terms.get(index) ?? 0), 0));
  for (const token of message) {
    let pick = -1;
    let gain = 0;
    terms.forEach((index, at) => {
      const more = weights[index]! * ((token.related.get(index) ?? 0) - best[at]!);
      if (more > gain) [pick, gain] = [at, more];
    });
    if (pick >= 0) best[pick] = token.related.get(terms[pick]!)!;
  }
  let all = 0;
  let got = 0;
  terms.forEach((index, at) => {
    if (patterns.has(index)) return;
    all += weights[index]!;
    got += weights[index]! * best[at]!;
  });
  return all > 0 ? got / all : 0;
}
