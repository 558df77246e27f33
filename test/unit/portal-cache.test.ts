/** The warm portal copy (lib/app/portal-cache.ts) over the in-memory portal store: what keeps it, what drops it. */
import { describe, expect, it } from 'vitest';
import { cachedPortals, migrationsDroppingWarm } from '../../lib/app/portal-cache.js';
import { ConcurrentUpdateError } from '../../lib/store/errors.js';
import { createMemoryStores } from '../../lib/store/memory/index.js';
import { newPortal, tokens } from '../contracts/stores.js';

function setup() {
  let now = 1_000;
  const stores = createMemoryStores();
  const portals = cachedPortals(stores.portals, () => now, 30_000);
  return { store: stores.portals, portals, migrations: migrationsDroppingWarm(stores.migrations, portals), advance: (ms: number) => (now += ms) };
}

describe('the warm portal copy', () => {
  it('a read or a save warms it; it runs out after its time', async () => {
    const { store, portals, advance } = setup();
    await store.save(newPortal('a'), undefined, 1);
    expect(portals.getCached('a')).toBeUndefined();
    const read = await portals.get('a');
    expect(portals.getCached('a')).toEqual(read);
    const saved = await portals.save(newPortal('b'), undefined, 2);
    expect(portals.getCached('b')).toEqual(saved);
    advance(30_000);
    expect(portals.getCached('a')).toBeUndefined();
  });

  it('an update keeps the copy equal to the store; a lost one drops it', async () => {
    const { portals, store } = setup();
    await portals.save(newPortal('a'), undefined, 1);
    await portals.update('a', { batchRefused: ['imopenlines.bot.session.operator'], language: undefined }, 5);
    expect(portals.getCached('a')).toEqual(await store.get('a'));
    await store.remove('a', 6);
    await expect(portals.update('a', { botId: 2 }, 7)).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect(portals.getCached('a')).toBeUndefined();
  });

  it('new tokens patch the copy of the version they replace; a copy of another version is dropped', async () => {
    const { portals, store } = setup();
    await portals.save(newPortal('a'), undefined, 1);
    await portals.replaceTokens('a', tokens(2), 1, 10, { clientEndpoint: 'https://moved.bitrix24.com/rest/', domain: 'moved.bitrix24.com' });
    expect(portals.getCached('a')).toEqual(await store.get('a'));
    await store.replaceTokens('a', tokens(3), 2, 20); // another instance
    await expect(portals.replaceTokens('a', tokens(4), 2, 30)).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect(portals.getCached('a')).toBeUndefined();
    portals.forget('a');
    portals.remember('a', { ...(await store.get('a'))!, tokenVersion: 1 });
    await portals.replaceTokens('a', tokens(5), 3, 40);
    expect(portals.getCached('a')).toBeUndefined();
  });

  it('a read that a write overtook, or an older pair read elsewhere, is not kept over the newer copy', async () => {
    const { portals, store } = setup();
    await portals.save(newPortal('a'), undefined, 1);
    const slow = portals.get('a'); // the read has begun; the write below ends first
    await portals.replaceTokens('a', tokens(2), 1, 10);
    const fresh = portals.getCached('a');
    expect(fresh?.tokenVersion).toBe(2);
    await slow;
    expect(portals.getCached('a')).toEqual(fresh);
    portals.remember('a', { ...(await store.get('a'))!, tokenVersion: 1 });
    expect(portals.getCached('a')?.tokenVersion).toBe(2);
  });

  it("a patch keeps the copy's age: fields read long ago still run out on time", async () => {
    const { portals, advance } = setup();
    await portals.save(newPortal('a'), undefined, 1);
    advance(29_000);
    await portals.update('a', { botId: 7 }, 2);
    await portals.replaceTokens('a', tokens(2), 1, 3);
    expect(portals.getCached('a')?.botId).toBe(7);
    advance(1_000);
    expect(portals.getCached('a')).toBeUndefined();
  });

  it('a move, a removal, a portal gone from a read, or forget drop it', async () => {
    const { portals, store } = setup();
    for (const id of ['a', 'b', 'c', 'd']) await portals.save(newPortal(id), undefined, 1);
    await portals.moveEndpoint('a', 'https://elsewhere/rest/', { clientEndpoint: 'https://x.bitrix24.com/rest/', domain: 'x.bitrix24.com' }, 2);
    await portals.remove('b', 2);
    await store.remove('c', 2);
    await portals.get('c');
    portals.forget('d');
    expect(['a', 'b', 'c', 'd'].map((id) => portals.getCached(id))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('remember keeps active portals only', async () => {
    const { portals } = setup();
    const saved = await portals.save(newPortal('a'), undefined, 1);
    portals.remember('a', { ...saved, status: 'removed' });
    expect(portals.getCached('a')).toBeUndefined();
    portals.remember('a', saved);
    expect(portals.getCached('a')).toEqual(saved);
  });

  it('an update changes the copy before its write completes, so this instance heeds it at once', async () => {
    const { portals } = setup();
    await portals.save(newPortal('a'), undefined, 1);
    const write = portals.update('a', { batchRefused: ['imbot.message.add'] }, 5);
    expect(portals.getCached('a')?.batchRefused).toEqual(['imbot.message.add']);
    await write;
  });

  it("the migration's writes drop it, whatever their outcome", async () => {
    const { portals, migrations } = setup();
    await portals.save(newPortal('a'), undefined, 1);
    expect(await migrations.markPending('a', 7, { botId: 21, botCode: 'v2', startedAt: 1 }, 2)).toBe(true);
    expect(portals.getCached('a')).toBeUndefined();
    await portals.get('a');
    expect(await migrations.retire('a', 7, 3)).toBe(false);
    expect(portals.getCached('a')).toBeUndefined();
  });
});
