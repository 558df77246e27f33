/**
 * npm run repoint -- --stage S [--region R] [--url PUBLIC_URL] [--force] [--json]
 * npm run repoint -- --local URL [--force] [--json]
 *
 * Points every installed portal's bot handlers (and app event bindings) at the current
 * PUBLIC_URL, after a custom domain was added or the API was recreated
 * (lib/app/repoint.ts). Resumable: portals already pointed there are skipped; run it
 * again after failures. One line per portal; tokens are never printed.
 */
import { type Io, type Parsed, processIo, runCommand, runWhenMain, readCommandLine } from './cli.js';
import { repointPortals, type RepointReport } from '../../lib/app/repoint.js';
import { loadConfig } from '../../lib/config.js';
import { setLogSink } from '../../lib/log.js';
import { loadMenuFile } from '../../lib/menu/load-file.js';
import { installProfile } from '../../lib/menu/install-profile.js';
import { createRegisterDeps } from '../../lib/runtime/create-deps.js';
import { createDb } from '../../lib/store/db.js';
import { activePortalIds } from '../../lib/store/portal-scan.js';
import { isHttpUrl, regionOf, stageResources, targetError, targetOptions } from './stack.js';

export const USAGE = `usage: npm run repoint -- --stage S [--region R] [--url PUBLIC_URL] [--force] [--json]
       npm run repoint -- --local URL [--force] [--json]

  Points every installed portal's bot handlers and app events at the current PUBLIC_URL
  (after adding a custom domain, or when the API was recreated). Portals already
  pointed there are skipped: run it again after failures, it resumes.
  --stage S    the deployed stage: table, secret and PUBLIC_URL from its stack
  --region R   default AWS_REGION, else eu-central-1 (serverless.yml's default)
  --url URL    the PUBLIC_URL to point at (default: the stack's PublicUrl output)
  --local URL  the npm start stack (e.g. http://localhost:3000) instead of AWS
  --force      also portals already recorded at that URL
  --json       the report as JSON
  AWS: B24_CLIENT_ID and MENU_FILE (the deployed menu: the bot's name and avatar) from the environment.
`;

interface Args {
  readonly local?: string;
  readonly stage?: string;
  readonly region?: string;
  readonly url?: string;
  readonly force: boolean;
  readonly json: boolean;
}

function parse(argv: readonly string[]): Parsed<Args> {
  const line = readCommandLine(argv, { ...targetOptions, url: { type: 'string' }, force: { type: 'boolean' } });
  if ('error' in line) return line;
  const { values, positionals } = line;
  if (values.help) return { help: true };
  if (positionals.length > 0) return { error: `unexpected argument: ${positionals[0]}` };
  if ((values.local === undefined) === (values.stage === undefined)) return { error: 'give --stage S (AWS) or --local URL (npm start)' };
  const targetProblem = targetError(values);
  if (targetProblem) return { error: targetProblem };
  if (values.local !== undefined && values.url !== undefined) return { error: '--url is for --stage' };
  if (values.url !== undefined && !isHttpUrl(values.url)) return { error: `--url needs an http(s) URL, not ${values.url}` };
  return { ...values, force: values.force ?? false, json: values.json ?? false } as Args;
}

async function runLocal(base: string, force: boolean): Promise<{ publicUrl: string; portals: RepointReport[] }> {
  const url = `${base.replace(/\/+$/, '')}/local/repoint`;
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ force }) });
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  return (await res.json()) as { publicUrl: string; portals: RepointReport[] };
}

async function runAws(args: Args, env: NodeJS.ProcessEnv, io: Io): Promise<{ publicUrl: string; portals: RepointReport[] } | string> {
  if (!env.B24_CLIENT_ID) return 'B24_CLIENT_ID not set (the application the portals installed)';
  const region = regionOf(args.region, env);
  const stage = await stageResources(args.stage!, region);
  const publicUrl = args.url ?? env.PUBLIC_URL ?? stage.publicUrl;
  if (!publicUrl) return `the stack's PublicUrl output could not be read (${stage.source}): give --url`;
  const config = loadConfig({
    ...env,
    AWS_REGION: region,
    TABLE_NAME: stage.tableName,
    PUBLIC_URL: publicUrl,
    ...(env.B24_CLIENT_SECRET ? {} : { B24_CLIENT_SECRET_PARAM: env.B24_CLIENT_SECRET_PARAM || stage.secretParam }),
    STAGE: args.stage,
  });
  io.stderr(`stage ${args.stage} (${region}, ${stage.source}): table ${config.tableName}, pointing at ${config.publicUrl}\n`);
  const menu = loadMenuFile(config.menuFile);
  const db = createDb({ region });
  // REST and the bot's profile only: re-pointing registers the bot again, it runs no menu and sends no jobs.
  const deps = createRegisterDeps({ config, db, bot: () => installProfile(menu) });
  // The per-portal log lines go to stderr; stdout keeps the report.
  const previous = setLogSink((line) => io.stderr(`${line}\n`));
  try {
    return { publicUrl: config.publicUrl, portals: await repointPortals(deps, await activePortalIds(db, config.tableName), { force: args.force }) };
  } finally {
    setLogSink(previous);
    db.destroy();
  }
}

const line = (report: RepointReport): string =>
  `${report.outcome.padEnd(9)} ${report.memberId}${report.domain ? ` ${report.domain}` : ''}${report.error ? `  ${report.error}` : ''}\n`;

export async function main(argv: readonly string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return runCommand('repoint', USAGE, parse(argv), io, async (args) => {
    const result = args.local ? await runLocal(args.local, args.force) : await runAws(args, env, io);
    if (typeof result === 'string') return result;
    io.stdout(args.json ? `${JSON.stringify(result)}\n` : result.portals.map(line).join(''));
    const count = (outcome: RepointReport['outcome']) => result.portals.filter((report) => report.outcome === outcome).length;
    const failed = count('failed');
    io.stderr(
      `${result.portals.length} portal(s) → ${result.publicUrl}: ${count('repointed')} re-pointed, ${count('already')} already there, ${failed} failed, ${count('gone')} gone` +
        `${failed > 0 ? '; run again to retry the failed ones' : ''}\n`,
    );
    return failed > 0 ? 1 : 0;
  });
}

runWhenMain(import.meta.url, (argv) => main(argv));
