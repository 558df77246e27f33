/**
 * The local stack's statistics (issue 19), for `npm run stats -- --local <url>` and the
 * playground's dashboard tab:
 *
 *   GET /local/stats?from=&to=&line=&member=   the report (lib/stats/report.ts) as JSON, every
 *                                              portal of the local table unless `member`
 *   GET /local/dashboard?from=&to=&member=     the same numbers as the dashboard page (the
 *                                              playground's Dashboard tab)
 *
 * Local only: in AWS the numbers are read from the table by `npm run stats -- --stage`, and
 * shown to a portal's admins on the app's own page (lib/handlers/dashboard.ts).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MenuDeps } from '../../lib/app/deps.js';
import { dashboardViews } from '../../lib/app/dashboard/build.js';
import { renderDashboard } from '../../lib/app/dashboard/view.js';
import { readStats } from '../../lib/app/stats/read.js';
import type { Db } from '../../lib/store/db.js';
import { activePortalIds } from '../../lib/store/portal-scan.js';
import type { StatsStore } from '../../lib/store/stats.js';

export interface LocalStats {
  readonly store: StatsStore;
  /** Waits until every dialog write so far is counted. */
  flush(): Promise<void>;
  /** A DynamoDB client the round-trip count does not see. */
  readonly db: Db;
  readonly table: string;
  readonly clock: () => number;
  /** The menus, for the dashboard's funnel. */
  readonly deps: MenuDeps;
}

const param = (url: URL, name: string): string | undefined => url.searchParams.get(name) || undefined;

export async function statsRoutes(req: IncomingMessage, res: ServerResponse, url: URL, stats: LocalStats): Promise<void> {
  const json = (status: number, value: unknown): void =>
    void res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(value));
  if (req.method === 'GET' && url.pathname === '/local/dashboard') return dashboard(res, url, stats);
  if (req.method !== 'GET' || url.pathname !== '/local/stats') return json(404, { error: 'not found' });
  const line = param(url, 'line');
  if (line !== undefined && !/^(\d{1,10}|-)$/.test(line)) return json(400, { error: 'line is an Open Line id' });
  await stats.flush();
  const member = param(url, 'member');
  const members = member ? [member] : await activePortalIds(stats.db, stats.table);
  try {
    return json(200, await readStats(stats.store, members, { from: param(url, 'from'), to: param(url, 'to'), line }, stats.clock()));
  } catch (error) {
    if (error instanceof RangeError) return json(400, { error: error.message });
    throw error;
  }
}

async function dashboard(res: ServerResponse, url: URL, stats: LocalStats): Promise<void> {
  await stats.flush();
  const member = param(url, 'member');
  const members = member ? [member] : await activePortalIds(stats.db, stats.table);
  let views;
  try {
    views = await dashboardViews(stats.deps, stats.store, members, { from: param(url, 'from'), to: param(url, 'to') }, stats.clock());
  } catch (error) {
    if (error instanceof RangeError) return void res.writeHead(400, { 'content-type': 'text/plain' }).end(`${error.message}\n`);
    throw error;
  }
  const nonce = randomBytes(16).toString('base64');
  const report = views[0]!.report;
  res
    .writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'`,
    })
    .end(
      renderDashboard({
        views,
        nonce,
        title: 'Support bot — how it does',
        subtitle: `${report.from} … ${report.to} · local stack, ${members.length} portal(s)`,
      }),
    );
}
