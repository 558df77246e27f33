/**
 * The deployable bundles as `serverless package` builds them: zip size per function,
 * and the time to load each bundle the way the Lambda runtime does (import() of an ES
 * module) against a bare `node -e ""`, alternated in the same run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './stats.js';
import { unzip } from './unzip.js';

export interface BundleResult {
  readonly name: string;
  readonly zipBytes: number;
  readonly loadMs: number;
  readonly bareMs: number;
  readonly ratio: number;
}

function timeRun(args: string[]): number {
  const start = process.hrtime.bigint();
  // A clean environment, as in Lambda (NODE_EXTRA_CA_CERTS alone adds ~45 ms to every start here).
  const result = spawnSync(process.execPath, args, { stdio: 'ignore', env: { PATH: process.env.PATH } });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function measureBundles(runs = 41): BundleResult[] {
  execFileSync('npx', ['serverless', 'package', '--stage', 'bench'], {
    stdio: 'ignore',
    env: { B24_CLIENT_ID: 'local.bench', ...process.env, AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', SLS_TELEMETRY_DISABLED: '1' },
  });
  const results: BundleResult[] = [];
  for (const zip of readdirSync('.serverless')
    .filter((file) => file.endsWith('.zip'))
    .sort()) {
    const name = zip.replace(/\.zip$/, '');
    const dir = mkdtempSync(join(tmpdir(), `bundle-${name}-`));
    unzip(join('.serverless', zip), dir);
    // The bundle is named after the handler's file, not the function (chatapp → chat-app.mjs).
    const entry = readdirSync(join(dir, 'functions')).find((file) => file.endsWith('.mjs')) ?? `${name}.mjs`;
    const file = join(dir, 'functions', entry);
    const load = ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(file).href)})`];
    const bare = ['-e', ''];
    timeRun(bare); // warm the file cache
    timeRun(load);
    const loads: number[] = [];
    const bares: number[] = [];
    for (let i = 0; i < runs; i++) {
      bares.push(timeRun(bare));
      loads.push(timeRun(load));
    }
    const loadMs = median(loads);
    const bareMs = median(bares);
    results.push({ name, zipBytes: statSync(join('.serverless', zip)).size, loadMs, bareMs, ratio: loadMs / bareMs });
  }
  return results;
}
