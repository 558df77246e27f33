/**
 * Daily counters per portal and Open Line (lib/stats/tally.ts), in the portal's own
 * partition, so an uninstall removes them with everything else (lib/store/portal-removal.ts):
 *
 *   pk = P#<member_id>, sk = S#<YYYY-MM-DD>#<line>           the counters, one number attribute each
 *   pk = P#<member_id>, sk = S#<YYYY-MM-DD>#<line>#misread   misunderstood texts (redacted) → count
 *
 * Written only by the statistics aggregator (DynamoDB Streams; never on a reply's path)
 * with ADD, so concurrent batches add up. Kept STATS_TTL_DAYS.
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { portalPk } from './keys.js';

export const STATS_TTL_DAYS = 400;
/** Attributes per UpdateItem: keeps the expression far below DynamoDB's 4 KB limit. */
const PER_UPDATE = 60;

export interface StatsRow {
  readonly day: string;
  readonly lineId: string;
  readonly counters: Readonly<Record<string, number>>;
  readonly misread: Readonly<Record<string, number>>;
}

/** The counters' item of a day and line; its misread texts are in `statsSk(…) + MISREAD`. */
export const statsSk = (day: string, lineId: string) => `S#${day}#${lineId}`;
export const MISREAD = '#misread';
/** Counter attributes are `n:<name>`, misread texts `t:<text>`. */
export const COUNTER = 'n:';
export const MISREAD_TEXT = 't:';
/** The sort keys of every item between two days (inclusive). */
export const statsRange = (from: string, to: string) => ({ from: `S#${from}`, to: `S#${to}#\uffff` });

/** The rows of a portal's statistics items, optionally of one line, by day then line (shared with the in-memory store). */
export function statsRows(items: readonly Record<string, unknown>[], lineId?: string): StatsRow[] {
  const rows = new Map<string, { day: string; lineId: string; counters: Record<string, number>; misread: Record<string, number> }>();
  for (const item of items) {
    const match = /^S#(\d{4}-\d{2}-\d{2})#([^#]+)(#misread)?$/.exec(String(item.sk));
    if (!match || (lineId !== undefined && match[2] !== lineId)) continue;
    const key = `${match[1]}#${match[2]}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { day: match[1]!, lineId: match[2]!, counters: {}, misread: {} }));
    for (const [name, value] of Object.entries(item)) {
      if (typeof value !== 'number') continue;
      if (name.startsWith(COUNTER)) row.counters[name.slice(2)] = value;
      else if (name.startsWith(MISREAD_TEXT)) row.misread[name.slice(2)] = value;
    }
  }
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.lineId.localeCompare(b.lineId));
}

/** One portal's, line's and day's increments, as the aggregator adds them. */
export interface StatsBucket {
  readonly memberId: string;
  readonly lineId: string;
  readonly day: string;
  readonly counters: Record<string, number>;
  readonly misread: Record<string, number>;
}

/**
 * The daily statistics (DynamoDB: createStatsStore; in memory: lib/store/memory/stats.ts; both
 * held to test/contracts/stats-store.ts).
 */
export interface StatsStore {
  /** Adds a batch's increments for one portal, line and day (`nowMs` sets the items' expiry); zeros write nothing. */
  add(bucket: StatsBucket, nowMs: number): Promise<void>;
  /** Every row of a portal between two days (inclusive), optionally of one line, by day then line. */
  read(memberId: string, from: string, to: string, lineId?: string): Promise<StatsRow[]>;
}

export function createStatsStore(db: Db, table: string): StatsStore {
  async function add(memberId: string, sk: string, values: Record<string, number>, ttl: number, prefix: string): Promise<void> {
    const entries = Object.entries(values).filter(([, n]) => n !== 0);
    for (let i = 0; i < entries.length; i += PER_UPDATE) {
      const chunk = entries.slice(i, i + PER_UPDATE);
      const names: Record<string, string> = { '#ttl': 'ttl' };
      const vals: Record<string, unknown> = { ':ttl': ttl };
      chunk.forEach(([name, n], index) => {
        names[`#a${index}`] = `${prefix}${name}`;
        vals[`:v${index}`] = n;
      });
      await db.send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: portalPk(memberId), sk },
          UpdateExpression: `SET #ttl = :ttl ADD ${chunk.map((_, index) => `#a${index} :v${index}`).join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: vals,
        }),
      );
    }
  }

  return {
    async add(bucket, nowMs) {
      const ttl = Math.floor(nowMs / 1000) + STATS_TTL_DAYS * 86_400;
      await add(bucket.memberId, statsSk(bucket.day, bucket.lineId), bucket.counters, ttl, COUNTER);
      await add(bucket.memberId, statsSk(bucket.day, bucket.lineId) + MISREAD, bucket.misread, ttl, MISREAD_TEXT);
    },

    async read(memberId, from, to, lineId) {
      const range = statsRange(from, to);
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': portalPk(memberId), ':from': range.from, ':to': range.to },
            ExclusiveStartKey: start,
          }),
        );
        start = page.LastEvaluatedKey;
        items.push(...(page.Items ?? []));
      } while (start);
      return statsRows(items, lineId);
    },
  };
}
