/**
 * The statistics Lambda's composition (functions/stats.ts): config from the environment,
 * the table's DynamoDB client and the counters store. No menu, no queue, no portal tokens.
 */
import { loadConfig } from '../config.js';
import { createStatsStreamHandler } from '../handlers/stats-stream.js';
import { log, setLogLevel } from '../log.js';
import { createDb } from '../store/db.js';
import { createStatsStore } from '../store/stats.js';

export function statsStreamHandler(): ReturnType<typeof createStatsStreamHandler> {
  const config = loadConfig(process.env);
  setLogLevel(config.logLevel);
  const db = createDb({ region: config.region, endpoint: config.dynamoEndpoint });
  return createStatsStreamHandler({ stats: createStatsStore(db, config.tableName), clock: () => Date.now(), log });
}
