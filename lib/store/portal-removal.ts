/**
 * Uninstall: the portal's whole partition (dialogs, budget, job failures, feed, statistics,
 * the portal item) goes, in an order that an interrupted clean-up can finish later.
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { writeAllInBatches } from './batch-write.js';
import type { Db } from './db.js';
import { isConditionFailure } from './errors.js';
import { keys, portalPk } from './keys.js';
import type { PortalStore } from './portals.js';

const deleteOf = (item: Record<string, unknown>) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } });

export function dynamoPortalRemoval(db: Db, table: string): Pick<PortalStore, 'remove' | 'purge'> {
  const removal: Pick<PortalStore, 'remove' | 'purge'> = {
    /**
     * The portal item is first marked removed and stripped of its tokens (one conditional
     * write), so events are refused at once even if the clean-up below is cut short; a later
     * install or uninstall finishes it.
     */
    async remove(memberId, now) {
      await db
        .send(
          new UpdateCommand({
            TableName: table,
            Key: keys.portal(memberId),
            UpdateExpression: 'SET #status = :removed, updatedAt = :now REMOVE accessToken, refreshToken, tokensShard',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':removed': 'removed', ':now': now },
          }),
        )
        .catch((error) => {
          if (!isConditionFailure(error)) throw error;
        });
      return removal.purge(memberId, { keepPortal: false });
    },

    async purge(memberId, opts) {
      let removed = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': portalPk(memberId) },
            ProjectionExpression: 'pk, sk',
            ExclusiveStartKey: start,
          }),
        );
        start = page.LastEvaluatedKey;
        // The portal item goes last, so an interrupted clean-up can be finished by the next uninstall.
        const items = (page.Items ?? []).filter((item) => item.sk !== 'PORTAL');
        await writeAllInBatches(db, table, items.map(deleteOf));
        removed += items.length;
      } while (start);
      if (!opts.keepPortal) {
        await writeAllInBatches(db, table, [deleteOf(keys.portal(memberId))]);
        removed += 1;
      }
      return removed;
    },
  };
  return removal;
}
