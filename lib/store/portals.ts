/**
 * Portals: identity, OAuth tokens and the registered bot, one item per portal.
 * Tokens carry a version so concurrent refreshes are decided by a conditional
 * write (lib/app/tokens.ts); the portal's dialogs live in the same partition and
 * leave with it.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OAuthTokens } from '../bitrix/events.js';
import { writeAllInBatches } from './batch-write.js';
import type { Db } from './db.js';
import { ConcurrentUpdateError, isConditionFailure } from './errors.js';
import { keys, portalPk, tokenIndex } from './keys.js';
import { type NewPortal, type PortalAddresses, type PortalRecord, portalFromItem, type TokenProblem } from './portal-record.js';

export type { ChatAppRecord, NewPortal, PortalAddresses, PortalRecord, TokenProblem } from './portal-record.js';
export { portalFromItem } from './portal-record.js';

export function createPortalStore(db: Db, table: string) {
  return {
    async get(memberId: string): Promise<PortalRecord | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: table, Key: keys.portal(memberId), ConsistentRead: true }));
      return Item ? portalFromItem(Item) : undefined;
    },

    /**
     * Writes the portal at install. `expected` is the record the caller checked the
     * claim against (or undefined for a new portal): if someone else changed it in
     * between, nothing is written.
     */
    async save(portal: NewPortal, expected: PortalRecord | undefined, now: number): Promise<PortalRecord> {
      const record: PortalRecord = {
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

    /**
     * Stores a refreshed pair iff nobody stored another one since `expectedVersion`, with
     * the addresses the refresh answer named (already checked by the caller), if any.
     */
    async replaceTokens(
      memberId: string,
      tokens: OAuthTokens,
      expectedVersion: number,
      now: number,
      addresses: Partial<PortalAddresses> = {},
    ): Promise<number> {
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
    async moveEndpoint(memberId: string, from: string, to: Pick<PortalAddresses, 'clientEndpoint' | 'domain'>, now: number): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.portal(memberId),
            UpdateExpression: 'SET clientEndpoint = :to, #domain = :domain, updatedAt = :now',
            ConditionExpression: '#status = :active AND clientEndpoint = :from',
            ExpressionAttributeNames: { '#status': 'status', '#domain': 'domain' },
            ExpressionAttributeValues: { ':to': to.clientEndpoint, ':domain': to.domain, ':from': from, ':now': now, ':active': 'active' },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /**
     * Single-flight for the OAuth refresh: true when this caller may refresh the tokens at
     * `version` (nobody holds an unexpired lease on them).
     */
    async takeRefreshLease(memberId: string, version: number, nowMs: number, leaseMs: number): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.portal(memberId),
            UpdateExpression: 'SET refreshLease = :until',
            ConditionExpression: 'tokenVersion = :v AND #status = :active AND (attribute_not_exists(refreshLease) OR refreshLease < :now)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':until': nowMs + leaseMs, ':v': version, ':now': nowMs, ':active': 'active' },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async releaseRefreshLease(memberId: string, version: number): Promise<void> {
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

    /** Changes fields of an installed portal (ONAPPUPDATE, batch refusals, its REST budget). */
    async update(
      memberId: string,
      changes: Partial<Pick<PortalRecord, 'applicationToken' | 'language' | 'botId' | 'batchRefused' | 'rate' | 'chatApp' | 'botApi' | 'handlerUrl'>>,
      now: number,
    ): Promise<void> {
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

    /**
     * Removes the portal and everything in its partition. The portal item is first
     * marked removed and stripped of its tokens (one conditional write), so events are
     * refused at once even if the clean-up below is cut short; a later install or
     * uninstall finishes it.
     */
    async remove(memberId: string, now: number): Promise<number> {
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
      return this.purge(memberId, { keepPortal: false });
    },

    /** Deletes the partition's items (dialogs, budget, and the portal item unless kept). */
    async purge(memberId: string, opts: { keepPortal: boolean }): Promise<number> {
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
}

const deleteOf = (item: Record<string, unknown>) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } });

export type PortalStore = ReturnType<typeof createPortalStore>;
