/** The FeedStore contract: one feed per portal and bot, one poller's lease at a time, an offset that only its holder moves forward. */
import { describe, expect, it } from 'vitest';
import { type MakeStores, memberId, newPortal, type StoreSet } from './stores.js';

/** Every listed feed, page by page, restricted to `mine` (the table is shared by the file's cases). */
async function listed(feeds: StoreSet['feeds'], limit: number, mine: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await feeds.list(limit, start);
    expect(page.memberIds.length).toBeLessThanOrEqual(limit);
    ids.push(...page.memberIds);
    start = page.next;
  } while (start);
  return ids.filter((id) => mine.includes(id));
}

export function feedStoreContract(name: string, make: MakeStores): void {
  describe(`FeedStore contract: ${name}`, () => {
    it('enable starts a feed; the same bot keeps its offset, another bot starts over; disable ends it', async () => {
      const { feeds } = make();
      const id = memberId();
      expect(await feeds.get(id)).toBeUndefined();
      await feeds.enable(id, 7, 100);
      expect(await feeds.get(id)).toEqual({ memberId: id, botId: 7 });
      expect(await feeds.lease(id, 'poller-1', 100, 200)).toBe(true);
      expect(await feeds.advance(id, 'poller-1', 7, undefined, 10)).toBe(true);
      await feeds.enable(id, 7, 150);
      expect(await feeds.get(id)).toEqual({ memberId: id, botId: 7, offset: 10, leaseOwner: 'poller-1', leaseUntil: 200 });
      await feeds.enable(id, 8, 160);
      expect(await feeds.get(id)).toEqual({ memberId: id, botId: 8 });
      await feeds.disable(id);
      expect(await feeds.get(id)).toBeUndefined();
      await feeds.disable(id); // nothing to end: no error
      await feeds.disable(memberId());
      await feeds.enable(id, 8, 170);
      expect(await feeds.get(id)).toEqual({ memberId: id, botId: 8 });
    });

    it('lists the enabled feeds page by page, not the disabled ones', async () => {
      const { feeds } = make();
      const ids = [memberId(), memberId(), memberId()];
      for (const [i, id] of ids.entries()) await feeds.enable(id, 7, 1_000 + i);
      await feeds.disable(ids[1]!);
      expect((await listed(feeds, 1, ids)).sort()).toEqual([ids[0], ids[2]].sort());
      expect((await listed(feeds, 10, ids)).sort()).toEqual([ids[0], ids[2]].sort());
    });

    it('one lease at a time: its owner may renew it, another only once it ran out; release frees it for its owner only', async () => {
      const { feeds } = make();
      const id = memberId();
      expect(await feeds.lease(id, 'a', 100, 200)).toBe(false); // no feed
      await feeds.enable(id, 7, 100);
      expect(await feeds.lease(id, 'a', 100, 200)).toBe(true);
      expect(await feeds.lease(id, 'b', 150, 250)).toBe(false);
      expect(await feeds.lease(id, 'a', 150, 250)).toBe(true);
      expect(await feeds.lease(id, 'b', 251, 300)).toBe(true);
      await feeds.release(id, 'a'); // not a's any more: nothing
      expect(await feeds.get(id)).toMatchObject({ leaseOwner: 'b', leaseUntil: 300 });
      await feeds.release(id, 'b');
      expect(await feeds.get(id)).toEqual({ memberId: id, botId: 7 });
      expect(await feeds.lease(id, 'a', 260, 400)).toBe(true);
      await feeds.release(memberId(), 'a');
      expect(await feeds.get(id)).toMatchObject({ leaseOwner: 'a' });
    });

    it("advance only by the lease holder, for the feed's bot, from the offset stored", async () => {
      const { feeds, portals } = make();
      const id = memberId();
      await portals.save(newPortal(id), undefined, 1);
      await feeds.enable(id, 7, 100);
      expect(await feeds.advance(id, 'a', 7, undefined, 5)).toBe(false); // no lease
      await feeds.lease(id, 'a', 100, 200);
      expect(await feeds.advance(id, 'a', 8, undefined, 5)).toBe(false);
      expect(await feeds.advance(id, 'a', 7, 3, 5)).toBe(false);
      expect(await feeds.advance(id, 'a', 7, undefined, 5)).toBe(true);
      expect(await feeds.advance(id, 'a', 7, undefined, 9)).toBe(false);
      expect(await feeds.advance(id, 'b', 7, 5, 9)).toBe(false);
      expect(await feeds.advance(id, 'a', 7, 5, 9)).toBe(true);
      expect((await feeds.get(id))?.offset).toBe(9);
      await portals.remove(id, 300); // the feed leaves with the portal
      expect(await feeds.get(id)).toBeUndefined();
      expect(await feeds.advance(id, 'a', 7, 9, 12)).toBe(false);
    });
  });
}
