/** SQS FIFO consumer: one customer turn per message, partial batch failures reported. */
import menu from 'virtual:menu';
import type { Context, SQSEvent } from 'aws-lambda';
import { createWorkerHandler } from '../lib/handlers/worker.js';
import { workerDeps } from '../lib/runtime/lambda.js';
import { sqsDeadLetters } from '../lib/queue/dead-letter.js';
import { sqsRetryLater } from '../lib/queue/retry-later.js';
import { BUDGET_MAX_WAIT_MS } from '../lib/app/rate-budget.js';
import { REFRESH_WAIT_MS } from '../lib/app/tokens.js';

let handle: ReturnType<typeof createWorkerHandler> | undefined;
export const handler = (event: SQSEvent, context: Context) => {
  if (!handle) {
    const deps = workerDeps(menu);
    const { deadLetterQueueUrl, queueUrl, region, jobMaxAttempts, retryBudgetMs, restTimeoutMs } = deps.config;
    if (!deadLetterQueueUrl || !queueUrl) throw new Error('QUEUE_URL and DLQ_URL must be set');
    // Worst case of one job: the retry budget, then one more request that may hang until the
    // timeout, a wait for the portal's budget, a wait for another worker's token refresh, and
    // the DynamoDB work around them. 62 s by default, at most 107 s (config bounds): under
    // the worker's 120 s timeout (serverless.yml), so a started job is never cut off.
    const reserveMs = retryBudgetMs + restTimeoutMs + BUDGET_MAX_WAIT_MS + REFRESH_WAIT_MS + 5_000;
    handle = createWorkerHandler(deps, {
      deadLetters: sqsDeadLetters(deadLetterQueueUrl, region),
      retryLater: sqsRetryLater(queueUrl, region),
      maxAttempts: jobMaxAttempts,
      reserveMs,
    });
  }
  return handle(event, context);
};
