/**
 * The OAuth refresh's single-flight lease on the portal item (lib/app/tokens.ts): only
 * the holder calls the OAuth server, so a single-use refresh token never branches.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { conditionHeld, isConditionFailure } from './errors.js';
import { keys } from './keys.js';
import type { PortalStore } from './portals.js';

export function dynamoRefreshLease(db: Db, table: string): Pick<PortalStore, 'takeRefreshLease' | 'releaseRefreshLease'> {
  return {
    takeRefreshLease(memberId, version, nowMs, leaseMs) {
      return conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.portal(memberId),
            UpdateExpression: 'SET refreshLease = :until',
            ConditionExpression: 'tokenVersion = :v AND #status = :active AND (attribute_not_exists(refreshLease) OR refreshLease < :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':until': nowMs + leaseMs, ':v': version, ':now': nowMs, ':active': 'active' },
          }),
        ),
      );
    },

    async releaseRefreshLease(memberId, version) {
      await db
        .send(
          new UpdateCommand({
            TableName: table,
            Key: keys.portal(memberId),
            UpdateExpression: 'REMOVE refreshLease',
            ConditionExpression: 'tokenVersion = :v',
            ExpressionAttributeValues: { ':v': version },
          }),
        )
        .catch((error) => {
          if (!isConditionFailure(error)) throw error;
        });
    },
  };
}
