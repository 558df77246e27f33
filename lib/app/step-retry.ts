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
 * Bitrix24's JS SDK leaves them to the caller. Decided per method — all are retried
 * (lib/bitrix/errors.ts isRetryable), for different reasons:
 *  - session calls (imopenlines.bot.session.*): safe, a repeated transfer or finish finds
 *    the session already moved and is refused; nothing is doubled. Same for reads
 *    (app.info, imopenlines.config.get, imbot.bot.list), imbot.message.update (same text
 *    again), imbot.chat.sendTyping, imbot.register/update (register returns the existing
 *    bot for our CODE).
 *  - imbot.message.add: a repeat may post the message twice if the first one ran. The
 *    risk is accepted and documented (docs/operations.md, "The remaining window"), as for
 *    a timeout: a 500 is far more often a request that failed as a whole (a burst while
 *    the portal is unwell) than a half-done send, and a customer left without an answer
 *    is the worse outcome. Not repeating it was tried and dropped: under a burst of 500s
 *    it dead-lettered replies that had never been posted.
 * Rate limits (429/503) are refused before the method runs: always retried, never doubled.
 */
import { BitrixApiError } from '../bitrix/errors.js';

/** How long to wait before trying `cause` again (attempt counts from 0). */
export function retryDelayMs(cause: unknown, attempt: number, now: number, random: () => number = Math.random): number {
  if (cause instanceof BitrixApiError && cause.retryAt !== undefined) return Math.max(0, cause.retryAt - now);
  return Math.min(8_000, 250 * 2 ** attempt) * (0.5 + random());
}
