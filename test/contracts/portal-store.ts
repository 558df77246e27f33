/** The PortalStore contract: conditional writes on the token version and the active status, the refresh lease, removal. */
import { describe, expect, it } from 'vitest';
import { ConcurrentUpdateError } from '../../lib/store/errors.js';
import { memberId, newPortal, state, tokens, type MakeStores } from './stores.js';

export function portalStoreContract(name: string, make: MakeStores): void {
  describe(`PortalStore contract: ${name}`, () => {
    it('saves a new portal once; a save against a stale record writes nothing', async () => {
      const { portals } = make();
      const id = memberId();
      expect(await portals.get(id)).toBeUndefined();
      const first = await portals.save(newPortal(id), undefined, 100);
      expect(first).toMatchObject({ memberId: id, tokenVersion: 1, status: 'active', updatedAt: 100, tokensRefreshedAt: 100 });
      expect(await portals.get(id)).toEqual(first);
      await expect(portals.save(newPortal(id), undefined, 200)).rejects.toBeInstanceOf(ConcurrentUpdateError);
      const second = await portals.save(newPortal(id, { accessToken: 'access-2' }), first, 200);
      expect(second.tokenVersion).toBe(2);
      await expect(portals.save(newPortal(id, { accessToken: 'access-3' }), first, 300)).rejects.toBeInstanceOf(ConcurrentUpdateError);
      expect((await portals.get(id))!.accessToken).toBe('access-2');
    });

    it('a re-install keeps what the portal taught us (batch refusals, its rate)', async () => {
      const { portals } = make();
      const id = memberId();
      await portals.save(newPortal(id), undefined, 100);
      await portals.update(id, { batchRefused: ['imopenlines.bot.session.operator'], rate: { perSecond: 5, burst: 250 } }, 150);
      const stored = (await portals.get(id))!;
      const again = await portals.save(newPortal(id), stored, 200);
      expect(again).toMatchObject({ batchRefused: ['imopenlines.bot.session.operator'], rate: { perSecond: 5, burst: 250 } });
      expect(await portals.get(id)).toEqual(again);
    });

    it('replaceTokens only from the version it replaces, moving the addresses it names', async () => {
      const { portals } = make();
      const id = memberId();
      await portals.save(newPortal(id), undefined, 100);
      expect(await portals.replaceTokens(id, tokens(2), 1, 200)).toBe(2);
      await expect(portals.replaceTokens(id, tokens(3), 1, 300)).rejects.toBeInstanceOf(ConcurrentUpdateError);
      expect(
        await portals.replaceTokens(id, tokens(3), 2, 300, {
          clientEndpoint: 'https://new.bitrix24.com/rest/',
          domain: 'new.bitrix24.com',
          serverEndpoint: undefined,
        }),
      ).toBe(3);
      expect(await portals.get(id)).toMatchObject({
        accessToken: 'access-3',
        refreshToken: 'refresh-3',
        tokenExpiresAt: 2_000_000_003,
        tokenVersion: 3,
        updatedAt: 300,
        tokensRefreshedAt: 300,
        clientEndpoint: 'https://new.bitrix24.com/rest/',
        domain: 'new.bitrix24.com',
        serverEndpoint: 'https://oauth.bitrix.info/rest/',
      });
      await expect(portals.replaceTokens(memberId(), tokens(1), 0, 300)).rejects.toBeInstanceOf(ConcurrentUpdateError);
    });

    it('one refresh lease at a time, free again when it runs out, released, or the pair changed', async () => {
      const { portals } = make();
      const id = memberId();
      await portals.save(newPortal(id), undefined, 100);
      expect(await portals.takeRefreshLease(id, 1, 1_000, 10_000)).toBe(true);
      expect(await portals.takeRefreshLease(id, 1, 5_000, 10_000)).toBe(false);
      expect(await portals.takeRefreshLease(id, 1, 11_001, 10_000)).toBe(true); // the first one ran out
      await portals.releaseRefreshLease(id, 1);
      expect(await portals.takeRefreshLease(id, 1, 11_002, 10_000)).toBe(true);
      expect(await portals.takeRefreshLease(id, 2, 11_003, 10_000)).toBe(false); // not that version
      await portals.releaseRefreshLease(id, 2); // not that version: nothing, and no error
      expect(await portals.takeRefreshLease(id, 1, 11_004, 10_000)).toBe(false);
      await portals.replaceTokens(id, tokens(2), 1, 12_000); // a new pair drops the lease
      expect(await portals.takeRefreshLease(id, 2, 12_001, 10_000)).toBe(true);
      expect((await portals.get(id)) as unknown as Record<string, unknown>).not.toHaveProperty('refreshLease');
      expect(await portals.takeRefreshLease(memberId(), 1, 1, 1)).toBe(false);
    });

    it('moveEndpoint only from the stored endpoint', async () => {
      const { portals } = make();
      const id = memberId();
      await portals.save(newPortal(id), undefined, 100);
      const to = { clientEndpoint: 'https://renamed.bitrix24.com/rest/', domain: 'renamed.bitrix24.com' };
      expect(await portals.moveEndpoint(id, 'https://elsewhere.bitrix24.com/rest/', to, 200)).toBe(false);
      expect(await portals.moveEndpoint(id, 'https://example.bitrix24.com/rest/', to, 200)).toBe(true);
      expect(await portals.get(id)).toMatchObject({ ...to, updatedAt: 200, tokenVersion: 1 });
      expect(await portals.moveEndpoint(memberId(), 'https://example.bitrix24.com/rest/', to, 200)).toBe(false);
    });

    it('update changes an active portal only, and ignores undefined fields', async () => {
      const { portals } = make();
      const id = memberId();
      await portals.save(newPortal(id), undefined, 100);
      await portals.update(id, { botId: 9, language: undefined }, 200);
      expect(await portals.get(id)).toMatchObject({ botId: 9, language: 'en', updatedAt: 200 });
      await portals.update(id, {}, 300);
      expect((await portals.get(id))!.updatedAt).toBe(200);
      await expect(portals.update(memberId(), { botId: 1 }, 300)).rejects.toBeInstanceOf(ConcurrentUpdateError);
    });

    it('remove takes the whole partition (dialogs, job failures, the portal item); after it, conditional writes find nothing', async () => {
      const { portals, dialogs, jobFailures } = make();
      const id = memberId();
      await portals.save(newPortal(id), undefined, 100);
      await dialogs.save(
        { memberId: id, botId: 7, dialogId: 'chat1' },
        { state: undefined, processed: [], outbox: undefined, version: undefined },
        { state: state('main'), eventId: 'm1', outbox: undefined, ttlSeconds: 4_000_000_000 },
      );
      await jobFailures.record(id, 'job-1', 100);
      expect(await portals.remove(id, 200)).toBe(3);
      expect(await portals.get(id)).toBeUndefined();
      expect((await dialogs.get({ memberId: id, botId: 7, dialogId: 'chat1' }, 300)).version).toBeUndefined();
      expect(await portals.remove(memberId(), 200)).toBe(1); // nothing there: the one delete of the portal item
    });

    it('purge keeping the portal item leaves it removed-but-present, so a later install finishes the clean-up', async () => {
      const { portals, dialogs } = make();
      const id = memberId();
      await portals.save(newPortal(id), undefined, 100);
      await dialogs.save(
        { memberId: id, botId: 7, dialogId: 'chat1' },
        { state: undefined, processed: [], outbox: undefined, version: undefined },
        { state: state('main'), eventId: 'm1', outbox: undefined, ttlSeconds: 4_000_000_000 },
      );
      expect(await portals.purge(id, { keepPortal: true })).toBe(1);
      expect((await portals.get(id))!.status).toBe('active');
      expect((await dialogs.get({ memberId: id, botId: 7, dialogId: 'chat1' }, 300)).version).toBeUndefined();
    });
  });
}
