/**
 * Daily statistics in memory: the same items (ADD to a counter attribute, the ttl set) and
 * the same reader as the DynamoDB store (held to test/contracts/stats-store.ts).
 */
import { portalPk } from '../keys.js';
import { COUNTER, MISREAD, MISREAD_TEXT, STATS_TTL_DAYS, type StatsStore, statsRange, statsRows, statsSk } from '../stats.js';
import type { MemoryTable } from './table.js';

export function createMemoryStatsStore(table: MemoryTable): StatsStore {
  const add = (memberId: string, sk: string, values: Record<string, number>, ttl: number, prefix: string): void => {
    const entries = Object.entries(values).filter(([, n]) => n !== 0);
    if (entries.length === 0) return; // as the DynamoDB store: no UpdateItem, no item
    const pk = portalPk(memberId);
    const found = table.get(pk, sk) ?? { pk, sk };
    for (const [name, n] of entries) found[`${prefix}${name}`] = Number(found[`${prefix}${name}`] ?? 0) + n;
    table.put({ ...found, pk, sk, ttl });
  };
  return {
    async add(bucket, nowMs) {
      const ttl = Math.floor(nowMs / 1000) + STATS_TTL_DAYS * 86_400;
      add(bucket.memberId, statsSk(bucket.day, bucket.lineId), bucket.counters, ttl, COUNTER);
      add(bucket.memberId, statsSk(bucket.day, bucket.lineId) + MISREAD, bucket.misread, ttl, MISREAD_TEXT);
    },

    async read(memberId, from, to, lineId) {
      const range = statsRange(from, to);
      const items = table.partition(portalPk(memberId)).filter((item) => String(item.sk) >= range.from && String(item.sk) <= range.to);
      return statsRows(items, lineId);
    },
  };
}
