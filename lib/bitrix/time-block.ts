/**
 * The `time` block of every successful Bitrix24 answer and the per-method operating
 * limit it feeds (contract §5, §9.6; Bitrix24 docs `limits.md` = `settings/performance/limits.md`,
 * "Resource Consumption Limits"). Each method's execution time on a portal is summed over
 * ten one-minute buckets; past the limit (480 s in the cloud) that method alone answers
 * 429 OPERATION_TIME_LIMIT for every app on the portal, and `operating_reset_at` (unix
 * seconds) of its last successful answer says when a part of the limit is released.
 */

export interface TimeBlock {
  /** Unix seconds when a part of this method's operating limit is released. */
  readonly operatingResetAt?: number;
  /** Seconds this method has used in the window. */
  readonly operating?: number;
}

/** The operating numbers of a `time` block (or of one `result_time` entry of a batch). */
export function readTimeBlock(raw: unknown): TimeBlock | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const time = raw as { operating_reset_at?: unknown; operating?: unknown };
  const resetAt = Number(time.operating_reset_at);
  const operating = Number(time.operating);
  const block = {
    ...(time.operating_reset_at !== undefined && Number.isFinite(resetAt) && resetAt > 0 ? { operatingResetAt: resetAt } : {}),
    ...(time.operating !== undefined && Number.isFinite(operating) && operating >= 0 ? { operating } : {}),
  };
  return Object.keys(block).length > 0 ? block : undefined;
}

/**
 * What the REST client asks and tells about the portal's operating limits. The client
 * only reports; the keeper (lib/app/operating-limits.ts) decides how long a method waits.
 */
export interface OperatingGate {
  /** Epoch ms until which `method` must not be sent to this portal, or undefined. */
  blockedUntil(method: string): number | undefined;
  /** A successful answer of `method` carried this time block. */
  answered(method: string, time: TimeBlock): void;
  /** `method` answered OPERATION_TIME_LIMIT: returns the epoch ms until which it is blocked. */
  limited(method: string): number;
}
