/**
 * `npm run portal-rate`: one portal's REST budget (an Enterprise plan's, or a stricter
 * one) set in its record, and the workers pacing that portal by it.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../infra/tools/portal-rate.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { createPortalStore } from '../../lib/store/portals.js';
import { fakeTime } from '../helpers/fake-time.js';
import { useStack } from '../helpers/stack.js';

// The budget's pacing and the portal's bucket run on the fake clock: 4/s takes no real time.
const t = useStack({ clock: () => OFFICE_HOURS, time: fakeTime(Date.now()) });

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = { ...process.env, TABLE_NAME: t.stack.deps.config.tableName, DYNAMODB_ENDPOINT: t.stack.dynamo.endpoint, AWS_REGION: 'local' };
  const code = await main(argv, env, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join(''), err: err.join('') };
}

describe('npm run portal-rate', () => {
  it("sets the portal's budget, and the bot paces that portal by it: no rejection from a portal that strict", async () => {
    const portal = await t.portal();
    const chats = await Promise.all([1, 2, 3, 4].map(() => t.stack.simulator.openChat(portal)));
    await t.stack.idle();
    const answer = await run(portal.memberId, '4', '1');
    expect(answer).toMatchObject({ code: 0, out: expect.stringContaining('4 requests/s, burst 1') });
    expect((await t.stack.deps.portals.get(portal.memberId))?.rate).toEqual({ perSecond: 4, burst: 1 });

    t.stack.deps.portals.forget(portal.memberId); // a warm worker's cache would expire within 30 s
    t.stack.simulator.setRateLimit({ perSecond: 4, burst: 1 });
    const limited = t.stack.simulator.stats.rateLimited;
    try {
      await Promise.all(chats.map((chat) => t.stack.simulator.customerSays(portal, chat, '4')));
      await t.stack.idle();
    } finally {
      t.stack.simulator.setRateLimit(undefined);
    }
    expect(t.stack.simulator.stats.rateLimited - limited).toBe(0);
    for (const chat of chats) expect(t.customerView(chat).filter((text) => text.startsWith('We answer Monday'))).toHaveLength(1);
  });

  it("--stage S works on that stage's table (the name serverless.yml gives it)", async () => {
    const portal = await t.portal();
    const table = await t.stack.dynamo.createTable('b24-openlines-bot-ptest');
    const stored = await t.stack.deps.portals.get(portal.memberId);
    await createPortalStore(t.stack.db, table).save(stored!, undefined, Date.now());
    const out: string[] = [];
    const err: string[] = [];
    const env = { DYNAMODB_ENDPOINT: t.stack.dynamo.endpoint, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' };
    const code = await main([portal.memberId, '5', '250', '--stage', 'ptest', '--region', 'local'], env, {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
    });
    expect({ code, err: err.join('') }).toEqual({ code: 0, err: '' });
    expect((await createPortalStore(t.stack.db, table).get(portal.memberId))?.rate).toEqual({ perSecond: 5, burst: 250 });
    expect(await run(portal.memberId, '5', '250', '--region', 'eu-west-1')).toMatchObject({ code: 2 });
  });

  it('refuses bad numbers and unknown portals, with a reason', async () => {
    expect(await run('abc', '0', '5')).toMatchObject({ code: 2, err: expect.stringContaining('usage') });
    expect(await run('abc', '5', '250', 'extra')).toMatchObject({ code: 2 });
    expect(await run('abc', '5.5', '250')).toMatchObject({ code: 2 });
    expect(await run('no-such-portal', '5', '250')).toMatchObject({ code: 1, err: expect.stringContaining('not installed') });
  });
});
