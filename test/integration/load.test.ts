/**
 * The load proof of `npm run load`, scaled down to run in the suite: customers typing on
 * without waiting, a portal limit the budget must respect, every kind of injected fault,
 * events delivered twice — and still every reply once, in order.
 */
import { expect, it } from 'vitest';
import { runLoad } from '../../infra/bench/load.js';
import { setLogLevel } from '../../lib/log.js';

it('under load with faults: nothing lost, nothing twice, every chat in order, no portal limit overflow', async () => {
  setLogLevel('error'); // every injected fault logs a warning
  const report = await runLoad({
    customers: 24,
    messages: 3,
    portals: 2,
    rate: { perSecond: 10, burst: 10 },
    botRate: { perSecond: 10, burst: 8 }, // a little headroom: test timing jitters
    spreadMs: 4_000,
    gapMs: [50, 400],
    redeliverShare: 0.2,
    faults: true,
  }).finally(() => setLogLevel('warn'));
  expect(report.sent).toBe(72);
  expect(report.redelivered).toBeGreaterThan(0);
  expect(report.faultsInjected).toBeGreaterThan(20);
  expect(report.expected).toBe(96);
  expect({ lost: report.lost, duplicated: report.duplicated, outOfOrder: report.chatsOutOfOrder, deadLettered: report.deadLettered }).toEqual({
    lost: 0,
    duplicated: 0,
    outOfOrder: 0,
    deadLettered: 0,
  });
  expect(report.delivered).toBe(96);
  expect(report.rateLimited).toBe(0);
  expect(report.tokenRefreshes).toBeGreaterThanOrEqual(2); // each portal's expired tokens refreshed
}, 60_000);
