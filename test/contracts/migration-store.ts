/** The MigrationStore contract: pending → switched → finished, each step only from the state it expects. */
import { describe, expect, it } from 'vitest';
import { type MakeStores, memberId, newPortal } from './stores.js';

const pending = { botId: 21, botCode: 'support_bot_v2', startedAt: 500 };

export function migrationStoreContract(name: string, make: MakeStores): void {
  describe(`MigrationStore contract: ${name}`, () => {
    it("marks a V1 portal pending only while its V1 bot serves it; the switch makes the V2 bot the portal's; retire ends it", async () => {
      const { portals, migrations } = make();
      const id = memberId();
      expect(await migrations.markPending(id, 7, pending, 100)).toBe(false); // no portal
      await portals.save(newPortal(id), undefined, 1);
      expect(await migrations.markPending(id, 8, pending, 100)).toBe(false); // not its bot
      expect(await migrations.switchToV2(id, 7, pending, 150)).toBe(false); // nothing pending
      expect(await migrations.markPending(id, 7, pending, 100)).toBe(true);
      expect(await portals.get(id)).toMatchObject({ migration: pending, botId: 7, updatedAt: 100 });
      expect(await migrations.switchToV2(id, 7, { ...pending, botId: 22 }, 150)).toBe(false); // another pending bot
      expect(await migrations.switchToV2(id, 7, pending, 200)).toBe(true);
      const switched = await portals.get(id);
      expect(switched).toMatchObject({ botApi: 'v2', botId: 21, botCode: 'support_bot_v2', retiredBotId: 7, updatedAt: 200 });
      expect(switched?.migration).toBeUndefined();
      expect(await migrations.switchToV2(id, 7, pending, 250)).toBe(false); // already switched
      expect(await migrations.markPending(id, 21, pending, 260)).toBe(false); // a V2 portal
      expect(await migrations.retire(id, 8, 300)).toBe(false);
      expect(await migrations.retire(id, 7, 300)).toBe(true);
      const finished = await portals.get(id);
      expect(finished?.retiredBotId).toBeUndefined();
      expect(finished?.updatedAt).toBe(300);
      expect(await migrations.retire(id, 7, 400)).toBe(false);
    });

    it('a removed portal is never marked; a re-install of the same bot keeps a pending migration', async () => {
      const { portals, migrations } = make();
      const id = memberId();
      await portals.save(newPortal(id), undefined, 1);
      expect(await migrations.markPending(id, 7, pending, 100)).toBe(true);
      const stored = await portals.get(id);
      expect(await portals.save(newPortal(id), stored, 150)).toMatchObject({ migration: pending });
      expect(await portals.save(newPortal(id, { botId: 9 }), await portals.get(id), 160)).not.toHaveProperty('migration');
      await portals.remove(id, 200);
      expect(await migrations.markPending(id, 9, pending, 300)).toBe(false);
    });
  });
}
