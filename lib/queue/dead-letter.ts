/**
 * Where a job goes when no retry will help or it has used all its attempts: the
 * dead-letter queue, with the reason. On AWS it is the SQS DLQ (the worker sends the job
 * there itself so the reason travels along; the queue's redrive policy stays as a backstop
 * for a worker that dies on its last attempt). The SQS client is loaded only then, from
 * the SDK the Lambda runtime provides, so it is not in the worker's bundle.
 */
import type { DialogJob } from './job.js';
import { redact } from '../log.js';
import { groupOf, safeId } from './job.js';
import { runtimeSqs } from './runtime-sqs.js';

export interface DeadLetterSink {
  /** `messageId`: the SQS record's id, the same on every redelivery of that one message. */
  send(job: DialogJob, reason: string, attempts: number, messageId: string): Promise<void>;
}

/**
 * What is parked: the job without the event's bot token (it dies within the hour, the
 * letter lives two weeks, and a replay uses the portal's stored token), and the reason
 * with any secret the process knows of masked.
 */
export function deadLetterMessage(job: DialogJob, reason: string, attempts: number, messageId: string) {
  const { botToken: _token, botTokenExpiresAt: _expiry, ...parked } = job;
  return {
    MessageBody: JSON.stringify(parked),
    MessageGroupId: safeId(groupOf(job)),
    // Per received message: a worker that dies after this send and gets the same record
    // again does not park it twice, while a job replayed and failing again (a new
    // message, a new id) is parked again — SQS de-duplicates across the whole DLQ.
    MessageDeduplicationId: safeId(`dl:${messageId}`),
    MessageAttributes: {
      reason: { DataType: 'String', StringValue: String(redact(reason)).slice(0, 1000) || 'unknown' },
      attempts: { DataType: 'Number', StringValue: String(attempts) },
      deadAt: { DataType: 'String', StringValue: new Date().toISOString() },
    },
  };
}

export function sqsDeadLetters(queueUrl: string, region: string): DeadLetterSink {
  const load = runtimeSqs(region);
  return {
    async send(job, reason, attempts, messageId) {
      const { sqs, client } = load();
      await client.send(new sqs.SendMessageCommand({ QueueUrl: queueUrl, ...deadLetterMessage(job, reason, attempts, messageId) }));
    },
  };
}
