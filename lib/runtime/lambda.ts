/**
 * The Lambda composition root: config from the environment, the menu compiled into the
 * bundle, the queue the function needs (the ingest functions send to SQS; the worker
 * only receives from it, so it never loads an SQS client). Built on the first event,
 * not at module load, so a cold start pays only for what the first event needs.
 */
import type { AppDeps } from '../app/deps.js';
import { loadConfig, type Config } from '../config.js';
import type { CompiledMenu } from '../menu/types.js';
import type { JobQueue } from '../queue/job.js';
import { createAppDeps } from './create-deps.js';

let deps: AppDeps | undefined;

const noQueue: JobQueue = { send: () => Promise.reject(new Error('this function does not send jobs')) };

export function lambdaDeps(menu: CompiledMenu, queue?: (config: Config) => JobQueue): AppDeps {
  if (deps) return deps;
  const config = loadConfig(process.env);
  deps = createAppDeps({ config, menu: () => menu, queue: queue ? queue(config) : noQueue });
  return deps;
}
