/**
 * Replies of several chats of one portal in one shared `batch` (issue 17; lib/app/send-together.ts):
 * halt=0 across chats, at most one step per chat per request, each step marked done only
 * when its own result came back, and each refusal judged for its own chat. Real dynalite,
 * the simulator over HTTP, the worker handler fed SQS batches as the event source does.
 */
import { describe, expect, it } from 'vitest';
import { createWorkerHandler } from '../../lib/handlers/worker.js';
import type { DialogJob } from '../../lib/queue/job.js';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { sqsEvent, sqsRecord } from '../../infra/local/sqs-event.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { movableTime } from '../helpers/fake-time.js';
import { customerJob } from '../helpers/jobs.js';
import { killWorkerMidRequest } from '../helpers/kill-worker.js';
import { useStack } from '../helpers/stack.js';

const T0 = Date.now();
const businessNow = () => OFFICE_HOURS + (Date.now() - T0);
const CLAIM_MS = 2_000;
// Wall time is real (requests hang past the client's 400 ms for real), but claims are made
// to run out by moving the clock, not by waiting.
const time = movableTime();
const t = useStack({ clock: businessNow, env: { B24_TIMEOUT_MS: '400', JOB_CLAIM_MS: String(CLAIM_MS) }, time });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const job = (portal: SimPortal, chat: SimChat, text: string) => customerJob(t.stack.simulator, portal, chat, text, { receivedAt: businessNow() });

function worker() {
  const letters: { job: DialogJob; reason: string; attempts: number }[] = [];
  return {
    handle: createWorkerHandler(t.stack.deps, {
      deadLetters: { send: async (dead, reason, attempts) => void letters.push({ job: dead, reason, attempts }) },
      maxAttempts: 3,
    }),
    letters,
  };
}

async function chats(portal: SimPortal, n: number): Promise<SimChat[]> {
  const out: SimChat[] = [];
  for (let i = 0; i < n; i++) out.push(await t.chat(portal));
  return out;
}

const replies = (chat: SimChat) => t.customerView(chat).slice(1);
/** HTTP requests the portal received after `since` (batch sub-calls are not requests). */
const requests = (portal: SimPortal, since: number) => t.stack.simulator.callsFor(portal.memberId, since).filter((call) => call.batch === undefined);

describe('replies of several chats in one shared batch', () => {
  it('three chats, one request: a batch with halt=0 and one command per chat', async () => {
    const portal = await t.portal();
    const [a, b, c] = await chats(portal, 3);
    const { handle } = worker();
    const since = t.stack.simulator.lastSeq;
    const answer = await handle(sqsEvent(sqsRecord(job(portal, a!, '4')), sqsRecord(job(portal, b!, '2')), sqsRecord(job(portal, c!, '1'))));
    expect(answer.batchItemFailures).toEqual([]);
    const sent = requests(portal, since);
    expect(sent.map((call) => call.method)).toEqual(['batch']);
    expect(sent[0]!.params).toMatchObject({ halt: 0 });
    expect(Object.keys(sent[0]!.params.cmd as object)).toHaveLength(3);
    for (const chat of [a!, b!, c!]) expect(replies(chat)).toHaveLength(1);
  });

  it("one chat's refusal: the others' steps are done; the refused chat alone is judged (moved on: silent, no dead letter)", async () => {
    const portal = await t.portal();
    const [a, b, c] = await chats(portal, 3);
    const { handle, letters } = worker();
    // The first imbot.message.add in the batch (chat a's reply) is refused as after a hand-over (contract §9.1).
    t.stack.simulator.fail('imbot.message.add', { status: 400, error: 'WRONG_REQUEST', times: 1 });
    const since = t.stack.simulator.lastSeq;
    const answer = await handle(sqsEvent(sqsRecord(job(portal, a!, '4')), sqsRecord(job(portal, b!, '2')), sqsRecord(job(portal, c!, '1'))));
    t.stack.simulator.clearFaults();
    expect(answer.batchItemFailures).toEqual([]);
    expect(letters).toEqual([]);
    expect(requests(portal, since).map((call) => call.method)).toEqual(['batch']); // nothing resent
    expect(replies(a!)).toEqual([]);
    expect(replies(b!)).toHaveLength(1);
    expect(replies(c!)).toHaveLength(1);
    const dialog = await t.stack.deps.dialogs.get(
      { memberId: portal.memberId, botId: t.stack.simulator.ourBot(portal)!.id, dialogId: a!.dialogId },
      businessNow(),
    );
    expect(dialog.state?.movedOn?.reason).toBe('refused');
  });

  it('a permanent refusal of one chat dead-letters that job alone; a retryable one is retried for that chat alone', async () => {
    const portal = await t.portal();
    const [a, b, c] = await chats(portal, 3);
    const { handle, letters } = worker();
    const jobs = [job(portal, a!, '4'), job(portal, b!, '2'), job(portal, c!, '1')];
    t.stack.simulator.fail('imbot.message.add', { status: 400, error: 'BOT_ID_ERROR', times: 1 });
    t.stack.simulator.fail('imbot.message.add', { status: 503, error: 'QUERY_LIMIT_EXCEEDED', times: 1 });
    const since = t.stack.simulator.lastSeq;
    const answer = await handle(sqsEvent(...jobs.map((one) => sqsRecord(one))));
    t.stack.simulator.clearFaults();
    expect(answer.batchItemFailures).toEqual([]);
    expect(letters).toMatchObject([{ job: { jobId: jobs[0]!.jobId }, reason: expect.stringMatching(/BOT_ID_ERROR/) }]);
    expect(replies(a!)).toEqual([]);
    expect(replies(b!)).toHaveLength(1); // refused once (rate limit inside the batch), sent again alone
    expect(replies(c!)).toHaveLength(1);
    const sent = requests(portal, since);
    expect(sent.map((call) => call.method)).toEqual(['batch', 'imbot.message.add']);
  });

  it("a chat's later steps never run after its earlier step failed, though the batch does not halt", async () => {
    const portal = await t.portal();
    const [a, b] = await chats(portal, 2);
    const { handle } = worker();
    // Chat a hands over (card, text, transfer: three steps); its card fails once with a 500.
    t.stack.simulator.fail('imbot.message.add', { status: 500, error: 'INTERNAL_SERVER_ERROR', times: 1 });
    const since = t.stack.simulator.lastSeq;
    const answer = await handle(sqsEvent(sqsRecord(job(portal, a!, 'operator')), sqsRecord(job(portal, b!, '4'))));
    t.stack.simulator.clearFaults();
    expect(answer.batchItemFailures).toEqual([]);
    const calls = t.stack.simulator.callsFor(portal.memberId, since).filter((call) => call.method !== 'batch');
    const ofA = calls.filter((call) => String(call.params.DIALOG_ID ?? call.params.CHAT_ID ?? '') === a!.dialogId || Number(call.params.CHAT_ID) === a!.chatId);
    // In call order: the failed card, then (a later request) the card, the text, the transfer.
    expect(ofA.map((call) => `${call.method}${call.ok ? '' : ' ✗'}`)).toEqual([
      'imbot.message.add ✗',
      'imbot.message.add',
      'imbot.message.add',
      'imopenlines.bot.session.operator',
    ]);
    expect(a!.status).toBe('queue');
    expect(t.customerView(a!).filter((text) => text.startsWith('An operator will answer you shortly'))).toHaveLength(1);
    expect(replies(b!)).toHaveLength(1);
  });

  it('a shared batch that hangs past the timeout: retried, and nothing is doubled', async () => {
    const portal = await t.portal();
    const [a, b, c] = await chats(portal, 3);
    const { handle } = worker();
    // The portal holds the request past the bot's 400 ms and then refuses it unrun.
    t.stack.simulator.fail('batch', { status: 503, error: 'QUERY_LIMIT_EXCEEDED', hangMs: 800, times: 1 });
    const _since = t.stack.simulator.lastSeq;
    const answer = await handle(sqsEvent(sqsRecord(job(portal, a!, '4')), sqsRecord(job(portal, b!, '2')), sqsRecord(job(portal, c!, '1'))));
    t.stack.simulator.clearFaults();
    expect(answer.batchItemFailures).toEqual([]);
    for (const chat of [a!, b!, c!]) expect(replies(chat)).toHaveLength(1);
    await sleep(500); // the hung request's late answer has come and gone
    for (const chat of [a!, b!, c!]) expect(replies(chat)).toHaveLength(1);
  });

  it("a redelivery of a batch that went out sends nothing: every chat's progress was recorded", async () => {
    const portal = await t.portal();
    const [a, b] = await chats(portal, 2);
    const { handle } = worker();
    const records = [sqsRecord(job(portal, a!, '4')), sqsRecord(job(portal, b!, '2'))];
    expect((await handle(sqsEvent(...records))).batchItemFailures).toEqual([]);
    time.advance(CLAIM_MS + 100); // even after the claims have run out
    const since = t.stack.simulator.lastSeq;
    const again = records.map((record) => sqsRecord(JSON.parse(record.body) as DialogJob, 2, record.messageId));
    expect((await handle(sqsEvent(...again))).batchItemFailures).toEqual([]);
    expect(requests(portal, since)).toEqual([]);
    expect(replies(a!)).toHaveLength(1);
    expect(replies(b!)).toHaveLength(1);
  });

  it('[crash] a worker killed mid-batch: the redelivery sends only what is not done', async () => {
    const sim = t.stack.simulator;
    const portal = await t.portal();
    // The transfer runs outside batch on this portal: after the shared round (a's card + b's
    // reply) and a's text, a's transfer is a request of its own — which hangs; the worker dies.
    sim.refuseInBatch('imopenlines.bot.session.operator');
    try {
      await t.say(portal, await t.chat(portal), 'operator');
      const [a, b] = await chats(portal, 2);
      const jobs = [job(portal, a!, 'operator'), job(portal, b!, '4')];
      const since = sim.lastSeq;
      sim.fail('imopenlines.bot.session.operator', { status: 500, error: 'INTERNAL_SERVER_ERROR', hangMs: 20_000 });
      await killWorkerMidRequest(sim, t.stack.deps.config, jobs, businessNow(), CLAIM_MS);
      sim.clearFaults();
      const added = () => sim.callsFor(portal.memberId, since).filter((call) => call.method === 'imbot.message.add' && call.ok).length;
      expect(added()).toBe(3); // a's card and text, b's reply
      expect(replies(b!)).toHaveLength(1);

      time.advance(CLAIM_MS + 200); // the dead worker's claim runs out
      const { handle } = worker();
      const answer = await handle(sqsEvent(...jobs.map((one) => sqsRecord(one, 2))));
      expect(answer.batchItemFailures).toEqual([]);
      expect(added()).toBe(3); // nothing sent twice
      expect(sim.callsFor(portal.memberId, since).filter((call) => call.method === 'imopenlines.bot.session.operator' && call.ok)).toHaveLength(1);
      expect(a!.status).toBe('queue');
      expect(t.customerView(a!).filter((text) => text.startsWith('An operator will answer you shortly'))).toHaveLength(1);
      expect(a!.messages.filter((message) => message.operatorOnly)).toHaveLength(1);
      expect(replies(b!)).toHaveLength(1);
    } finally {
      sim.refuseInBatch();
    }
  }, 40_000);
});
