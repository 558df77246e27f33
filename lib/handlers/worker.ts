/**
 * The SQS worker: takes customer turns off the FIFO queue and runs the dialog use case.
 * Failures are reported per message (ReportBatchItemFailures); within one chat (message
 * group) everything after a failure is handed back too, so order is kept. A job that no
 * retry can fix (PermanentJobError), or that failed on its last attempt, goes to the dead-letter queue with
 * its reason and counts as handled, so the chat's later messages go on.
 */
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { AppDeps } from '../app/deps.js';
import { PermanentJobError } from '../app/errors.js';
import { processDialogJob } from '../app/process-dialog.js';
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

export function createWorkerHandler(deps: AppDeps, options: WorkerOptions) {
  /** true: done with (handled or dead-lettered); a number: failed, retry after that many seconds. */
  async function handle(record: SQSRecord): Promise<true | number> {
    let job: DialogJob;
    try {
      job = JSON.parse(record.body) as DialogJob;
    } catch {
      deps.log.error('unreadable job dropped', { messageId: record.messageId });
      return true;
    }
    const received = Number(record.attributes.ApproximateReceiveCount ?? '1');
    const log = deps.log.child({ memberId: job.memberId, dialogId: job.dialogId, eventId: job.eventId, jobId: job.jobId, received });
    try {
      await processDialogJob(deps, job);
      return true;
    } catch (error) {
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
      if (options.retryLater) later.push(options.retryLater(records, delaySeconds).catch((error: unknown) => deps.log.warn('could not set the retry delay; the visibility timeout applies', { error })));
    };
    await Promise.all(
      [...groups.values()].map(async (records) => {
        for (let i = 0; i < records.length; i++) {
          if (timeLeft() <= 0) {
            deps.log.warn('records handed back: not enough time left in this invocation', { records: records.length - i, group: records[i]!.attributes.MessageGroupId });
            handBack(records.slice(i), 0);
            return;
          }
          const outcome = await handle(records[i]!);
          if (outcome !== true) {
            // The rest of the chat waits behind it (FIFO), so order is kept.
            handBack(records.slice(i), outcome);
            return;
          }
        }
      }),
    );
    await Promise.all(later);
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
