/**
 * The statistics aggregator (issue 19): dialog changes → outcomes → daily counters per
 * portal and Open Line, one ADD write per (portal, line, day) of the batch. It runs off the
 * reply's path — the stream's Lambda in AWS, the change feed locally — so a customer's
 * turn pays nothing for it (test/integration/costs.test.ts keeps counting).
 */
import type { Logger } from '../../log.js';
import { imageOf, type DialogChange } from '../../stats/dialog-change.js';
import { outcomesOf } from '../../stats/outcome.js';
import { tally } from '../../stats/tally.js';
import type { StatsStore } from '../../store/stats.js';

export interface AggregatorDeps {
  readonly stats: StatsStore;
  readonly clock: () => number;
  readonly log: Logger;
}

export async function aggregate(deps: AggregatorDeps, changes: readonly DialogChange[]): Promise<{ outcomes: number; writes: number }> {
  const outcomes = changes.flatMap((change) => outcomesOf(imageOf(change.old), imageOf(change.new), { expired: change.expired }));
  const buckets = tally(outcomes);
  for (const bucket of buckets) await deps.stats.add(bucket, deps.clock());
  if (outcomes.length > 0) deps.log.debug('statistics aggregated', { changes: changes.length, outcomes: outcomes.length, buckets: buckets.length });
  return { outcomes: outcomes.length, writes: buckets.length };
}
