/**
 * What a warm instance keeps between events (performance, issue 6): each portal's Open
 * Lines bots for `bot` transfers, Open Lines' settings (hours, the bot's time), and portals
 * whose event tokens are being refused. Bounded in size. The portal record itself is kept
 * by its store's wrapper (lib/app/portal-cache.ts).
 */
import type { LineSettings } from './lookups.js';
import type { Time } from '../time.js';
import { TtlCache } from './ttl-cache.js';
import { createOperatingLimits, type OperatingLimits } from './operating-limits.js';

export interface Caches {
  readonly bots: TtlCache<Readonly<Record<string, number>>>;
  readonly lines: TtlCache<LineSettings | null>;
  /**
   * Portals whose per-event bot tokens were just refused: for a minute, jobs there go
   * straight to the stored token instead of spending a request (and a slot of the
   * portal's budget) on an event token that will be refused too.
   */
  readonly eventTokensRefused: TtlCache<true>;
  /**
   * Portal addresses this instance saw move by a verified redirect (old endpoint → new),
   * so a REST client built from a record read before the move goes to the new address.
   */
  readonly movedEndpoints: TtlCache<{ readonly from: string; readonly to: string }>;
  /** Methods held back by a portal's operating limit (wall time, lib/app/operating-limits.ts). */
  readonly operating: OperatingLimits;
}

export function createCaches(clock: () => number, opts: { time?: Time } = {}): Caches {
  return {
    bots: new TtlCache(10 * 60_000, 1_000, clock),
    lines: new TtlCache(10 * 60_000, 2_000, clock),
    eventTokensRefused: new TtlCache(60_000, 1_000, clock),
    movedEndpoints: new TtlCache(10 * 60_000, 1_000, clock),
    operating: createOperatingLimits(opts.time ? () => opts.time!.now() : Date.now),
  };
}
