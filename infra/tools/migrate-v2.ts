/**
 * npm run migrate-v2 -- <member_id> [--finish] [--local URL] [--stage S [--region R]] [--json]
 *
 * Moves an installed V1 portal to Chatbots 2.0 (lib/app/migrate/migrate-v2.ts): registers the
 * V2 bot beside the V1 one and says what the admin does next; --finish unregisters the V1
 * bot once the portal has switched. With --local it asks the `npm start` stack; otherwise it
 * works on the deployed stage itself (the table, the stored tokens, the client secret from
 * SSM for a refresh).
 */
import { finishMigration, MigrationError, startMigration, type MigrationReport } from '../../lib/app/migrate/migrate-v2.js';
import { loadConfig } from '../../lib/config.js';
import { setLogSink } from '../../lib/log.js';
import { installProfile } from '../../lib/menu/install-profile.js';
import { loadMenuFile } from '../../lib/menu/load-file.js';
import { createMigrateDeps } from '../../lib/runtime/create-deps.js';
import { type Io, type Parsed, processIo, runCommand, runWhenMain, readCommandLine } from './cli.js';
import { missingAwsEnv, stageEnv, targetError, targetOptions } from './stack.js';

export const USAGE = `usage: npm run migrate-v2 -- <member_id> [--finish] [--local URL] [--stage S [--region R]] [--json]

  Moves an installed V1 portal to Chatbots 2.0: registers the V2 bot beside the V1 bot (which
  keeps answering), then tells the admin to pick the new bot as the line's bot; the portal
  switches on the new bot's first Open Lines event. Run it again to see the state.
  --finish     after the switch: unregister the V1 bot
  --local URL  the npm start stack (e.g. http://localhost:3000) instead of AWS
  --stage S    AWS: the deployed stage (table b24-openlines-bot-S, secret from SSM
               /b24-openlines-bot/S/client-secret); or set TABLE_NAME and B24_CLIENT_SECRET_PARAM
  --region R   with --stage: default AWS_REGION, else eu-central-1 (serverless.yml's default)
  AWS also needs B24_CLIENT_ID, AWS_REGION, PUBLIC_URL (the deployed API's URL: the new bot's
  webhookUrl), MENU_FILE (the bot's profile) and BOT_EVENT_MODE as deployed. Tokens are never printed.
`;

type Args = { memberId: string; finish: boolean; local?: string; stage?: string; region?: string; json: boolean };

function parse(argv: readonly string[]): Parsed<Args> {
  const line = readCommandLine(argv, { ...targetOptions, finish: { type: 'boolean' } });
  if ('error' in line) return line;
  const { values, positionals } = line;
  if (values.help) return { help: true };
  const [memberId, ...rest] = positionals;
  if (!memberId || !/^[A-Za-z0-9]{1,64}$/.test(memberId)) return { error: memberId ? `not a member_id: ${memberId}` : 'a member_id is needed' };
  if (rest.length > 0) return { error: `unexpected argument: ${rest[0]}` };
  const targetProblem = targetError(values);
  if (targetProblem) return { error: targetProblem };
  return {
    memberId,
    finish: values.finish ?? false,
    json: values.json ?? false,
    ...(values.local !== undefined ? { local: values.local } : {}),
    ...(values.stage !== undefined ? { stage: values.stage } : {}),
    ...(values.region !== undefined ? { region: values.region } : {}),
  };
}

async function runLocal(base: string, memberId: string, finish: boolean): Promise<MigrationReport | string> {
  const url = `${base.replace(/\/+$/, '')}/local/migrate-v2`;
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId, finish }) });
  const body = (await res.json().catch(() => ({}))) as MigrationReport & { error?: string };
  if (res.status === 409) return body.error ?? 'refused';
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${body.error ?? ''}`);
  return body;
}

async function runAws(jobEnv: NodeJS.ProcessEnv, memberId: string, finish: boolean, io: Io): Promise<MigrationReport | string> {
  const missing = missingAwsEnv(jobEnv, ['B24_CLIENT_ID', 'TABLE_NAME', 'PUBLIC_URL']);
  if (missing) return missing;
  const config = loadConfig(jobEnv);
  const menu = loadMenuFile(config.menuFile);
  const deps = createMigrateDeps({ config, bot: () => installProfile(menu) });
  const previous = setLogSink((line) => io.stderr(`${line}\n`));
  try {
    return await (finish ? finishMigration : startMigration)(deps, memberId, deps.log.child({ tool: 'migrate-v2' }));
  } catch (error) {
    if (error instanceof MigrationError) return error.message;
    throw error;
  } finally {
    setLogSink(previous);
  }
}

const text = (report: MigrationReport): string =>
  [
    `portal ${report.memberId}: ${report.state}`,
    ...(report.v1BotId !== undefined ? [`  V1 bot: ${report.v1BotId}`] : []),
    `  Chatbots 2.0 bot: ${report.v2BotId ?? '-'}${report.v2BotCode ? ` (code ${report.v2BotCode})` : ''}${report.eventMode ? `, events by ${report.eventMode}` : ''}`,
    'next:',
    ...report.next.map((line, i) => `  ${i + 1}. ${line}`),
    '',
  ].join('\n');

export async function main(argv: readonly string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return runCommand('migrate-v2', USAGE, parse(argv), io, async (args) => {
    const report = args.local
      ? await runLocal(args.local, args.memberId, args.finish)
      : await runAws(stageEnv(env, args.stage, args.region), args.memberId, args.finish, io);
    if (typeof report === 'string') return report;
    io.stdout(args.json ? `${JSON.stringify(report)}\n` : text(report));
    return 0;
  });
}

runWhenMain(import.meta.url, (argv) => main(argv));
