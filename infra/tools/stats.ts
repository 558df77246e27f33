/**
 * npm run stats -- [--local URL | --stage S [--region R]] [--portal MEMBER_ID] [--from DAY] [--to DAY] [--line ID] [--json]
 *
 * How the bot does (issue 19): conversations, containment, hand-overs by reason, where
 * customers leave the menu, what they type that it does not understand. --local reads
 * the `npm start` stack (GET /local/stats); --stage reads the deployed stage's table
 * (b24-openlines-bot-<stage>) with your AWS credentials: every portal, or --portal.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readStats } from '../../lib/app/stats/read.js';
import type { StatsReport } from '../../lib/stats/report.js';
import { createDb } from '../../lib/store/db.js';
import { activePortalIds } from '../../lib/store/portal-scan.js';
import { createStatsStore } from '../../lib/store/stats.js';
import { regionOf, SERVICE, targetError, targetOptions } from './stack.js';
import { statsTable } from './stats/format.js';

export const USAGE = `usage: npm run stats -- [--local URL | --stage S [--region R]] [--portal MEMBER_ID]
                      [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--line ID] [--json]

  --local URL   the npm start stack, e.g. http://localhost:3000
  --stage S     a deployed stage's table (AWS credentials from the environment)
  --region R    default AWS_REGION, else eu-central-1
  --portal ID   one portal (member_id); default every portal
  --from/--to   days, UTC, inclusive; default the last 30 days
  --line ID     one Open Line (its config id)
  --json        one JSON object: conversations, handedOver, contained, byReason, menus, items, misread…
`;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: Io = { stdout: (text) => void process.stdout.write(text), stderr: (text) => void process.stderr.write(text) };

export async function main(argv: readonly string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { ...targetOptions, portal: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, line: { type: 'string' } },
    }));
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) return (io.stdout(USAGE), 0);
  if ((values.local === undefined) === (values.stage === undefined)) return (io.stderr(`one of --local or --stage is needed\n${USAGE}`), 2);
  const targetProblem = targetError(values);
  if (targetProblem) return (io.stderr(`${targetProblem}\n`), 2);
  if (values.line !== undefined && !/^\d{1,10}$/.test(values.line)) return (io.stderr(`--line is an Open Line's config id (digits), not ${values.line}\n`), 2);
  const query = { from: values.from, to: values.to, line: values.line };
  let report: StatsReport;
  try {
    if (values.local !== undefined) {
      const url = new URL('/local/stats', values.local);
      for (const [key, value] of Object.entries({ ...query, member: values.portal })) if (value !== undefined) url.searchParams.set(key, value);
      const answer = await fetch(url);
      const body = (await answer.json()) as StatsReport & { error?: string };
      if (!answer.ok) return (io.stderr(`${body.error ?? `the local stack answered ${answer.status}`}\n`), answer.status === 400 ? 2 : 1);
      report = body;
    } else {
      const db = createDb({ region: regionOf(values.region, env) });
      const table = `${SERVICE}-${values.stage}`;
      try {
        const members = values.portal ? [values.portal] : await activePortalIds(db, table);
        report = await readStats(createStatsStore(db, table), members, query, Date.now());
      } finally {
        db.destroy();
      }
    }
  } catch (error) {
    if (error instanceof RangeError) return (io.stderr(`${error.message}\n`), 2);
    io.stderr(`cannot read the statistics: ${(error as Error).message}\n`);
    return 1;
  }
  io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : statsTable(report));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
