/**
 * Every active portal's member_id, for admin commands that must reach each portal
 * (`npm run repoint`): a Scan of the portal items, run by hand, never by the bot.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';

export async function activePortalIds(db: Db, table: string): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: 'sk = :portal AND #status = :active',
        ProjectionExpression: 'pk',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':portal': 'PORTAL', ':active': 'active' },
        ExclusiveStartKey: start,
      }),
    );
    start = page.LastEvaluatedKey;
    for (const item of page.Items ?? []) ids.push(String(item.pk).replace(/^P#/, ''));
  } while (start);
  return ids.sort();
}
