/**
 * The keep-alive Lambda's composition root: config, the DynamoDB stores and the client
 * secret (SSM) — no menu, no queue: the job only refreshes stored token pairs.
 */
import type { AppDeps } from '../app/deps.js';
import { loadConfig } from '../config.js';
import { setLogLevel } from '../log.js';
import type { CompiledMenu } from '../menu/types.js';
import type { JobQueue } from '../queue/job.js';
import { createDb } from '../store/db.js';
import { createTokenAgeStore, type TokenAgeStore } from '../store/token-ages.js';
import { createAppDeps } from './create-deps.js';

export interface KeepAliveRuntime {
  readonly deps: AppDeps;
  readonly ages: TokenAgeStore;
}

let runtime: KeepAliveRuntime | undefined;

const noMenu = (): CompiledMenu => {
  throw new Error('the keep-alive job does not run the menu');
};
const noQueue: JobQueue = { send: () => Promise.reject(new Error('the keep-alive job does not send jobs')) };

/** Built from an environment (the Lambda's, or the CLI's for a deployed stage). */
export function createKeepAliveRuntime(env: Readonly<Record<string, string | undefined>>): KeepAliveRuntime {
  const config = loadConfig(env);
  setLogLevel(config.logLevel);
  const db = createDb({ region: config.region, endpoint: config.dynamoEndpoint });
  return { deps: createAppDeps({ config, menu: noMenu, queue: noQueue, db }), ages: createTokenAgeStore(db, config.tableName) };
}

/** The Lambda's, built on the first invocation and kept for the instance. */
export const keepAliveRuntime = (): KeepAliveRuntime => (runtime ??= createKeepAliveRuntime(process.env));
