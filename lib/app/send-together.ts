/**
 * The outboxes of several chats of one portal, sent together (issue 17): a portal allows
 * 2 requests/s (burst 50) for all its chats (contract §5), and one `batch` of up to 50
 * commands counts as one request (contract §4.16). So when a worker holds the claimed
 * outboxes of several chats of one portal, their steps share requests.
 *
 * Why it is as safe as one chat at a time:
 *  - `halt=0` across chats, so one chat's refusal does not stop the others' steps; but a
 *    chat puts at most ONE step into a shared request — its first remaining one. Its next
 *    step goes into the next round, only after this one's own result came back. A chat's
 *    later step therefore never runs after its earlier one failed, halt=0 or not.
 *  - A step counts as done only when its own result is in the answer (result[key]); then
 *    the chat's progress is written (lib/store/dialogs.ts progress, conditional on the
 *    version) — also after its last step, because the other chats of the request may go on
 *    for more rounds and a crash then must not resend what is done.
 *  - A refused command is judged for its own chat alone (as lib/app/turn/send-outbox.ts
 *    does for one chat): moved on (contract §9.1) → lib/app/moved-on.ts; may pass later
 *    (rate limits, 5xx) → that chat retries in a later round, with backoff, within the
 *    retry budget; else the chat's progress is recorded, its claim released, and its job
 *    fails (RetryableJobError / PermanentJobError) — the other chats are not touched, and
 *    nothing of theirs is sent again.
 *  - A request without an answer (timeout, 5xx, QUERY_LIMIT_EXCEEDED) marks nothing done:
 *    each of its chats retries the same step, as executeSteps does for one.
 * When one chat is left, the rest of its outbox goes the usual way (sendOutbox: one
 * request, `batch` with halt=1), so a hand-over's three steps don't cost three rounds.
 */
import { BitrixApiError, isRetryable } from '../bitrix/errors.js';
import type { BatchCommand, RestClient } from '../bitrix/rest-client.js';
import type { Logger } from '../log.js';
import { metric } from '../metrics.js';
import type { PortalRecord } from '../store/portals.js';
import type { WorkerDeps } from './deps.js';
import { isPermanent, PermanentJobError, RetryableJobError } from './errors.js';
import { StepFailure } from './execute-steps.js';
import { recordMovedOn } from './moved-on.js';
import { retryDelayMs } from './step-retry.js';
import type { ReadyTurn } from './turn/prepare-turn.js';
import { sendOutbox } from './turn/send-outbox.js';

/** Commands per `batch` (contract §4.16: more fail with ERROR_BATCH_LENGTH_EXCEEDED). */
export const BATCH_LIMIT = 50;

interface Chat {
  readonly turn: ReadyTurn;
  /** The first step not known to be done. */
  index: number;
  version: number;
  failures: number;
  notBefore: number;
  /** true: done (sent, or the chat moved on); an error: the job failed with it. */
  result?: true | Error;
}

export interface TogetherReport {
  /** Per turn, in order: true, or the error its job ends with. */
  readonly results: readonly (true | Error)[];
  readonly requests: number;
  readonly rounds: number;
}

export async function sendTogether(
  deps: WorkerDeps,
  portal: PortalRecord,
  turns: readonly ReadyTurn[],
  rest: RestClient,
  log: Logger,
): Promise<TogetherReport> {
  const refusedInBatch = new Set(portal.batchRefused ?? []);
  const refusedBefore = refusedInBatch.size;
  const started = deps.time.now();
  const chats: Chat[] = turns.map((turn) => ({ turn, index: turn.outbox.done, version: turn.version, failures: 0, notBefore: 0 }));
  let requests = 0;
  let rounds = 0;

  const stepOf = (chat: Chat) => chat.turn.outbox.steps[chat.index]!;

  async function failed(chat: Chat, cause: unknown): Promise<void> {
    const { key, outbox, log: chatLog } = chat.turn;
    const step = stepOf(chat);
    if (cause instanceof BitrixApiError && cause.code === 'ERROR_BATCH_METHOD_NOT_ALLOWED') {
      refusedInBatch.add(step.method); // sent on its own in the next round, as executeSteps does
      return;
    }
    if (cause instanceof BitrixApiError && cause.isMovedOn) {
      await recordMovedOn(deps, key, outbox, cause, chatLog);
      chat.result = true;
      return;
    }
    const failure = new StepFailure(chat.index, step, cause);
    const now = deps.time.now();
    if (isRetryable(cause)) {
      const delay = retryDelayMs(cause, chat.failures, now, () => deps.time.random());
      if (now + delay - started <= deps.config.retryBudgetMs) {
        chat.failures += 1;
        chat.notBefore = now + delay;
        metric('RestRetry');
        chatLog.warn('REST step failed in a shared batch, retrying', { step: chat.index, method: step.method, error: cause, delayMs: Math.round(delay) });
        return;
      }
    }
    // Record what is done and release the claim, so a retry sends only the rest.
    await deps.dialogs
      .progress(key, chat.version, outbox, chat.index, 0)
      .catch((error: unknown) => chatLog.error('could not record outbox progress', { error }));
    if (cause instanceof BitrixApiError && cause.status === 401) deps.portals.forget(key.memberId);
    if (isPermanent(cause)) {
      chatLog.error('REST step failed', { step: chat.index, method: step.method, error: cause });
      chat.result = new PermanentJobError(failure.message, { cause });
    } else {
      chatLog.warn('REST step failed, will retry', { step: chat.index, method: step.method, error: cause });
      chat.result = new RetryableJobError(failure.message, { cause });
    }
  }

  /** One round: the first remaining step of every chat that is due, in as few requests as the limit allows. */
  async function round(due: Chat[]): Promise<void> {
    rounds += 1;
    const advanced: Chat[] = [];
    const alone = due.filter((chat) => refusedInBatch.has(stepOf(chat).method));
    const shared = due.filter((chat) => !refusedInBatch.has(stepOf(chat).method));
    const single = async (chat: Chat) => {
      requests += 1;
      try {
        await rest.call(stepOf(chat).method, stepOf(chat).params);
        advanced.push(chat);
      } catch (error) {
        await failed(chat, error);
      }
    };
    for (const chat of alone) await single(chat);
    for (let from = 0; from < shared.length; from += BATCH_LIMIT) {
      const chunk = shared.slice(from, from + BATCH_LIMIT);
      if (chunk.length === 1) {
        await single(chunk[0]!);
        continue;
      }
      const commands: BatchCommand[] = chunk.map((chat, i) => ({ key: `c${i}`, method: stepOf(chat).method, params: stepOf(chat).params }));
      requests += 1;
      let outcome;
      try {
        outcome = await rest.batch(commands, false);
      } catch (error) {
        // No answer for any of them: nothing is done, each chat retries its step.
        for (const chat of chunk) await failed(chat, error);
        continue;
      }
      for (const [i, chat] of chunk.entries()) {
        const key = `c${i}`;
        const error = outcome.errors[key];
        if (error) await failed(chat, error);
        else if (!(key in outcome.results)) await failed(chat, new BitrixApiError(stepOf(chat).method, 500, 'BATCH_INCOMPLETE', 'no result'));
        else advanced.push(chat);
      }
    }
    // Each step whose own result came back is recorded before anything else is sent.
    await Promise.all(
      advanced.map(async (chat) => {
        chat.index += 1;
        const finished = chat.index >= chat.turn.outbox.steps.length;
        try {
          chat.version = await deps.dialogs.progress(
            chat.turn.key,
            chat.version,
            chat.turn.outbox,
            chat.index,
            finished ? 0 : deps.time.now() + deps.config.claimMs,
          );
          if (finished) chat.result = true;
        } catch (error) {
          chat.turn.log.error('could not record outbox progress', { error });
          chat.result = error as Error;
        }
      }),
    );
  }

  try {
    for (;;) {
      const open = chats.filter((chat) => chat.result === undefined);
      if (open.length === 0) break;
      const now = deps.time.now();
      const due = open.filter((chat) => chat.notBefore <= now);
      if (due.length === 0) {
        await deps.time.sleep(Math.min(...open.map((chat) => chat.notBefore)) - now);
        continue;
      }
      if (open.length === 1) {
        // The last chat: the rest of its outbox in one request, as for a lone message.
        const [chat] = open as [Chat];
        try {
          await sendOutbox(
            deps,
            chat.turn.key,
            { ...portal, batchRefused: [...refusedInBatch] },
            rest,
            { ...chat.turn.outbox, done: chat.index },
            chat.version,
            chat.turn.log,
          );
          chat.result = true;
        } catch (error) {
          chat.result = error as Error;
        }
        requests += 1; // at least; more only when it is retried
        break;
      }
      await round(due);
    }
  } finally {
    if (refusedInBatch.size > refusedBefore) {
      const batchRefused = [...refusedInBatch];
      // The store's wrapper keeps the warm copy equal to what it writes (lib/app/portal-cache.ts).
      await deps.portals
        .update(portal.memberId, { batchRefused }, deps.clock())
        .catch((error: unknown) => log.warn('could not remember batch refusal', { error }));
    }
  }
  return { results: chats.map((chat) => chat.result ?? new RetryableJobError('not sent')), requests, rounds };
}
