/**
 * No customer message lost or answered twice: retries of what may pass later, no retry of
 * what won't, progress kept across a failure in the middle of the steps, the shared REST
 * budget pacing a burst, dead letters with their reason and their replay.
 * The portal limit here is 20/s with a burst of 10 (the documented 2/s would make the tests
 * slow); the bot's budget is the same rate with a slightly smaller burst, so jitter in
 * when requests arrive cannot tip the portal's bucket over.
 */
import { describe, expect, it } from 'vitest';
import type { SimChat } from '../../infra/local/simulator/model.js';
import { setLogLevel } from '../../lib/log.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { fakeTime } from '../helpers/fake-time.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({
  clock: () => OFFICE_HOURS + (Date.now() % 1_000_000),
  env: { MENU_FILE: 'menus/example.yaml', B24_RATE_PER_SECOND: '20', B24_RATE_BURST: '8', B24_RETRY_BUDGET_MS: '3000' },
  queue: { maxAttempts: 3, retryBaseMs: 20 },
  // Retries, backoff, budget waits and the simulator's hangs and bucket are our own code:
  // on the fake clock they take no real time (the transfer's 3 × 1.6 s hang still uses up the budget).
  time: fakeTime(Date.now()),
});

const replies = (chat: SimChat) => chat.messages.filter((message) => message.author === 'bot' && !message.operatorOnly).map((message) => message.text);

describe('REST that respects the portal', () => {
  // 429 OPERATION_TIME_LIMIT waits for its method's operating_reset_at: operating-limit.test.ts.
  it.each([
    ['503 QUERY_LIMIT_EXCEEDED', { status: 503, error: 'QUERY_LIMIT_EXCEEDED' }],
    ['a 502 from a gateway', { status: 502, error: 'HTTP_502' }],
    ['a dropped connection', { status: 0 }],
  ])('retries %s and answers exactly once', async (_name, fault) => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    t.stack.simulator.fail('imbot.message.add', { ...fault, times: 2 });
    try {
      await t.say(portal, chat, '4');
    } finally {
      t.stack.simulator.clearFaults();
    }
    expect(replies(chat).filter((text) => text.startsWith('We answer Monday'))).toHaveLength(1);
  });

  it.each(['INTERNAL_SERVER_ERROR', 'ERROR_UNEXPECTED_ANSWER'])(
    'retries 500 %s on a message send (Bitrix24 docs: retry; the duplicate risk is accepted) and answers',
    async (error) => {
      const portal = await t.portal();
      const chat = await t.chat(portal);
      t.stack.simulator.fail('imbot.message.add', { status: 500, error, times: 2 });
      try {
        await t.say(portal, chat, '4');
      } finally {
        t.stack.simulator.clearFaults();
      }
      expect(replies(chat).filter((text) => text.startsWith('We answer Monday'))).toHaveLength(1);
    },
  );

  it('500 ERROR_UNEXPECTED_ANSWER on a session call is retried (a repeat doubles nothing)', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const since = t.stack.simulator.lastSeq;
    t.stack.simulator.fail('imopenlines.bot.session.operator', { status: 500, error: 'ERROR_UNEXPECTED_ANSWER', times: 2 });
    try {
      await t.say(portal, chat, 'operator');
    } finally {
      t.stack.simulator.clearFaults();
    }
    const calls = t.stack.simulator.callsFor(portal.memberId, since);
    expect(calls.filter((call) => call.method === 'imopenlines.bot.session.operator').map((call) => call.ok)).toEqual([false, false, true]);
    expect(calls.filter((call) => call.method === 'imbot.message.add' && call.ok)).toHaveLength(2);
    expect(chat.status).toBe('queue');
  });

  it('an OAuth server that fails for a while: the refresh is retried and the reply goes out once', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    t.stack.simulator.setEventTokens('none');
    t.stack.simulator.expireTokens(portal);
    t.stack.simulator.fail('oauth.token', { status: 503, error: 'server_error', times: 2 });
    try {
      await t.say(portal, chat, '4');
    } finally {
      t.stack.simulator.setEventTokens('fresh');
      t.stack.simulator.clearFaults();
    }
    expect(replies(chat).filter((text) => text.startsWith('We answer Monday'))).toHaveLength(1);
    expect(t.stack.queue.deadLetters.filter((letter) => letter.job.dialogId === chat.dialogId)).toEqual([]);
  });

  it('an OAuth server that refuses the refresh token: dead-lettered at once, no retry can help', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    t.stack.simulator.setEventTokens('none');
    t.stack.simulator.expireTokens(portal);
    t.stack.simulator.fail('oauth.token', { status: 400, error: 'invalid_grant' });
    try {
      await t.say(portal, chat, '4');
    } finally {
      t.stack.simulator.setEventTokens('fresh');
      t.stack.simulator.clearFaults();
    }
    const letter = t.stack.queue.deadLetters.find((candidate) => candidate.job.dialogId === chat.dialogId);
    expect(letter).toMatchObject({ attempts: 1, reason: expect.stringMatching(/invalid_grant/) });
  });

  it('does not retry other 4xx: the job is dead-lettered at once with the reason', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const before = t.stack.simulator.callsFor(portal.memberId).length;
    t.stack.simulator.fail('imbot.message.add', { status: 400, error: 'BOT_ID_ERROR' });
    await t.say(portal, chat, '4');
    const attempts = t.stack.simulator
      .callsFor(portal.memberId)
      .slice(before)
      .filter((call) => call.method === 'imbot.message.add');
    expect(attempts).toHaveLength(1);
    const letter = t.stack.queue.deadLetters.find((candidate) => candidate.job.dialogId === chat.dialogId);
    expect(letter).toMatchObject({ attempts: 1, reason: expect.stringMatching(/imbot\.message\.add failed: 400 BOT_ID_ERROR/) });
    // Replayed once the cause is gone: the reply goes out, once.
    expect(await t.stack.queue.replay([letter!.job.jobId])).toBe(1);
    await t.stack.idle();
    expect(replies(chat).filter((text) => text.startsWith('We answer Monday'))).toHaveLength(1);
  });

  it('a portal that keeps failing: after the attempts the job is dead-lettered with the last reason', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    t.stack.simulator.fail('imbot.message.add', { status: 503, error: 'QUERY_LIMIT_EXCEEDED', times: 1_000 });
    await t.say(portal, chat, '4');
    t.stack.simulator.clearFaults();
    const letter = t.stack.queue.deadLetters.find((candidate) => candidate.job.dialogId === chat.dialogId);
    expect(letter).toMatchObject({ attempts: 3, reason: expect.stringMatching(/QUERY_LIMIT_EXCEEDED/) });
  }, 40_000);
});

describe('retried work is not repeated', () => {
  it('a failure in the middle of a batch: the retry sends only the steps that did not happen', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const since = t.stack.simulator.lastSeq;
    // The card and the text go out, the transfer fails twice, then passes.
    t.stack.simulator.fail('imopenlines.bot.session.operator', { status: 503, error: 'QUERY_LIMIT_EXCEEDED', times: 2 });
    await t.say(portal, chat, 'operator');
    const calls = t.stack.simulator.callsFor(portal.memberId, since);
    expect(calls.filter((call) => call.method === 'imbot.message.add' && call.ok)).toHaveLength(2); // card + text, once each
    expect(calls.filter((call) => call.method === 'imopenlines.bot.session.operator').map((call) => call.ok)).toEqual([false, false, true]);
    expect(chat.status).toBe('queue');
    expect(chat.messages.filter((message) => message.operatorOnly)).toHaveLength(1);
  });

  it('a job given back to the queue in the middle of its steps: the redelivery finishes them without a double reply', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const since = t.stack.simulator.lastSeq;
    const logsBefore = t.logs.length;
    setLogLevel('info'); // 'resuming outbox' is an info line
    // The transfer keeps failing past the worker's retry budget (3 s here): the job goes back
    // to the queue with its progress recorded, as a crashed worker's would, and is redelivered.
    t.stack.simulator.fail('imopenlines.bot.session.operator', { status: 500, error: 'INTERNAL_SERVER_ERROR', hangMs: 1_600, times: 3 });
    try {
      await t.say(portal, chat, 'operator');
    } finally {
      setLogLevel('warn');
    }
    const calls = t.stack.simulator.callsFor(portal.memberId, since);
    expect(calls.filter((call) => call.method === 'imbot.message.add' && call.ok)).toHaveLength(2); // card + text, once each
    expect(calls.filter((call) => call.method === 'imopenlines.bot.session.operator').map((call) => call.ok)).toEqual([false, false, false, true]);
    const logged = t.logs.slice(logsBefore).map((line) => JSON.parse(line) as { msg: string; from?: number });
    // The transfer outlasts the step's retry budget when it is sent on its own (the job goes
    // back to the queue and the redelivery resumes from step 3); sent in a shared batch of the
    // portal (issue 17), it is retried there. Either way: the card and the text once each.
    if (logged.some((entry) => entry.msg === 'job will be retried')) {
      expect(logged.find((entry) => entry.msg === 'resuming outbox')).toMatchObject({ from: 2 });
    }
    expect(replies(chat).filter((text) => text.startsWith('An operator will answer you shortly'))).toHaveLength(1);
    expect(chat.status).toBe('queue');
  }, 30_000);
});

describe('the shared REST budget', () => {
  it('a burst of 40 messages in 10 chats stays under the portal limit: no QUERY_LIMIT_EXCEEDED, every message answered once, in order', async () => {
    const portal = await t.portal();
    const chats = await Promise.all(Array.from({ length: 10 }, () => t.stack.simulator.openChat(portal)));
    await t.stack.idle();
    t.stack.simulator.setRateLimit({ perSecond: 20, burst: 10 });
    const limited = t.stack.simulator.stats.rateLimited;
    try {
      await Promise.all(
        chats.map(async (chat) => {
          for (const text of ['4', '2', '8', '1']) await t.stack.simulator.customerSays(portal, chat, text);
        }),
      );
      await t.stack.idle();
    } finally {
      t.stack.simulator.setRateLimit(undefined);
    }
    expect(t.stack.simulator.stats.rateLimited - limited).toBe(0);
    for (const chat of chats) {
      const texts = replies(chat).slice(1);
      expect(texts.map((text) => text.slice(0, 20))).toEqual(['We answer Monday to ', 'Payment and invoices', 'Hello, Ivan Petrov! ', 'Delivery and trackin']);
    }
  }, 30_000);
});
