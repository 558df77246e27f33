/**
 * What a warm instance keeps between events (performance, issue 6): the portal record
 * for a short time (dropped on any auth error or token change), each portal's Open
 * Lines bots for `bot` transfers, and Open Lines' working hours. Bounded in size.
 */
import type { PortalRecord } from '../store/portals.js';
import type { Hours } from '../menu/types.js';
import { TtlCache } from './ttl-cache.js';

export interface Caches {
  readonly portals: TtlCache<PortalRecord>;
  readonly bots: TtlCache<Readonly<Record<string, number>>>;
  readonly lineHours: TtlCache<Pick<Hours, 'timezone' | 'weekly' | 'holidays'> | null>;
}

export function createCaches(clock: () => number, opts: { portalTtlMs?: number } = {}): Caches {
  return {
    portals: new TtlCache(opts.portalTtlMs ?? 30_000, 1_000, clock),
    bots: new TtlCache(10 * 60_000, 1_000, clock),
    lineHours: new TtlCache(10 * 60_000, 2_000, clock),
  };
}
