/**
 * The keep-alive Lambda's composition root: config, the portal store, REST and the client
 * secret (SSM), and the token ages — no menu, no queue: the job only refreshes stored
 * token pairs.
 */
import type { PortalDeps } from '../app/deps.js';
import { loadConfig } from '../config.js';
import { setLogLevel } from '../log.js';
import { createDb } from '../store/db.js';
import { createTokenAgeStore, type TokenAgeStore } from '../store/token-ages.js';
import { createPortalDeps } from './create-deps.js';

export interface KeepAliveRuntime {
  readonly deps: PortalDeps;
  readonly ages: TokenAgeStore;
}

let runtime: KeepAliveRuntime | undefined;

/** Built from an environment (the Lambda's, or the CLI's for a deployed stage). */
export function createKeepAliveRuntime(env: Readonly<Record<string, string | undefined>>): KeepAliveRuntime {
  const config = loadConfig(env);
  setLogLevel(config.logLevel);
  const db = createDb({ region: config.region, endpoint: config.dynamoEndpoint });
  return { deps: createPortalDeps({ config, db }), ages: createTokenAgeStore(db, config.tableName) };
}

/** The Lambda's, built on the first invocation and kept for the instance. */
export const keepAliveRuntime = (): KeepAliveRuntime => (runtime ??= createKeepAliveRuntime(process.env));
