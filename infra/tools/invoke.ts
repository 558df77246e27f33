/**
 * npm run invoke -- <function> [--path event.json | --data JSON] [--stage S] [--package DIR]
 *
 * What `serverless invoke local -f <function>` would do, with the deployable bundle
 * itself: osls's invoke local cannot load our ES module bundles (it tries `require()`
 * of `.js`/`.cjs`, not `.mjs`) nor resolve the environment's CloudFormation references
 * (QUEUE_URL, PUBLIC_URL) without a deployed stack. So this packages the service
 * (`serverless package`, or takes a package folder), unpacks the function's zip, and
 * runs its handler in a fresh Node process with the function's environment as
 * serverless.yml resolved it: CloudFormation references are taken from this shell
 * (QUEUE_URL, DLQ_URL, PUBLIC_URL) or left unset; anything else in the shell (AWS
 * credentials, AWS_REGION, DYNAMODB_ENDPOINT…) is passed through and wins.
 */
import { processIo, runWhenMain, type Io } from './cli.js';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { unzip } from '../bench/unzip.js';

const run = promisify(execFile);

export const USAGE = `usage: npm run invoke -- <function> [--path event.json | --data JSON] [--stage S] [--package DIR]

  Runs the function's deployable bundle locally with an event (default {}), and prints
  what the handler returns.
  --stage S      the stage to package for (default dev); B24_CLIENT_ID etc. as for a deploy
  --package DIR  a folder \`serverless package --package DIR\` already wrote (no build)
  QUEUE_URL, DLQ_URL, PUBLIC_URL (CloudFormation references in the stack) come from this
  shell; so do AWS_REGION, credentials and DYNAMODB_ENDPOINT for a local DynamoDB.
`;

/** The Lambda runtime's part: import the bundle, call the handler with the event and a context. */
const RUNNER = `
const [file, name, event] = process.argv.slice(1);
const mod = await import(file);
const started = Date.now();
const context = {
  functionName: name, functionVersion: '$LATEST', memoryLimitInMB: '512', awsRequestId: crypto.randomUUID(),
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:' + name, logGroupName: '/aws/lambda/' + name, logStreamName: 'local',
  callbackWaitsForEmptyEventLoop: false, getRemainingTimeInMillis: () => Math.max(0, 30000 - (Date.now() - started)),
};
const result = await mod.handler(JSON.parse(event), context);
process.stdout.write('\\n@@result ' + JSON.stringify(result ?? null) + '\\n');
`;

interface State {
  service: {
    provider: { environment?: Record<string, unknown> };
    functions: Record<string, { handler: string; environment?: Record<string, unknown>; timeout?: number }>;
  };
}

/** The function's environment: resolved strings as they are; CloudFormation references from the shell, or unset. */
export function functionEnv(state: State, name: string, shell: NodeJS.ProcessEnv): Record<string, string> {
  const merged = { ...state.service.provider.environment, ...state.service.functions[name]?.environment };
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(merged)) {
    if (typeof value === 'string' || typeof value === 'number') env[key] = String(value);
    else if (shell[key]) env[key] = shell[key]!;
  }
  return env;
}

export async function main(argv: readonly string[], io: Io = processIo, shell: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        path: { type: 'string' },
        data: { type: 'string' },
        stage: { type: 'string' },
        package: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr(`invoke: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const [name, ...rest] = positionals;
  if (!name || rest.length > 0 || (values.path && values.data) || (values.stage && values.package)) {
    io.stderr(USAGE);
    return 2;
  }
  let event: string;
  try {
    event = JSON.stringify(JSON.parse(values.path ? readFileSync(values.path, 'utf8') : (values.data ?? '{}')));
  } catch (error) {
    io.stderr(`invoke: the event is not JSON: ${(error as Error).message}\n`);
    return 2;
  }

  const work = mkdtempSync(join(tmpdir(), 'invoke-'));
  try {
    const dir = values.package ? resolve(values.package) : join(work, 'package');
    if (!values.package) {
      io.stderr(`packaging (stage ${values.stage ?? 'dev'})…\n`);
      await run('npx', ['serverless', 'package', '--stage', values.stage ?? 'dev', '--package', dir], {
        env: { SLS_TELEMETRY_DISABLED: '1', ...shell },
        maxBuffer: 16 * 1024 * 1024,
      }).catch((error: { stdout?: string; stderr?: string }) => {
        throw new Error(`serverless package failed:\n${`${error.stdout ?? ''}${error.stderr ?? ''}`.trim()}`);
      });
    }
    const state = JSON.parse(readFileSync(join(dir, 'serverless-state.json'), 'utf8')) as State;
    const fn = state.service.functions[name];
    const zip = join(dir, `${name}.zip`);
    if (!fn || !existsSync(zip)) {
      io.stderr(`invoke: no function ${name} (functions: ${Object.keys(state.service.functions).join(', ')})\n`);
      return 2;
    }
    const code = join(work, 'code');
    unzip(zip, code);
    const [file, handler] = [fn.handler.slice(0, fn.handler.lastIndexOf('.')), fn.handler.slice(fn.handler.lastIndexOf('.') + 1)];
    if (handler !== 'handler') throw new Error(`expected the export "handler", got ${handler}`);
    const env: Record<string, string> = { PATH: shell.PATH ?? '', ...functionEnv(state, name, shell), ...passThrough(shell), AWS_LAMBDA_FUNCTION_NAME: name };
    // A plain secret in the shell replaces the SSM parameter (lib/config.ts takes one of them).
    if (env.B24_CLIENT_SECRET) delete env.B24_CLIENT_SECRET_PARAM;
    const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', RUNNER, pathToFileURL(join(code, `${file}.mjs`)).href, name, event], {
      env,
      timeout: (fn.timeout ?? 10) * 1000 + 5_000,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      // Node quotes the failing line of the minified bundle: keep each line short.
      const output = `${error.stdout ?? ''}${error.stderr ?? ''}`
        .trim()
        .split('\n')
        .map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line));
      throw new Error(`the handler failed:\n${output.slice(-30).join('\n') || error.message}`);
    });
    const marker = stdout.lastIndexOf('\n@@result ');
    io.stderr(`${stderr}${stdout.slice(0, Math.max(0, marker))}`.replace(/^\n+/, ''));
    io.stdout(`${stdout.slice(marker + '\n@@result '.length).trim()}\n`);
    return 0;
  } catch (error) {
    io.stderr(`invoke: ${(error as Error).message}\n`);
    return 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The shell's AWS access and local endpoints (as Lambda's own credentials would be). */
function passThrough(shell: NodeJS.ProcessEnv): Record<string, string> {
  const names = Object.keys(shell).filter((key) => /^AWS_/.test(key) || ['DYNAMODB_ENDPOINT', 'B24_CLIENT_SECRET', 'HOME'].includes(key));
  return Object.fromEntries(names.map((key) => [key, shell[key]!]));
}

runWhenMain(import.meta.url, (argv) => main(argv));
