/**
 * When the portal's budget is the bottleneck (issue 17): chats whose outbox is ready but
 * who can't have a slot now don't each wait for one. They enter the portal's waiting room
 * (lib/app/waiting-room.ts, in DynamoDB, so it spans every worker), and whoever gets the
 * portal's next slot — any worker, a waiting one or one that just got a slot of a nearly
 * full bucket — sends the next step of up to 50 waiting chats in that one request
 * (contract §4.16: a batch counts once for the rate limit, contract §5).
 *
 * The rules of lib/app/send-together.ts hold for every chat in such a request: one step
 * per chat per request (its first remaining one), halt=0, a step counts as done only when
 * its own result came back and is then recorded (progress, conditional on the dialog's
 * version) before the entry says so; a refusal is judged for that chat alone. A chat with
 * more steps waits again for the next request. The owner of a chat (the worker holding
 * its SQS record) waits for the verdict and ends its job with it. If no one sends for it
 * within BUDGET_MAX_WAIT_MS it leaves the room and hands the job back, as a budget
 * timeout always did; if a sender took the entry and vanished (crash), the owner waits
 * until that sender's request must have ended (TAKEN_MS) and hands the job back too: the
 * redelivery resumes from the recorded progress once the claim runs out.
 */
import { BitrixApiError, isRetryable } from '../bitrix/errors.js';
import type { RestClient } from '../bitrix/rest-client.js';
import type { Logger } from '../log.js';
import { metric } from '../metrics.js';
import type { DialogKey } from '../store/dialogs.js';
import type { PortalRecord } from '../store/portals.js';
import type { WorkerDeps } from './deps.js';
import { isPermanent, PermanentJobError, RetryableJobError } from './errors.js';
import { StepFailure } from './execute-steps.js';
import { recordMovedOn } from './moved-on.js';
import { restForPortal } from './portal-rest.js';
import { retryDelayMs } from './step-retry.js';
import { BUDGET_MAX_WAIT_MS, BudgetExhaustedError } from './rate-budget.js';
import { BATCH_LIMIT } from './send-together.js';
import type { ReadyTurn } from './turn/prepare-turn.js';
import { sendOutbox } from './turn/send-outbox.js';
import type { EventToken } from './tokens.js';
import type { WaitingEntry, WaitingRoom } from './waiting-room.js';

/** A taken entry without a verdict after this long: its sender is gone (its request has timed out by then). */
const takenMs = (deps: WorkerDeps) => deps.config.restTimeoutMs + 5_000;

/** One request for up to 50 waiting chats of the portal, with a slot already taken. */
export async function sendForWaiting(deps: WorkerDeps, room: WaitingRoom, portal: PortalRecord, rest: RestClient, log: Logger): Promise<number> {
  const memberId = portal.memberId;
  const taken = await room.take(memberId, BATCH_LIMIT, deps.time.now());
  if (taken.length === 0) return 0;
  const refusedInBatch = new Set((deps.portals.getCached(memberId) ?? portal).batchRefused ?? []);
  // Parallel reads (not a BatchGet): lib/store/dialogs.ts stays as it is.
  const dialogs = await Promise.all(taken.map((entry) => deps.dialogs.get({ memberId, botId: entry.botId, dialogId: entry.dialogId }, deps.clock())));
  const loaded = await Promise.all(
    taken.map(async (entry, i) => {
      const key: DialogKey = { memberId, botId: entry.botId, dialogId: entry.dialogId };
      const dialog = dialogs[i]!;
      const outbox = dialog.outbox;
      if (!outbox || outbox.jobId !== entry.jobId)
        return void (await room.settle(memberId, entry, { state: 'failed', reason: "the outbox is no longer this job's" }));
      if (outbox.done >= outbox.steps.length) return void (await room.settle(memberId, entry, { state: 'done' }));
      if (refusedInBatch.has(outbox.steps[outbox.done]!.method)) return void (await room.settle(memberId, entry, { state: 'yours' }));
      return { entry, key, outbox, version: dialog.version!, step: outbox.steps[outbox.done]! };
    }),
  );
  const chats = loaded.filter((chat) => chat !== undefined);
  if (chats.length === 0) return 0;
  type Chat = (typeof chats)[number];

  const sent = async (chat: Chat) => {
    const done = chat.outbox.done + 1;
    const finished = done >= chat.outbox.steps.length;
    try {
      await deps.dialogs.progress(chat.key, chat.version, chat.outbox, done, finished ? 0 : deps.time.now() + deps.config.claimMs);
    } catch (error) {
      log.error('could not record outbox progress', { dialogId: chat.key.dialogId, error });
      return room.settle(memberId, chat.entry, { state: 'failed', reason: 'could not record outbox progress' });
    }
    await room.settle(memberId, chat.entry, { state: finished ? 'done' : 'more' });
  };
  const failed = async (chat: Chat, cause: unknown) => {
    if (cause instanceof BitrixApiError && cause.code === 'ERROR_BATCH_METHOD_NOT_ALLOWED') {
      refusedInBatch.add(chat.step.method);
      const batchRefused = [...refusedInBatch];
      // The store's wrapper keeps the warm copy equal to what it writes (lib/app/portal-cache.ts).
      await deps.portals.update(memberId, { batchRefused }, deps.clock()).catch((error: unknown) => log.warn('could not remember batch refusal', { error }));
      return room.settle(memberId, chat.entry, { state: 'yours' });
    }
    if (cause instanceof BitrixApiError && cause.isMovedOn) {
      await recordMovedOn(deps, chat.key, chat.outbox, cause, log.child({ dialogId: chat.key.dialogId, jobId: chat.entry.jobId }));
      return room.settle(memberId, chat.entry, { state: 'done' });
    }
    // May pass later: back in the room, for a later sender after a backoff (or the method's
    // release, OPERATION_TIME_LIMIT) — within B24_RETRY_BUDGET_MS, which its owner enforces.
    if (isRetryable(cause)) {
      const now = deps.time.now();
      const failures = (chat.entry.failures ?? 0) + 1;
      const notBefore = now + retryDelayMs(cause, failures - 1, now, () => deps.time.random());
      metric('RestRetry');
      return room.settle(memberId, chat.entry, {
        state: 'waiting',
        reason: new StepFailure(chat.outbox.done, chat.step, cause).message,
        retry: { failures, failingSince: chat.entry.failingSince ?? now, notBefore },
      });
    }
    await deps.dialogs
      .progress(chat.key, chat.version, chat.outbox, chat.outbox.done, 0)
      .catch((error: unknown) => log.error('could not record outbox progress', { error }));
    if (cause instanceof BitrixApiError && cause.status === 401) deps.portals.forget(memberId);
    return room.settle(memberId, chat.entry, {
      state: 'failed',
      reason: new StepFailure(chat.outbox.done, chat.step, cause).message,
      permanent: isPermanent(cause),
    });
  };

  try {
    if (chats.length === 1) {
      await rest.call(chats[0]!.step.method, chats[0]!.step.params);
      await sent(chats[0]!);
    } else {
      const outcome = await rest.batch(
        chats.map((chat, i) => ({ key: `w${i}`, method: chat.step.method, params: chat.step.params })),
        false,
      );
      await Promise.all(
        chats.map((chat, i) => {
          const error = outcome.errors[`w${i}`];
          if (error) return failed(chat, error);
          if (!(`w${i}` in outcome.results)) return failed(chat, new BitrixApiError(chat.step.method, 500, 'BATCH_INCOMPLETE', 'no result'));
          return sent(chat);
        }),
      );
    }
  } catch (error) {
    // No answer for any of them: nothing is done.
    await Promise.all(chats.map((chat) => failed(chat, error)));
  }
  log.info('sent for waiting chats', { chats: chats.length });
  metric('SharedBatchChats', chats.length);
  return chats.length;
}

/**
 * The owner's side: `turns` (claimed outboxes of one portal) wait in the room until a
 * sender has sent them, step by step. `slotInHand`: this worker holds a slot already (of
 * a crowded bucket) and sends the first request itself — for everyone waiting.
 */
export async function waitTogether(
  deps: WorkerDeps,
  portal: PortalRecord,
  turns: readonly ReadyTurn[],
  slotInHand: boolean,
  eventToken: EventToken | undefined,
  log: Logger,
): Promise<(true | Error)[]> {
  const room = deps.budget.room!;
  const memberId = portal.memberId;
  const rate = portal.rate ?? deps.config.restRate;
  const interval = 1000 / rate.perSecond;
  const mine = turns.map((turn) => ({ botId: turn.key.botId, dialogId: turn.key.dialogId, jobId: turn.job.jobId }));
  await room.enter(memberId, mine, deps.time.now());
  log.info('waiting for a shared batch of the portal', { chats: turns.length });
  const results: (true | Error | undefined)[] = turns.map(() => undefined);
  const deadline = deps.time.now() + BUDGET_MAX_WAIT_MS;
  let slot = slotInHand;

  const releaseClaim = async (turn: ReadyTurn) => {
    const dialog = await deps.dialogs.get(turn.key, deps.clock());
    if (dialog.outbox?.jobId === turn.job.jobId)
      await deps.dialogs.progress(turn.key, dialog.version!, dialog.outbox, dialog.outbox.done, 0).catch(() => undefined);
  };
  const verdict = async (i: number, entry: WaitingEntry | undefined): Promise<true | Error | undefined> => {
    const turn = turns[i]!;
    const now = deps.time.now();
    switch (entry?.state) {
      case undefined:
        return new RetryableJobError(`job ${turn.job.jobId} lost its place in the waiting room`);
      case 'done':
        await room.leave(memberId, mine[i]!, 'done');
        return true;
      case 'more':
        await room.requeue(memberId, mine[i]!);
        return undefined;
      case 'failed':
        await room.leave(memberId, mine[i]!, 'failed');
        return entry.permanent ? new PermanentJobError(entry.reason ?? 'refused') : new RetryableJobError(entry.reason ?? 'failed');
      case 'yours': {
        // A step the portal refuses inside batch: the rest goes the usual way, from here.
        await room.leave(memberId, mine[i]!, 'yours');
        const dialog = await deps.dialogs.get(turn.key, deps.clock());
        if (dialog.outbox?.jobId !== turn.job.jobId) return true;
        try {
          await sendOutbox(deps, turn.key, portal, turn.rest(), dialog.outbox, dialog.version!, turn.log);
          return true;
        } catch (error) {
          return error as Error;
        }
      }
      case 'waiting': {
        // Retried past the retry budget (as executeSteps would stop), or no sender for too long: the job goes back.
        const failing = entry.failingSince !== undefined && now + Math.max(0, (entry.notBefore ?? now) - now) - entry.failingSince > deps.config.retryBudgetMs;
        if ((!failing && now <= deadline) || !(await room.leave(memberId, mine[i]!, 'waiting'))) return undefined;
        await releaseClaim(turn);
        if (failing) {
          turn.log.warn('REST step failed, will retry', { reason: entry.reason, failures: entry.failures });
          return new RetryableJobError(entry.reason ?? 'failed', { cause: { retryAt: entry.notBefore } });
        }
        return new RetryableJobError(entry.reason ?? `no shared batch of portal ${memberId} within ${BUDGET_MAX_WAIT_MS} ms`, {
          cause: new BudgetExhaustedError('budget'),
        });
      }
      case 'taken':
        if (now <= (entry.takenAt ?? 0) + takenMs(deps) || !(await room.leave(memberId, mine[i]!, 'taken', entry.takenAt))) return undefined;
        return new RetryableJobError(`the sender that took job ${turn.job.jobId} did not answer`);
    }
  };

  for (;;) {
    if (slot) await sendForWaiting(deps, room, portal, restForPortal(deps, portal, eventToken, log, Promise.resolve(undefined)), log);
    const open = results.flatMap((result, i) => (result === undefined ? [i] : []));
    const entries = await room.read(
      memberId,
      open.map((i) => mine[i]!),
    );
    await Promise.all(open.map(async (i, n) => (results[i] = await verdict(i, entries[n]))));
    if (results.every((result) => result !== undefined)) return results as (true | Error)[];
    await deps.time.sleep(interval * (0.5 + deps.time.random()));
    slot = (await deps.budget.tryTake!(memberId, rate)) !== 'full';
  }
}
