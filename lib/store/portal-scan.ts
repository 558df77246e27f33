/**
 * The active portal items, for admin commands that must reach each portal (`npm run
 * repoint`, `npm run tokens -- index-existing`): a Scan, run by hand, never by the bot.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';

export interface PortalScan {
  /** More conditions on the portal item, ANDed with "active" (attribute names as written). */
  readonly alsoWhere?: string;
  /** The attributes to read; pk always. */
  readonly attributes?: readonly string[];
}

/** Each active portal item, page by page, with only the attributes asked for. */
export async function* activePortalItems(db: Db, table: string, scan: PortalScan = {}): AsyncGenerator<Record<string, unknown>> {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: `sk = :portal AND #status = :active${scan.alsoWhere ? ` AND ${scan.alsoWhere}` : ''}`,
        ProjectionExpression: ['pk', ...(scan.attributes ?? [])].join(', '),
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':portal': 'PORTAL', ':active': 'active' },
        ExclusiveStartKey: start,
      }),
    );
    start = page.LastEvaluatedKey;
    yield* page.Items ?? [];
  } while (start);
}

export async function activePortalIds(db: Db, table: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const item of activePortalItems(db, table)) ids.push(String(item.pk).replace(/^P#/, ''));
  return ids.sort();
}
