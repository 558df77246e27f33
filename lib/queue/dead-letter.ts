/**
 * Where a job goes when no retry will help or it has used all its attempts: the
 * dead-letter queue, with the reason. On AWS it is the SQS DLQ (the worker sends the job
 * there itself so the reason travels along; the queue's redrive policy stays as a backstop
 * for a worker that dies on its last attempt). The SQS client is loaded only then, from
 * the SDK the Lambda runtime provides, so it is not in the worker's bundle.
 */
import { createRequire } from 'node:module';
import type { DialogJob } from './job.js';
import { groupOf, safeId } from './job.js';

export interface DeadLetterSink {
  send(job: DialogJob, reason: string, attempts: number): Promise<void>;
}

type SqsModule = typeof import('@aws-sdk/client-sqs');

export function sqsDeadLetters(queueUrl: string, region: string): DeadLetterSink {
  let client: InstanceType<SqsModule['SQSClient']> | undefined;
  let sqs: SqsModule | undefined;
  return {
    async send(job, reason, attempts) {
      const moduleName = '@aws-sdk/client-sqs';
      sqs ??= createRequire(import.meta.url)(moduleName) as SqsModule;
      client ??= new sqs.SQSClient({ region });
      await client.send(
        new sqs.SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(job),
          MessageGroupId: safeId(groupOf(job)),
          MessageDeduplicationId: safeId(`${job.jobId}:${attempts}`),
          MessageAttributes: {
            reason: { DataType: 'String', StringValue: reason.slice(0, 1000) || 'unknown' },
            attempts: { DataType: 'Number', StringValue: String(attempts) },
            deadAt: { DataType: 'String', StringValue: new Date().toISOString() },
          },
        }),
      );
    },
  };
}
