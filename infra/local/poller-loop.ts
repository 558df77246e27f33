/**
 * The poller on the local stack (BOT_EVENT_MODE=fetch): the same runs as the scheduled
 * Lambda (lib/app/feed/poll-feeds.ts), back to back on a timer instead of once a minute.
 * `pause` is the outage of the load run (the poller / event endpoint down: the events wait on
 * the simulated platform); `resume` ends it. Tests call pollFeeds directly with a fake Time.
 */
import type { IngestDeps } from '../../lib/app/deps.js';
import { pollFeeds, type PollOptions, type PollReport } from '../../lib/app/feed/poll-feeds.js';

export interface PollerLoop {
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
  /** Totals over every finished run. */
  readonly totals: { runs: number; requests: number; events: number; queued: number; errors: number };
}

export type PollerLoopOptions = Pick<PollOptions, 'schedule' | 'windowMs' | 'limit'>;

export function startPollerLoop(deps: IngestDeps, options: PollerLoopOptions = {}): PollerLoop {
  let interrupt: () => void = () => undefined;
  let interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  let paused = false;
  let stopped = false;
  let wake: () => void = () => undefined;
  const totals = { runs: 0, requests: 0, events: 0, queued: 0, errors: 0 };
  const add = (report: PollReport) => {
    totals.runs++;
    for (const key of ['requests', 'events', 'queued', 'errors'] as const) totals[key] += report[key];
  };
  const breakRun = () => {
    interrupt();
    interrupted = new Promise<void>((resolve) => (interrupt = resolve));
  };

  const running = (async () => {
    while (!stopped) {
      if (paused) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      try {
        const report = await pollFeeds(deps, { windowMs: 50_000, ...options, stop: interrupted });
        add(report);
        // Between runs at least the page gap: a run that stopped at its deadline may have left
        // `hasMore` behind (≥ 2 s between pages, imbot.v2/events/index.md#limits). With no
        // portal in fetch mode yet: look again in a second.
        await Promise.race([deps.time.sleep(Math.max(options.schedule?.pageGapMs ?? 2_000, report.portals === 0 ? 1_000 : 0)), interrupted]);
      } catch (error) {
        deps.log.error('local poller run failed', { error });
        await Promise.race([deps.time.sleep(1_000), interrupted]);
      }
    }
  })();

  return {
    pause() {
      paused = true;
      breakRun();
    },
    resume() {
      paused = false;
      wake();
    },
    async stop() {
      stopped = true;
      breakRun();
      wake();
      await running;
    },
    totals,
  };
}
