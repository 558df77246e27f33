/**
 * Optimal string alignment distance (typos: a letter wrong, missing, extra, or two swapped),
 * capped: enough for "delivry" ≈ "delivery". Three reused rows and an early exit past the
 * cap: the matcher calls this for every unknown word against the menu's words.
 */
const MAX = 64;
const ROWS = [new Int32Array(MAX + 1), new Int32Array(MAX + 1), new Int32Array(MAX + 1)] as const;

export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  if (a.length > MAX || b.length > MAX) return a === b ? 0 : cap + 1;
  let [before, previous, current] = ROWS;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < best) best = value;
    }
    // Every later row is at least this row's minimum: past the cap, stop.
    if (best > cap) return cap + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** Typos a word of this length may have: none up to 3 letters, one up to 7, then two. */
export const tolerance = (word: string): number => (word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0);

/**
 * The candidate closest to `word` (case ignored), for "did you mean …?": within typo
 * distance, or sharing its first four letters ("pricing" → "prices").
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  const prefix = (candidate: string) => typed.length >= 4 && candidate.toLowerCase().startsWith(typed.slice(0, 4));
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(typed, candidate.toLowerCase(), 3) }))
    .filter(({ candidate, distance }) => distance <= Math.max(1, tolerance(typed)) || prefix(candidate))
    .sort((a, b) => a.distance - b.distance)[0]?.candidate;
}

/** " (did you mean prices?)" or nothing. */
export const didYouMean = (word: string, candidates: readonly string[]): string => {
  const near = nearest(word, candidates);
  return near ? ` (did you mean ${near}?)` : '';
};
