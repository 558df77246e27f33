/**
 * npm run tokens -- refresh-stale [--local URL] [--days N] [--stage S [--region R]] [--json]
 * npm run tokens -- index-existing [--local URL] [--stage S [--region R]]
 *
 * Runs the keep-alive job once (lib/app/keep-alive.ts, the daily `keepalive` Lambda):
 * refreshes the stored token pairs not refreshed for N days (B24_REFRESH_AFTER_DAYS,
 * 120) and marks the portals whose pair the OAuth server refuses. With --local it asks
 * the `npm start` stack; otherwise it works on the deployed table itself.
 * index-existing enters portals stored before the TokensByAge index existed (once,
 * after the upgrade; lib/store/token-index-backfill.ts).
 */
import { type Io, type Parsed, processIo, runCommand, runWhenMain, readCommandLine } from './cli.js';
import { refreshStaleTokens, type KeepAliveReport } from '../../lib/app/keep-alive.js';
import { setLogSink } from '../../lib/log.js';
import { createKeepAliveRuntime } from '../../lib/runtime/keep-alive.js';
import { createDb } from '../../lib/store/db.js';
import { indexUnlistedPortals } from '../../lib/store/token-index-backfill.js';
import { missingAwsEnv, stageEnv, targetError, targetOptions } from './stack.js';

export const USAGE = `usage: npm run tokens -- refresh-stale [--local URL] [--days N] [--stage S [--region R]] [--json]
       npm run tokens -- index-existing [--local URL] [--stage S [--region R]]

  refresh-stale   refresh the stored token pairs not refreshed for N days (only those),
                  mark the portals whose pair the OAuth server refuses
  index-existing  once after upgrading: enter the portals stored before the keep-alive
                  index existed (scans the table; refresh-stale never does)
  --days N       0-170; default B24_REFRESH_AFTER_DAYS (120)
  --local URL    the npm start stack (e.g. http://localhost:3000) instead of AWS
  --stage S      AWS: the deployed stage (table b24-openlines-bot-S, secret from
                 SSM /b24-openlines-bot/S/client-secret); or set TABLE_NAME and
                 B24_CLIENT_SECRET_PARAM yourself
  --region R     with --stage: default AWS_REGION, else eu-central-1 (serverless.yml's default)
  --json         the report as JSON
  AWS: B24_CLIENT_ID and AWS_REGION from the environment. Tokens are never printed.
`;

type Command = 'refresh-stale' | 'index-existing';
type Args = { command: Command; days?: number; local?: string; stage?: string; region?: string; json: boolean };

function parse(argv: readonly string[]): Parsed<Args> {
  const line = readCommandLine(argv, { ...targetOptions, days: { type: 'string' } });
  if ('error' in line) return line;
  const { values, positionals } = line;
  if (values.help) return { help: true };
  const [command, ...rest] = positionals;
  if (command !== 'refresh-stale' && command !== 'index-existing') return { error: command ? `unknown command: ${command}` : 'a command is needed' };
  if (command === 'index-existing' && values.days !== undefined) return { error: 'index-existing takes no --days' };
  if (rest.length > 0) return { error: `unexpected argument: ${rest[0]}` };
  const targetProblem = targetError(values);
  if (targetProblem) return { error: targetProblem };
  let days: number | undefined;
  if (values.days !== undefined) {
    days = Number(values.days);
    if (!/^\d+$/.test(values.days) || days > 170) return { error: `--days must be an integer from 0 to 170, not ${values.days}` };
  }
  return {
    command,
    json: values.json ?? false,
    ...(days !== undefined ? { days } : {}),
    ...(values.local !== undefined ? { local: values.local } : {}),
    ...(values.stage !== undefined ? { stage: values.stage } : {}),
    ...(values.region !== undefined ? { region: values.region } : {}),
  };
}

async function callLocal<T>(base: string, command: Command, body: unknown): Promise<T> {
  const url = `${base.replace(/\/+$/, '')}/local/tokens/${command}`;
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as T;
}

/** index-existing on AWS: only the table (no client id or secret needed). */
async function indexExistingAws(env: NodeJS.ProcessEnv): Promise<number | string> {
  const table = env.TABLE_NAME;
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (!table || !region)
    return `${[table ? '' : 'TABLE_NAME (or --stage)', region ? '' : 'AWS_REGION'].filter(Boolean).join(', ')} not set (or use --local URL for the npm start stack)`;
  const db = createDb({ region });
  try {
    return await indexUnlistedPortals(db, table);
  } finally {
    db.destroy();
  }
}

async function runAws(jobEnv: NodeJS.ProcessEnv, days: number | undefined, io: Io): Promise<KeepAliveReport | string> {
  const missing = missingAwsEnv(jobEnv, ['B24_CLIENT_ID', 'TABLE_NAME']);
  if (missing) return missing;
  const { deps, ages } = createKeepAliveRuntime(jobEnv);
  // The job's own log lines (one per portal) go to stderr; stdout keeps the report.
  const previous = setLogSink((line) => io.stderr(`${line}\n`));
  try {
    return await refreshStaleTokens(deps, ages, days === undefined ? {} : { afterDays: days });
  } finally {
    setLogSink(previous);
  }
}

const reportLines = (report: KeepAliveReport): string =>
  report.portals.map((portal) => `${portal.outcome.padEnd(9)} ${portal.memberId}${portal.code ? `  ${portal.code}` : ''}\n`).join('');

export async function main(argv: readonly string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return runCommand('tokens', USAGE, parse(argv), io, async (args) => {
    // A stage has a table, a secret and a region: the given one, or serverless.yml's default.
    const jobEnv = stageEnv(env, args.stage, args.region);
    if (args.command === 'index-existing') {
      const entered = args.local ? (await callLocal<{ entered: number }>(args.local, args.command, {})).entered : await indexExistingAws(jobEnv);
      if (typeof entered === 'string') return entered;
      io.stdout(`${entered} portal(s) entered in the keep-alive index\n`);
      return 0;
    }
    const report = args.local
      ? await callLocal<KeepAliveReport>(args.local, args.command, args.days === undefined ? {} : { days: args.days })
      : await runAws(jobEnv, args.days, io);
    if (typeof report === 'string') return report;
    io.stdout(args.json ? `${JSON.stringify(report)}\n` : reportLines(report));
    const { refreshed, refused, failed, skipped } = report.counts;
    io.stderr(
      `pairs stored over ${report.afterDays} days ago: ${refreshed} refreshed, ${refused} refused (portal marked), ${failed} failed (next run), ${skipped} skipped` +
        `${report.stoppedEarly ? '; stopped early, run again for the rest' : ''}\n`,
    );
    return 0; // the run worked; refused and failed portals are in the report
  });
}

runWhenMain(import.meta.url, (argv) => main(argv));
