/**
 * Duplicates, races and single-use refresh tokens, with truly concurrent invocations
 * against dynalite. The worker is called directly here (no FIFO queue in between), as
 * several Lambdas would be when SQS hands the same group to two of them.
 */
import { describe, expect, it } from 'vitest';
import { RetryableJobError } from '../../lib/app/errors.js';
import { processDialogJob } from '../../lib/app/process-dialog.js';
import { refreshOnce } from '../../lib/app/tokens.js';
import type { DialogJob } from '../../lib/queue/job.js';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { customerJob } from '../helpers/jobs.js';
import { fakeTime } from '../helpers/fake-time.js';
import { useStack } from '../helpers/stack.js';

// Wall time is virtual: conflict jitter, lease polling and budget waits are our own code's, and take no real time.
const t = useStack({ env: { MENU_FILE: 'test/fixtures/menus/first-version.yaml' }, time: fakeTime(Date.now()) });

const job = (portal: SimPortal, chat: SimChat, text: string, over: Partial<DialogJob> = {}) => customerJob(t.stack.simulator, portal, chat, text, over);

/** What SQS does with a job whose worker asked for a retry: deliver it again. */
async function untilDone(work: () => Promise<unknown>): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof RetryableJobError) || attempt > 20) throw error;
    }
  }
}

const replies = (chat: SimChat) => chat.messages.filter((message) => message.author === 'bot' && !message.operatorOnly);

describe('exactly-once replies', () => {
  it('[defence: event id in the conditional write] 50 concurrent deliveries of one message give one reply', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const before = replies(chat).length;
    const one = job(portal, chat, '1');
    // 50 different jobs (as if Bitrix delivered 50 times past the queue's de-duplication).
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => untilDone(() => processDialogJob(t.stack.deps, { ...one, jobId: `dup-${i}` }))));
    expect(replies(chat).length - before).toBe(1);
    expect(outcomes.filter((outcome) => outcome === 'done')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(49);
  });

  it('the same Bitrix event posted 50 times at once through HTTP gives one reply', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const before = replies(chat).length;
    const messageId = 7_000_001;
    const answers = await Promise.all(Array.from({ length: 50 }, () => t.stack.simulator.customerSays(portal, chat, '1', { messageId })));
    await t.stack.idle();
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(replies(chat).length - before).toBe(1);
  });
});

describe('race-free dialog state', () => {
  it('[defence: version condition + re-decide] 40 messages of one dialog at the same time: every transition kept, one reply each', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const key = { memberId: portal.memberId, botId: t.stack.simulator.ourBot(portal)!.id, dialogId: chat.dialogId };
    const start = await t.stack.deps.dialogs.get(key, Date.now());
    const before = replies(chat).length;
    // Each of these is a transition (a new version, the event recorded) with a reply.
    const jobs = Array.from({ length: 40 }, (_, i) => job(portal, chat, i % 2 === 0 ? '1' : 'hello'));
    await Promise.all(jobs.map((one) => untilDone(() => processDialogJob(t.stack.deps, one))));
    const after = await t.stack.deps.dialogs.get(key, Date.now());
    expect(after.version).toBe(start.version! + 40);
    for (const one of jobs) expect(after.processed).toContain(one.eventId);
    expect(replies(chat).length - before).toBe(40);
  });
});

describe('race-free token refresh', () => {
  it('[defence: refresh lease + token version] 20 concurrent refreshes with a single-use refresh token: one OAuth call, nobody locked out', async () => {
    const portal = await t.portal();
    const stale = (await t.stack.deps.portals.get(portal.memberId))!;
    const calls = t.stack.simulator.stats.oauthRequests;
    const results = await Promise.all(Array.from({ length: 20 }, () => refreshOnce(t.stack.deps, stale, t.stack.deps.log)));
    expect(t.stack.simulator.stats.oauthRequests - calls).toBe(1);
    const stored = (await t.stack.deps.portals.get(portal.memberId))!;
    expect(stored.tokenVersion).toBe(stale.tokenVersion + 1);
    expect(stored.refreshToken).toBe(portal.refreshToken); // the OAuth server's one valid token
    for (const result of results) expect(result!.accessToken).toBe(stored.accessToken);
    // And the stored pair works.
    t.stack.simulator.setEventTokens('none');
    try {
      const chat = await t.chat(portal);
      expect(replies(chat)).toHaveLength(1);
    } finally {
      t.stack.simulator.setEventTokens('fresh');
    }
  });

  it('concurrent customer messages that all find the token expired refresh it once', async () => {
    const portal = await t.portal();
    const chats = await Promise.all(Array.from({ length: 10 }, () => t.stack.simulator.openChat(portal)));
    await t.stack.idle();
    t.stack.simulator.expireTokens(portal);
    t.stack.simulator.setEventTokens('none');
    const calls = t.stack.simulator.stats.oauthRequests;
    try {
      await Promise.all(chats.map((chat) => t.stack.simulator.customerSays(portal, chat, '1')));
      await t.stack.idle();
    } finally {
      t.stack.simulator.setEventTokens('fresh');
    }
    expect(t.stack.simulator.stats.oauthRequests - calls).toBe(1);
    for (const chat of chats) expect(replies(chat).at(-1)!.text).toContain('We work 9:00-18:00.');
  });
});
