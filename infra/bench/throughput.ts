/**
 * Events per second of the full handler (the events Lambda's handler called in process
 * with an API Gateway event, the queue, the worker, dynalite, one REST request to the
 * simulator) against a floor that does only the unavoidable I/O of one message with the
 * same clients: one DynamoDB read, one DynamoDB write, one HTTP request to the simulator.
 * Each of `concurrency` customers sends its next message when the bot has answered the
 * previous one.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { createEventsHandler } from '../../lib/handlers/events.js';
import type { HttpEvent } from '../../lib/http/request.js';
import { keys } from '../../lib/store/keys.js';
import { messageBody } from '../local/simulator/event-bodies.js';
import type { SimChat, SimPortal } from '../local/simulator/model.js';
import { lambdaContext } from '../local/http-adapter.js';
import { startLocalStack, type LocalStack } from '../local/stack.js';
import { OFFICE_HOURS, UNPACED } from './scenarios.js';
import { percentile } from './stats.js';

export interface RunResult {
  readonly eventsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
}

export interface ThroughputResult {
  readonly concurrency: number;
  readonly full: RunResult;
  readonly floor: RunResult;
  readonly ratio: number;
}

const httpEvent = (body: string): HttpEvent => ({
  version: '2.0',
  routeKey: 'POST /bitrix/events',
  rawPath: '/bitrix/events',
  rawQueryString: '',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  requestContext: {
    accountId: 'bench',
    apiId: 'bench',
    domainName: 'localhost',
    domainPrefix: 'bench',
    http: { method: 'POST', path: '/bitrix/events', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
    requestId: 'bench',
    routeKey: 'POST /bitrix/events',
    stage: '$default',
    time: '',
    timeEpoch: 0,
  },
  body,
  isBase64Encoded: false,
});

async function run(concurrency: number, perCustomer: number, oneEvent: (customer: number, n: number) => Promise<void>): Promise<RunResult> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, customer) => {
      for (let n = 0; n < perCustomer; n++) {
        const t0 = performance.now();
        await oneEvent(customer, n);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { eventsPerSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export async function measureThroughput(
  concurrencies: readonly number[] = [1, 16],
  events = 480,
  repeats = 5,
  only?: 'full' | 'floor',
): Promise<ThroughputResult[]> {
  const waiting = new Map<string, () => void>();
  const stack: LocalStack = await startLocalStack({
    port: 0,
    clock: () => OFFICE_HOURS + (Date.now() % 1_000_000),
    env: { MENU_FILE: 'menus/example.yaml', LOG_LEVEL: 'error', ...UNPACED },
    onJobDone: (job) => {
      waiting.get(`${job.dialogId}:${job.eventId}`)?.();
    },
  });
  try {
    const sim = stack.simulator;
    const portal: SimPortal = sim.createPortal({ domain: `localhost:${stack.port}` });
    await sim.install(portal);
    const bot = sim.ourBot(portal)!;
    const handler = createEventsHandler(stack.deps);
    const context = lambdaContext('events');
    let messageId = 10_000_000;

    // Event bodies are built before the clock starts: the simulator's work is not the bot's.
    const bodiesFor = (chats: SimChat[], perCustomer: number) =>
      chats.map((chat) =>
        Array.from({ length: perCustomer }, () => {
          const id = ++messageId;
          const body = messageBody(
            portal,
            chat,
            bot,
            sim.issueToken(portal, bot.id, 'bot'),
            sim.issueToken(portal, chat.customer.id, 'user'),
            stack.deps.config.clientId,
            { id, text: '4', author: { id: chat.customer.id, name: chat.customer.name, connector: true } },
            Date.now(),
          );
          return { key: `${chat.dialogId}:m${id}`, event: httpEvent(body) };
        }),
      );
    const fullEvent = (bodies: { key: string; event: HttpEvent }[][]) => async (customer: number, n: number) => {
      const { key, event } = bodies[customer]![n]!;
      const done = new Promise<void>((resolve) => waiting.set(key, resolve));
      const answer = await handler(event, context);
      if (answer.statusCode !== 200) throw new Error(`handler answered ${answer.statusCode}: ${answer.body}`);
      await done;
      waiting.delete(key);
    };

    // The floor does the same I/O with the same payloads: read the dialog item, write it back
    // as big as the bot writes it (conditionally, as any race-free write must be), send the
    // reply text the bot sends — and nothing else.
    const token = sim.issueToken(portal, bot.id, 'bot').accessToken;
    const table = stack.deps.config.tableName;
    let reply = '';
    let template: Record<string, unknown> = {};
    const prepareFloor = async (chats: SimChat[]) => {
      const real = await stack.db.send(new GetCommand({ TableName: table, Key: keys.dialog(portal.memberId, bot.id, chats[0]!.dialogId) }));
      template = real.Item ?? {};
      reply = [...chats[0]!.messages].reverse().find((message) => message.author === 'bot')?.text ?? 'reply';
      for (const chat of chats) {
        await stack.db.send(new PutCommand({ TableName: table, Item: { ...template, ...keys.dialog(portal.memberId, bot.id, `floor-${chat.dialogId}`) } }));
      }
    };
    const floorEvent = (chats: SimChat[]) => async (customer: number) => {
      const chat = chats[customer]!;
      const key = keys.dialog(portal.memberId, bot.id, `floor-${chat.dialogId}`);
      const { Item } = await stack.db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
      // Conditional on the version read, as every state write must be (race-free dialogs, issue 3).
      const version = Number(Item?.version ?? 0);
      await stack.db.send(
        new PutCommand({
          TableName: table,
          Item: { ...template, ...Item, ...key, version: version + 1 },
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': version },
        }),
      );
      const response = await stack.deps.fetch(`${portal.clientEndpoint}imbot.message.add`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ BOT_ID: bot.id, DIALOG_ID: chat.dialogId, MESSAGE: reply, auth: token }),
      });
      await response.json();
    };

    const results: ThroughputResult[] = [];
    for (const concurrency of concurrencies) {
      const chats: SimChat[] = [];
      for (let i = 0; i < concurrency; i++) chats.push(await sim.openChat(portal));
      await stack.idle();
      const perCustomer = Math.max(1, Math.round(events / concurrency));
      const warmup = Math.min(20, perCustomer);
      await run(concurrency, warmup, fullEvent(bodiesFor(chats, warmup)));
      await prepareFloor(chats);
      await run(concurrency, warmup, floorEvent(chats));
      const fulls: RunResult[] = [];
      const floors: RunResult[] = [];
      for (let r = 0; r < repeats; r++) {
        if (only !== 'full') floors.push(await run(concurrency, perCustomer, floorEvent(chats)));
        const bodies = bodiesFor(chats, perCustomer);
        if (only !== 'floor') fulls.push(await run(concurrency, perCustomer, fullEvent(bodies)));
      }
      const best = (runs: RunResult[]) => runs.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a), { eventsPerSecond: 0, p50: 0, p99: 0 });
      const full = best(fulls);
      const floor = best(floors);
      results.push({ concurrency, full, floor, ratio: full.eventsPerSecond / floor.eventsPerSecond });
    }
    return results;
  } finally {
    await stack.close();
  }
}
