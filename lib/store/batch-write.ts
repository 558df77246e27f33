/**
 * BatchWriteItem for any number of requests: 25 per call (DynamoDB's limit), and the
 * items DynamoDB hands back unprocessed are sent again after a short exponential
 * backoff — the SDK's own retries do not cover them. Shared by the uninstall clean-up
 * (portal-removal.ts) and the waiting room (lib/app/waiting-room.ts).
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { systemTime, type Time } from '../time.js';
import type { Db } from './db.js';

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

const MAX_ATTEMPTS = 8;

export async function writeAllInBatches(db: Db, table: string, requests: readonly WriteRequest[], sleep: Time['sleep'] = systemTime.sleep): Promise<void> {
  for (let from = 0; from < requests.length; from += 25) {
    let pending = requests.slice(from, from + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`DynamoDB kept ${pending.length} of ${table}'s writes unprocessed`);
      if (attempt > 0) await sleep(20 * 2 ** (attempt - 1));
      const { UnprocessedItems } = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending as never } }));
      pending = (UnprocessedItems?.[table] ?? []) as WriteRequest[];
    }
  }
}
