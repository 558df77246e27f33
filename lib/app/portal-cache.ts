/**
 * The warm portal record (performance, issue 6): an instance that just read or wrote a
 * portal keeps it for a short time, so the next event of that portal is authenticated,
 * and its next job loads its dialog, without reading the portal again. This wrapper
 * around the portal store is the one place the copy is kept and dropped: reads through it
 * refresh the copy, its writes keep the copy equal to what they store (or drop it when they
 * lose a race), the migration's writes on the portal item drop it, and `forget` drops it
 * on a doubt the store cannot see (the portal refused our token). Callers read `getCached`
 * (no round trip) or `get` (one).
 */
import type { MigrationStore } from '../store/migrations.js';
import type { PortalRecord, PortalStore } from '../store/portals.js';
import { TtlCache } from './ttl-cache.js';

export interface CachedPortalStore extends PortalStore {
  /** The warm copy of an active portal, or undefined: never a round trip. */
  getCached(memberId: string): PortalRecord | undefined;
  /** A portal read along with something else (the dialog's BatchGetItem), kept as `get` keeps it. */
  remember(memberId: string, portal: PortalRecord | undefined): void;
  /** Drops the warm copy: the next reader goes to the store. */
  forget(memberId: string): void;
}

/** How long a warm copy is trusted: a change made by another instance is seen within this. */
export const PORTAL_TTL_MS = 30_000;

/** `clock`: the bot's business clock, as every warm-instance cache (lib/app/caches.ts). */
export function cachedPortals(store: PortalStore, clock: () => number, ttlMs = PORTAL_TTL_MS): CachedPortalStore {
  const warm = new TtlCache<PortalRecord>(ttlMs, 1_000, clock);
  /**
   * Writes begun on this instance, per portal: a read that a write overtook (it began
   * before the write and ended after) is older than the copy the write left, and is not
   * kept over it.
   */
  const writes = new Map<string, number>();
  const begin = (memberId: string): void => {
    if (writes.size >= 1_000 && !writes.has(memberId)) writes.clear();
    writes.set(memberId, (writes.get(memberId) ?? 0) + 1);
  };
  const keep = (memberId: string, portal: PortalRecord | undefined): void => {
    if (portal?.status === 'active') warm.set(memberId, portal);
    else warm.delete(memberId);
  };
  const remember = (memberId: string, portal: PortalRecord | undefined): void => {
    const kept = warm.get(memberId);
    // A read made elsewhere (the dialog's BatchGetItem) may predate a refresh: never an older pair over a newer one.
    if (portal?.status === 'active' && kept && kept.tokenVersion > portal.tokenVersion) return;
    keep(memberId, portal);
  };
  /** A write that drops the warm copy when it fails: whatever it lost to is not in the copy. */
  const dropOnFailure = async <T>(memberId: string, write: () => Promise<T>): Promise<T> => {
    begin(memberId);
    try {
      return await write();
    } catch (error) {
      warm.delete(memberId);
      throw error;
    }
  };
  /** Drops the warm copy before the write and once it is done, whatever its outcome: the next reader sees what the store kept. */
  const dropAfter = async <T>(memberId: string, write: () => Promise<T>): Promise<T> => {
    begin(memberId);
    warm.delete(memberId);
    try {
      return await write();
    } finally {
      warm.delete(memberId);
    }
  };

  return {
    getCached: (memberId) => warm.get(memberId),
    remember,
    forget: (memberId) => {
      begin(memberId);
      warm.delete(memberId);
    },

    async get(memberId) {
      const before = writes.get(memberId) ?? 0;
      const portal = await store.get(memberId);
      if ((writes.get(memberId) ?? 0) === before) remember(memberId, portal);
      return portal;
    },

    async save(portal, expected, now) {
      const saved = await dropOnFailure(portal.memberId, () => store.save(portal, expected, now));
      keep(portal.memberId, saved);
      return saved;
    },

    async replaceTokens(memberId, tokens, expectedVersion, now, addresses = {}) {
      const version = await dropOnFailure(memberId, () => store.replaceTokens(memberId, tokens, expectedVersion, now, addresses));
      const portal = warm.get(memberId);
      // A copy of another version would mix two pairs' fields: dropped instead.
      if (portal?.tokenVersion !== expectedVersion) {
        warm.delete(memberId);
        return version;
      }
      const { tokenProblem: _problem, ...rest } = portal;
      const moved = Object.fromEntries(Object.entries(addresses).filter(([, value]) => value !== undefined));
      warm.patch(memberId, {
        ...rest,
        ...moved,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        tokenExpiresAt: tokens.expiresAt,
        scope: tokens.scope,
        tokenVersion: version,
        updatedAt: now,
        tokensRefreshedAt: now,
      });
      return version;
    },

    // Dropped before the write too (as every dropping write is): a REST client built meanwhile reads the new address.
    moveEndpoint: (memberId, from, to, now) => dropAfter(memberId, () => store.moveEndpoint(memberId, from, to, now)),

    takeRefreshLease: (memberId, version, nowMs, leaseMs) => store.takeRefreshLease(memberId, version, nowMs, leaseMs),
    releaseRefreshLease: (memberId, version) => store.releaseRefreshLease(memberId, version),

    update(memberId, changes, now) {
      // The copy changes before the write (a batch refusal is heeded at once by this instance's
      // other chats); a write that fails drops it.
      const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
      const portal = warm.get(memberId);
      if (portal && entries.length > 0) warm.patch(memberId, { ...portal, ...Object.fromEntries(entries), updatedAt: now });
      return dropOnFailure(memberId, () => store.update(memberId, changes, now));
    },

    remove: (memberId, now) => dropAfter(memberId, () => store.remove(memberId, now)),
    purge: (memberId, opts) => dropAfter(memberId, () => store.purge(memberId, opts)),
  };
}

/** The migration's writes change the portal item: each drops the warm copy once done. */
export function migrationsDroppingWarm(store: MigrationStore, portals: Pick<CachedPortalStore, 'forget'>): MigrationStore {
  const dropAfter = async (memberId: string, write: () => Promise<boolean>): Promise<boolean> => {
    try {
      return await write();
    } finally {
      portals.forget(memberId);
    }
  };
  return {
    markPending: (memberId, v1BotId, pending, now) => dropAfter(memberId, () => store.markPending(memberId, v1BotId, pending, now)),
    switchToV2: (memberId, v1BotId, pending, now) => dropAfter(memberId, () => store.switchToV2(memberId, v1BotId, pending, now)),
    retire: (memberId, v1BotId, now) => dropAfter(memberId, () => store.retire(memberId, v1BotId, now)),
  };
}
