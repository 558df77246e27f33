/**
 * What one write of a dialog item says happened (issue 19, "numbers without slowing a
 * reply"): derived from the item's old and new image — the dialog table's stream in AWS,
 * the local stack's change feed — never from the worker, so counting costs a reply no
 * round trip and no request. Pure: lib/stats/aggregate.ts tallies these into daily
 * counters per portal and Open Line.
 *
 * A turn leaves its marks in the state (lib/menu/state.ts): a new `startedAt` is a new
 * conversation; `menu` the menu the customer is in; `path` the items chosen ("menu:id",
 * bounded); `misses`/`asking.tries` a misunderstood message, its text the last of
 * `missed`; `status` a hand-over or a finish; `movedOn` someone else taking the chat.
 */
import type { DialogState } from '../menu/state.js';
import { redact } from './redact.js';

export interface DialogImage {
  readonly memberId: string;
  /** The Open Line, when an event said so (dialog items before issue 19 have none). */
  readonly lineId: string | undefined;
  readonly state: DialogState | undefined;
}

/** Why a conversation left the bot. */
export type HandoverReason =
  | 'menu-item'
  | 'operator-item'
  | 'asked-for-operator'
  | 'not-understood'
  | 'operator-took-over'
  | 'line-timeout'
  | 'portal-refused'
  | 'other';

export type Outcome =
  | { readonly kind: 'conversation' }
  | { readonly kind: 'shown'; readonly menu: string }
  | { readonly kind: 'chosen'; readonly menu: string; readonly item: string }
  | { readonly kind: 'misread'; readonly text: string }
  | { readonly kind: 'handover'; readonly reason: HandoverReason; readonly menu: string }
  | { readonly kind: 'finished'; readonly menu: string }
  /** The customer went silent: the next conversation started, or the item expired. */
  | { readonly kind: 'abandoned'; readonly menu: string };

export interface Counted {
  readonly memberId: string;
  readonly lineId: string;
  /** UTC day, YYYY-MM-DD, of when it happened (the bot's clock). */
  readonly day: string;
  readonly outcome: Outcome;
}

export const NO_LINE = '-';

export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The entries `next` added to a bounded list `before` (oldest dropped from the front). */
export function appended<T>(before: readonly T[], next: readonly T[]): readonly T[] {
  for (let skip = 0; skip <= before.length; skip++) {
    const overlap = before.length - skip;
    if (overlap > next.length) continue;
    let same = true;
    for (let i = 0; i < overlap && same; i++) same = before[skip + i] === next[i];
    if (same) return next.slice(overlap);
  }
  return next;
}

const MOVED_ON: Record<NonNullable<DialogState['movedOn']>['reason'], HandoverReason> = {
  operator: 'operator-took-over',
  'line-timeout': 'line-timeout',
  refused: 'portal-refused',
};

function reasonOf(added: readonly string[], next: DialogState): HandoverReason {
  if (next.movedOn) return MOVED_ON[next.movedOn.reason];
  // The last marker the turn left says why: `menu:0`, `menu:operator`, `menu:retries`, `menu:<id>`.
  const last = added.at(-1)?.split(':').at(-1);
  if (last === '0') return 'operator-item'; // item 0: typed "0" (Bitrix24's operator key) or named by its title
  if (last === 'operator') return 'asked-for-operator';
  if (last === 'retries') return 'not-understood';
  if (last !== undefined && /^\d+$/.test(last)) return 'menu-item';
  return 'other';
}

/** The outcomes of one change of a dialog item. `expired`: DynamoDB's TTL removed it. */
export function outcomesOf(before: DialogImage | undefined, after: DialogImage | undefined, opts: { expired?: boolean } = {}): Counted[] {
  const old = before?.state;
  const next = after?.state;
  const memberId = after?.memberId ?? before?.memberId;
  if (!memberId) return [];
  const lineId = after?.lineId ?? before?.lineId ?? NO_LINE;
  const out: Counted[] = [];
  const at = (ms: number, outcome: Outcome) => out.push({ memberId, lineId, day: dayOf(ms), outcome });

  // A new Open Lines session, an idle restart, a first contact: a state begun afresh.
  const fresh =
    next !== undefined &&
    (old === undefined ||
      next.startedAt !== old.startedAt ||
      (old.sessionId !== undefined && next.sessionId !== undefined && next.sessionId !== old.sessionId));
  // The customer went silent with the bot: a new conversation replaced theirs, or it expired.
  if (old?.status === 'bot' && !old.movedOn && (fresh || (next === undefined && opts.expired))) at(old.lastAt, { kind: 'abandoned', menu: old.menu });
  if (!next) return out;
  // Someone else took a chat the bot never answered (an operator before the bot's join): not the bot's.
  if (fresh && next.movedOn && next.path.length === 0) return out;
  const now = next.lastAt;
  const base = fresh ? undefined : old;
  if (fresh) at(now, { kind: 'conversation' });

  const added = appended(base?.path ?? [], next.path);
  for (const entry of added) {
    const colon = entry.lastIndexOf(':');
    const item = entry.slice(colon + 1);
    if (colon > 0 && /^\d+$/.test(item)) at(now, { kind: 'chosen', menu: entry.slice(0, colon), item });
  }
  if (fresh || next.menu !== base?.menu) at(now, { kind: 'shown', menu: next.menu });

  // misses counts misunderstood messages in a row; an unanswerable question counts tries;
  // either running out leaves `:retries` (and resets them).
  const missed =
    base !== undefined &&
    (next.misses === base.misses + 1 ||
      (next.asking !== undefined && base.asking !== undefined && next.asking.tries === base.asking.tries + 1) ||
      added.some((entry) => entry.endsWith(':retries')));
  const text = missed ? next.missed.at(-1) : undefined;
  if (text !== undefined) at(now, { kind: 'misread', text: redact(text) });

  const handedOver = next.status === 'transferred' && (fresh || old?.status !== 'transferred');
  // A chat an operator gave back and the bot handed over again is the same conversation, counted once.
  if (handedOver && !next.resumed) at(now, { kind: 'handover', reason: reasonOf(added, next), menu: next.menu });
  if (next.status === 'finished' && (fresh || old?.status !== 'finished')) at(now, { kind: 'finished', menu: next.menu });
  return out;
}
