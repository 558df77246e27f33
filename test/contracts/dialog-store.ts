/** The DialogStore contract: one conditional write per transition, de-duplication ids, the outbox's progress and close, ttl. */
import { describe, expect, it } from 'vitest';
import type { DialogKey, DialogRecord, Outbox } from '../../lib/store/dialogs.js';
import { PROCESSED_LIMIT } from '../../lib/store/dialogs.js';
import { ConcurrentUpdateError } from '../../lib/store/errors.js';
import { memberId, newPortal, state, type MakeStores } from './stores.js';

const EMPTY: DialogRecord = { state: undefined, processed: [], outbox: undefined, version: undefined };
const FAR = 4_000_000_000; // ttl, unix seconds
const outbox = (over: Partial<Outbox> = {}): Outbox => ({
  eventId: 'm1',
  jobId: 'job-1',
  steps: [
    { method: 'imbot.message.add', params: { MESSAGE: 'hi' } },
    { method: 'imopenlines.bot.session.finish', params: {} },
  ],
  done: 0,
  claimedUntil: 5_000,
  ...over,
});
const keyOf = (): DialogKey => ({ memberId: memberId(), botId: 7, dialogId: 'chat42' });

export function dialogStoreContract(name: string, make: MakeStores): void {
  describe(`DialogStore contract: ${name}`, () => {
    it('an unknown dialog reads empty; the first save creates it at version 1, once', async () => {
      const { dialogs } = make();
      const key = keyOf();
      expect(await dialogs.get(key, 0)).toEqual(EMPTY);
      const saved = await dialogs.save(key, EMPTY, { state: state('main'), eventId: 'm1', outbox: outbox(), ttlSeconds: FAR });
      expect(saved).toEqual({ state: state('main'), processed: ['m1'], outbox: outbox(), version: 1 });
      const read = await dialogs.get(key, 0);
      expect({ ...read, outbox: read.outbox }).toEqual(saved);
      await expect(dialogs.save(key, EMPTY, { state: state('other'), eventId: 'm2', outbox: undefined, ttlSeconds: FAR })).rejects.toBeInstanceOf(
        ConcurrentUpdateError,
      );
    });

    it('a save against a stale version writes nothing; against the current one it moves on', async () => {
      const { dialogs } = make();
      const key = keyOf();
      const first = await dialogs.save(key, EMPTY, { state: state('main'), eventId: 'm1', outbox: undefined, ttlSeconds: FAR });
      const second = await dialogs.save(key, first, { state: state('billing'), eventId: 'm2', outbox: undefined, ttlSeconds: FAR });
      await expect(dialogs.save(key, first, { state: state('lost'), eventId: 'm3', outbox: undefined, ttlSeconds: FAR })).rejects.toBeInstanceOf(
        ConcurrentUpdateError,
      );
      const read = await dialogs.get(key, 0);
      expect(read).toMatchObject({ state: state('billing'), processed: ['m1', 'm2'], version: 2 });
      expect(read.outbox).toBeUndefined(); // the outbox of an earlier turn is not carried over
      expect(second.version).toBe(2);
    });

    it(`remembers the last ${PROCESSED_LIMIT} handled ids, each once`, async () => {
      const { dialogs } = make();
      const key = keyOf();
      let record = EMPTY;
      for (let i = 1; i <= PROCESSED_LIMIT + 2; i++)
        record = await dialogs.save(key, record, { state: state('main'), eventId: `m${i}`, outbox: undefined, ttlSeconds: FAR });
      record = await dialogs.save(key, record, { state: state('main'), eventId: 'm10', outbox: undefined, ttlSeconds: FAR });
      const read = await dialogs.get(key, 0);
      expect(read.processed).toHaveLength(PROCESSED_LIMIT);
      expect(read.processed.at(-1)).toBe('m10');
      expect(read.processed.filter((id) => id === 'm10')).toHaveLength(1);
      expect(read.processed).not.toContain('m2');
      expect(read.processed[0]).toBe('m3');
    });

    it('an item past its ttl reads empty but keeps its version, so the next write is still conditional', async () => {
      const { dialogs } = make();
      const key = keyOf();
      await dialogs.save(key, EMPTY, { state: state('main'), eventId: 'm1', outbox: undefined, ttlSeconds: 100 });
      const expired = await dialogs.get(key, 100_000);
      expect(expired).toEqual({ ...EMPTY, version: 1 });
      await expect(dialogs.save(key, EMPTY, { state: state('main'), eventId: 'm2', outbox: undefined, ttlSeconds: FAR })).rejects.toBeInstanceOf(
        ConcurrentUpdateError,
      );
      expect((await dialogs.save(key, expired, { state: state('main'), eventId: 'm2', outbox: undefined, ttlSeconds: FAR })).version).toBe(2);
    });

    it('progress records steps done and the claim, at the version only, and only while there is an outbox', async () => {
      const { dialogs } = make();
      const key = keyOf();
      const saved = await dialogs.save(key, EMPTY, { state: state('main'), eventId: 'm1', outbox: outbox(), ttlSeconds: FAR });
      expect(await dialogs.progress(key, 1, outbox(), 1, 9_000)).toBe(2);
      expect((await dialogs.get(key, 0)).outbox).toEqual(outbox({ done: 1, claimedUntil: 9_000 }));
      await expect(dialogs.progress(key, 1, outbox(), 2, 0)).rejects.toBeInstanceOf(ConcurrentUpdateError);
      const without = await dialogs.save(key, { ...saved, version: 2 }, { state: state('main'), eventId: 'm2', outbox: undefined, ttlSeconds: FAR });
      await expect(dialogs.progress(key, without.version!, outbox(), 2, 0)).rejects.toBeInstanceOf(ConcurrentUpdateError);
      await expect(dialogs.progress(keyOf(), 1, outbox(), 1, 0)).rejects.toBeInstanceOf(ConcurrentUpdateError);
    });

    it('closeOutbox marks every step done, frees the claim and stores the state, at the version only', async () => {
      const { dialogs } = make();
      const key = keyOf();
      await dialogs.save(key, EMPTY, { state: state('main'), eventId: 'm1', outbox: outbox(), ttlSeconds: FAR });
      await expect(dialogs.closeOutbox(key, 5, outbox(), state('moved'))).rejects.toBeInstanceOf(ConcurrentUpdateError);
      expect(await dialogs.closeOutbox(key, 1, outbox(), state('moved'))).toBe(2);
      const read = await dialogs.get(key, 0);
      expect(read).toMatchObject({ state: state('moved'), processed: ['m1'], version: 2 });
      expect(read.outbox).toEqual(outbox({ done: 2, claimedUntil: 0 }));
    });

    it('keeps the Open Line once an event named it', async () => {
      const { dialogs } = make();
      const key = keyOf();
      const first = await dialogs.save(key, EMPTY, { state: state('main'), eventId: 'm1', outbox: undefined, ttlSeconds: FAR });
      expect((await dialogs.get(key, 0)).lineId).toBeUndefined();
      const named = await dialogs.save(key, first, { state: state('main'), eventId: 'm2', outbox: undefined, ttlSeconds: FAR, lineId: '3' });
      expect(named.lineId).toBe('3');
      const kept = await dialogs.save(key, await dialogs.get(key, 0), { state: state('main'), eventId: 'm3', outbox: undefined, ttlSeconds: FAR });
      expect(kept.lineId).toBe('3');
      expect((await dialogs.get(key, 0)).lineId).toBe('3');
    });

    it('getWithPortal reads the portal and the dialog together', async () => {
      const { dialogs, portals } = make();
      const key = keyOf();
      expect(await dialogs.getWithPortal(key, 0)).toEqual({ portal: undefined, dialog: EMPTY });
      const portal = await portals.save(newPortal(key.memberId), undefined, 100);
      await dialogs.save(key, EMPTY, { state: state('main'), eventId: 'm1', outbox: undefined, ttlSeconds: FAR });
      const both = await dialogs.getWithPortal(key, 0);
      expect(both.portal).toEqual(portal);
      expect(both.dialog).toMatchObject({ state: state('main'), processed: ['m1'], version: 1 });
    });
  });
}
