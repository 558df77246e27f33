/**
 * The fetch-mode side of the load proof (`npm run load -- --mode fetch --outage 60`): the
 * portals are Chatbots 2.0 portals whose bot is in fetch mode, so customers' events wait on
 * the simulated platform and the local stack's poller reads them (lib/app/feed/poll-feeds.ts).
 * In the middle of the run the poller is down for `outageMs` — the bot cannot be reached —
 * and some acknowledgements are lost as if the poller died between queueing and storing the
 * offset (the platform then gives those events again: at-least-once). Afterwards every
 * customer message must be answered once, in order, and the poller's requests must have
 * stayed inside each portal's budget (the simulator enforces the leaky bucket).
 */
import type { FeedStore } from '../../lib/store/feeds.js';
import type { SimPortal } from '../local/simulator/model.js';
import type { LocalStack } from '../local/stack.js';

export interface FetchModeStats {
  readonly outageMs: number;
  /** Acknowledgements lost on purpose (the poller "died" after queueing). */
  readonly lostAcks: number;
  /** imbot.v2.Event.get requests, all portals. */
  readonly pollRequests: number;
  /** …of them refused by a portal's leaky bucket (QUERY_LIMIT_EXCEEDED, not injected). */
  readonly pollsOverLimit: number;
  /** Most Event.get requests one portal got in any 10 s (the docs: ≥ 2 s apart while hasMore). */
  readonly maxPollsPer10s: number;
  /**
   * Least time between two answered pages of one portal (ms). A failed request (5xx, an
   * expired token) is retried by the REST client's own back-off: not a page.
   */
  readonly minPollGapMs: number;
}

export interface FetchMode {
  /** Resolves once every event the platform holds for our bots has been queued and processed. */
  settle(maxMs?: number): Promise<void>;
  /** The outage at `atMs` from now, and the lost acknowledgements until stopped. */
  begin(atMs: number, progress: (text: string) => void): void;
  stop(): FetchModeStats;
}

export function fetchMode(stack: LocalStack, portals: () => readonly SimPortal[], options: { outageMs: number; lostAckShare: number }): FetchMode {
  const sim = stack.simulator;
  const feeds = stack.deps.feeds as FeedStore;
  const realAdvance = feeds.advance;
  let lostAcks = 0;
  let injecting = false;
  feeds.advance = async (...args) => {
    if (injecting && Math.random() < options.lostAckShare) {
      lostAcks++;
      throw new Error('injected: the poller died before acknowledging');
    }
    return realAdvance(...args);
  };
  const polls = new Map<string, number[]>();
  const pages = new Map<string, number[]>();
  let overLimit = 0;
  const note = (map: Map<string, number[]>, memberId: string) => map.set(memberId, [...(map.get(memberId) ?? []), performance.now()]);
  const stopWatching = sim.onChange((change) => {
    if (change.type !== 'call' || change.call.method !== 'imbot.v2.Event.get') return;
    note(polls, change.call.memberId);
    if (change.call.limited) overLimit++;
    if (change.call.ok) note(pages, change.call.memberId);
  });
  const timers: NodeJS.Timeout[] = [];

  async function drained(): Promise<boolean> {
    for (const portal of portals()) {
      const bot = sim.ourBot(portal);
      if (!bot) continue;
      const waiting = sim.waitingEvents(portal, bot.id);
      if (waiting.length === 0) continue;
      const feed = await stack.deps.feeds.get(portal.memberId);
      if (waiting.some((event) => event.eventId >= (feed?.offset ?? 0))) return false;
    }
    return true;
  }

  return {
    async settle(maxMs = 120_000) {
      const until = Date.now() + maxMs;
      for (;;) {
        await stack.idle();
        if (await drained()) return void (await stack.idle());
        if (Date.now() > until) throw new Error('fetch mode: events still waiting on the platform after the run');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    begin(atMs, progress) {
      injecting = true;
      if (options.outageMs <= 0) return;
      timers.push(
        setTimeout(() => {
          progress(`  outage: the poller is down for ${options.outageMs / 1000} s (events wait on the platform)`);
          stack.poller?.pause();
          timers.push(
            setTimeout(() => {
              progress('  outage over: the poller is back');
              stack.poller?.resume();
            }, options.outageMs),
          );
        }, atMs),
      );
    },
    stop() {
      injecting = false;
      for (const timer of timers) clearTimeout(timer);
      stack.poller?.resume();
      stopWatching();
      feeds.advance = realAdvance;
      let maxPer10s = 0;
      let minGap = Infinity;
      let total = 0;
      for (const times of polls.values()) {
        total += times.length;
        for (let i = 0, j = 0; i < times.length; i++) {
          while (times[i]! - times[j]! > 10_000) j++;
          maxPer10s = Math.max(maxPer10s, i - j + 1);
        }
      }
      for (const times of pages.values()) for (let i = 1; i < times.length; i++) minGap = Math.min(minGap, times[i]! - times[i - 1]!);
      return {
        outageMs: options.outageMs,
        lostAcks,
        pollRequests: total,
        pollsOverLimit: overLimit,
        maxPollsPer10s: maxPer10s,
        minPollGapMs: Number.isFinite(minGap) ? Math.round(minGap) : 0,
      };
    },
  };
}
