/** The TokenAgeStore contract: the pairs stored before a cutoff, oldest first, page by page; marking a refused pair. */
import { describe, expect, it } from 'vitest';
import { memberId, newPortal, tokens, type MakeStores, type StoreSet } from './stores.js';

/** The ids stored before `cutoff`, every page, restricted to `mine` (the table is shared by the file's cases). */
async function allBefore(ages: StoreSet['ages'], cutoff: number, limit: number, mine: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await ages.storedBefore(cutoff, limit, start);
    expect(page.memberIds.length).toBeLessThanOrEqual(limit);
    ids.push(...page.memberIds);
    start = page.next;
  } while (start);
  return ids.filter((id) => mine.includes(id));
}

export function tokenAgesContract(name: string, make: MakeStores): void {
  describe(`TokenAgeStore contract: ${name}`, () => {
    it('lists the pairs stored before the cutoff, oldest first, across pages; a new pair moves to the young end', async () => {
      const { portals, ages } = make();
      // Ages far from every other case's (those store at 100…12_000).
      const base = 5_000_000 + Math.floor(Math.random() * 1_000) * 1_000;
      const ids = [memberId(), memberId(), memberId(), memberId()];
      for (const [i, id] of ids.entries()) await portals.save(newPortal(id), undefined, base + (4 - i) * 10);
      // ids[3] is the oldest (base+10), ids[0] the youngest (base+40).
      expect(await allBefore(ages, base + 35, 2, ids)).toEqual([ids[3], ids[2], ids[1]]);
      expect(await allBefore(ages, base + 35, 1, ids)).toEqual([ids[3], ids[2], ids[1]]);
      await portals.replaceTokens(ids[3]!, tokens(2), 1, base + 50);
      expect(await allBefore(ages, base + 100, 10, ids)).toEqual([ids[2], ids[1], ids[0], ids[3]]);
      await portals.remove(ids[1]!, base + 60);
      expect(await allBefore(ages, base + 100, 10, ids)).toEqual([ids[2], ids[0], ids[3]]);
    });

    it('a refused pair leaves the index until a new pair is stored; not when the pair changed meanwhile', async () => {
      const { portals, ages } = make();
      const base = 9_000_000 + Math.floor(Math.random() * 1_000) * 1_000;
      const id = memberId();
      const saved = await portals.save(newPortal(id), undefined, base);
      expect(await ages.markTokenProblem(id, 2, { code: 'invalid_grant', at: base })).toBe(false);
      expect(await allBefore(ages, base + 1, 10, [id])).toEqual([id]);
      expect(await ages.markTokenProblem(id, 1, { code: 'invalid_grant', at: base })).toBe(true);
      expect(await portals.get(id)).toMatchObject({ tokenProblem: { code: 'invalid_grant', at: base } });
      expect(await allBefore(ages, base + 1, 10, [id])).toEqual([]);
      await portals.save(newPortal(id), { ...saved }, base + 5);
      expect((await portals.get(id))!.tokenProblem).toBeUndefined();
      expect(await allBefore(ages, base + 10, 10, [id])).toEqual([id]);
      expect(await ages.markTokenProblem(memberId(), 1, { code: 'invalid_grant', at: base })).toBe(false);
    });
  });
}
