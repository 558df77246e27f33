/**
 * OPERATION_TIME_LIMIT (issue 14 item 5, contract §5 and §9.6; Bitrix24 docs `limits.md`):
 * a method over its operating time answers 429 on that portal until a minute bucket drops
 * out; the wait is in `time.operating_reset_at` of its last successful answer. The bot
 * waits until then before that method is sent again (nothing in between reaches the
 * portal), and other methods and other portals go on. Resets here are a second or two
 * away so the test stays fast; nothing asserts on timing.
 */
import { describe, expect, it } from 'vitest';
import type { SimChat } from '../../infra/local/simulator/model.js';
import { restForPortal } from '../../lib/app/portal-rest.js';
import { createWorkerHandler, retryDelaySeconds } from '../../lib/handlers/worker.js';
import { sqsEvent, sqsRecord } from '../../infra/local/sqs-event.js';
import { fakeTime } from '../helpers/fake-time.js';
import { customerJob } from '../helpers/jobs.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { useStack } from '../helpers/stack.js';

// The bot's clock in office hours (the example menu's replies differ after hours), moving as real time does.
const officeClock = (
  (shift) => () =>
    Date.now() + shift
)(OFFICE_HOURS - Date.now());
// Wall time is the fake clock (the simulator's too): waiting for a reset is our own code's wait and takes no real time.
const time = fakeTime(Date.now());
const t = useStack({
  clock: officeClock,
  env: { MENU_FILE: 'menus/example.yaml', B24_RETRY_BUDGET_MS: '10000' },
  queue: { maxAttempts: 3, retryBaseMs: 20 },
  time,
});

const replies = (chat: SimChat) => chat.messages.filter((message) => message.author === 'bot' && !message.operatorOnly).map((message) => message.text);

describe('OPERATION_TIME_LIMIT', () => {
  it('successful answers carry a realistic time block (operating, operating_reset_at)', async () => {
    const portal = await t.portal();
    const answer = (await (
      await fetch(`${portal.clientEndpoint}app.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ auth: t.stack.simulator.issueToken(portal, 1, 'user').accessToken }),
      })
    ).json()) as { time: Record<string, number> };
    expect(answer.time).toMatchObject({ operating: expect.any(Number), operating_reset_at: expect.any(Number), date_start: expect.any(String) });
    expect(answer.time.operating_reset_at).toBeGreaterThan(time.now() / 1000);
  });

  it('the refused method waits until the operating_reset_at of its last successful answer, then the reply goes out once', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    // The next successful imbot.message.add reports a reset 2.5 s away; after it the method is exhausted until then.
    t.stack.simulator.limitOperating('imbot.message.add', { memberId: portal.memberId, resetAt: time.now() + 2_500, successes: 1 });
    const since = t.stack.simulator.lastSeq;
    try {
      await t.say(portal, chat, '4');
      await t.say(portal, chat, '2');
    } finally {
      t.stack.simulator.clearFaults();
    }
    expect(replies(chat).filter((text) => text.startsWith('We answer Monday'))).toHaveLength(1);
    expect(replies(chat).filter((text) => text.startsWith('Payment and invoices'))).toHaveLength(1);
    const sends = t.stack.simulator.callsFor(portal.memberId, since).filter((call) => call.method === 'imbot.message.add');
    // Backing off by 250 ms · 2ⁿ would have met the limit several times; waiting for the reset meets it at most once.
    expect(sends.filter((call) => call.error === 'OPERATION_TIME_LIMIT').length).toBeLessThanOrEqual(1);
    expect(sends.filter((call) => call.ok)).toHaveLength(2);
    expect(t.stack.queue.deadLetters.filter((letter) => letter.job.memberId === portal.memberId)).toEqual([]);
  });

  it('only that method on that portal waits: its later calls fail at once without reaching the portal, other methods and portals go on', async () => {
    const portal = await t.portal();
    const other = await t.portal();
    const otherChat = await t.chat(other);
    t.stack.simulator.limitOperating('imbot.message.add', { memberId: portal.memberId, resetAt: time.now() + 60_000 });
    const record = (await t.stack.deps.portals.get(portal.memberId))!;
    const rest = restForPortal(t.stack.deps, record, undefined, t.stack.deps.log);
    const message = { BOT_ID: record.botId, DIALOG_ID: 'chat1', MESSAGE: 'hello' };
    try {
      const first = await rest.call('imbot.message.add', message).catch((error: unknown) => error);
      expect(first).toMatchObject({ code: 'OPERATION_TIME_LIMIT', status: 429, retryAt: expect.any(Number) });
      const sent = t.stack.simulator.callsFor(portal.memberId).filter((call) => call.method === 'imbot.message.add').length;
      // Held back in this instance: no request, the same answer, the same release time.
      const second = await restForPortal(t.stack.deps, record, undefined, t.stack.deps.log)
        .call('imbot.message.add', message)
        .catch((error: unknown) => error);
      expect(second).toMatchObject({ code: 'OPERATION_TIME_LIMIT', retryAt: (first as { retryAt: number }).retryAt });
      expect(t.stack.simulator.callsFor(portal.memberId).filter((call) => call.method === 'imbot.message.add')).toHaveLength(sent);
      // Another method of the same portal, and the same method on another portal, go on.
      await expect(rest.call('app.info')).resolves.toMatchObject({ CODE: t.stack.deps.config.clientId });
      await t.say(other, otherChat, '4');
      expect(replies(otherChat).filter((text) => text.startsWith('We answer Monday'))).toHaveLength(1);
    } finally {
      t.stack.simulator.clearFaults();
    }
  });

  it('a release beyond the retry budget: the job goes back to the queue and is not shown again before the release', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    // The join's answers named the method's operating_reset_at (minutes away: the window's oldest bucket).
    t.stack.simulator.limitOperating('imbot.message.add', { memberId: portal.memberId, resetAt: time.now() + 15 * 60_000 });
    const delays: number[] = [];
    const handle = createWorkerHandler(t.stack.deps, {
      deadLetters: { send: async () => undefined },
      maxAttempts: 5,
      retryLater: async (_records, seconds) => void delays.push(seconds),
    });
    try {
      const answer = await handle(sqsEvent(sqsRecord(customerJob(t.stack.simulator, portal, chat, '4'))));
      expect(answer.batchItemFailures).toHaveLength(1);
    } finally {
      t.stack.simulator.clearFaults();
    }
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThan(retryDelaySeconds(1));
    expect(delays[0]).toBeLessThanOrEqual(11 * 60);
    expect(t.stack.simulator.callsFor(portal.memberId).filter((call) => call.error === 'OPERATION_TIME_LIMIT')).toHaveLength(1);
  });
});
