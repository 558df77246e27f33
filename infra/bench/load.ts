/**
 * Proof under load: many customers on many portals write to the bot at once, through the
 * whole local stack (events handler → queue → worker → dynalite → simulator), while the
 * simulated portals enforce the documented leaky bucket and misbehave on purpose: bursts
 * of 5xx, requests that hang past the bot's timeout, busy methods, access tokens that
 * expire mid-run, and Bitrix24 delivering some events twice. Every reply is checked
 * against what the same messages get from a quiet portal: nothing lost, nothing twice,
 * each chat in order. Used by `npm run load` and, scaled down, by the tests.
 *
 * The options and the report are in load-options.ts, the faults in load-faults.ts, the
 * checks in load-check.ts.
 */
import type { SimChat, SimPortal } from '../local/simulator/model.js';
import { startLocalStack, type LocalStack } from '../local/stack.js';
import { customerView, failuresSince, SEQUENCES, sequenceFor, tally } from './load-check.js';
import { scheduleFaults } from './load-faults.js';
import { fetchMode, type FetchMode } from './load-fetch.js';
import { DEFAULT_LOAD, type LoadOptions, type LoadReport } from './load-options.js';
import { OFFICE_HOURS } from './scenarios.js';
import { percentile } from './stats.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = ([min, max]: readonly [number, number]) => min + Math.random() * (max - min);

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

    const { expected, delivered, lost, duplicated, chatsOutOfOrder } = tally(chats, expectedFor);
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
