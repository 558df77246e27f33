/**
 * The per-portal, per-method operating limit (contract §5, §9.6; Bitrix24 docs `limits.md`,
 * "Resource Consumption Limits"). When a method answers 429 OPERATION_TIME_LIMIT, that
 * method alone is over its budget on that portal (for every app there): it is held back
 * until `operating_reset_at` of its last successful answer, or — when that is unknown or
 * already past — until the next one-minute bucket drops out. Other methods, and the same
 * method on other portals, go on.
 *
 * Kept in warm-instance memory only: a cold instance, or another one, learns the block
 * from one refused request of its own. That costs one 429 per instance per block, which
 * the portal tolerates; a shared store would cost a read on every call.
 */
import type { OperatingGate, TimeBlock } from '../bitrix/time-block.js';

/** A reset further away than Bitrix's ten-minute window is not believed. */
const WINDOW_MS = 10 * 60_000;
/** Bitrix reports whole seconds; waking a little after the reset avoids one more 429. */
const MARGIN_MS = 250;
const MAX_ENTRIES = 10_000;

interface Entry {
  /** Epoch ms of operating_reset_at in the method's last successful answer. */
  resetAt?: number;
  /** Epoch ms until which the method is held back. */
  blockedUntil?: number;
}

export interface OperatingLimits {
  forPortal(memberId: string): OperatingGate;
}

/** The next whole minute after `now`: when the oldest one-minute bucket can drop out at the earliest. */
export const nextMinute = (now: number): number => Math.floor(now / 60_000) * 60_000 + 60_000;

/** `clock`: wall time (operating_reset_at is the portal's wall clock, not the bot's business clock). */
export function createOperatingLimits(clock: () => number = Date.now): OperatingLimits {
  const entries = new Map<string, Entry>();
  const entry = (key: string): Entry => {
    let found = entries.get(key);
    if (!found) {
      if (entries.size >= MAX_ENTRIES) entries.clear(); // bounded: warm Lambdas serve many portals
      found = {};
      entries.set(key, found);
    }
    return found;
  };

  return {
    forPortal(memberId) {
      const keyOf = (method: string) => `${memberId}\u0000${method}`;
      return {
        blockedUntil(method) {
          const until = entries.get(keyOf(method))?.blockedUntil;
          return until !== undefined && until > clock() ? until : undefined;
        },
        answered(method, time: TimeBlock) {
          if (time.operatingResetAt === undefined) return;
          entry(keyOf(method)).resetAt = time.operatingResetAt * 1000;
        },
        limited(method) {
          const now = clock();
          const found = entry(keyOf(method));
          const reset = found.resetAt;
          const until = reset !== undefined && reset > now && reset <= now + WINDOW_MS ? reset + MARGIN_MS : nextMinute(now) + MARGIN_MS;
          found.blockedUntil = until;
          return until;
        },
      };
    },
  };
}
