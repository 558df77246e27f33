/** The StatsStore contract: increments add up per portal, line and day; rows read back by day range and line. */
import { describe, expect, it } from 'vitest';
import { type MakeStores, memberId } from './stores.js';

export function statsStoreContract(name: string, make: MakeStores): void {
  describe(`StatsStore contract: ${name}`, () => {
    it('adds up increments; reads the days asked for, by day then line, one line if asked', async () => {
      const { stats } = make();
      const id = memberId();
      await stats.add({ memberId: id, lineId: '1', day: '2026-03-02', counters: { dialogs: 1, handoffs: 0 }, misread: { 'hello there': 1 } }, 1_000);
      await stats.add(
        { memberId: id, lineId: '1', day: '2026-03-02', counters: { dialogs: 2, handoffs: 1 }, misread: { 'hello there': 2, '[email]': 1 } },
        2_000,
      );
      await stats.add({ memberId: id, lineId: '2', day: '2026-03-02', counters: { dialogs: 5 }, misread: {} }, 2_000);
      await stats.add({ memberId: id, lineId: '1', day: '2026-03-01', counters: { dialogs: 4 }, misread: {} }, 2_000);
      await stats.add({ memberId: id, lineId: '1', day: '2026-03-05', counters: { dialogs: 9 }, misread: {} }, 2_000);
      await stats.add({ memberId: id, lineId: '3', day: '2026-03-02', counters: { dialogs: 0 }, misread: {} }, 2_000); // nothing to add: no row
      await stats.add({ memberId: memberId(), lineId: '1', day: '2026-03-02', counters: { dialogs: 7 }, misread: {} }, 2_000);
      expect(await stats.read(id, '2026-03-01', '2026-03-02')).toEqual([
        { day: '2026-03-01', lineId: '1', counters: { dialogs: 4 }, misread: {} },
        { day: '2026-03-02', lineId: '1', counters: { dialogs: 3, handoffs: 1 }, misread: { 'hello there': 3, '[email]': 1 } },
        { day: '2026-03-02', lineId: '2', counters: { dialogs: 5 }, misread: {} },
      ]);
      expect(await stats.read(id, '2026-03-02', '2026-03-05', '1')).toEqual([
        { day: '2026-03-02', lineId: '1', counters: { dialogs: 3, handoffs: 1 }, misread: { 'hello there': 3, '[email]': 1 } },
        { day: '2026-03-05', lineId: '1', counters: { dialogs: 9 }, misread: {} },
      ]);
      expect(await stats.read(id, '2026-04-01', '2026-04-30')).toEqual([]);
    });

    it('the statistics leave with the portal', async () => {
      const { stats, portals } = make();
      const id = memberId();
      await stats.add({ memberId: id, lineId: '1', day: '2026-03-02', counters: { dialogs: 1 }, misread: {} }, 1_000);
      await portals.remove(id, 2_000);
      expect(await stats.read(id, '2026-03-01', '2026-03-31')).toEqual([]);
    });
  });
}
