/**
 * The keep-alive job's view in memory: the TokensByAge index is the portal items that
 * hold `tokensShard`, by `tokensRefreshedAt` (held to test/contracts/token-ages.ts).
 */
import { keys, tokenIndex } from '../keys.js';
import type { TokenAgeStore } from '../token-ages.js';
import { indexPage, type Item, type MemoryTable } from './table.js';

const age = (item: Item | undefined): number => Number(item?.tokensRefreshedAt ?? 0);
/** Index order: by age, then by pk (DynamoDB leaves equal ages in an order of its own). */
const before = (a: Item, b: Item): number => age(a) - age(b) || (String(a.pk) < String(b.pk) ? -1 : String(a.pk) > String(b.pk) ? 1 : 0);

export function createMemoryTokenAgeStore(table: MemoryTable): TokenAgeStore {
  return {
    async storedBefore(cutoffMs, limit, start) {
      const indexed = table.all().filter((item) => item.sk === 'PORTAL' && item.tokensShard === tokenIndex.shard && age(item) < cutoffMs);
      const { page, next } = indexPage(indexed, before, limit, start, (item) => ({
        pk: item.pk,
        sk: item.sk,
        tokensShard: item.tokensShard,
        tokensRefreshedAt: item.tokensRefreshedAt,
      }));
      return { memberIds: page.map((item) => String(item.pk).replace(/^P#/, '')), next };
    },

    async markTokenProblem(memberId, version, problem) {
      const { pk, sk } = keys.portal(memberId);
      const found = table.get(pk, sk);
      if (found?.status !== 'active' || found.tokenVersion !== version) return false;
      const { tokensShard: _shard, ...rest } = found;
      table.put({ ...rest, pk, sk, tokenProblem: problem });
      return true;
    },
  };
}
