/**
 * The dashboard Lambda's composition (functions/dashboard.ts): the menus (the funnel's
 * tree), the portal store and REST (who opens it), the statistics store, no queue.
 */
import { createDashboardHandler } from '../handlers/dashboard.js';
import type { MenuSource } from '../menu/menu-set.js';
import type { CompiledMenu } from '../menu/types.js';
import { createDb } from '../store/db.js';
import { createStatsStore } from '../store/stats.js';
import { createDashboardDeps } from './create-deps.js';
import { lambdaConfig, menusOf } from './lambda.js';

export function dashboardHandler(menu: () => CompiledMenu, menus: MenuSource): ReturnType<typeof createDashboardHandler> {
  const config = lambdaConfig();
  const db = createDb({ region: config.region, endpoint: config.dynamoEndpoint });
  const deps = createDashboardDeps({ config, db, ...menusOf(menu, menus) });
  return createDashboardHandler(deps, createStatsStore(db, config.tableName));
}
