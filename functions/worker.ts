/** SQS FIFO consumer: one customer turn per message, partial batch failures reported. */
import menu from 'virtual:menu';
import type { SQSEvent } from 'aws-lambda';
import { createWorkerHandler } from '../lib/handlers/worker.js';
import { workerDeps } from '../lib/runtime/lambda.js';
import { sqsDeadLetters } from '../lib/queue/dead-letter.js';

let handle: ReturnType<typeof createWorkerHandler> | undefined;
export const handler = (event: SQSEvent) => {
  if (!handle) {
    const deps = workerDeps(menu);
    const { deadLetterQueueUrl, region, jobMaxAttempts } = deps.config;
    if (!deadLetterQueueUrl) throw new Error('DLQ_URL is not set');
    handle = createWorkerHandler(deps, { deadLetters: sqsDeadLetters(deadLetterQueueUrl, region), maxAttempts: jobMaxAttempts });
  }
  return handle(event);
};
