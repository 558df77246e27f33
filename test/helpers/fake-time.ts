/**
 * A Time (lib/time.ts) that tests drive. `now` moves only when the test calls `advance` or
 * when sleepers are due: a sleep is a timer on the virtual clock, and once the event loop
 * has run what is pending, the clock jumps to the earliest timer and wakes everyone due.
 * Retries, backoff and budget waits so take no real time, and concurrent sleepers see one
 * consistent clock. `random` is a fixed sequence.
 */
import type { Time } from '../../lib/time.js';

export interface FakeTime extends Time {
  advance(ms: number): void;
  /** Every sleep asked for, in order (assertions on backoff). */
  readonly slept: number[];
}

export function fakeTime(start = Date.parse('2026-11-25T09:00:00Z'), randoms: readonly number[] = [0.5]): FakeTime {
  let now = start;
  let next = 0;
  const slept: number[] = [];
  const timers: { at: number; wake: () => void }[] = [];
  let pumping = false;

  const pump = () => {
    pumping = false;
    if (timers.length === 0) return;
    timers.sort((a, b) => a.at - b.at);
    now = Math.max(now, timers[0]!.at);
    const due = timers.filter((timer) => timer.at <= now);
    timers.splice(0, due.length);
    for (const timer of due) timer.wake();
    schedule();
  };
  const schedule = () => {
    if (pumping || timers.length === 0) return;
    pumping = true;
    setImmediate(pump);
  };

  return {
    now: () => now,
    sleep(ms) {
      slept.push(ms);
      return new Promise<void>((wake) => {
        timers.push({ at: now + Math.max(0, ms), wake });
        schedule();
      });
    },
    random: () => randoms[next++ % randoms.length]!,
    advance(ms) {
      now += ms;
    },
    slept,
  };
}

/**
 * Real time that a test can move forward: sleeps, hangs and the REST client's timeouts stay
 * real (a test of a request hanging past the timeout needs them), but a claim or a lease
 * can be made to run out at once (`advance`) instead of waiting it out for real. Another
 * process's claims, written on the real clock, run out for it too.
 */
export function movableTime(): Time & { advance(ms: number): void } {
  let skew = 0;
  return {
    now: () => Date.now() + skew,
    sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms))),
    random: () => Math.random(),
    advance(ms) {
      skew += ms;
    },
  };
}
