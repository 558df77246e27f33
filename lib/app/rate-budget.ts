/**
 * The per-portal REST budget shared by every worker: Bitrix24 counts a portal's requests
 * in a leaky bucket (2/s, burst 50; Enterprise 5/s, burst 250 — contract §5) and answers
 * QUERY_LIMIT_EXCEEDED when it overflows. The bot keeps its own copy of that bucket in
 * DynamoDB so that all workers together stay under it.
 *
 * The bucket is a GCRA: one number per portal, the "theoretical arrival time" (tat) of
 * the next request. Taking a slot is one conditional UpdateItem, no read: either the
 * bucket is idle (tat in the past → tat = now + interval) or it has room (tat ≤ now +
 * tolerance → tat += interval). When neither holds the portal is at its limit and the
 * caller waits about one interval and tries again. A busy instance reserves several
 * slots per update (below), so the budget costs a fraction of a write per request.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../store/db.js';
import { isConditionFailure } from '../store/errors.js';
import { keys } from '../store/keys.js';
import type { Time } from '../time.js';
import { createWaitingRoom, type WaitingRoom } from './waiting-room.js';

export interface Rate {
  readonly perSecond: number;
  readonly burst: number;
}

/**
 * A slot asked for without waiting: `free` (granted, the bucket has room to spare),
 * `crowded` (granted, but the bucket is nearly full: others are likely waiting), `full`
 * (not granted).
 */
export type TryTake = 'free' | 'crowded' | 'full';

export interface RateBudget {
  /** Resolves when one request may be sent to the portal (or throws after `maxWaitMs`). */
  take(memberId: string, rate: Rate): Promise<void>;
  /**
   * One slot now or not at all (lib/app/wait-together.ts: who can't have one waits for a
   * shared batch instead of for a slot of its own). Absent: the budget never makes anyone wait.
   */
  tryTake?(memberId: string, rate: Rate): Promise<TryTake>;
  /** Where chats wait for a shared batch when no slot is free (with tryTake; lib/app/waiting-room.ts). */
  readonly room?: WaitingRoom;
}

/** How long a request waits for the portal's budget before its job is handed back. */
export const BUDGET_MAX_WAIT_MS = 15_000;

export const unlimitedBudget: RateBudget = { take: async () => undefined };

/** The portal stayed at its limit too long: try the job again later. */
export class BudgetExhaustedError extends Error {
  override readonly name = 'BudgetExhaustedError';
  readonly isRetryable = true;
}

export interface DynamoBudgetOptions {
  readonly db: Db;
  readonly table: string;
  /** Wall time (rate limits are about wall-clock seconds, whatever the bot's business clock says). */
  readonly time: Time;
  /** Give up waiting after this long (the job goes back to the queue). */
  readonly maxWaitMs?: number;
}

export function createDynamoBudget(options: DynamoBudgetOptions): RateBudget {
  const { db, table, time } = options;
  const clock = () => time.now();
  const maxWaitMs = options.maxWaitMs ?? BUDGET_MAX_WAIT_MS;
  /** Last tat seen per portal: picks which of the two updates is likely to succeed first. */
  const hints = new Map<string, number>();

  /** The bucket's new tat when the update passed its condition, false when not. */
  async function update(memberId: string, expression: string, condition: string, values: Record<string, number>): Promise<number | false> {
    try {
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.budget(memberId),
          UpdateExpression: expression,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
          ReturnValues: 'UPDATED_NEW', // the true backlog, for tryTake's `crowded` (same call, no read)
        }),
      );
      return typeof Attributes?.tat === 'number' ? Attributes.tat : (values[':next'] ?? clock());
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  const exhausted = (memberId: string) => new BudgetExhaustedError(`portal ${memberId} stayed at its REST limit for ${maxWaitMs} ms`);

  /** Reserves `wanted` slots at once if the bucket has room for them, else one; returns how many (0: full, when not waiting). */
  async function reserve(memberId: string, rate: Rate, wanted: number, deadline: number, wait = true): Promise<number> {
    const interval = 1000 / rate.perSecond;
    const tolerance = (rate.burst - 1) * interval;
    for (let attempt = 0, k = wanted; ; attempt++) {
      const now = clock();
      const busy = (hints.get(memberId) ?? 0) > now;
      const idle = () => update(memberId, 'SET tat = :next', 'attribute_not_exists(tat) OR tat < :now', { ':next': now + k * interval, ':now': now });
      const room = () =>
        update(memberId, 'SET tat = tat + :i', 'tat >= :now AND tat <= :limit', {
          ':i': k * interval,
          ':now': now,
          ':limit': now + tolerance - (k - 1) * interval,
        });
      // One call in the common case: the guess from the last answer is usually right.
      const tat = busy ? (await room()) || (await idle()) : (await idle()) || (await room());
      if (tat !== false) {
        hints.set(memberId, tat);
        if (hints.size > 10_000) hints.clear();
        return k;
      }
      if (k > 1) {
        k = 1; // no room for a chunk: ask for one slot, straight away
        continue;
      }
      hints.set(memberId, now + tolerance + interval); // full: next time try "room" first
      if (!wait) return 0;
      if (clock() > deadline) throw exhausted(memberId);
      const pause = interval * (0.5 + time.random()) * Math.min(4, attempt + 1);
      await time.sleep(Math.max(0, Math.min(pause, deadline - clock() + 1)));
    }
  }

  // A warm instance that sends many requests to one portal reserves slots in chunks sized
  // by its own demand over the last second (at most a tenth of the burst, at most one
  // second of the rate) and spends them locally within a second; unspent slots are simply
  // lost, which errs on the side of the portal's limit. At 2/s with a burst of 50 a chunk
  // is at most 2, so a quiet bot never takes more than it sends.
  const local = new Map<string, { left: number; until: number }>();
  const demand = new Map<string, { second: number; count: number; previous: number }>();
  const pending = new Map<string, Promise<unknown>>();

  function noteDemand(memberId: string, now: number): number {
    const second = Math.floor(now / 1000);
    const seen = demand.get(memberId);
    const entry = !seen
      ? { second, count: 0, previous: 0 }
      : seen.second === second
        ? seen
        : { second, count: 0, previous: seen.second === second - 1 ? seen.count : 0 };
    entry.count += 1;
    if (!seen && demand.size > 10_000) demand.clear();
    demand.set(memberId, entry);
    return Math.max(entry.previous, entry.count);
  }

  /** Nearly full: less than two intervals of the burst left after this slot. */
  const crowded = (memberId: string, rate: Rate): boolean => (hints.get(memberId) ?? 0) > clock() + (rate.burst - 3) * (1000 / rate.perSecond);

  return {
    room: createWaitingRoom(db, table),

    async tryTake(memberId, rate) {
      const recent = noteDemand(memberId, clock());
      for (let round = 0; round < 2; round++) {
        const slots = local.get(memberId);
        if (slots && slots.left > 0 && slots.until > clock()) {
          slots.left -= 1;
          return crowded(memberId, rate) ? 'crowded' : 'free';
        }
        const inFlight = pending.get(memberId);
        if (!inFlight) break;
        await inFlight.catch(() => undefined);
      }
      // Chunks as take() reserves them (below), so a busy instance's asks cost as few writes.
      const chunk = Math.max(1, Math.min(recent, Math.floor(rate.burst / 10), Math.floor(rate.perSecond)));
      const granted = await reserve(memberId, rate, chunk, clock(), false);
      if (granted === 0) return 'full';
      if (granted > 1) local.set(memberId, { left: granted - 1, until: clock() + 1000 });
      return crowded(memberId, rate) ? 'crowded' : 'free';
    },

    async take(memberId, rate) {
      const recent = noteDemand(memberId, clock());
      // One deadline for this request, however many reservations it waits behind.
      const deadline = clock() + maxWaitMs;
      for (;;) {
        const slots = local.get(memberId);
        if (slots && slots.left > 0 && slots.until > clock()) {
          slots.left -= 1;
          return;
        }
        const inFlight = pending.get(memberId);
        if (inFlight) {
          await inFlight.catch(() => undefined);
          if (clock() > deadline) throw exhausted(memberId);
          continue;
        }
        const chunk = Math.max(1, Math.min(recent, Math.floor(rate.burst / 10), Math.floor(rate.perSecond)));
        const reservation = reserve(memberId, rate, chunk, deadline).then((granted) => {
          if (granted > 1) local.set(memberId, { left: granted - 1, until: clock() + 1000 });
          else local.delete(memberId);
          if (local.size > 10_000) local.clear();
        });
        pending.set(memberId, reservation);
        try {
          await reservation;
        } finally {
          pending.delete(memberId);
        }
        return;
      }
    },
  };
}
