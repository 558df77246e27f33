/**
 * Event feeds of fetch-mode bots (imbot.v2/events/event-get.md): one FEED item in the
 * portal's partition with the bot id, the offset to pass next (passing it acknowledges
 * every event before it), and the poller's lease. It leaves with the portal (purge).
 *
 * - Listing: the sparse FetchFeeds index (infra/table.yml) holds only FEED items, so the
 *   poller finds every fetch-mode portal with one Query per page, never a Scan.
 * - One poller per portal at a time: a lease (owner + until) taken with a conditional
 *   write; a crashed poller's lease simply runs out.
 * - The offset only moves forward, and only by the lease holder from the offset it read
 *   (conditional write): two pollers never both advance it, and an older offset never
 *   overwrites a newer one.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './db.js';
import { conditionHeld } from './errors.js';
import { feedIndex, keys } from './keys.js';

export interface FeedRecord {
  readonly memberId: string;
  readonly botId: number;
  /** What to pass as `offset` next; absent before the first acknowledgement (not passed then). */
  readonly offset?: number;
  readonly leaseOwner?: string;
  /** ms */
  readonly leaseUntil?: number;
}

export interface FeedPage {
  readonly memberIds: readonly string[];
  readonly next: Record<string, unknown> | undefined;
}

const memberOf = (pk: unknown) => String(pk).replace(/^P#/, '');

/**
 * The feed store (DynamoDB: createFeedStore; in memory: lib/store/memory/feeds.ts; both held
 * to test/contracts/feed-store.ts).
 */
export interface FeedStore {
  /**
   * The portal's bot is in fetch mode (install, update, migration). The same bot keeps its
   * offset; another bot (re-registered) starts a new feed without one.
   */
  enable(memberId: string, botId: number, now: number): Promise<void>;
  /** The bot is in webhook mode (or V1): nothing to poll; a portal without a feed is left as it is. */
  disable(memberId: string): Promise<void>;
  /** The portal's feed (consistent read), undefined when it has none. */
  get(memberId: string): Promise<FeedRecord | undefined>;
  /** Fetch-mode portals, `limit` at a time (the index is eventually consistent: the item decides). */
  list(limit: number, start?: Record<string, unknown>): Promise<FeedPage>;
  /** true when `owner` may poll the feed until `until` (no one else holds an unexpired lease). */
  lease(memberId: string, owner: string, now: number, until: number): Promise<boolean>;
  /** Gives the lease back, if `owner` still holds it. */
  release(memberId: string, owner: string): Promise<void>;
  /**
   * Stores the next offset iff `owner` still holds the lease, the feed is still `botId`'s and
   * its offset is still `from`. false: someone else moved it (or the portal went away).
   */
  advance(memberId: string, owner: string, botId: number, from: number | undefined, to: number): Promise<boolean>;
}

export function createFeedStore(db: Db, table: string): FeedStore {
  return {
    async enable(memberId, botId, now) {
      const kept = await conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(memberId),
            UpdateExpression: 'SET botId = :bot, feedShard = :shard, feedSince = if_not_exists(feedSince, :now)',
            ConditionExpression: 'attribute_not_exists(botId) OR botId = :bot',
            ExpressionAttributeValues: { ':bot': botId, ':shard': feedIndex.shard, ':now': now },
          }),
        ),
      );
      if (!kept) await db.send(new PutCommand({ TableName: table, Item: { ...keys.feed(memberId), botId, feedShard: feedIndex.shard, feedSince: now } }));
    },

    /** An UpdateItem, not a DeleteItem, so the install functions need no new permission. */
    async disable(memberId) {
      await conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(memberId),
            UpdateExpression: 'REMOVE botId, feedShard, feedSince, #offset, leaseOwner, leaseUntil',
            ConditionExpression: 'attribute_exists(botId)',
            ExpressionAttributeNames: { '#offset': 'offset' },
          }),
        ),
      );
    },

    async get(memberId) {
      const { Item } = await db.send(new GetCommand({ TableName: table, Key: keys.feed(memberId), ConsistentRead: true }));
      if (!Item || Item.botId === undefined) return undefined;
      return {
        memberId,
        botId: Number(Item.botId),
        ...(typeof Item.offset === 'number' ? { offset: Item.offset } : {}),
        ...(typeof Item.leaseOwner === 'string' ? { leaseOwner: Item.leaseOwner, leaseUntil: Number(Item.leaseUntil) } : {}),
      };
    },

    async list(limit, start) {
      const page = await db.send(
        new QueryCommand({
          TableName: table,
          IndexName: feedIndex.name,
          KeyConditionExpression: 'feedShard = :shard',
          ExpressionAttributeValues: { ':shard': feedIndex.shard },
          Limit: limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      return { memberIds: (page.Items ?? []).map((item) => memberOf(item.pk)), next: page.LastEvaluatedKey };
    },

    async lease(memberId, owner, now, until) {
      return conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(memberId),
            UpdateExpression: 'SET leaseOwner = :owner, leaseUntil = :until',
            ConditionExpression: 'attribute_exists(botId) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now OR leaseOwner = :owner)',
            ExpressionAttributeValues: { ':owner': owner, ':until': until, ':now': now },
          }),
        ),
      );
    },

    async release(memberId, owner) {
      await conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(memberId),
            UpdateExpression: 'REMOVE leaseOwner, leaseUntil',
            ConditionExpression: 'leaseOwner = :owner',
            ExpressionAttributeValues: { ':owner': owner },
          }),
        ),
      );
    },

    async advance(memberId, owner, botId, from, to) {
      return conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feed(memberId),
            UpdateExpression: 'SET #offset = :to',
            ConditionExpression: `leaseOwner = :owner AND botId = :bot AND ${from === undefined ? 'attribute_not_exists(#offset)' : '#offset = :from'}`,
            ExpressionAttributeNames: { '#offset': 'offset' },
            ExpressionAttributeValues: { ':owner': owner, ':bot': botId, ':to': to, ...(from === undefined ? {} : { ':from': from }) },
          }),
        ),
      );
    },
  };
}
