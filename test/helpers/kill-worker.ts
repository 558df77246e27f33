/**
 * Runs jobs in a worker process of their own (test/helpers/crash-worker.ts) against the
 * stack's DynamoDB and simulated portal, waits until its request reaches the portal's
 * injected fault (the request hangs there), and kills the process: a Lambda dying in the
 * middle of a step.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Simulator } from '../../infra/local/simulator/simulator.js';
import type { Config } from '../../lib/config.js';
import type { DialogJob } from '../../lib/queue/job.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `businessNow`: the business clock the worker starts from; `claimMs`: its JOB_CLAIM_MS. */
export async function killWorkerMidRequest(sim: Simulator, config: Config, jobs: DialogJob | DialogJob[], businessNow: number, claimMs: number): Promise<void> {
  const faults = sim.stats.faultsInjected;
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/crash-worker.ts', JSON.stringify(jobs), String(businessNow)], {
    env: {
      ...process.env,
      LOG_LEVEL: 'error',
      TABLE_NAME: config.tableName,
      DYNAMODB_ENDPOINT: config.dynamoEndpoint,
      AWS_REGION: config.region,
      PUBLIC_URL: config.publicUrl,
      MENU_FILE: config.menuFile,
      B24_CLIENT_ID: config.clientId,
      B24_CLIENT_SECRET: config.clientSecret,
      B24_ALLOWED_HOSTS: 'localhost,127.0.0.1',
      JOB_CLAIM_MS: String(claimMs),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  // The request has reached the portal (and hangs there): the worker dies now.
  for (let waited = 0; sim.stats.faultsInjected === faults; waited += 20) {
    if (waited > 20_000) throw new Error('the worker never reached the hanging request');
    await sleep(20);
  }
  child.kill('SIGKILL');
  await exited;
}
