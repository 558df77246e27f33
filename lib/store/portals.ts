/**
 * Portals: identity, OAuth tokens and the registered bot, one item per portal.
 * Tokens carry a version so concurrent refreshes are decided by a conditional
 * write (lib/app/tokens.ts); the portal's dialogs live in the same partition and
 * leave with it.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OAuthTokens } from '../bitrix/events.js';
import type { Db } from './db.js';
import { ConcurrentUpdateError, conditionHeld, isConditionFailure } from './errors.js';
import { keys, tokenIndex } from './keys.js';
import { dynamoRefreshLease } from './portal-lease.js';
import { type NewPortal, type PortalAddresses, type PortalRecord, portalFromItem } from './portal-record.js';
import { dynamoPortalRemoval } from './portal-removal.js';

export type { ChatAppRecord, NewPortal, PortalAddresses, PortalRecord, TokenProblem } from './portal-record.js';
export { portalFromItem } from './portal-record.js';

/** The fields of an installed portal that change without new tokens (ONAPPUPDATE, batch refusals, its REST budget, repoint). */
export type PortalChanges = Partial<
  Pick<PortalRecord, 'applicationToken' | 'language' | 'botId' | 'batchRefused' | 'rate' | 'chatApp' | 'botApi' | 'handlerUrl'>
>;

/**
 * The portal store (DynamoDB: createPortalStore; in memory: lib/store/memory/portals.ts;
 * both held to test/contracts/portal-store.ts). Conditional writes decide races: a lost
 * one is ConcurrentUpdateError, or false where losing is an expected answer.
 */
export interface PortalStore {
  /** The stored portal, consistently read (a removed one too, until its clean-up ends). */
  get(memberId: string): Promise<PortalRecord | undefined>;
  /**
   * Writes the portal at install. `expected` is the record the caller checked the claim
   * against (undefined: a new portal); if the item changed since, nothing is written
   * (ConcurrentUpdateError).
   */
  save(portal: NewPortal, expected: PortalRecord | undefined, now: number): Promise<PortalRecord>;
  /**
   * Stores a refreshed pair iff nobody stored another one since `expectedVersion` and the
   * portal is active, with the addresses the refresh answer named; returns the new version.
   */
  replaceTokens(memberId: string, tokens: OAuthTokens, expectedVersion: number, now: number, addresses?: Partial<PortalAddresses>): Promise<number>;
  /** A verified rename (contract §9.3): false when the portal is no longer active at `from`. */
  moveEndpoint(memberId: string, from: string, to: Pick<PortalAddresses, 'clientEndpoint' | 'domain'>, now: number): Promise<boolean>;
  /** Single-flight for the OAuth refresh: true when nobody holds an unexpired lease on the pair at `version`. */
  takeRefreshLease(memberId: string, version: number, nowMs: number, leaseMs: number): Promise<boolean>;
  /** Gives the lease back early (a failed refresh); nothing when the pair changed meanwhile. */
  releaseRefreshLease(memberId: string, version: number): Promise<void>;
  /** Changes fields of an active portal (undefined ones are left as they are); ConcurrentUpdateError when it is not active. */
  update(memberId: string, changes: PortalChanges, now: number): Promise<void>;
  /** Marks the portal removed (tokens gone at once), then deletes its partition; returns the items deleted. */
  remove(memberId: string, now: number): Promise<number>;
  /** Deletes the partition's items (dialogs, budget, and the portal item unless kept). */
  purge(memberId: string, opts: { keepPortal: boolean }): Promise<number>;
}

/**
 * The record an install stores: a new pair at the next version, and what the portal taught
 * us before (batch refusals, its rate, a migration of the same bot) kept. Shared with the
 * in-memory store, so both write the same record.
 */
export function installedRecord(portal: NewPortal, expected: PortalRecord | undefined, now: number): PortalRecord {
  return {
    ...portal,
    tokenVersion: (expected?.tokenVersion ?? 0) + 1,
    updatedAt: now,
    status: 'active',
    tokensRefreshedAt: now, // a new pair: into the keep-alive index, any tokenProblem gone
    ...(expected?.batchRefused ? { batchRefused: expected.batchRefused } : {}),
    ...(expected?.rate ? { rate: expected.rate } : {}),
    // A re-install in the middle of a migration keeps it (lib/store/migrations.ts).
    ...(expected?.migration && expected.botId === portal.botId ? { migration: expected.migration } : {}),
    ...(expected?.retiredBotId && expected.botId === portal.botId ? { retiredBotId: expected.retiredBotId } : {}),
  };
}

export function createPortalStore(db: Db, table: string): PortalStore {
  return {
    async get(memberId) {
      const { Item } = await db.send(new GetCommand({ TableName: table, Key: keys.portal(memberId), ConsistentRead: true }));
      return Item ? portalFromItem(Item) : undefined;
    },

    async save(portal, expected, now) {
      const record = installedRecord(portal, expected, now);
      try {
        await db.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.portal(portal.memberId), tokensShard: tokenIndex.shard, ...record },
            ConditionExpression: expected ? 'tokenVersion = :v' : 'attribute_not_exists(pk)',
            ...(expected ? { ExpressionAttributeValues: { ':v': expected.tokenVersion } } : {}),
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new ConcurrentUpdateError(`portal ${portal.memberId}`, { cause: error });
        throw error;
      }
      return record;
    },

    /** The addresses are already checked by the caller (lib/app/tokens.ts). */
    async replaceTokens(memberId, tokens, expectedVersion, now, addresses = {}) {
      const extra = Object.entries(addresses).filter(([, value]) => value !== undefined);
      try {
        await db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.portal(memberId),
            // A new pair moves the portal to the young end of the keep-alive index (TokensByAge).
            UpdateExpression: `SET accessToken = :a, refreshToken = :r, tokenExpiresAt = :e, #scope = :s, tokenVersion = :next, updatedAt = :now, tokensShard = :shard, tokensRefreshedAt = :now${extra.map(([name]) => `, #${name} = :${name}`).join('')} REMOVE refreshLease, tokenProblem`,
            ConditionExpression: 'tokenVersion = :v AND #status = :active',
            ExpressionAttributeNames: { '#scope': 'scope', '#status': 'status', ...Object.fromEntries(extra.map(([name]) => [`#${name}`, name])) },
            ExpressionAttributeValues: {
              ':a': tokens.accessToken,
              ':r': tokens.refreshToken,
              ':e': tokens.expiresAt,
              ':s': tokens.scope,
              ':v': expectedVersion,
              ':next': expectedVersion + 1,
              ':now': now,
              ':active': 'active',
              ':shard': tokenIndex.shard,
              ...Object.fromEntries(extra.map(([name, value]) => [`:${name}`, value])),
            },
          }),
        );
        return expectedVersion + 1;
      } catch (error) {
        if (isConditionFailure(error)) throw new ConcurrentUpdateError(`tokens of portal ${memberId}`, { cause: error });
        throw error;
      }
    },

    /**
     * The portal was renamed (a verified redirect, contract §9.3): its REST endpoint and
     * domain move, iff it is still active and still at `from`. false when someone else
     * moved or re-installed it first (nothing written; the caller re-reads).
     */
    moveEndpoint(memberId, from, to, now) {
      return conditionHeld(() =>
        db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.portal(memberId),
            UpdateExpression: 'SET clientEndpoint = :to, #domain = :domain, updatedAt = :now',
            ConditionExpression: '#status = :active AND clientEndpoint = :from',
            ExpressionAttributeNames: { '#status': 'status', '#domain': 'domain' },
            ExpressionAttributeValues: { ':to': to.clientEndpoint, ':domain': to.domain, ':from': from, ':now': now, ':active': 'active' },
          }),
        ),
      );
    },

    async update(memberId, changes, now) {
      const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
      if (entries.length === 0) return;
      const names: Record<string, string> = { '#status': 'status' };
      const values: Record<string, unknown> = { ':now': now, ':active': 'active' };
      const sets = entries.map(([name, value], index) => {
        names[`#f${index}`] = name;
        values[`:f${index}`] = value;
        return `#f${index} = :f${index}`;
      });
      try {
        await db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.portal(memberId),
            UpdateExpression: `SET ${sets.join(', ')}, updatedAt = :now`,
            ConditionExpression: '#status = :active',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new ConcurrentUpdateError(`portal ${memberId}`, { cause: error });
        throw error;
      }
    },

    ...dynamoRefreshLease(db, table),
    ...dynamoPortalRemoval(db, table),
  };
}
