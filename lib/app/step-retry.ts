/**
 * Which failed REST steps are tried again, and when (contract §5, §9.6).
 *
 * When: OPERATION_TIME_LIMIT carries the time its method is released (retryAt, from the
 * method's last operating_reset_at or the next minute bucket, lib/app/operating-limits.ts):
 * the step waits exactly until then. Everything else that may pass (QUERY_LIMIT_EXCEEDED,
 * other 5xx, no answer) backs off exponentially with jitter.
 *
 * Whether, per method, for INTERNAL_SERVER_ERROR and ERROR_UNEXPECTED_ANSWER (500): the
 * portal received the request and may or may not have run the method. Bitrix24's docs
 * say to retry both "in a few seconds" (`error-codes.md`, "Reacting to System Codes");
 * Bitrix24's JS SDK leaves them to the caller. Decided per method:
 *  - Everything except imbot.message.add is repeated like any other 5xx: session calls
 *    (imopenlines.bot.session.*: a repeated transfer or finish finds the session already
 *    moved and is refused, nothing is doubled), imbot.message.update (same text again),
 *    imbot.chat.sendTyping, reads (app.info, imopenlines.config.get, imbot.bot.list),
 *    imbot.register/update (register returns the existing bot for our CODE).
 *  - imbot.message.add is repeated ONCE. Most 500s are a request that failed as a whole,
 *    and a customer left without an answer is the worse outcome (docs/operations.md,
 *    "The remaining window"); but a repeat after a 500 may post the message twice in the
 *    customer's messenger, where it can't be taken back. So the duplicate risk is accepted
 *    once and bounded: a second such 500 for the same step is not repeated — the job is
 *    dead-lettered with the reason (alarm, `npm run dlq`), someone looks at the chat and
 *    replays the rest if the message is not there. A customer sees a message at most twice.
 *  - A whole `batch` answering one of them counts as imbot.message.add when any of its
 *    steps posts a message (any of them may have run).
 * Rate limits (429/503) are refused before the method runs, so they are always retried;
 * so is "no answer" (a timeout after the portal ran imbot.message.add may double it: the
 * same accepted risk, docs/operations.md).
 */
import { BitrixApiError } from '../bitrix/errors.js';

/** 500s after which the method may have run. */
const MAY_HAVE_RUN = new Set(['INTERNAL_SERVER_ERROR', 'ERROR_UNEXPECTED_ANSWER']);
/** Methods whose repeat after they ran is visible to the customer twice. */
const NOT_REPEATABLE = new Set(['imbot.message.add']);

/** How often a step that may have posted a message is repeated after such a 500. */
export const MESSAGE_REPEATS_AFTER_500 = 1;

/** The same Bitrix error, marked final: no retry of the step, nor of the job. */
export class NotRepeatedError extends BitrixApiError {
  constructor(cause: BitrixApiError) {
    super(cause.method, cause.status, cause.code, `not repeated again, the message may have been posted already${cause.description ? `; ${cause.description}` : ''}`);
  }

  override get isRetryable(): boolean {
    return false;
  }
}

/** A 500 after which a message may have been posted (`attempted`: the methods that may have run). */
export function mayHavePosted(cause: unknown, attempted: readonly string[]): cause is BitrixApiError {
  return cause instanceof BitrixApiError && MAY_HAVE_RUN.has(cause.code) && attempted.some((method) => NOT_REPEATABLE.has(method));
}

/**
 * The failure as the retry loop should see it: unchanged, or — for a 500 that may have
 * posted a message, when that step was already repeated after one — a NotRepeatedError.
 * `repeated`: how often this step was already repeated after such a 500.
 */
export function decideRepeat(cause: unknown, attempted: readonly string[], repeated: number): unknown {
  return mayHavePosted(cause, attempted) && repeated >= MESSAGE_REPEATS_AFTER_500 ? new NotRepeatedError(cause) : cause;
}

/** How long to wait before trying `cause` again (attempt counts from 0). */
export function retryDelayMs(cause: unknown, attempt: number, now: number, random: () => number = Math.random): number {
  if (cause instanceof BitrixApiError && cause.retryAt !== undefined) return Math.max(0, cause.retryAt - now);
  return Math.min(8_000, 250 * 2 ** attempt) * (0.5 + random());
}
