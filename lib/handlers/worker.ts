/**
 * The SQS worker: takes customer turns off the FIFO queue and runs the dialog use case.
 * Failures are reported per message (ReportBatchItemFailures); within one chat (message
 * group) everything after a failure is handed back too, so order is kept.
 */
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { AppDeps } from '../app/deps.js';
import { processDialogJob, RetryableJobError } from '../app/process-dialog.js';
import type { DialogJob } from '../queue/job.js';

export function createWorkerHandler(deps: AppDeps) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const groups = new Map<string, SQSRecord[]>();
    for (const record of event.Records) {
      const group = record.attributes.MessageGroupId ?? record.messageId;
      groups.set(group, [...(groups.get(group) ?? []), record]);
    }
    const failed: string[] = [];
    await Promise.all(
      [...groups.values()].map(async (records) => {
        for (let i = 0; i < records.length; i++) {
          const record = records[i]!;
          let job: DialogJob;
          try {
            job = JSON.parse(record.body) as DialogJob;
          } catch {
            deps.log.error('unreadable job dropped', { messageId: record.messageId });
            continue;
          }
          try {
            await processDialogJob(deps, job);
          } catch (error) {
            const log = deps.log.child({ memberId: job.memberId, dialogId: job.dialogId, eventId: job.eventId, jobId: job.jobId });
            if (error instanceof RetryableJobError) log.warn('job will be retried', { attempt: Number(record.attributes.ApproximateReceiveCount), reason: error.message });
            else log.error('job failed', { attempt: Number(record.attributes.ApproximateReceiveCount), error });
            failed.push(...records.slice(i).map((rest) => rest.messageId));
            return;
          }
        }
      }),
    );
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
