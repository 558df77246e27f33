/**
 * `npm run repoint -- --local URL`: the table lives in the `npm start` process, so the
 * CLI asks it over HTTP. POST /local/repoint {"force": bool} re-points every installed
 * portal of the local stack at its PUBLIC_URL (lib/app/repoint.ts) and answers the
 * per-portal report (member ids, outcomes; never tokens).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegisterDeps } from '../../lib/app/deps.js';
import { repointPortals } from '../../lib/app/repoint.js';
import type { Db } from '../../lib/store/db.js';
import { activePortalIds } from '../../lib/store/portal-scan.js';
import { readRaw } from './http-adapter.js';

export async function repointRoute(req: IncomingMessage, res: ServerResponse, deps: RegisterDeps, db: Db): Promise<void> {
  const json = (status: number, value: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (req.method !== 'POST') return json(405, { error: 'POST only' });
  const raw = (await readRaw(req, 4_096)).toString('utf8');
  let force: unknown;
  try {
    force = raw ? (JSON.parse(raw) as { force?: unknown }).force : undefined;
  } catch {
    return json(400, { error: 'the body must be JSON: {"force": true|false}' });
  }
  const portals = await repointPortals(deps, await activePortalIds(db, deps.config.tableName), { force: force === true });
  json(200, { publicUrl: deps.config.publicUrl, portals });
}
