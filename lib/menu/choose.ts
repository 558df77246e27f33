/**
 * From scores to a decision, honest about doubt: a clear winner is chosen; two close
 * candidates (and only two) are offered back to the customer as a question; anything
 * weaker is not understood. Items on screen are preferred a little over items elsewhere
 * in the tree, and an item that only opens a menu gives way to the item in that menu the
 * message names more precisely ("track my parcel": the tracking item, not "Delivery").
 */
import { conceptTerms } from './concepts.js';
import { scoreItems, type Scored } from './match.js';
import type { MatchModel, ModelItem } from './model.js';
import { leadsTo, type ItemRef, type Reach } from './reach.js';
import { tokens } from './tokens.js';

/**
 * `win`: a winner scores at least this (0…1) and leads the next candidate by `margin`;
 * within it, candidates are close; or it scores at least `near` and leads by `clear`. Below `doubt` a candidate is not worth a question.
 * Items not on screen count `elsewhere` of their score; a message about something no
 * support line is for is understood only for an item it names at `sure`. Measured: docs/decisions.md.
 */
export const THRESHOLDS = { win: 0.6, margin: 0.1, near: 0.55, clear: 0.25, doubt: 0.45, elsewhere: 0.95, sure: 0.8 };

/**
 * Concepts that say something went wrong (lib/menu/lexicon.ts). "My parcel arrived
 * crumpled, I am unhappy" is not a request for "Where is my parcel?": an item that does
 * not match the problem the message names is not picked on its other words.
 */
const PROBLEMS: ReadonlySet<string> = new Set(['complaint', 'defect']);

/**
 * Concepts of the lexicon no support line is for (jobs, the weather). A message that names
 * one is not understood, whatever its other words fit ("do you have job openings" is not
 * about opening hours) — unless an item of the menu names it too (a "Careers" item).
 */
const OUTSIDE: ReadonlySet<string> = new Set(['jobs', 'weather']);
const outside = (model: MatchModel, text: string): boolean => {
  const named = conceptTerms(model);
  return tokens(text, model).some((token) => token.concepts.some((concept) => OUTSIDE.has(concept) && !named.has(concept)));
};

/** `title`: how much of the item's title the message covers (0…1). */
export type Choice =
  | { readonly kind: 'item'; readonly item: ItemRef; readonly title: number }
  | { readonly kind: 'doubt'; readonly options: readonly [ItemRef, ItemRef] }
  /** `outside`: the message is about something a support line is not for ("are you hiring?"). */
  | { readonly kind: 'none'; readonly outside?: boolean };

export interface Candidates {
  readonly current: string;
  /** Is this item one the customer may pick now (visible, reachable, not a way back)? */
  readonly include: (item: ModelItem) => boolean;
  readonly reach: Reach;
  readonly linkOf: (item: ItemRef) => boolean;
  /** Is this the item that opened the menu on screen ("Delivery and tracking" for the delivery menu)? */
  readonly topic?: (item: ModelItem) => boolean;
}

export function choose(model: MatchModel, text: string, candidates: Candidates): Choice {
  // An item the message names outright still wins ("Где моя посылка? погода плохая").
  if (outside(model, text) && (rank(model, text, candidates)[0]?.score ?? 0) < THRESHOLDS.sure) return { kind: 'none', outside: true };
  const choice = twoNamed(model, text, candidates) ?? decide(rank(model, text, candidates), candidates);
  return choice.kind === 'item' && topical(model, text, candidates) ? { kind: 'none' } : choice;
}

/**
 * "delivery" in the delivery menu: a message that names the menu on screen in full (its
 * opening item's title or a part of it) and fits two of its items says no more than the
 * menu itself; not understood, rather than one of them picked.
 */
function topical(model: MatchModel, text: string, candidates: Candidates): boolean {
  const { topic } = candidates;
  if (!topic) return false;
  const [named] = scoreItems(model, text, topic);
  if (!named || named.title < 0.99 || named.score < 0.99) return false;
  const here = scoreItems(model, text, (item) => item.menu === candidates.current && candidates.include(item));
  return here.length >= 2 && here[1]!.score >= THRESHOLDS.doubt;
}

function rank(model: MatchModel, text: string, candidates: Candidates): Scored[] {
  const scored = scoreItems(model, text, candidates.include);
  // A menu link gives way to an item its menu leads to that fits clearly better ("where is my
  // parcel": the tracking item); on a tie the menu on screen is the safer answer.
  return scored
    .filter(
      (link) =>
        !(
          candidates.linkOf(link.item) &&
          scored.some((other) => other !== link && leadsTo(candidates.reach.routes, link.item, other.item) && deeper(other, link, scored))
        ),
    )
    .map((entry) => (entry.item.menu === candidates.current || entry.item.menu === '' ? entry : { ...entry, score: entry.score * THRESHOLDS.elsewhere }))
    .sort((a, b) => b.score - a.score);
}

/**
 * Does `other`, an item inside the menu `link` opens, name the message better than the
 * link does? Clearly better always. About as well ("track parcel": "Delivery and
 * tracking" and "Where is my parcel?") when it wins on its own, fits every word at least
 * as well as the link and one better ("parcel" by its own word, not as a kind of
 * delivery), and stands out among its menu's items; else ("delivery" fits that whole
 * menu, "english please" the link as well as the item) the link is the safer answer.
 */
function deeper(other: Scored, link: Scored, scored: readonly Scored[]): boolean {
  if (other.score > link.score + 0.05) return true;
  if (other.score < THRESHOLDS.win || !dominates(other, link)) return false;
  const rival = scored.find((entry) => entry !== other && entry.item.menu === other.item.menu);
  return !rival || other.score - rival.score >= THRESHOLDS.margin;
}

const dominates = (other: Scored, link: Scored): boolean =>
  other.fits.every((fit, at) => fit >= link.fits[at]!) && other.fits.some((fit, at) => fit > link.fits[at]!);

/** One "and"/"or" between two requests: "rental and opening hours", "возврат или сроки доставки". */
const JOINED = /\s(?:and|or|und|oder|sowie|и|или|либо)\s/iu;

/**
 * "tracking or address change": each side of the conjunction read alone; when each picks
 * its own item (neither on the way to the other), the customer named two and is asked
 * which, even if one item's examples happen to hold words of both sides.
 */
function twoNamed(model: MatchModel, text: string, candidates: Candidates): Choice | undefined {
  const sides = text.split(JOINED);
  if (sides.length !== 2) return undefined;
  const [first, second] = sides.map((side) => decide(rank(model, side, candidates), candidates));
  if (first?.kind !== 'item' || second?.kind !== 'item') return undefined;
  const [a, b] = [first.item, second.item];
  if ((a.menu === b.menu && a.id === b.id) || a.menu === '' || b.menu === '') return undefined;
  if (leadsTo(candidates.reach.routes, a, b) || leadsTo(candidates.reach.routes, b, a)) return undefined;
  return { kind: 'doubt', options: [ref(a), ref(b)] };
}

/** "prices and opening hours": two items, each named in full by its own words. */
const namesBoth = (first: Scored, second: Scored | undefined, candidates: Candidates): boolean =>
  second !== undefined &&
  second.phrase >= 0.8 &&
  first.phrase >= 0.8 &&
  second.score >= THRESHOLDS.doubt &&
  !second.words.some((word) => first.words.includes(word)) &&
  !leadsTo(candidates.reach.routes, first.item, second.item) &&
  !leadsTo(candidates.reach.routes, second.item, first.item);

const ref = (item: ItemRef): ItemRef => ({ menu: item.menu, id: item.id });

function decide(ranked: readonly Scored[], candidates: Candidates): Choice {
  const [first, second, third] = ranked;
  if (!first) return { kind: 'none' };
  const named = ranked.slice(1, 4).find((entry) => namesBoth(first, entry, candidates));
  if (named && first.item.menu !== '' && named.item.menu !== '') return { kind: 'doubt', options: [ref(first.item), ref(named.item)] };
  const close = (entry: Scored | undefined) => entry !== undefined && entry.score >= THRESHOLDS.doubt && first.score - entry.score < THRESHOLDS.margin;
  // A little under `win` but far ahead of everything else is a clear winner too.
  const ahead = first.score >= THRESHOLDS.near && first.score - (second?.score ?? 0) >= THRESHOLDS.clear;
  if ((first.score >= THRESHOLDS.win && !close(second)) || ahead)
    return first.missed.some((concept) => PROBLEMS.has(concept)) ? { kind: 'none' } : { kind: 'item', item: ref(first.item), title: first.title };
  // "Deutsch": the link "Language: English / Русский / Deutsch" and the item in its menu fit
  // alike; opening that menu is never wrong, and the customer sees the item there.
  const contenders = ranked.filter((entry) => entry === first || close(entry));
  const link = contenders.find(
    (entry) => candidates.linkOf(entry.item) && contenders.every((other) => other === entry || leadsTo(candidates.reach.routes, entry.item, other.item)),
  );
  if (first.score >= THRESHOLDS.doubt && contenders.length > 1 && link) return { kind: 'item', item: ref(link.item), title: link.title };
  // Two close items: ask which (not for back/home: a word for them is clear enough).
  // Three or more: the message is too vague to offer two.
  if (first.score >= THRESHOLDS.doubt && close(second) && !close(third) && first.item.menu !== '' && second!.item.menu !== '')
    return { kind: 'doubt', options: [ref(first.item), ref(second!.item)] };
  return { kind: 'none' };
}
