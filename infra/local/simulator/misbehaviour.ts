/**
 * How the simulated portals misbehave on request: injected faults (an error status, a
 * dropped connection, a hang) on a method, any method or the OAuth server, and the
 * documented per-portal leaky bucket (contract §5: 2/s, burst 50) answering
 * QUERY_LIMIT_EXCEEDED when it overflows.
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

export function createMisbehaviour(clock: () => number, stats: { faultsInjected: number }) {
  const faults: Fault[] = [];
  let rate: { perSecond: number; burst: number } | undefined;
  const buckets = new Map<string, { level: number; at: number }>();

  return {
    /** The next `times` calls of `method` ('*' for any REST method, OAUTH_FAULT for the OAuth server) fail. */
    fail(method: string, fault: FaultSpec): void {
      faults.push({ method, status: fault.status, ...(fault.error ? { error: fault.error } : {}), ...(fault.hangMs ? { hangMs: fault.hangMs } : {}), remaining: fault.times ?? 1 });
    },
    clear: (): void => void faults.splice(0),
    /** The fault this call of `method` meets, if any (and counts it). */
    take(method: string): Fault | undefined {
      const fault = faults.find((candidate) => candidate.remaining > 0 && (candidate.method === method || (candidate.method === '*' && method !== OAUTH_FAULT)));
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
}
