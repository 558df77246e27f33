/**
 * The fetch-mode load proof (`npm run load -- --mode fetch --outage 60`), scaled down for the
 * suite: Chatbots 2.0 portals whose bot is in fetch mode, customers typing on without waiting,
 * the poller down for a while in the middle, acknowledgements lost as if the poller died
 * after queueing and the portals' leaky bucket — and still every reply once, in order, with
 * no request of the poller over a portal's limit. The poller's cadence is scaled down with
 * the run (the documented 2 s page gap is proven on a fake clock in fetch-mode.test.ts).
 * Without the REST faults of the webhook run: in fetch mode the poller meets most of them one
 * after the other (hangs to the timeout, back-off), which costs the suite 15 s and proves
 * nothing fetch-mode.test.ts does not; `npm run load -- --mode fetch` runs with them.
 */
import { expect, it } from 'vitest';
import { runLoad } from '../../infra/bench/load.js';
import { setLogLevel } from '../../lib/log.js';

it("fetch mode with the poller down: nothing lost, nothing twice, every chat in order, inside the portals' budget", async () => {
  setLogLevel('error');
  const report = await runLoad({
    customers: 16,
    messages: 3,
    portals: 2,
    rate: { perSecond: 10, burst: 10 },
    botRate: { perSecond: 10, burst: 8 },
    spreadMs: 3_000,
    gapMs: [50, 400],
    redeliverShare: 0.3,
    faults: false,
    mode: 'fetch',
    outageMs: 1_500,
    pollSchedule: { pageGapMs: 200, busyMs: 200, idleMinMs: 200, idleMaxMs: 600 },
  }).finally(() => setLogLevel('warn'));
  expect(report.sent).toBe(48);
  expect(report.expected).toBe(64);
  expect({ lost: report.lost, duplicated: report.duplicated, outOfOrder: report.chatsOutOfOrder, deadLettered: report.deadLettered }).toEqual({
    lost: 0,
    duplicated: 0,
    outOfOrder: 0,
    deadLettered: 0,
  });
  expect(report.delivered).toBe(64);
  expect(report.rateLimited).toBe(0);
  expect(report.fetch!.pollRequests).toBeGreaterThan(5);
  expect(report.fetch!.pollsOverLimit).toBe(0);
  expect(report.fetch!.lostAcks).toBeGreaterThan(0);
  expect(report.fetch!.minPollGapMs).toBeGreaterThanOrEqual(190);
}, 90_000);
