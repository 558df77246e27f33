/**
 * The SQS worker's composition: the worker handler with the SQS dead-letter queue, the
 * retry delay on SQS (ChangeMessageVisibility), and the reserve of time one job may need.
 */
import { BUDGET_MAX_WAIT_MS } from '../app/rate-budget.js';
import { REFRESH_WAIT_MS } from '../app/tokens.js';
import { createWorkerHandler } from '../handlers/worker.js';
import type { CompiledMenu } from '../menu/types.js';
import type { MenuSource } from '../menu/menu-set.js';
import { sqsDeadLetters } from '../queue/dead-letter.js';
import { sqsRetryLater } from '../queue/retry-later.js';
import { workerDeps } from './lambda.js';

export function sqsWorkerHandler(menu: () => CompiledMenu, menus?: MenuSource): ReturnType<typeof createWorkerHandler> {
  const deps = workerDeps(menu, menus);
  const { deadLetterQueueUrl, queueUrl, region, jobMaxAttempts, retryBudgetMs, restTimeoutMs } = deps.config;
  if (!deadLetterQueueUrl || !queueUrl) throw new Error('QUEUE_URL and DLQ_URL must be set');
  // Worst case of one job: the retry budget, then one more request that may hang until the
  // timeout, a wait for the portal's budget, a wait for another worker's token refresh, and
  // the DynamoDB work around them. 62 s by default, at most 107 s (config bounds): under
  // the worker's 120 s timeout (serverless.yml), so a started job is never cut off.
  const reserveMs = retryBudgetMs + restTimeoutMs + BUDGET_MAX_WAIT_MS + REFRESH_WAIT_MS + 5_000;
  return createWorkerHandler(deps, {
    deadLetters: sqsDeadLetters(deadLetterQueueUrl, region),
    retryLater: sqsRetryLater(queueUrl, region),
    maxAttempts: jobMaxAttempts,
    reserveMs,
  });
}
