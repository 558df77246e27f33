/**
 * The SQS worker handler as the Lambda event source drives it: batches of FIFO records,
 * partial batch failures reported per message, a chat's later messages handed back behind
 * a failed one (order kept), other chats unaffected, dead letters with the reason on the
 * last attempt or at once for what no retry fixes. Real dynalite, real simulator portal.
 */
import { describe, expect, it } from 'vitest';
import type { DeadLetterSink } from '../../lib/queue/dead-letter.js';
import type { DialogJob } from '../../lib/queue/job.js';
import { createWorkerHandler, retryDelaySeconds } from '../../lib/handlers/worker.js';
import { registerSecret } from '../../lib/log.js';
import { deadLetterMessage } from '../../lib/queue/dead-letter.js';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { sqsEvent, sqsRecord } from '../../infra/local/sqs-event.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { customerJob } from '../helpers/jobs.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({ clock: () => OFFICE_HOURS, env: { B24_RETRY_BUDGET_MS: '0' } });

const job = (portal: SimPortal, chat: SimChat, text: string) => customerJob(t.stack.simulator, portal, chat, text);

function worker(maxAttempts = 3, sink?: DeadLetterSink) {
  const letters: { job: DialogJob; reason: string; attempts: number }[] = [];
  const deadLetters: DeadLetterSink = sink ?? { send: async (dead, reason, attempts) => void letters.push({ job: dead, reason, attempts }) };
  return { handle: createWorkerHandler(t.stack.deps, { deadLetters, maxAttempts }), letters };
}

const replies = (chat: SimChat) =>
  t
    .customerView(chat)
    .slice(1)
    .map((text) => text.slice(0, 20));

describe('the SQS worker handler', () => {
  it('a batch across two chats: every record handled, each chat in order, no failures reported', async () => {
    const portal = await t.portal();
    const [a, b] = [await t.chat(portal), await t.chat(portal)];
    const { handle } = worker();
    const answer = await handle(
      sqsEvent(sqsRecord(job(portal, a, '4')), sqsRecord(job(portal, b, '2')), sqsRecord(job(portal, a, '2')), sqsRecord(job(portal, b, '4'))),
    );
    expect(answer.batchItemFailures).toEqual([]);
    expect(replies(a)).toEqual(['We answer Monday to ', 'Payment and invoices']);
    expect(replies(b)).toEqual(['Payment and invoices', 'Thank you for contac']); // item 4 of the payment menu
  });

  it('a failure hands back that record and everything after it in its chat, and nothing of other chats', async () => {
    const portal = await t.portal();
    const [a, b] = [await t.chat(portal), await t.chat(portal)];
    const { handle, letters } = worker();
    t.stack.simulator.fail('imbot.message.add', { status: 503, error: 'QUERY_LIMIT_EXCEEDED', times: 1 });
    const [a1, a2, b1] = [sqsRecord(job(portal, a, '4')), sqsRecord(job(portal, a, '2')), sqsRecord(job(portal, b, '2'))];
    const answer = await handle(sqsEvent(a1, a2, b1));
    t.stack.simulator.clearFaults();
    // Which of a1 and b1 met the fault depends on who got there first; whichever chat it was is handed back whole.
    const failed = answer.batchItemFailures.map((failure) => failure.itemIdentifier).sort();
    expect([[a1.messageId, a2.messageId].sort(), [b1.messageId]]).toContainEqual(failed);
    expect(letters).toEqual([]);
    // The redelivery (second receive) finishes the chat, in order, each reply once.
    const again = failed
      .map((id) => [a1, a2, b1].find((record) => record.messageId === id)!)
      .map((record) => sqsRecord(JSON.parse(record.body) as DialogJob, 2, record.messageId));
    expect((await handle(sqsEvent(...again))).batchItemFailures).toEqual([]);
    expect(replies(a)).toEqual(['We answer Monday to ', 'Payment and invoices']);
    expect(replies(b)).toEqual(['Payment and invoices']);
  });

  it('failures are counted per job, not per receive: the third failure dead-letters it with its reason and the chat goes on', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const { handle, letters } = worker(3);
    const first = job(portal, chat, '4');
    const second = job(portal, chat, '2');
    t.stack.simulator.fail('imbot.message.add', { status: 503, error: 'QUERY_LIMIT_EXCEEDED', times: 3 });
    // Receive counts run ahead of failures (records handed back unrun are received again):
    // they do not decide. Two failures: handed back, with the record behind it.
    for (const received of [4, 7]) {
      const answer = await handle(sqsEvent(sqsRecord(first, received), sqsRecord(second, received)));
      expect(answer.batchItemFailures).toHaveLength(2);
      expect(letters).toEqual([]);
    }
    const answer = await handle(sqsEvent(sqsRecord(first, 9), sqsRecord(second, 9)));
    t.stack.simulator.clearFaults();
    expect(answer.batchItemFailures).toEqual([]);
    expect(letters).toMatchObject([{ job: { jobId: first.jobId }, attempts: 3, reason: expect.stringMatching(/QUERY_LIMIT_EXCEEDED/) }]);
    expect(replies(chat)).toEqual(['Payment and invoices']);
  });

  it('handed-back records are made visible again after the backoff of their job, the rest of their chat with them', async () => {
    const portal = await t.portal();
    const [a, b] = [await t.chat(portal), await t.chat(portal)];
    const delays: { ids: string[]; seconds: number }[] = [];
    const handle = createWorkerHandler(t.stack.deps, {
      deadLetters: { send: async () => undefined },
      maxAttempts: 5,
      retryLater: async (records, seconds) => void delays.push({ ids: records.map((record) => record.messageId), seconds }),
    });
    const [a1, a2, b1] = [sqsRecord(job(portal, a, '4')), sqsRecord(job(portal, a, '2')), sqsRecord(job(portal, b, '2'))];
    t.stack.simulator.fail('imbot.message.add', { status: 500, error: 'INTERNAL_SERVER_ERROR', times: 1 });
    await handle(sqsEvent(a1, a2, b1));
    t.stack.simulator.clearFaults();
    expect(delays).toHaveLength(1);
    expect(delays[0]!.seconds).toBe(retryDelaySeconds(1));
    expect([[a1.messageId, a2.messageId], [b1.messageId]]).toContainEqual(delays[0]!.ids);
    expect([10, 20, 40, 80, 160, 300, 300]).toEqual([1, 2, 3, 4, 5, 6, 9].map(retryDelaySeconds));
  });

  it('what no retry can fix (a 4xx) is dead-lettered on the first attempt', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const { handle, letters } = worker(3);
    t.stack.simulator.fail('imbot.message.add', { status: 400, error: 'BOT_ID_ERROR', times: 1 });
    const answer = await handle(sqsEvent(sqsRecord(job(portal, chat, '4'))));
    t.stack.simulator.clearFaults();
    expect(answer.batchItemFailures).toEqual([]);
    expect(letters).toMatchObject([{ attempts: 1, reason: expect.stringMatching(/400 BOT_ID_ERROR/) }]);
  });

  it('a dead-letter queue that cannot be reached: the record is handed back, not lost', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const { handle } = worker(1, { send: async () => Promise.reject(new Error('SQS unavailable')) });
    t.stack.simulator.fail('imbot.message.add', { status: 503, error: 'QUERY_LIMIT_EXCEEDED', times: 1 });
    const record = sqsRecord(job(portal, chat, '4'));
    const answer = await handle(sqsEvent(record));
    t.stack.simulator.clearFaults();
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: record.messageId }]);
  });

  it('with too little of the invocation left, records are handed back before they start, not cut off by the timeout', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    let remaining = 70_000;
    const handle = createWorkerHandler(t.stack.deps, { deadLetters: { send: async () => undefined }, maxAttempts: 3, reserveMs: 35_000 });
    const context = { getRemainingTimeInMillis: () => (remaining -= 20_000) }; // each record seems to take 20 s
    const records = [sqsRecord(job(portal, chat, '4')), sqsRecord(job(portal, chat, '2')), sqsRecord(job(portal, chat, '1'))];
    const answer = await handle(sqsEvent(...records), context);
    expect(answer.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual([records[1]!.messageId, records[2]!.messageId]);
    expect(replies(chat)).toEqual(['We answer Monday to ']);
  });

  it('an unreadable record is logged and does not hold up the batch', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const { handle } = worker();
    const broken = { ...sqsRecord(job(portal, chat, '4')), body: '{not json' };
    const answer = await handle(sqsEvent(broken, sqsRecord(job(portal, chat, '2'))));
    expect(answer.batchItemFailures).toEqual([]);
    expect(replies(chat)).toEqual(['Payment and invoices']);
    expect(t.logs.some((line) => line.includes('unreadable job dropped'))).toBe(true);
  });

  it('a parked job carries no bot token, and its reason no secret', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const token = 'bot-token-0123456789abcdef';
    registerSecret(token);
    const message = deadLetterMessage({ ...job(portal, chat, '4'), botToken: token, botTokenExpiresAt: 1 }, `call failed with auth=${token}`, 5, 'm-1');
    expect(message.MessageBody).not.toContain(token);
    expect(JSON.parse(message.MessageBody)).not.toHaveProperty('botToken');
    expect(message.MessageAttributes.reason.StringValue).not.toContain(token);
    expect(message.MessageDeduplicationId).toBe('dl:m-1');
  });
});
