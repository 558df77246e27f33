/**
 * Wraps jobs the way the SQS event source hands them to the worker Lambda, so the local
 * stack and the tests run the very worker handler that runs on AWS: one record per job,
 * the FIFO group in `MessageGroupId`, the attempt in `ApproximateReceiveCount`.
 */
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { dedupOf, groupOf, type DialogJob } from '../../lib/queue/job.js';

let sequence = 0;

export function sqsRecord(job: DialogJob, attempt = 1, messageId = `${job.jobId}#${attempt}`): SQSRecord {
  const now = String(Date.now());
  sequence += 1;
  return {
    messageId,
    receiptHandle: `local-${messageId}`,
    body: JSON.stringify(job),
    attributes: {
      ApproximateReceiveCount: String(attempt),
      SentTimestamp: now,
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: now,
      SequenceNumber: String(sequence),
      MessageGroupId: groupOf(job),
      MessageDeduplicationId: dedupOf(job),
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:local:000000000000:b24-bot-jobs.fifo',
    awsRegion: 'local',
  };
}

export const sqsEvent = (...records: SQSRecord[]): SQSEvent => ({ Records: records });
