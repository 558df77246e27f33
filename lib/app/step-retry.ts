/**
 * Which failed REST steps are tried again, and when (contract §5, §9.6).
 *
 * When: OPERATION_TIME_LIMIT carries the time its method is released (retryAt, from the
 * method's last operating_reset_at or the next minute bucket, lib/app/operating-limits.ts):
 * the step waits exactly until then. Everything else that may pass (QUERY_LIMIT_EXCEEDED,
 * other 5xx, no answer) backs off exponentially with jitter.
 *
 * Whether, per method, for INTERNAL_SERVER_ERROR and ERROR_UNEXPECTED_ANSWER (500): the
 * portal received the request and may have run the method — ERROR_UNEXPECTED_ANSWER in
 * particular means it ran and only its answer broke. Bitrix24's own JS SDK never retries
 * either code.
 *  - imbot.message.add is NOT repeated after them: a repeat may post the message twice in
 *    the customer's messenger, where it cannot be taken back. The job is dead-lettered at
 *    once with the reason (an alarm, `npm run dlq`): someone looks at the chat and replays
 *    the remaining steps if the message is not there. A lost reply is visible; a doubled
 *    one is not fixable.
 *  - Every other method the bot sends is repeated: session calls
 *    (imopenlines.bot.session.*: a repeated transfer or finish finds the session already
 *    moved and is refused, nothing is doubled), imbot.message.update (same text again),
 *    imbot.chat.sendTyping, reads (app.info, imopenlines.config.get, imbot.bot.list),
 *    imbot.register/update (register returns the existing bot for our CODE).
 *  - A whole `batch` answering one of them: repeated only when no step in it posts a
 *    message, since any of them may have run.
 * Rate limits (429/503) are refused before the method runs, so they are always retried;
 * so is "no answer" (a timeout after the portal ran imbot.message.add may double it: an
 * accepted, documented risk — docs/operations.md — since a timeout is far more often a
 * request that never got through).
 */
import { BitrixApiError } from '../bitrix/errors.js';

/** 500s after which the method may have run. */
const MAY_HAVE_RUN = new Set(['INTERNAL_SERVER_ERROR', 'ERROR_UNEXPECTED_ANSWER']);
/** Methods whose repeat after they ran is visible to the customer twice. */
const NOT_REPEATABLE = new Set(['imbot.message.add']);

/** The same Bitrix error, marked final: no retry of the step, nor of the job. */
export class NotRepeatedError extends BitrixApiError {
  constructor(cause: BitrixApiError) {
    super(cause.method, cause.status, cause.code, `not repeated, the message may have been posted${cause.description ? `; ${cause.description}` : ''}`);
  }

  override get isRetryable(): boolean {
    return false;
  }
}

/**
 * The failure as the retry loop should see it: unchanged, or — for a 500 that may have
 * posted a message — a NotRepeatedError. `attempted`: the methods that may have run.
 */
export function decideRepeat(cause: unknown, attempted: readonly string[]): unknown {
  if (!(cause instanceof BitrixApiError) || !MAY_HAVE_RUN.has(cause.code)) return cause;
  return attempted.some((method) => NOT_REPEATABLE.has(method)) ? new NotRepeatedError(cause) : cause;
}

/** How long to wait before trying `cause` again (attempt counts from 0). */
export function retryDelayMs(cause: unknown, attempt: number, now: number, random: () => number = Math.random): number {
  if (cause instanceof BitrixApiError && cause.retryAt !== undefined) return Math.max(0, cause.retryAt - now);
  return Math.min(8_000, 250 * 2 ** attempt) * (0.5 + random());
}
