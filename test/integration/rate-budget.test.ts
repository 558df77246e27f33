/**
 * The shared REST budget on real DynamoDB (dynalite): however many workers take slots at
 * once, no window of time gets more requests than the portal's leaky bucket allows, and a
 * busy instance reserves slots in chunks instead of writing once per request. On a fake
 * clock (test/helpers/fake-time.ts): the budget's own waits are what is under test.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDynamoBudget, type Rate } from '../../lib/app/rate-budget.js';
import { createDb, type Db } from '../../lib/store/db.js';
import { startLocalDynamo, type LocalDynamo } from '../../infra/local/dynamo.js';
import { fakeTime } from '../helpers/fake-time.js';

// Wall time is driven by the test: budget waits take no real time and every run sees the same clock.
const time = fakeTime();

let dynamo: LocalDynamo;
let table: string;
let writes = 0;
let db: Db;

beforeAll(async () => {
  dynamo = await startLocalDynamo();
  table = await dynamo.createTable('budget-test');
  db = createDb({
    region: 'local',
    endpoint: dynamo.endpoint,
    onCall: (command) => void (command === 'UpdateCommand' || command === 'UpdateItemCommand' ? writes++ : undefined),
  });
});
afterAll(async () => {
  await dynamo.close();
});

/** The most requests any window of `windowMs` saw. */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! > windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

it('three instances taking 45 slots at once never exceed the burst plus the rate, in any window', async () => {
  const rate: Rate = { perSecond: 20, burst: 10 };
  const instances = [1, 2, 3].map(() => createDynamoBudget({ db, table, time }));
  const granted: number[] = [];
  const started = time.now();
  await Promise.all(instances.flatMap((budget) => Array.from({ length: 15 }, () => budget.take('portal-a', rate).then(() => granted.push(time.now())))));
  expect(granted).toHaveLength(45);
  // 10 at once, then one per 50 ms: at least 35 × 50 ms for the rest.
  expect(Math.max(...granted) - started).toBeGreaterThanOrEqual(35 * 50 - 100);
  for (const windowMs of [100, 250, 500, 1000]) {
    expect(busiestWindow(granted, windowMs)).toBeLessThanOrEqual(rate.burst + Math.ceil((windowMs * rate.perSecond) / 1000));
  }
}, 20_000);

it('a busy instance reserves slots in chunks: far fewer writes than requests', async () => {
  const budget = createDynamoBudget({ db, table, time });
  const rate: Rate = { perSecond: 1000, burst: 10_000 };
  const before = writes;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 100; i++) await budget.take('portal-b', rate);
    }),
  );
  expect(writes - before).toBeGreaterThan(0);
  expect(writes - before).toBeLessThan(100);
});

it('at the documented 2/s, a quiet bot takes one slot per request, no more', async () => {
  const budget = createDynamoBudget({ db, table, time });
  const rate: Rate = { perSecond: 2, burst: 50 };
  const before = writes;
  for (let i = 0; i < 3; i++) await budget.take('portal-c', rate);
  expect(writes - before).toBeGreaterThan(0);
  expect(writes - before).toBeLessThanOrEqual(3);
  // 3 requests and at most 2 slots of another second reserved: 45 of the burst of 50 remain
  // for the next instant (two instances, 45 concurrent takes, all immediate).
  const other = createDynamoBudget({ db, table, time });
  const started = time.now();
  await Promise.all(Array.from({ length: 45 }, () => other.take('portal-c', rate)));
  expect(time.now() - started).toBeLessThan(400);
});

it('a request waits for the budget at most maxWaitMs, however many reservations it queues behind', async () => {
  const budget = createDynamoBudget({ db, table, time, maxWaitMs: 500 });
  const rate: Rate = { perSecond: 0.1, burst: 1 }; // one request per 10 s
  const waited: number[] = [];
  const outcomes = await Promise.allSettled(
    Array.from({ length: 5 }, async () => {
      const started = time.now();
      try {
        await budget.take('portal-d', rate);
      } finally {
        waited.push(time.now() - started);
      }
    }),
  );
  expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  expect(outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason.name)).toEqual(
    Array(4).fill('BudgetExhaustedError'),
  );
  // Queued one behind another, each would wait its own 500 ms after the previous gave up.
  expect(Math.max(...waited)).toBeLessThan(1_400);
});
