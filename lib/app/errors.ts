/**
 * How a job ends when it does not end well, for the worker (lib/handlers/worker.ts),
 * which checks both by type.
 */
import { BitrixApiError, isRetryable, OAuthError, PortalAddressError } from '../bitrix/errors.js';

/** The job should be tried again later (the queue redelivers it). */
export class RetryableJobError extends Error {
  override readonly name = 'RetryableJobError';
}

/**
 * No retry can help (Bitrix answered a 4xx such as BOT_ID_ERROR): the job goes to the
 * dead-letter queue at once, with this reason; its outbox keeps what is left, so a replay
 * after the cause is fixed sends only that.
 */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/**
 * What no retry of the job can fix: the portal's own refusal (a 4xx other than its
 * limits), a refused refresh grant, an address outside the allowed hosts. Anything else —
 * the portal's limits and 5xx, no answer, DynamoDB throttling or a network error inside
 * the budget or the token store — may pass on a later attempt.
 */
export function isPermanent(cause: unknown): boolean {
  if (cause instanceof BitrixApiError || cause instanceof OAuthError) return !isRetryable(cause);
  return cause instanceof PortalAddressError;
}

/**
 * The use cases refuse a request: not proven (401), not allowed (403), or raced by another
 * request (409) — the status names the kind of refusal, as the HTTP family does, and the
 * HTTP middleware (lib/http/error-middleware.ts) is what answers with it. The reason is a
 * fixed one-liner, never a token.
 */
export class RefusedError extends Error {
  override readonly name = 'RefusedError';
  constructor(
    readonly status: 401 | 403 | 409,
    readonly code: string,
    reason: string,
  ) {
    super(reason);
  }
}

export const unauthorized = (reason: string) => new RefusedError(401, 'UNAUTHORIZED', reason);
export const forbidden = (code: string, reason: string) => new RefusedError(403, code, reason);
export const conflict = (reason: string) => new RefusedError(409, 'CONFLICT', reason);
