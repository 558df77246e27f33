/**
 * Event feeds in memory: the FEED item's conditions as the DynamoDB store writes them
 * (held to test/contracts/feed-store.ts); the FetchFeeds index is the FEED items that hold
 * `feedShard`, by `feedSince`.
 */
import type { FeedStore } from '../feeds.js';
import { feedIndex, keys } from '../keys.js';
import { indexPage, type Item, type MemoryTable } from './table.js';

const since = (item: Item): number => Number(item.feedSince ?? 0);
/** Index order: by feedSince, then by pk (DynamoDB leaves equal ones in an order of its own). */
const before = (a: Item, b: Item): number => since(a) - since(b) || (String(a.pk) < String(b.pk) ? -1 : String(a.pk) > String(b.pk) ? 1 : 0);

export function createMemoryFeedStore(table: MemoryTable): FeedStore {
  const item = (memberId: string): Item | undefined => table.get(keys.feed(memberId).pk, keys.feed(memberId).sk);
  const feedOf = (found: Item | undefined): found is Item => found?.botId !== undefined;
  return {
    async enable(memberId, botId, now) {
      const found = item(memberId);
      const key = keys.feed(memberId);
      // The same bot keeps its offset, lease and start; another bot starts a new feed.
      if (found && (found.botId === undefined || found.botId === botId))
        table.put({ ...found, ...key, botId, feedShard: feedIndex.shard, feedSince: found.feedSince ?? now });
      else table.put({ ...key, botId, feedShard: feedIndex.shard, feedSince: now });
    },

    async disable(memberId) {
      const found = item(memberId);
      if (!feedOf(found)) return;
      const { botId: _b, feedShard: _s, feedSince: _f, offset: _o, leaseOwner: _l, leaseUntil: _u, ...rest } = found;
      table.put({ ...rest, ...keys.feed(memberId) });
    },

    async get(memberId) {
      const found = item(memberId);
      if (!feedOf(found)) return undefined;
      return {
        memberId,
        botId: Number(found.botId),
        ...(typeof found.offset === 'number' ? { offset: found.offset } : {}),
        ...(typeof found.leaseOwner === 'string' ? { leaseOwner: found.leaseOwner, leaseUntil: Number(found.leaseUntil) } : {}),
      };
    },

    async list(limit, start) {
      const indexed = table.all().filter((found) => found.sk === 'FEED' && found.feedShard === feedIndex.shard);
      const { page, next } = indexPage(indexed, before, limit, start, (found) => ({
        pk: found.pk,
        sk: found.sk,
        feedShard: found.feedShard,
        feedSince: found.feedSince,
      }));
      return { memberIds: page.map((found) => String(found.pk).replace(/^P#/, '')), next };
    },

    async lease(memberId, owner, now, until) {
      const found = item(memberId);
      if (!feedOf(found)) return false;
      const free = found.leaseUntil === undefined || Number(found.leaseUntil) < now || found.leaseOwner === owner;
      if (!free) return false;
      table.put({ ...found, ...keys.feed(memberId), leaseOwner: owner, leaseUntil: until });
      return true;
    },

    async release(memberId, owner) {
      const found = item(memberId);
      if (!found || found.leaseOwner !== owner) return;
      const { leaseOwner: _o, leaseUntil: _u, ...rest } = found;
      table.put({ ...rest, ...keys.feed(memberId) });
    },

    async advance(memberId, owner, botId, from, to) {
      const found = item(memberId);
      const holds = found !== undefined && found.leaseOwner === owner && found.botId === botId && found.offset === from;
      if (!holds) return false;
      table.put({ ...found, ...keys.feed(memberId), offset: to });
      return true;
    },
  };
}
