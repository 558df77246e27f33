/**
 * The local bot's clock, which the playground may move to office hours or after hours so a
 * menu's working hours can be tried without waiting for them.
 */
import { isOpen } from '../../../lib/menu/hours.js';

/** The local bot's clock, which the playground may move to office hours or after hours. */
export interface MovableClock {
  readonly now: () => number;
  shift(offsetMs: number): void;
  readonly offset: () => number;
}

export function movableClock(): MovableClock {
  let offset = 0;
  return { now: () => Date.now() + offset, shift: (ms) => void (offset = ms), offset: () => offset };
}

/** The first moment from now that stays open (or closed) for two hours, within two weeks. */
export function nextTime(hours: Parameters<typeof isOpen>[0], from: number, open: boolean): number | undefined {
  const step = 30 * 60_000;
  for (let t = from; t < from + 14 * 86_400_000; t += step) {
    if (isOpen(hours, t) === open && isOpen(hours, t + 2 * 3_600_000) === open) return t + 15 * 60_000;
  }
  return undefined;
}
