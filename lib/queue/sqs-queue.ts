/**
 * The JobQueue port on SQS FIFO: MessageGroupId = portal + chat (one chat in order,
 * chats in parallel), MessageDeduplicationId = portal + dialog + event (the same
 * Bitrix event is accepted once within SQS's five-minute window).
 */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { dedupOf, groupOf, safeId, type DialogJob, type JobQueue } from './job.js';

/** The queue of the ingest functions (QUEUE_URL from serverless.yml). */
export function sqsQueueFromConfig(config: { queueUrl: string | undefined; region: string }): JobQueue {
  if (!config.queueUrl) throw new Error('QUEUE_URL is not set');
  return createSqsQueue(config.queueUrl, config.region);
}

export function createSqsQueue(queueUrl: string, region: string): JobQueue {
  const client = new SQSClient({ region });
  return {
    async send(job: DialogJob) {
      await client.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(job),
          MessageGroupId: safeId(groupOf(job)),
          MessageDeduplicationId: safeId(dedupOf(job)),
        }),
      );
    },
  };
}
