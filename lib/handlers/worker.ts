/**
 * The SQS worker: takes customer turns off the FIFO queue and runs the dialog use case.
 * Failures are reported per message (ReportBatchItemFailures); within one chat (message
 * group) everything after a failure is handed back too, so order is kept. A job that no
 * retry can fix (PermanentJobError), or that failed on its last attempt, goes to the dead-letter queue with
 * its reason and counts as handled, so the chat's later messages go on.
 */
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { AppDeps } from '../app/deps.js';
import { PermanentJobError, processDialogJob } from '../app/process-dialog.js';
import type { DeadLetterSink } from '../queue/dead-letter.js';
import type { DialogJob } from '../queue/job.js';

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
}

/** The part of the Lambda context the worker reads (absent locally: no deadline). */
export interface WorkerContext {
  getRemainingTimeInMillis(): number;
}

export function createWorkerHandler(deps: AppDeps, options: WorkerOptions) {
  async function handle(record: SQSRecord): Promise<boolean> {
    let job: DialogJob;
    try {
      job = JSON.parse(record.body) as DialogJob;
    } catch {
      deps.log.error('unreadable job dropped', { messageId: record.messageId });
      return true;
    }
    const attempt = Number(record.attributes.ApproximateReceiveCount ?? '1');
    const log = deps.log.child({ memberId: job.memberId, dialogId: job.dialogId, eventId: job.eventId, jobId: job.jobId, attempt });
    try {
      await processDialogJob(deps, job);
      return true;
    } catch (error) {
      // Only what no retry can fix (a portal's 4xx) skips the remaining attempts; anything
      // else — the portal's limits and 5xx, DynamoDB throttling, a bug hit by a rare input —
      // gets them all before it is parked, so nothing is lost to a transient failure.
      const permanent = error instanceof PermanentJobError;
      const reason = (error as Error)?.message ?? String(error);
      if (!permanent && attempt < options.maxAttempts) {
        log.warn('job will be retried', { reason });
        return false;
      }
      try {
        await options.deadLetters.send(job, reason, attempt);
        log.error('job dead-lettered', { reason });
        return true;
      } catch (sendError) {
        log.error('could not dead-letter the job; the queue will redeliver it', { reason, error: sendError });
        return false;
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
    await Promise.all(
      [...groups.values()].map(async (records) => {
        for (let i = 0; i < records.length; i++) {
          if (timeLeft() <= 0) {
            deps.log.warn('records handed back: not enough time left in this invocation', { records: records.length - i, group: records[i]!.attributes.MessageGroupId });
            failed.push(...records.slice(i).map((rest) => rest.messageId));
            return;
          }
          if (!(await handle(records[i]!))) {
            failed.push(...records.slice(i).map((rest) => rest.messageId));
            return;
          }
        }
      }),
    );
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
