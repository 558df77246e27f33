/** Another writer changed the item since we read it (optimistic concurrency lost). */
export class ConcurrentUpdateError extends Error {
  override readonly name = 'ConcurrentUpdateError';
  constructor(what: string, options?: { cause?: unknown }) {
    super(`${what} was changed concurrently`, options);
  }
}

export const isConditionFailure = (error: unknown): boolean => (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

/** Runs a conditional write: true when it was made, false when its condition did not hold; any other failure throws. */
export async function conditionHeld(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
