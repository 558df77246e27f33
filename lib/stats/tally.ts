/**
 * A batch of outcomes (lib/stats/outcome.ts) as counter increments per portal, Open Line
 * and day: one write per (portal, line, day) however many turns the batch holds.
 *
 * Counter names (docs/operations.md "Statistics"): conversations, handedOver, finished,
 * abandoned, misread; `reason:<why>` hand-overs by reason; `shown:<menu>` times a menu
 * was entered; `left:<menu>` conversations that ended there (finished, handed over or
 * went silent); `item:<menu>:<id>` items chosen. Misread texts are counted apart.
 */
import type { Counted } from './outcome.js';

export interface Bucket {
  readonly memberId: string;
  readonly lineId: string;
  readonly day: string;
  readonly counters: Record<string, number>;
  readonly misread: Record<string, number>;
}

const bump = (record: Record<string, number>, key: string, by = 1) => void (record[key] = (record[key] ?? 0) + by);

export function tally(outcomes: readonly Counted[]): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const { memberId, lineId, day, outcome } of outcomes) {
    const key = `${memberId}\u0000${lineId}\u0000${day}`;
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { memberId, lineId, day, counters: {}, misread: {} }));
    const c = bucket.counters;
    switch (outcome.kind) {
      case 'conversation':
        bump(c, 'conversations');
        break;
      case 'shown':
        bump(c, `shown:${outcome.menu}`);
        break;
      case 'chosen':
        bump(c, `item:${outcome.menu}:${outcome.item}`);
        break;
      case 'misread':
        bump(c, 'misread');
        if (outcome.text) bump(bucket.misread, outcome.text);
        break;
      case 'handover':
        bump(c, 'handedOver');
        bump(c, `reason:${outcome.reason}`);
        bump(c, `left:${outcome.menu}`);
        break;
      case 'finished':
        bump(c, 'finished');
        bump(c, `left:${outcome.menu}`);
        break;
      case 'abandoned':
        bump(c, 'abandoned');
        bump(c, `left:${outcome.menu}`);
        break;
    }
  }
  return [...buckets.values()];
}
