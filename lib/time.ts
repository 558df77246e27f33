/**
 * Wall time as a port: what leases, claims, retries, backoff and the REST budget wait on.
 * Production uses the real clock, timers and randomness; tests drive a fake
 * (test/helpers/fake-time.ts) so nothing under test waits for real. The bot's *business*
 * clock (working hours, idle restarts, TTLs: AppDeps.clock) is separate: the playground
 * and tests move it to office hours without moving leases with it.
 */
export interface Time {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1): jitter. */
  random(): number;
}

export const systemTime: Time = {
  now: () => Date.now(),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms))),
  random: () => Math.random(),
};
