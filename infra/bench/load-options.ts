/**
 * What a load run is asked to do (the mixed load with faults, and the rush hour of issue 17)
 * and what it reports (infra/bench/load.ts).
 */
import type { PollSchedule } from '../../lib/app/feed/poll-feeds.js';
import type { FetchModeStats } from './load-fetch.js';

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
