/** Another writer changed the item since we read it (optimistic concurrency lost). */
export class ConcurrentUpdateError extends Error {
  override readonly name = 'ConcurrentUpdateError';
  constructor(what: string, options?: { cause?: unknown }) {
    super(`${what} was changed concurrently`, options);
  }
}

export const isConditionFailure = (error: unknown): boolean => (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
