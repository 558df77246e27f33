/**
 * The dashboard's views: every Open Line together (with the default menu's tree), then
 * each line that had conversations, with the tree of the menu that serves it.
 */
import { funnel } from '../../stats/funnel.js';
import { NO_LINE } from '../../stats/outcome.js';
import type { StatsStore } from '../../store/stats.js';
import type { MenuDeps } from '../deps.js';
import { menuFor } from '../menu-for.js';
import { readStats } from '../stats/read.js';
import type { DashboardView } from './view.js';

export async function dashboardViews(
  deps: MenuDeps,
  stats: StatsStore,
  memberIds: readonly string[],
  query: { from?: string | undefined; to?: string | undefined },
  nowMs: number,
): Promise<DashboardView[]> {
  const all = await readStats(stats, memberIds, query, nowMs);
  const portal = memberIds.length === 1 ? memberIds[0] : undefined;
  const views: DashboardView[] = [{ key: 'all', label: 'all lines', report: all, funnel: funnel(deps.menu(), all), language: deps.menu().language }];
  for (const line of all.lines) {
    const report = await readStats(stats, memberIds, { ...query, line }, nowMs);
    const menu = menuFor(deps, portal, line === NO_LINE ? undefined : line);
    views.push({ key: line, label: line === NO_LINE ? 'line unknown' : `line ${line}`, report, funnel: funnel(menu, report), language: menu.language });
  }
  return views;
}
