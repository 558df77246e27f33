/**
 * One-off, by hand, after upgrading a deployed stack: portals stored before the
 * TokensByAge index existed have no `tokensShard`, so the keep-alive job would never see
 * them — and quiet portals are exactly the ones it is for. This walks the table once
 * (a Scan: an admin command, never the daily job) and enters each active portal with
 * its install time as the pair's age: never younger than the real pair, so the job
 * refreshes it early rather than too late.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { isConditionFailure } from './errors.js';
import { tokenIndex } from './keys.js';
import { activePortalItems } from './portal-scan.js';

export async function indexUnlistedPortals(db: Db, table: string): Promise<number> {
  let entered = 0;
  const portals = activePortalItems(db, table, {
    alsoWhere: 'attribute_not_exists(tokensShard) AND attribute_not_exists(tokenProblem)',
    attributes: ['sk', 'installedAt'],
  });
  for await (const item of portals) {
    try {
      await db.send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: item.pk, sk: item.sk },
          // A pair stored since then has written both attributes itself: left as it is.
          UpdateExpression: 'SET tokensShard = :shard, tokensRefreshedAt = :at',
          ConditionExpression: 'attribute_not_exists(tokensShard) AND #status = :active',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':shard': tokenIndex.shard, ':at': Number(item.installedAt) || 0, ':active': 'active' },
        }),
      );
      entered++;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  return entered;
}
