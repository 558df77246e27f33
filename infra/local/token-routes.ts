/**
 * The keep-alive job on the local stack, for `npm run tokens -- refresh-stale --local URL`:
 * the table lives in the `npm start` process (dynalite in memory), so the CLI reaches the
 * job over HTTP. POST /local/tokens/refresh-stale {"days": N} runs it once and answers
 * its report (member ids and outcomes, never tokens); POST /local/tokens/index-existing
 * enters portals stored before the index existed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { refreshStaleTokens } from '../../lib/app/keep-alive.js';
import type { AppDeps } from '../../lib/app/deps.js';
import type { Db } from '../../lib/store/db.js';
import { indexUnlistedPortals } from '../../lib/store/token-index-backfill.js';
import { createTokenAgeStore } from '../../lib/store/token-ages.js';
import { readRaw } from './http-adapter.js';

export async function tokenRoutes(req: IncomingMessage, res: ServerResponse, url: URL, deps: AppDeps, db: Db): Promise<void> {
  const json = (status: number, value: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (req.method === 'POST' && url.pathname === '/local/tokens/index-existing') {
    return json(200, { entered: await indexUnlistedPortals(db, deps.config.tableName) });
  }
  if (req.method !== 'POST' || url.pathname !== '/local/tokens/refresh-stale') return json(404, { error: 'not found' });
  const raw = (await readRaw(req, 4_096)).toString('utf8');
  let days: unknown;
  try {
    days = raw ? (JSON.parse(raw) as { days?: unknown }).days : undefined;
  } catch {
    return json(400, { error: 'the body must be JSON: {"days": N}' });
  }
  if (days !== undefined && !(Number.isInteger(days) && (days as number) >= 0 && (days as number) <= 170)) {
    return json(400, { error: 'days must be an integer from 0 to 170' });
  }
  const report = await refreshStaleTokens(deps, createTokenAgeStore(db, deps.config.tableName), days === undefined ? {} : { afterDays: days as number });
  json(200, report);
}
