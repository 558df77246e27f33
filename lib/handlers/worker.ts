/**
 * The SQS worker: takes customer turns off the FIFO queue and runs the dialog use case.
 * Failures are reported per message (ReportBatchItemFailures); within one chat (message
 * group) everything after a failure is handed back too, so order is kept. The records of
 * different chats are decided each on its own and their replies sent together, one shared
 * request per portal (lib/app/run-turns.ts, issue 17). A job that no
 * retry can fix (PermanentJobError), or that failed on its last attempt, goes to the dead-letter queue with
 * its reason and counts as handled, so the chat's later messages go on.
 */
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { WorkerDeps } from '../app/deps.js';
import { PermanentJobError } from '../app/errors.js';
import { runTurns } from '../app/run-turns.js';
import type { DeadLetterSink } from '../queue/dead-letter.js';
import type { DialogJob } from '../queue/job.js';
import { metric } from '../metrics.js';

export interface WorkerOptions {
  readonly deadLetters: DeadLetterSink;
  /** Attempts before a retryable failure is dead-lettered (below the queue's maxReceiveCount). */
  readonly maxAttempts: number;
  /**
   * Time one job may take at worst (REST retries, waiting for the portal's budget, a hung
   * request). A record is started only with this much of the invocation left; the rest of
   * its chat is handed back rather than cut off by the Lambda timeout, which would return
   * the whole batch to the queue and count a receive against every record in it.
   */
  readonly reserveMs?: number;
  /**
   * Makes handed-back records visible again after `delaySeconds` (SQS
   * ChangeMessageVisibility) instead of after the queue's whole visibility timeout.
   * Absent locally, where the in-process queue has its own backoff.
   */
  readonly retryLater?: (records: readonly SQSRecord[], delaySeconds: number) => Promise<void>;
}

/** Backoff between attempts of a job: 10 s, 20 s, 40 s… at most 5 minutes. */
export const retryDelaySeconds = (failures: number): number => Math.min(300, 10 * 2 ** Math.max(0, failures - 1));

/**
 * A method held back by the portal's operating limit (OPERATION_TIME_LIMIT, contract §5)
 * names when it is released; a job handed back for it comes back no earlier, so it does
 * not spend its attempts before then (at most ten minutes away, lib/app/operating-limits.ts).
 * Wall time, like the limit itself.
 */
function secondsUntilRetryAt(error: unknown, now: number): number {
  const retryAt = (error as { cause?: { retryAt?: unknown } } | null)?.cause?.retryAt;
  return typeof retryAt === 'number' ? Math.min(900, Math.max(0, Math.ceil((retryAt - now) / 1000))) : 0;
}

/** The part of the Lambda context the worker reads (absent locally: no deadline). */
export interface WorkerContext {
  getRemainingTimeInMillis(): number;
}

export function createWorkerHandler(deps: WorkerDeps, options: WorkerOptions) {
  /** What becomes of a job that failed with `error`: true (dead-lettered) or retry after that many seconds. */
  async function settle(record: SQSRecord, job: DialogJob, error: unknown): Promise<true | number> {
    const received = Number(record.attributes.ApproximateReceiveCount ?? '1');
    const log = deps.log.child({ memberId: job.memberId, dialogId: job.dialogId, eventId: job.eventId, jobId: job.jobId, received });
    // Only what no retry can fix (a portal's 4xx) skips the remaining attempts; anything
    // else — the portal's limits and 5xx, DynamoDB throttling, a bug hit by a rare input —
    // gets them all before it is parked, so nothing is lost to a transient failure.
    const permanent = error instanceof PermanentJobError;
    const reason = (error as Error)?.message ?? String(error);
    // Failures of this job, not receives of this record (records handed back unrun count
    // receives too); the receive count is the fallback when the count can't be kept.
    const attempt = await deps.jobFailures.record(job.memberId, job.jobId, deps.clock()).catch((countError: unknown) => {
      log.warn('could not count the failure; using the receive count', { error: countError });
      return received;
    });
    if (!permanent && attempt < options.maxAttempts) {
      log.warn('job will be retried', { reason, attempt });
      return Math.max(retryDelaySeconds(attempt), secondsUntilRetryAt(error, deps.time.now()));
    }
    try {
      await options.deadLetters.send(job, reason, attempt, record.messageId);
      log.error('job dead-lettered', { reason, attempt });
      metric('DeadLetter', 1, { Reason: permanent ? 'permanent' : 'attempts' });
      return true;
    } catch (sendError) {
      log.error('could not dead-letter the job; the queue will redeliver it', { reason, error: sendError });
      return retryDelaySeconds(attempt);
    }
  }

  /**
   * One record of each chat (the next of its group): decided on their own, sent together
   * per portal (lib/app/run-turns.ts). true: done with; a number: retry after that many seconds.
   */
  async function handleTogether(records: readonly SQSRecord[]): Promise<(true | number)[]> {
    const jobs: (DialogJob | undefined)[] = records.map((record) => {
      try {
        return JSON.parse(record.body) as DialogJob;
      } catch {
        deps.log.error('unreadable job dropped', { messageId: record.messageId });
        return undefined;
      }
    });
    const readable = jobs.flatMap((job, i) => (job ? [{ job, record: records[i]! }] : []));
    const outcomes = await runTurns(
      deps,
      readable.map(({ job }) => job),
    );
    const settled = await Promise.all(readable.map(({ job, record }, i) => (outcomes[i] === true ? (true as const) : settle(record, job, outcomes[i]))));
    const byRecord = new Map(readable.map(({ record }, i) => [record, settled[i]!]));
    return records.map((record) => byRecord.get(record) ?? true);
  }

  return async (event: SQSEvent, context?: WorkerContext): Promise<SQSBatchResponse> => {
    const timeLeft = () => (context && options.reserveMs ? context.getRemainingTimeInMillis() - options.reserveMs : Infinity);
    const groups = new Map<string, SQSRecord[]>();
    for (const record of event.Records) {
      const group = record.attributes.MessageGroupId ?? record.messageId;
      groups.set(group, [...(groups.get(group) ?? []), record]);
    }
    const failed: string[] = [];
    const later: Promise<void>[] = [];
    const handBack = (records: SQSRecord[], delaySeconds: number) => {
      failed.push(...records.map((record) => record.messageId));
      if (options.retryLater)
        later.push(
          options
            .retryLater(records, delaySeconds)
            .catch((error: unknown) => deps.log.warn('could not set the retry delay; the visibility timeout applies', { error })),
        );
    };
    // Position by position: the first record of every chat, then the second… — a chat's
    // next turn commits only after its previous outbox went out (one outbox per dialog).
    const cursors = [...groups.values()].map((records) => ({ records, next: 0 }));
    for (;;) {
      const now: { cursor: (typeof cursors)[number]; record: SQSRecord }[] = [];
      for (const cursor of cursors) {
        if (cursor.next >= cursor.records.length) continue;
        if (timeLeft() <= 0) {
          deps.log.warn('records handed back: not enough time left in this invocation', {
            records: cursor.records.length - cursor.next,
            group: cursor.records[cursor.next]!.attributes.MessageGroupId,
          });
          handBack(cursor.records.slice(cursor.next), 0);
          cursor.next = cursor.records.length;
          continue;
        }
        now.push({ cursor, record: cursor.records[cursor.next]! });
      }
      if (now.length === 0) break;
      const outcomes = await handleTogether(now.map(({ record }) => record));
      now.forEach(({ cursor }, i) => {
        const outcome = outcomes[i]!;
        if (outcome === true) cursor.next += 1;
        else {
          // The rest of the chat waits behind it (FIFO), so order is kept.
          handBack(cursor.records.slice(cursor.next), outcome);
          cursor.next = cursor.records.length;
        }
      });
    }
    await Promise.all(later);
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
