import type { IngestDeps } from '../deps.js';
import { readFeed } from './read-feed.js';

export interface PollSchedule {
  /** After a page with `hasMore` (docs: at least 2 s). */
  readonly pageGapMs: number;
  /** After a page with events and nothing more waiting. */
  readonly busyMs: number;
  /** First wait after an empty page; doubles up to idleMaxMs. */
  readonly idleMinMs: number;
  readonly idleMaxMs: number;
}

export const DEFAULT_SCHEDULE: PollSchedule = { pageGapMs: 2_000, busyMs: 3_000, idleMinMs: 5_000, idleMaxMs: 30_000 };

export interface PollOptions {
  /** How long this run polls (ms); default 50 s: one scheduled run a minute. */
  readonly windowMs?: number;
  readonly schedule?: Partial<PollSchedule>;
  /** Events per Event.get (1–1000). */
  readonly limit?: number;
  /** The Lambda's remaining time; the run ends early enough to finish its last pass. */
  readonly timeLeft?: () => number;
  /** Resolves when the run must end now (the local stack closing, an outage in the load run). */
  readonly stop?: Promise<unknown>;
  /** Lease owner id (default: a new id per run). */
  readonly owner?: string;
  /** Only these portals (tests, one-off runs); default every fetch-mode portal. */
  readonly memberIds?: readonly string[];
}

export interface PollReport {
  readonly portals: number;
  readonly requests: number;
  readonly events: number;
  readonly queued: number;
  readonly errors: number;
  /** Portals whose lease another run held for this whole run. */
  readonly busyElsewhere: number;
}

export async function pollFeeds(deps: IngestDeps, options: PollOptions = {}): Promise<PollReport> {
  const schedule = { ...DEFAULT_SCHEDULE, ...options.schedule };
  const started = deps.time.now();
  // Room for the last pass: one request that may run into its timeout, and the queueing after it.
  const reserve = deps.config.restTimeoutMs + 5_000;
  const window = Math.min(options.windowMs ?? 50_000, (options.timeLeft?.() ?? Infinity) - reserve);
  const deadline = started + Math.max(0, window);
  const owner = options.owner ?? deps.newId();
  const limit = Math.min(1000, Math.max(1, options.limit ?? 100)); // event-get.md: 1–1000
  const log = deps.log.child({ job: 'poller' });
  const stopped = { now: false };
  void options.stop?.then(() => (stopped.now = true));
  const totals = { portals: 0, requests: 0, events: 0, queued: 0, errors: 0, busyElsewhere: 0 };

  const members: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.feeds.list(100, start);
    members.push(...page.memberIds);
    start = page.next;
  } while (start);
  if (options.memberIds) members.splice(0, members.length, ...members.filter((id) => options.memberIds!.includes(id)));
  totals.portals = members.length;

  const wait = async (ms: number): Promise<boolean> => {
    if (stopped.now || deps.time.now() + ms >= deadline) return false;
    await Promise.race([deps.time.sleep(ms), options.stop].filter(Boolean));
    return !stopped.now;
  };

  await Promise.all(
    members.map(async (memberId) => {
      const portalLog = log.child({ memberId });
      const leaseUntil = deadline + reserve;
      while (!(await deps.feeds.lease(memberId, owner, deps.time.now(), leaseUntil))) {
        if (!(await wait(schedule.busyMs))) return void totals.busyElsewhere++;
      }
      try {
        let idle = schedule.idleMinMs;
        let backoff = schedule.busyMs;
        for (;;) {
          const [feed, portal] = await Promise.all([deps.feeds.get(memberId), deps.portals.get(memberId)]);
          if (!feed || !portal || portal.status !== 'active') return;
          let next: number;
          try {
            totals.requests++;
            const read = await readFeed(deps, portal, feed, owner, limit, portalLog);
            totals.events += read.events;
            totals.queued += read.queued;
            if (read.stop) return;
            if (read.events > 0) idle = schedule.idleMinMs;
            next = read.hasMore ? schedule.pageGapMs : read.events > 0 ? schedule.busyMs : idle;
            if (read.events === 0) idle = Math.min(idle * 2, schedule.idleMaxMs);
            backoff = schedule.busyMs;
          } catch (error) {
            totals.errors++;
            portalLog.warn('event feed read failed; trying again', { error, retryInMs: backoff });
            next = backoff;
            backoff = Math.min(backoff * 2, schedule.idleMaxMs);
          }
          if (!(await wait(next))) return;
        }
      } finally {
        await deps.feeds.release(memberId, owner);
      }
    }),
  );
  const report = { ...totals };
  (report.portals > 0 ? log.info : log.debug)('poller run done', { ...report, ms: deps.time.now() - started }); // no fetch-mode portal: nothing to tell every minute
  return report;
}
