/**
 * The dashboard Lambda's composition (functions/dashboard.ts): the menus (the funnel's
 * tree), the portal store (who opens it), the statistics store, no queue.
 */
import { loadConfig } from '../config.js';
import { createDashboardHandler } from '../handlers/dashboard.js';
import { setLogLevel } from '../log.js';
import { menuSet, type MenuSource } from '../menu/menu-set.js';
import type { CompiledMenu } from '../menu/types.js';
import { createDb } from '../store/db.js';
import { createStatsStore } from '../store/stats.js';
import { createAppDeps } from './create-deps.js';

export function dashboardHandler(menu: () => CompiledMenu, menus: MenuSource): ReturnType<typeof createDashboardHandler> {
  const config = loadConfig(process.env);
  setLogLevel(config.logLevel);
  const db = createDb({ region: config.region, endpoint: config.dynamoEndpoint });
  const set = menus.keys.length > 1 ? menuSet(menus) : undefined;
  const deps = createAppDeps({
    config,
    menu,
    ...(set ? { menus: () => set } : {}),
    db,
    queue: { send: () => Promise.reject(new Error('the dashboard does not send jobs')) },
  });
  return createDashboardHandler(deps, createStatsStore(db, config.tableName));
}
