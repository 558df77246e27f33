/**
 * Hand-backs on AWS: the worker's failed records become visible again after the job's
 * backoff (ChangeMessageVisibilityBatch), not after the queue's whole visibility timeout
 * (which must cover the worker's timeout and is minutes long). Within a FIFO group the
 * later records wait behind the first anyway, so they all get the same delay.
 */
import type { SQSRecord } from 'aws-lambda';
import { runtimeSqs } from './runtime-sqs.js';

export function sqsRetryLater(queueUrl: string, region: string): (records: readonly SQSRecord[], delaySeconds: number) => Promise<void> {
  const load = runtimeSqs(region);
  return async (records, delaySeconds) => {
    const { sqs, client } = load();
    for (let i = 0; i < records.length; i += 10) {
      await client.send(
        new sqs.ChangeMessageVisibilityBatchCommand({
          QueueUrl: queueUrl,
          Entries: records.slice(i, i + 10).map((record, n) => ({ Id: String(i + n), ReceiptHandle: record.receiptHandle, VisibilityTimeout: delaySeconds })),
        }),
      );
    }
  };
}
