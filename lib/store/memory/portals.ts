/**
 * The portal store in memory, with the DynamoDB store's conditions (held to the same
 * contract: test/contracts/portal-store.ts): versions, the active status, the lease,
 * removal of the whole partition.
 */
import { ConcurrentUpdateError } from '../errors.js';
import { keys, portalPk, tokenIndex } from '../keys.js';
import { installedRecord, portalFromItem, type PortalStore } from '../portals.js';
import type { Item, MemoryTable } from './table.js';

export function createMemoryPortalStore(table: MemoryTable): PortalStore {
  const key = (memberId: string) => keys.portal(memberId);
  const item = (memberId: string): Item | undefined => table.get(key(memberId).pk, 'PORTAL');
  const active = (found: Item | undefined): found is Item => found?.status === 'active';
  const store: PortalStore = {
    async get(memberId) {
      const found = item(memberId);
      return found ? portalFromItem(found) : undefined;
    },

    async save(portal, expected, now) {
      const found = item(portal.memberId);
      const holds = expected ? found !== undefined && found.tokenVersion === expected.tokenVersion : found === undefined;
      if (!holds) throw new ConcurrentUpdateError(`portal ${portal.memberId}`);
      const record = installedRecord(portal, expected, now);
      // A put replaces the whole item, as PutItem does (the lease and tokenProblem go).
      table.put({ ...key(portal.memberId), tokensShard: tokenIndex.shard, ...record });
      return record;
    },

    async replaceTokens(memberId, tokens, expectedVersion, now, addresses = {}) {
      const found = item(memberId);
      if (!active(found) || found.tokenVersion !== expectedVersion) throw new ConcurrentUpdateError(`tokens of portal ${memberId}`);
      const { refreshLease: _lease, tokenProblem: _problem, ...rest } = found;
      const moved = Object.fromEntries(Object.entries(addresses).filter(([, value]) => value !== undefined));
      table.put({
        ...rest,
        ...key(memberId),
        ...moved,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        tokenExpiresAt: tokens.expiresAt,
        scope: tokens.scope,
        tokenVersion: expectedVersion + 1,
        updatedAt: now,
        tokensShard: tokenIndex.shard,
        tokensRefreshedAt: now,
      });
      return expectedVersion + 1;
    },

    async moveEndpoint(memberId, from, to, now) {
      const found = item(memberId);
      if (!active(found) || found.clientEndpoint !== from) return false;
      table.put({ ...found, ...key(memberId), clientEndpoint: to.clientEndpoint, domain: to.domain, updatedAt: now });
      return true;
    },

    async takeRefreshLease(memberId, version, nowMs, leaseMs) {
      const found = item(memberId);
      const free = found?.refreshLease === undefined || Number(found.refreshLease) < nowMs;
      if (!active(found) || found.tokenVersion !== version || !free) return false;
      table.put({ ...found, ...key(memberId), refreshLease: nowMs + leaseMs });
      return true;
    },

    async releaseRefreshLease(memberId, version) {
      const found = item(memberId);
      if (!found || found.tokenVersion !== version) return;
      const { refreshLease: _lease, ...rest } = found;
      table.put({ ...rest, ...key(memberId) });
    },

    async update(memberId, changes, now) {
      const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
      if (entries.length === 0) return;
      const found = item(memberId);
      if (!active(found)) throw new ConcurrentUpdateError(`portal ${memberId}`);
      table.put({ ...found, ...key(memberId), ...Object.fromEntries(entries), updatedAt: now });
    },

    async remove(memberId, now) {
      const found = item(memberId);
      if (found) {
        const { accessToken: _a, refreshToken: _r, tokensShard: _s, ...rest } = found;
        table.put({ ...rest, ...key(memberId), status: 'removed', updatedAt: now });
      }
      return store.purge(memberId, { keepPortal: false });
    },

    async purge(memberId, opts) {
      let removed = 0;
      for (const found of table.partition(portalPk(memberId))) {
        if (found.sk !== 'PORTAL' && table.delete(portalPk(memberId), String(found.sk))) removed++;
      }
      if (!opts.keepPortal) {
        table.delete(portalPk(memberId), 'PORTAL');
        removed += 1; // as the DynamoDB store counts it: one delete request, whether or not the item was there
      }
      return removed;
    },
  };
  return store;
}
