/**
 * How many times a job has failed, kept apart from SQS's receive count: a record handed
 * back unrun (behind a failed one of its chat, or for lack of time in the invocation) is
 * received again without having failed, so the receive count would dead-letter a job on
 * its first real failure. One UpdateItem, only on the failure path, in the portal's
 * partition (removed with the portal), gone after a day by TTL.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { portalPk } from './keys.js';

export interface JobFailureStore {
  /** Counts one more failure of the job and returns how many there have been. */
  record(memberId: string, jobId: string, nowMs: number): Promise<number>;
}

export function createJobFailureStore(db: Db, table: string): JobFailureStore {
  return {
    async record(memberId, jobId, nowMs) {
      const answer = await db.send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: portalPk(memberId), sk: `J#${jobId}` },
          UpdateExpression: 'ADD failures :one SET #ttl = :ttl',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':one': 1, ':ttl': Math.floor(nowMs / 1000) + 86_400 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(answer.Attributes?.failures ?? 1);
    },
  };
}
