/**
 * A small bounded cache with expiry, for what a warm Lambda may remember between
 * events: never authoritative, always re-readable, dropped on any doubt.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly clock: () => number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.clock()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, until: this.clock() + this.ttlMs });
  }

  /** Changes a live entry's value and keeps its expiry: a patch does not make older fields young again. */
  patch(key: string, value: V): void {
    const entry = this.entries.get(key);
    if (entry && entry.until > this.clock()) entry.value = value;
    else this.entries.delete(key);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
