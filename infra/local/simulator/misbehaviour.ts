/**
 * How the simulated portals misbehave on request: injected faults (an error status, a
 * dropped connection, a hang) on a method, any method or the OAuth server, the
 * documented per-portal leaky bucket (contract §5: 2/s, burst 50) answering
 * QUERY_LIMIT_EXCEEDED when it overflows, and the per-method operating limit (contract
 * §5, Bitrix24 docs `limits.md`: execution time per method summed over ten one-minute
 * buckets, `time.operating` / `time.operating_reset_at` in every answer, 429
 * OPERATION_TIME_LIMIT for that method alone when it is exhausted).
 */
import type { Fault } from './model.js';

/** The method name that makes a fault hit the OAuth token endpoint; '*' never does. */
export const OAUTH_FAULT = 'oauth.token';

export interface FaultSpec {
  readonly status: number;
  readonly error?: string;
  readonly times?: number;
  readonly hangMs?: number;
}

/** An injected operating limit: `method` is exhausted until `resetAt` (ms), after `successes` more answers. */
interface OperatingLimit {
  readonly method: string;
  readonly memberId: string | undefined;
  readonly resetAt: number;
  successes: number;
}

/** The `time` block of a successful answer (Bitrix24 docs `limits.md`). */
export interface TimeBlock {
  readonly start: number;
  readonly finish: number;
  readonly duration: number;
  readonly processing: number;
  readonly date_start: string;
  readonly date_finish: string;
  readonly operating_reset_at: number;
  readonly operating: number;
}

const BUCKET_MS = 60_000;
const WINDOW_BUCKETS = 10;
/** The cloud's operating limit per method (Bitrix24 docs `limits.md`: 480 s in ten minutes). */
const OPERATING_LIMIT_S = 480;

export function createMisbehaviour(clock: () => number, stats: { faultsInjected: number }) {
  const faults: Fault[] = [];
  const limits: OperatingLimit[] = [];
  /** Seconds of execution per portal+method, per minute bucket. */
  const operatingUse = new Map<string, Map<number, number>>();
  let rate: { perSecond: number; burst: number } | undefined;
  const buckets = new Map<string, { level: number; at: number }>();

  return {
    /** The next `times` calls of `method` ('*' for any REST method, OAUTH_FAULT for the OAuth server) fail. */
    fail(method: string, fault: FaultSpec): void {
      faults.push({
        method,
        status: fault.status,
        ...(fault.error ? { error: fault.error } : {}),
        ...(fault.hangMs ? { hangMs: fault.hangMs } : {}),
        remaining: fault.times ?? 1,
      });
    },
    clear: (): void => {
      faults.splice(0);
      limits.splice(0);
    },
    /** The fault this call of `method` meets, if any (and counts it). */
    take(method: string): Fault | undefined {
      const fault = faults.find(
        (candidate) => candidate.remaining > 0 && (candidate.method === method || (candidate.method === '*' && method !== OAUTH_FAULT)),
      );
      if (fault) {
        fault.remaining -= 1;
        stats.faultsInjected++;
      }
      return fault;
    },
    /** Switches the leaky bucket on (per portal) or off. */
    setRateLimit(limit: { perSecond: number; burst: number } | undefined): void {
      rate = limit;
      buckets.clear();
    },
    /**
     * From now on `method` (on one portal, or on every portal) answers 429
     * OPERATION_TIME_LIMIT until `resetAt` (epoch ms), after `successes` more successful
     * answers that already report operating_reset_at = resetAt.
     */
    limitOperating(method: string, opts: { resetAt: number; successes?: number; memberId?: string }): void {
      limits.push({ method, memberId: opts.memberId, resetAt: opts.resetAt, successes: opts.successes ?? 0 });
    },
    /** true when this call of `method` must answer OPERATION_TIME_LIMIT. */
    operatingExhausted(memberId: string, method: string): boolean {
      const limit = activeLimit(memberId, method);
      return limit !== undefined && limit.successes <= 0;
    },
    /** The time block of a successful call that ran `seconds`, counted against its method. */
    timeBlock(memberId: string, method: string, seconds: number): TimeBlock {
      const now = clock();
      const key = `${memberId} ${method}`;
      const minute = Math.floor(now / BUCKET_MS);
      const use = operatingUse.get(key) ?? new Map<number, number>();
      for (const bucket of use.keys()) if (bucket <= minute - WINDOW_BUCKETS) use.delete(bucket);
      use.set(minute, (use.get(minute) ?? 0) + seconds);
      operatingUse.set(key, use);
      let operating = [...use.values()].reduce((sum, value) => sum + value, 0);
      // A part of the limit is released when the oldest bucket leaves the ten-minute window.
      let resetAt = (Math.min(...use.keys()) + WINDOW_BUCKETS) * BUCKET_MS;
      const limit = activeLimit(memberId, method);
      if (limit) {
        limit.successes -= 1;
        operating = Math.max(operating, OPERATING_LIMIT_S - 1);
        resetAt = limit.resetAt;
      }
      return {
        start: now / 1000 - seconds,
        finish: now / 1000,
        duration: seconds,
        processing: seconds / 2,
        date_start: new Date(now - seconds * 1000).toISOString(),
        date_finish: new Date(now).toISOString(),
        operating_reset_at: Math.ceil(resetAt / 1000),
        operating: Math.round(operating * 1e6) / 1e6,
      };
    },
    /** One more request of this portal: true when its bucket overflows. */
    limited(memberId: string): boolean {
      if (!rate) return false;
      const now = clock();
      const bucket = buckets.get(memberId) ?? { level: 0, at: now };
      bucket.level = Math.max(0, bucket.level - ((now - bucket.at) / 1000) * rate.perSecond);
      bucket.at = now;
      buckets.set(memberId, bucket);
      if (bucket.level + 1 > rate.burst) return true;
      bucket.level += 1;
      return false;
    },
  };

  /** The injected limit in force for this call, if any (expired ones are dropped). */
  function activeLimit(memberId: string, method: string): OperatingLimit | undefined {
    const now = clock();
    for (let i = limits.length - 1; i >= 0; i--) if (limits[i]!.resetAt <= now) limits.splice(i, 1);
    return limits.find((limit) => limit.method === method && (limit.memberId === undefined || limit.memberId === memberId));
  }
}
