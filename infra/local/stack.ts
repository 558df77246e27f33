/**
 * The whole bot on one machine, no AWS account: the same HTTP handlers behind a
 * node:http server, dynalite as DynamoDB, the in-process FIFO queue with the same
 * worker, and the Bitrix24 simulator answering REST calls on the same port (it plays
 * a portal at http://localhost:<port>/rest/). `npm start`, the integration tests,
 * the benchmarks and the load test all run this.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppDeps } from '../../lib/app/deps.js';
import { DEFAULT_ALLOWED_HOSTS, loadConfig } from '../../lib/config.js';
import { createEventsHandler } from '../../lib/handlers/events.js';
import { createChatAppHandler } from '../../lib/handlers/chat-app.js';
import { createDashboardHandler } from '../../lib/handlers/dashboard.js';
import { health } from '../../lib/handlers/health.js';
import { createInstallHandler } from '../../lib/handlers/install.js';
import { createWorkerHandler } from '../../lib/handlers/worker.js';
import { log as rootLog, type Logger } from '../../lib/log.js';
import { createLocalQueue, type LocalQueue } from '../../lib/queue/local-queue.js';
import { deadLetterMessage } from '../../lib/queue/dead-letter.js';
import type { DialogJob } from '../../lib/queue/job.js';
import type { RateBudget } from '../../lib/app/rate-budget.js';
import { createDb, type Db } from '../../lib/store/db.js';
import { createAppDeps } from '../../lib/runtime/create-deps.js';
import type { Time } from '../../lib/time.js';
import { startLocalDynamo, type LocalDynamo } from './dynamo.js';
import { lambdaContext, readRaw, toHttpEvent, writeResult, type LambdaHttpHandler } from './http-adapter.js';
import { watchMenu, type WatchedMenu } from './menu-watch.js';
import { createSimulator, type Simulator } from './simulator/simulator.js';
import { sqsEvent, sqsRecord } from './sqs-event.js';
import { repointRoute } from './repoint-route.js';
import { tokenRoutes } from './token-routes.js';
import { migrateRoutes } from './migrate-routes.js';
import { startPollerLoop, type PollerLoop, type PollerLoopOptions } from './poller-loop.js';
import { aggregate } from '../../lib/app/stats/aggregate.js';
import { createStatsStore } from '../../lib/store/stats.js';
import { feedChanges } from './change-feed.js';
import { statsRoutes, type LocalStats } from './stats-routes.js';

export interface LocalStackOptions {
  readonly port?: number;
  readonly host?: string;
  /** Overrides for the environment the handlers read (PUBLIC_URL, MENU_FILE, B24_*…). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly log?: Logger;
  readonly watchMenu?: boolean;
  /**
   * Attempts before the worker dead-letters a job (JOB_MAX_ATTEMPTS), the retry delay base,
   * and the event source's batches: records per batch (10) and batches at a time
   * (WORKER_CONCURRENCY's default, 20), as serverless.yml configures them on AWS.
   */
  readonly queue?: { maxAttempts?: number; retryBaseMs?: number; batchSize?: number; concurrency?: number };
  readonly budget?: (db: Db) => RateBudget;
  /** Extra routes (the playground) tried before the built-in ones. */
  readonly routes?: (stack: LocalStack) => (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
  readonly dynamo?: LocalDynamo;
  /** The bot's clock (ms); tests move it to office hours or past the idle restart. */
  readonly clock?: () => number;
  /** Wall time for leases, claims, retries, the budget and the queue's backoff (a fake in tests). */
  readonly time?: Time;
  /** Called after the worker finished a job (benchmarks time each message with it). */
  readonly onJobDone?: (job: DialogJob) => void;
  /**
   * Run the fetch-mode poller on a timer when BOT_EVENT_MODE=fetch (npm start, the load run);
   * tests leave it off and call one poll pass themselves.
   */
  readonly poller?: boolean | PollerLoopOptions;
}

export interface LocalStack {
  readonly url: string;
  readonly port: number;
  readonly deps: AppDeps;
  readonly simulator: Simulator;
  readonly queue: LocalQueue;
  readonly dynamo: LocalDynamo;
  readonly server: Server;
  /** DynamoDB round trips of the bot, by command, with the REST budget's apart as `budget` (SDK middleware). */
  readonly dbCalls: Record<string, number>;
  /** The bot's DynamoDB client (benchmarks measure the floor with the very same client). */
  readonly db: Db;
  /** The fetch-mode poller's timer, when it runs (options.poller and BOT_EVENT_MODE=fetch). */
  readonly poller: PollerLoop | undefined;
  /** The statistics the change feed keeps (issue 19): dialog writes → daily counters. */
  readonly stats: LocalStats;
  /** Waits until every queued customer turn has been processed (and counted). */
  idle(): Promise<void>;
  /** The menu file's last load (and its listeners): the playground's banner. */
  readonly menuFile: Pick<WatchedMenu, 'status' | 'onChange'>;
  close(): Promise<void>;
}

let tables = 0;

/**
 * The local queue's dead letters, for `npm run dlq -- list|replay --local` (local stack only;
 * in AWS the dead-letter queue is SQS).
 */
async function deadLetterRoutes(req: IncomingMessage, res: ServerResponse, url: URL, queue: LocalQueue): Promise<void> {
  const json = (status: number, value: unknown): void => void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
  if (req.method === 'GET' && url.pathname === '/local/dead-letters') {
    return json(
      200,
      queue.deadLetters.map((letter) => ({ ...letter, job: { ...letter.job, botToken: letter.job.botToken ? '[redacted]' : undefined } })),
    );
  }
  if (req.method === 'POST' && url.pathname === '/local/dead-letters/replay') {
    const body = (await readRaw(req, 65_536)).toString('utf8');
    const ids = body ? ((JSON.parse(body) as { jobIds?: string[] }).jobIds ?? undefined) : undefined;
    return json(200, { replayed: await queue.replay(ids) });
  }
  json(404, { error: 'not found' });
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const env = { ...process.env, ...options.env };
  const log = options.log ?? rootLog;
  const ownDynamo = !options.dynamo;
  const dynamo = options.dynamo ?? (await startLocalDynamo());
  const tableName = await dynamo.createTable(`b24-bot-local-${process.pid}-${++tables}`);

  const configEnv = (overrides: Record<string, string | undefined>) => ({
    ...env,
    ...overrides,
    B24_CLIENT_ID: env.B24_CLIENT_ID ?? 'local.playground',
    B24_CLIENT_SECRET: env.B24_CLIENT_SECRET ?? 'local-playground-secret',
    // The simulator is a portal on loopback; real cloud portals stay allowed too.
    B24_ALLOWED_HOSTS: env.B24_ALLOWED_HOSTS ?? `${DEFAULT_ALLOWED_HOSTS},localhost,127.0.0.1`,
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    AWS_REGION: env.AWS_REGION ?? 'local',
  });
  // Checked before listening, so PORT=abc is reported with every other problem (a
  // ConfigError), not as a RangeError from listen().
  let wanted: number;
  try {
    wanted = loadConfig(configEnv({})).port;
  } catch (error) {
    if (ownDynamo) await dynamo.close();
    throw error;
  }

  const server = createServer();
  const host = options.host ?? env.HOST ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? wanted, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const config = loadConfig(configEnv({ PORT: String(port), PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${port}` }));
  const menu = watchMenu(config.menuFile, log, { watch: options.watchMenu ?? false });

  // The same worker handler as on AWS, fed SQS-shaped records: it retries, hands back and
  // dead-letters exactly as it does there. The local queue's own receive limit is only the
  // backstop SQS's redrive policy is (three receives more, as in infra/queue.yml).
  let worker!: ReturnType<typeof createWorkerHandler>;
  const maxAttempts = options.queue?.maxAttempts ?? config.jobMaxAttempts;
  const queue = createLocalQueue({
    maxReceives: maxAttempts + 3,
    retryBaseMs: options.queue?.retryBaseMs ?? 200,
    ...(options.time ? { time: options.time } : {}),
    ...(options.queue?.batchSize ? { batchSize: options.queue.batchSize } : {}),
    ...(options.queue?.concurrency ? { concurrency: options.queue.concurrency } : {}),
    processBatch: async (batch) => {
      const records = batch.map(({ job, attempt }) => sqsRecord(job, attempt));
      const answer = await worker(sqsEvent(...records));
      const failed = new Set(answer.batchItemFailures.map((failure) => failure.itemIdentifier));
      return batch.map(({ job }, i) => {
        if (failed.has(records[i]!.messageId)) return new Error('the worker handed the job back');
        options.onJobDone?.(job);
        return true as const;
      });
    },
    onDeadLetter: (letter) =>
      log.error('job dead-lettered by the queue', {
        jobId: letter.job.jobId,
        memberId: letter.job.memberId,
        dialogId: letter.job.dialogId,
        eventId: letter.job.eventId,
        attempts: letter.attempts,
        reason: letter.reason,
      }),
  });
  const dbCalls: Record<string, number> = {};
  const db = createDb({
    region: config.region,
    endpoint: config.dynamoEndpoint,
    onCall: (command, input) => {
      const sk = (input.Key as { sk?: string | { S?: string } } | undefined)?.sk; // marshalled by then: { S: 'BUDGET' }
      const kind = (typeof sk === 'object' ? sk.S : sk) === 'BUDGET' ? 'budget' : command;
      dbCalls[kind] = (dbCalls[kind] ?? 0) + 1;
    },
  });
  const deps = createAppDeps({
    config,
    menu: menu.current,
    menus: menu.set,
    queue,
    log,
    db,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.time ? { time: options.time } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
  });
  // DynamoDB Streams' stand-in: the same aggregator as the stream's Lambda, fed from the
  // bot's own writes, writing through a client the round-trip count does not see.
  const statsDb = createDb({ region: config.region, endpoint: config.dynamoEndpoint });
  const statsStore = createStatsStore(statsDb, config.tableName);
  const feed = feedChanges(
    db,
    async (change) => void (await aggregate({ stats: statsStore, clock: deps.clock, log }, [change])),
    (error) => log.error('statistics: a dialog change was not counted', { error }),
  );
  const stats: LocalStats = { store: statsStore, flush: () => feed.flush(), db: statsDb, table: config.tableName, clock: deps.clock, deps };
  // Parked as on AWS: without the event's bot token, with the reason masked.
  const park = (job: DialogJob, reason: string, attempts: number, messageId: string) => {
    const message = deadLetterMessage(job, reason, attempts, messageId);
    queue.deadLetter(JSON.parse(message.MessageBody) as DialogJob, message.MessageAttributes.reason.StringValue, attempts);
  };
  worker = createWorkerHandler(deps, { deadLetters: { send: async (...letter) => park(...letter) }, maxAttempts });

  // The platform's clock is the bot's wall time: on a fake Time the portal's leaky bucket,
  // token lifetimes and hanging answers move with the bot's budget waits and retries, as in
  // real time (the REST client's own timeout stays real: hangs past it need the real clock).
  const simulator = createSimulator({
    botUrl: config.publicUrl,
    clientId: config.clientId,
    clientSecret: config.clientSecret!,
    ...(options.time ? { clock: options.time.now, sleep: options.time.sleep } : {}),
  });
  const handlers: Record<string, LambdaHttpHandler> = {
    'POST /bitrix/events': createEventsHandler(deps) as unknown as LambdaHttpHandler,
    'POST /bitrix/install': createInstallHandler(deps) as unknown as LambdaHttpHandler,
    'GET /health': health as unknown as LambdaHttpHandler,
    // The app's own page in the portal: the statistics dashboard, for its administrators.
    'POST /bitrix/dashboard': createDashboardHandler(deps, statsStore) as unknown as LambdaHttpHandler,
  };
  // The operators' chat app: /bitrix/app/<member_id>[/resume] (a path parameter in AWS).
  const chatApp = createChatAppHandler(deps) as unknown as LambdaHttpHandler;

  const poller = options.poller && config.botEventMode === 'fetch' ? startPollerLoop(deps, options.poller === true ? {} : options.poller) : undefined;
  const stack: LocalStack = {
    url: `http://localhost:${port}`,
    port,
    deps,
    simulator,
    queue,
    dynamo,
    server,
    dbCalls,
    db,
    poller,
    stats,
    idle: async () => {
      await queue.idle();
      await feed.flush();
    },
    menuFile: { status: menu.status, onChange: menu.onChange },
    async close() {
      menu.close();
      await poller?.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.idle();
      await feed.flush();
      statsDb.destroy();
      if (ownDynamo) await dynamo.close();
    },
  };
  const extra = options.routes?.(stack);

  server.on('request', (req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
        if (extra && (await extra(req, res, url))) return;
        if (url.pathname.startsWith('/local/dead-letters')) return void (await deadLetterRoutes(req, res, url, queue));
        if (url.pathname.startsWith('/local/tokens/')) return void (await tokenRoutes(req, res, url, deps, db));
        if (url.pathname === '/local/stats' || url.pathname === '/local/dashboard') return void (await statsRoutes(req, res, url, stats));
        if (url.pathname === '/local/repoint') return void (await repointRoute(req, res, deps, db));
        if (url.pathname === '/local/migrate-v2') return void (await migrateRoutes(req, res, deps));
        if (await simulator.handle(req, res, url)) return;
        const path = url.pathname.replace(/\/+$/, '') || '/';
        const handler = path.startsWith('/bitrix/app/') ? chatApp : handlers[`${req.method} ${path}`];
        if (!handler) {
          const known = Object.keys(handlers).some((route) => route.endsWith(` ${path}`));
          res.writeHead(known ? 405 : 404, { 'content-type': 'text/plain' }).end(known ? 'method not allowed\n' : 'not found\n');
          return;
        }
        const body = await readRaw(req);
        const result = await handler(toHttpEvent(req, url, body), lambdaContext(path.slice(1) || 'root'));
        writeResult(res, result);
      } catch (error) {
        log.error('local server error', { error });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error\n');
      }
    })();
  });
  return stack;
}
