/** The days a report covers: `from`/`to` as YYYY-MM-DD (UTC, inclusive); default the last 30 days. */
import { dayOf } from './outcome.js';

export const DEFAULT_DAYS = 30;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function rangeOf(input: { from?: string | undefined; to?: string | undefined }, nowMs: number): { from: string; to: string } {
  const to = input.to ?? dayOf(nowMs);
  const from = input.from ?? dayOf(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * 86_400_000);
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new RangeError(`--${name} must be a day like 2025-01-31, got "${value}"`);
  }
  if (from > to) throw new RangeError(`--from ${from} is after --to ${to}`);
  return { from, to };
}
