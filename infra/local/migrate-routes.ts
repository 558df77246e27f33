/**
 * `npm run migrate-v2 -- <member_id> [--finish] --local URL`: the table lives in the
 * `npm start` process (dynalite in memory), so the CLI reaches the use case over HTTP.
 * POST /local/migrate-v2 {"memberId": "…", "finish": bool} answers the report (bot ids and
 * next steps, never tokens).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppDeps } from '../../lib/app/deps.js';
import { finishMigration, MigrationError, startMigration } from '../../lib/app/migrate/migrate-v2.js';
import { readRaw } from './http-adapter.js';

export async function migrateRoutes(req: IncomingMessage, res: ServerResponse, deps: AppDeps): Promise<void> {
  const json = (status: number, value: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (req.method !== 'POST') return json(405, { error: 'POST only' });
  let input: { memberId?: unknown; finish?: unknown };
  try {
    input = JSON.parse((await readRaw(req, 4_096)).toString('utf8') || '{}') as typeof input;
  } catch {
    return json(400, { error: 'the body must be JSON: {"memberId": "…", "finish": false}' });
  }
  if (typeof input.memberId !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(input.memberId)) return json(400, { error: 'memberId is required' });
  const log = deps.log.child({ tool: 'migrate-v2' });
  try {
    json(200, await (input.finish === true ? finishMigration : startMigration)(deps, input.memberId, log));
  } catch (error) {
    if (error instanceof MigrationError) return json(409, { error: error.message });
    throw error;
  }
}
