/**
 * The Lambda composition root: config from the environment, the menu compiled into the
 * bundle, SQS as the queue. Built on the first event, not at module load, so a cold
 * start pays only for what the first event needs.
 */
import type { AppDeps } from '../app/deps.js';
import { loadConfig } from '../config.js';
import type { CompiledMenu } from '../menu/types.js';
import { createSqsQueue } from '../queue/sqs-queue.js';
import { createAppDeps } from './create-deps.js';

let deps: AppDeps | undefined;

export function lambdaDeps(menu: CompiledMenu): AppDeps {
  if (deps) return deps;
  const config = loadConfig(process.env);
  const queue = config.queueUrl
    ? createSqsQueue(config.queueUrl, config.region)
    : { send: async () => Promise.reject(new Error('QUEUE_URL is not set')) };
  deps = createAppDeps({ config, menu: () => menu, queue });
  return deps;
}
