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
 * caller waits about one interval and tries again.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../store/db.js';
import { isConditionFailure } from '../store/errors.js';
import { keys } from '../store/keys.js';

export interface Rate {
  readonly perSecond: number;
  readonly burst: number;
}

export interface RateBudget {
  /** Resolves when one request may be sent to the portal (or throws after `maxWaitMs`). */
  take(memberId: string, rate: Rate): Promise<void>;
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
  /** Real time (rate limits are about wall-clock seconds, whatever the bot's business clock says). */
  readonly clock: () => number;
  /** Give up waiting after this long (the job goes back to the queue). */
  readonly maxWaitMs?: number;
}

export function createDynamoBudget(options: DynamoBudgetOptions): RateBudget {
  const { db, table, clock } = options;
  const maxWaitMs = options.maxWaitMs ?? BUDGET_MAX_WAIT_MS;
  /** Last tat seen per portal: picks which of the two updates is likely to succeed first. */
  const hints = new Map<string, number>();

  async function update(memberId: string, expression: string, condition: string, values: Record<string, number>): Promise<boolean> {
    try {
      await db.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.budget(memberId),
          UpdateExpression: expression,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  return {
    async take(memberId, rate) {
      const interval = 1000 / rate.perSecond;
      const tolerance = (rate.burst - 1) * interval;
      const started = clock();
      for (let attempt = 0; ; attempt++) {
        const now = clock();
        const busy = (hints.get(memberId) ?? 0) > now;
        const idle = () => update(memberId, 'SET tat = :next', 'attribute_not_exists(tat) OR tat < :now', { ':next': now + interval, ':now': now });
        const room = () => update(memberId, 'SET tat = tat + :i', 'tat >= :now AND tat <= :limit', { ':i': interval, ':now': now, ':limit': now + tolerance });
        // One call in the common case: the guess from the last answer is usually right.
        const ok = busy ? (await room()) || (await idle()) : (await idle()) || (await room());
        if (ok) {
          hints.set(memberId, Math.max(now, hints.get(memberId) ?? 0) + interval);
          if (hints.size > 10_000) hints.clear();
          return;
        }
        hints.set(memberId, now + tolerance + interval); // full: next time try "room" first
        if (clock() - started > maxWaitMs) throw new BudgetExhaustedError(`portal ${memberId} stayed at its REST limit for ${maxWaitMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, interval * (0.5 + Math.random()) * Math.min(4, attempt + 1)));
      }
    },
  };
}
