/** SQS FIFO consumer: one customer turn per message, partial batch failures reported. */
import menu from 'virtual:menu';
import type { Context, SQSEvent } from 'aws-lambda';
import { createWorkerHandler } from '../lib/handlers/worker.js';
import { workerDeps } from '../lib/runtime/lambda.js';
import { sqsDeadLetters } from '../lib/queue/dead-letter.js';

let handle: ReturnType<typeof createWorkerHandler> | undefined;
export const handler = (event: SQSEvent, context: Context) => {
  if (!handle) {
    const deps = workerDeps(menu);
    const { deadLetterQueueUrl, region, jobMaxAttempts, retryBudgetMs, restTimeoutMs } = deps.config;
    if (!deadLetterQueueUrl) throw new Error('DLQ_URL is not set');
    // Worst case of one job: the retry budget, then one more request that may hang until the timeout.
    const reserveMs = retryBudgetMs + restTimeoutMs + 2_000;
    handle = createWorkerHandler(deps, { deadLetters: sqsDeadLetters(deadLetterQueueUrl, region), maxAttempts: jobMaxAttempts, reserveMs });
  }
  return handle(event, context);
};
