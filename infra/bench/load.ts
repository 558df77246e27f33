/**
 * Proof under load: many customers on many portals write to the bot at once, through the
 * whole local stack (events handler → queue → worker → dynalite → simulator), while the
 * simulated portals enforce the documented leaky bucket and misbehave on purpose: bursts
 * of 5xx, requests that hang past the bot's timeout, busy methods, access tokens that
 * expire mid-run, and Bitrix24 delivering some events twice. Every reply is checked
 * against what the same messages get from a quiet portal: nothing lost, nothing twice,
 * each chat in order. Used by `npm run load` and, scaled down, by the tests.
 */
import type { RestCall, SimChat, SimPortal } from '../local/simulator/model.js';
import type { PollSchedule } from '../../lib/app/feed/poll-feeds.js';
import { startLocalStack, type LocalStack } from '../local/stack.js';
import { fetchMode, type FetchMode, type FetchModeStats } from './load-fetch.js';
import { OFFICE_HOURS } from './scenarios.js';
import { percentile } from './stats.js';

export interface LoadOptions {
  readonly customers: number;
  readonly messages: number;
  readonly portals: number;
  /** The portals' limit, and the bot's budget for them (contract §5: 2/s, burst 50). */
  readonly rate: { readonly perSecond: number; readonly burst: number };
  /** The bot's budget when it should differ from the portals' limit. */
  readonly botRate?: { readonly perSecond: number; readonly burst: number };
  /** Customers arrive over this long. */
  readonly spreadMs: number;
  /** Pause between one customer's messages: they type on without waiting for the bot. */
  readonly gapMs: readonly [number, number];
  /** Share of message events Bitrix24 delivers a second time. */
  readonly redeliverShare: number;
  readonly faults: boolean;
  /**
   * `fetch`: Chatbots 2.0 portals with the bot in fetch mode, read by the poller
   * (load-fetch.ts); `redeliverShare` is then the share of acknowledgements lost.
   */
  readonly mode?: 'webhook' | 'fetch';
  /** Fetch mode: the poller is down this long, from 40 % of the arrival window. */
  readonly outageMs?: number;
  /** Fetch mode: the poller's cadence (default: the production one). */
  readonly pollSchedule?: Partial<PollSchedule>;
  /** Time the greeting too (from the chat's opening), not only the replies to messages. */
  readonly timeGreetings?: boolean;
  /**
   * The bot's REST timeout (B24_TIMEOUT_MS). The mixed load uses 2 s so its hanging
   * requests end quickly; the rush has no hangs and keeps the production default (10 s):
   * on this 2-core machine the simulator shares a process with 150 chats' worth of
   * workers, and a request it answers late would be retried (and possibly doubled, the
   * documented window of a timeout) for a reason no real portal has.
   */
  readonly timeoutMs?: number;
  /** Worker batches at a time (the event source's maximumConcurrency; default WORKER_CONCURRENCY's 20). */
  readonly workerConcurrency?: number;
  readonly progress?: (text: string) => void;
}

export const DEFAULT_LOAD: LoadOptions = {
  customers: 200,
  messages: 3,
  // 40 new chats per portal within 20 s: more than its 2/s with a burst of 50 can carry,
  // so the budget has to pace them.
  portals: 5,
  rate: { perSecond: 2, burst: 50 },
  spreadMs: 20_000,
  gapMs: [200, 2_500],
  redeliverShare: 0.05,
  faults: true,
};

/**
 * Rush hour on one shop (issue 17): 150 customers open a chat on one portal within a
 * second and pick an item — 300 customer events against a 2/s, burst-50 portal.
 */
export const RUSH_LOAD: LoadOptions = {
  customers: 150,
  messages: 1,
  portals: 1,
  rate: { perSecond: 2, burst: 50 },
  spreadMs: 1_000,
  gapMs: [200, 1_000],
  redeliverShare: 0.05,
  faults: false,
  timeGreetings: true,
  timeoutMs: 10_000,
};

export interface LoadReport {
  readonly options: Omit<LoadOptions, 'progress'>;
  readonly sent: number;
  readonly redelivered: number;
  readonly expected: number;
  readonly delivered: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly chatsOutOfOrder: number;
  readonly rateLimited: number;
  readonly faultsInjected: number;
  readonly tokenRefreshes: number;
  readonly restRequests: number;
  /** Customer events: chats opened (joins) and messages sent (redeliveries not counted). */
  readonly events: number;
  /** Failed REST requests by error code (injected faults, expired tokens…). */
  readonly restFailures: Readonly<Record<string, number>>;
  readonly jobRetries: number;
  /** Batches the queue handed the worker (its invocations). */
  readonly batches: number;
  readonly deadLettered: number;
  readonly replyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly seconds: number;
  readonly fetch?: FetchModeStats;
}

/** Paths through menus/example.yaml where every message gets exactly one reply. */
const SEQUENCES = [
  ['4', '2', '1'],
  ['1', '2', '8'],
  ['2', '1', '9'],
  ['5', '3', '4'],
] as const;

const sequenceFor = (customer: number, length: number): string[] => {
  const base = SEQUENCES[customer % SEQUENCES.length]!;
  return Array.from({ length }, (_, i) => base[i] ?? '4');
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = ([min, max]: readonly [number, number]) => min + Math.random() * (max - min);
const customerView = (chat: SimChat) => chat.messages.filter((message) => message.author === 'bot' && !message.operatorOnly).map((message) => message.text);

export async function runLoad(options: LoadOptions = DEFAULT_LOAD): Promise<LoadReport> {
  const progress = options.progress ?? (() => undefined);
  const started = Date.now();
  const stack: LocalStack = await startLocalStack({
    port: 0,
    // Office hours all along, advancing with real time.
    clock: () => OFFICE_HOURS + (Date.now() - started),
    env: {
      MENU_FILE: 'menus/example.yaml',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
      B24_RATE_PER_SECOND: String((options.botRate ?? options.rate).perSecond),
      B24_RATE_BURST: String((options.botRate ?? options.rate).burst),
      B24_TIMEOUT_MS: String(options.timeoutMs ?? 2_000),
      BOT_EVENT_MODE: options.mode ?? 'webhook',
    },
    poller: options.mode === 'fetch' ? { schedule: options.pollSchedule ?? {} } : false,
    ...(options.workerConcurrency ? { queue: { concurrency: options.workerConcurrency } } : {}),
  });
  const sim = stack.simulator;
  const portals: SimPortal[] = [];
  const fetching: FetchMode | undefined =
    options.mode === 'fetch' ? fetchMode(stack, () => portals, { outageMs: options.outageMs ?? 0, lostAckShare: options.redeliverShare }) : undefined;
  // Webhook: processed once the queue is idle. Fetch: once the poller has queued everything the platform holds.
  const settle = () => (fetching ? fetching.settle((options.outageMs ?? 0) + 120_000) : stack.idle());
  try {
    for (let i = 0; i < options.portals; i++) {
      const portal = sim.createPortal({ domain: `localhost:${stack.port}`, ...(options.mode === 'fetch' ? { api: 'v2' as const } : {}) });
      const answer = await sim.install(portal);
      if (answer.status !== 200) throw new Error(`install failed: ${answer.status} ${answer.text}`);
      portals.push(portal);
    }

    // What each path gets from a quiet portal: the answers every loaded chat must get.
    progress('calibrating on a quiet portal…');
    const expectedFor = new Map<string, string[]>();
    const quiet: { texts: string[]; chat: SimChat }[] = [];
    for (let customer = 0; customer < Math.min(options.customers, SEQUENCES.length); customer++) {
      const texts = sequenceFor(customer, options.messages);
      const chat = await sim.openChat(portals[0]!);
      // Webhook: one message at a time. Fetch: the events wait on the portal in order, and one
      // settle answers them chat by chat in that order (FIFO group per chat).
      if (!fetching) await settle();
      for (const text of texts) {
        await sim.customerSays(portals[0]!, chat, text);
        if (!fetching) await settle();
      }
      quiet.push({ texts, chat });
    }
    if (fetching) await settle();
    for (const { texts, chat } of quiet) {
      const view = customerView(chat);
      if (view.length !== texts.length + 1) throw new Error(`path ${texts.join(' ')} does not give one reply per message (${view.length - 1})`);
      expectedFor.set(texts.join(' '), view);
    }

    const firstCall = sim.lastSeq;
    const before = { ...sim.stats, retried: stack.queue.stats.retried, batches: stack.queue.stats.batches, deadLettered: stack.queue.deadLetters.length };
    sim.setRateLimit(options.rate);
    const timers = options.faults ? scheduleFaults(stack, portals, options.spreadMs, progress) : [];
    fetching?.begin(0.4 * options.spreadMs, progress);

    // Time to reply: from the customer's send (or the chat's opening, with timeGreetings) to
    // the bot's answer showing in the chat: the n-th bot message answers the n-th event.
    const sentAt = new Map<number, number[]>();
    const answeredAt = new Map<number, number[]>();
    const stopWatching = sim.onChange((change) => {
      if (change.type !== 'chat') return;
      const chat = sim.portal(change.memberId)?.chats.get(change.chatId);
      if (!chat) return;
      const times = answeredAt.get(change.chatId) ?? [];
      for (let n = times.length; n < customerView(chat).length; n++) times.push(performance.now());
      answeredAt.set(change.chatId, times);
    });

    progress(`${options.customers} customers × ${options.messages} messages on ${options.portals} portals…`);
    const loadStarted = performance.now();
    let sent = 0;
    let redelivered = 0;
    const chats: { chat: SimChat; texts: string[] }[] = [];
    const redeliveries: Promise<unknown>[] = [];
    await Promise.all(
      Array.from({ length: options.customers }, async (_, customer) => {
        await sleep(Math.random() * options.spreadMs);
        const portal = portals[customer % portals.length]!;
        const texts = sequenceFor(customer, options.messages);
        const opened = performance.now();
        const chat = await sim.openChat(portal);
        const times: number[] = [opened];
        sentAt.set(chat.chatId, times);
        chats.push({ chat, texts });
        for (const text of texts) {
          await sleep(between(options.gapMs));
          times.push(performance.now());
          const answer = await sim.customerSays(portal, chat, text);
          if (answer.status !== 200) throw new Error(`the events endpoint answered ${answer.status}: ${answer.text}`);
          sent += 1;
          if (!fetching && Math.random() < options.redeliverShare) {
            redelivered += 1;
            redeliveries.push(sleep(between([50, 1_500])).then(() => sim.customerSays(portal, chat, text, { messageId: answer.messageId })));
          }
        }
      }),
    );
    await Promise.all(redeliveries);
    await settle();
    const fetchStats = fetching?.stop();
    const seconds = (performance.now() - loadStarted) / 1000;
    stopWatching();
    const replyMs: number[] = [];
    for (const [chatId, times] of sentAt) {
      const answers = answeredAt.get(chatId) ?? [];
      for (let n = options.timeGreetings ? 0 : 1; n < times.length && n < answers.length; n++) replyMs.push(answers[n]! - times[n]!);
    }
    for (const timer of timers) clearTimeout(timer);
    sim.clearFaults();
    sim.setEventTokens('fresh');
    sim.setRateLimit(undefined);

    let expected = 0;
    let delivered = 0;
    let lost = 0;
    let duplicated = 0;
    let chatsOutOfOrder = 0;
    for (const { chat, texts } of chats) {
      const want = expectedFor.get(texts.join(' '))!;
      const got = customerView(chat);
      expected += want.length;
      delivered += got.length;
      const left = [...got];
      for (const text of want) {
        const at = left.indexOf(text);
        if (at === -1) lost += 1;
        else left.splice(at, 1);
      }
      duplicated += left.length;
      if (got.length === want.length && got.some((text, i) => text !== want[i])) chatsOutOfOrder += 1;
    }
    return {
      options: {
        customers: options.customers,
        messages: options.messages,
        portals: options.portals,
        rate: options.rate,
        spreadMs: options.spreadMs,
        gapMs: options.gapMs,
        redeliverShare: options.redeliverShare,
        faults: options.faults,
        mode: options.mode ?? 'webhook',
        ...(options.outageMs ? { outageMs: options.outageMs } : {}),
        timeGreetings: options.timeGreetings ?? false,
      },
      sent,
      redelivered,
      expected,
      delivered,
      lost,
      duplicated,
      chatsOutOfOrder,
      rateLimited: sim.stats.rateLimited - before.rateLimited,
      faultsInjected: sim.stats.faultsInjected - before.faultsInjected,
      tokenRefreshes: sim.stats.oauthRequests - before.oauthRequests,
      restRequests: sim.stats.restRequests - before.restRequests,
      events: chats.length + sent,
      restFailures: failuresSince(sim.calls, firstCall),
      jobRetries: stack.queue.stats.retried - before.retried,
      batches: stack.queue.stats.batches - before.batches,
      deadLettered: stack.queue.deadLetters.length - before.deadLettered,
      replyMs: { p50: percentile(replyMs, 50), p99: percentile(replyMs, 99), max: Math.max(...replyMs) },
      seconds,
      ...(fetchStats ? { fetch: fetchStats } : {}),
    };
  } finally {
    fetching?.stop();
    await stack.close();
  }
}

function failuresSince(calls: readonly RestCall[], seq: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) {
    if (call.seq <= seq || call.batch !== undefined || call.ok) continue;
    const code = call.error ?? 'unknown';
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/**
 * The misbehaviour, spread over the arrival window: 5xx bursts on any method, requests
 * that hang past the bot's 2 s timeout, a busy method (OPERATION_TIME_LIMIT), and every
 * access token expiring at once while events bring expired tokens for a while (each portal
 * must be refreshed once, whatever number of workers find out at the same moment).
 */
function scheduleFaults(stack: LocalStack, portals: readonly SimPortal[], spreadMs: number, progress: (text: string) => void): NodeJS.Timeout[] {
  const sim = stack.simulator;
  const at = (share: number, what: string, act: () => void) =>
    setTimeout(() => {
      progress(`  fault: ${what}`);
      act();
    }, share * spreadMs);
  return [
    at(0.15, '5xx burst (12 × 500 INTERNAL_SERVER_ERROR)', () => sim.fail('*', { status: 500, error: 'INTERNAL_SERVER_ERROR', times: 12 })),
    at(0.3, '6 requests hang past the timeout', () => sim.fail('*', { status: 503, error: 'QUERY_LIMIT_EXCEEDED', hangMs: 2_500, times: 6 })),
    at(0.45, 'every access token expires, and events bring expired ones for a while', () => {
      for (const portal of portals) sim.expireTokens(portal);
      sim.setEventTokens('expired');
    }),
    at(0.55, 'events bring fresh tokens again', () => sim.setEventTokens('fresh')),
    at(0.6, '5xx burst (8 × 502, 4 dropped connections)', () => {
      sim.fail('*', { status: 502, error: 'BAD_GATEWAY', times: 8 });
      sim.fail('*', { status: 0, times: 4 });
    }),
    // As Bitrix24 does it (limits.md): the last successful answer names operating_reset_at,
    // then the method answers 429 until then; the bot must wait for it, not hammer it.
    at(0.75, 'busy method (imbot.message.add over its operating time for 1.5 s on every portal: 429 OPERATION_TIME_LIMIT until operating_reset_at)', () => {
      for (const portal of portals) sim.limitOperating('imbot.message.add', { memberId: portal.memberId, resetAt: Date.now() + 1_500, successes: 1 });
    }),
  ];
}
