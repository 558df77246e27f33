/**
 * The dialog table's stream (DynamoDB Streams, NEW_AND_OLD_IMAGES; infra/table.yml) → the
 * statistics aggregator (lib/app/stats/aggregate.ts). The event source mapping passes only
 * dialog items (serverless.yml filterPatterns: sk begins with D#), in batches; a failure
 * fails the batch, which Lambda retries, halving it (bisectBatchOnFunctionError), so one bad
 * record cannot hold the rest back for long. A retried batch may count some turns twice:
 * the numbers are for trends, not for billing (docs/operations.md "Statistics").
 */
import { aggregate, type AggregatorDeps } from '../app/stats/aggregate.js';
import { changeOfRecord, type StreamRecord } from '../stats/dialog-change.js';

export interface StreamEvent {
  readonly Records: readonly StreamRecord[];
}

export function createStatsStreamHandler(deps: AggregatorDeps) {
  return async (event: StreamEvent): Promise<void> => {
    const { outcomes, writes } = await aggregate(deps, event.Records.map(changeOfRecord));
    deps.log.info('statistics batch', { records: event.Records.length, outcomes, writes });
  };
}
