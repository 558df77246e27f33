/**
 * The in-memory stand-in for the DynamoDB table: partitions by pk, items by sk, in the
 * same item layout the DynamoDB stores write, so the in-memory stores share their readers
 * (portalFromItem, dialogFromItem). Items are copied in and out: a caller never holds a
 * reference the table later changes, as with a real round trip. For tests and tools only:
 * no Lambda entry point imports lib/store/memory (the bundles stay small).
 */
export type Item = Record<string, unknown>;

export interface MemoryTable {
  get(pk: string, sk: string): Item | undefined;
  put(item: Item & { readonly pk: string; readonly sk: string }): void;
  delete(pk: string, sk: string): boolean;
  /** The partition's items, by sk. */
  partition(pk: string): Item[];
  /** Every item (what the sparse indexes are queried from). */
  all(): Item[];
}

const bySk = (a: Item, b: Item): number => (String(a.sk) < String(b.sk) ? -1 : String(a.sk) > String(b.sk) ? 1 : 0);

export function createMemoryTable(): MemoryTable {
  const partitions = new Map<string, Map<string, Item>>();
  return {
    get: (pk, sk) => {
      const item = partitions.get(pk)?.get(sk);
      return item ? structuredClone(item) : undefined;
    },
    put: (item) => {
      let partition = partitions.get(item.pk);
      if (!partition) partitions.set(item.pk, (partition = new Map()));
      // DynamoDB drops undefined attributes (removeUndefinedValues): so does this.
      partition.set(item.sk, structuredClone(Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined))));
    },
    delete: (pk, sk) => partitions.get(pk)?.delete(sk) ?? false,
    partition: (pk) => [...(partitions.get(pk)?.values() ?? [])].sort(bySk).map((item) => structuredClone(item)),
    all: () => [...partitions.values()].flatMap((partition) => [...partition.values()]).map((item) => structuredClone(item)),
  };
}

/**
 * A page of a sparse index as DynamoDB answers it: the items after `start` in index order,
 * `limit` of them, and where a full page stopped (even when nothing follows, as DynamoDB).
 */
export function indexPage(items: Item[], order: (a: Item, b: Item) => number, limit: number, start: Item | undefined, keyOf: (item: Item) => Item) {
  const sorted = [...items].sort(order);
  const from = start ? sorted.filter((item) => order(item, start) > 0) : sorted;
  const page = from.slice(0, limit);
  const last = page.at(-1);
  return { page, next: last && page.length === limit ? keyOf(last) : undefined };
}
