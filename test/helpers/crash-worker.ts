/**
 * A worker in its own process, for the crash tests: it handles one job or several (argv[2],
 * JSON: a job, or an array of jobs of different chats, delivered as one SQS batch)
 * against the DynamoDB and the portal its environment names, with the business clock
 * starting at argv[3] ms, and is killed by the test in the middle of a step.
 */
import { loadConfig } from '../../lib/config.js';
import { createWorkerHandler } from '../../lib/handlers/worker.js';
import { log, setLogLevel } from '../../lib/log.js';
import type { DialogJob } from '../../lib/queue/job.js';
import { createWorkerDeps } from '../../lib/runtime/create-deps.js';
import { watchMenu } from '../../infra/local/menu-watch.js';
import { sqsEvent, sqsRecord } from '../../infra/local/sqs-event.js';

const given = JSON.parse(process.argv[2] ?? '{}') as DialogJob | DialogJob[];
const jobs = Array.isArray(given) ? given : [given];
const clockBase = Number(process.argv[3]);
const started = Date.now();
const config = loadConfig(process.env);
setLogLevel(config.logLevel);
const menu = watchMenu(config.menuFile, log, { watch: false });
const deps = createWorkerDeps({ config, menu: menu.current, clock: () => clockBase + (Date.now() - started) });
const handle = createWorkerHandler(deps, { deadLetters: { send: async () => undefined }, maxAttempts: 5 });
const answer = await handle(sqsEvent(...jobs.map((job) => sqsRecord(job))));
process.stdout.write(`${JSON.stringify(answer)}\n`);
menu.close();
