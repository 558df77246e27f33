/**
 * Across workers (issue 17; lib/app/wait-together.ts, lib/app/waiting-room.ts): when the
 * portal's bucket is full, chats held by different worker invocations wait in the
 * portal's waiting room in DynamoDB, and whoever gets the next slot sends the next step of
 * all of them in one batch — each chat still judged on its own. Real dynalite, the
 * simulator over HTTP, separate worker handlers as separate Lambda invocations.
 */
import { describe, expect, it } from 'vitest';
import { createWorkerHandler } from '../../lib/handlers/worker.js';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { sqsEvent, sqsRecord } from '../../infra/local/sqs-event.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { fakeTime } from '../helpers/fake-time.js';
import { customerJob } from '../helpers/jobs.js';
import { useStack } from '../helpers/stack.js';

const RATE = { perSecond: 2, burst: 2 };
// The budget's waits, the room's polling and the portal's bucket are our own code: on the
// fake clock the 2/s pacing takes no real time.
const t = useStack({
  clock: () => OFFICE_HOURS,
  env: { B24_RATE_PER_SECOND: String(RATE.perSecond), B24_RATE_BURST: String(RATE.burst) },
  time: fakeTime(Date.now()),
});

const job = (portal: SimPortal, chat: SimChat, text: string) => customerJob(t.stack.simulator, portal, chat, text);
const replies = (chat: SimChat) => t.customerView(chat).slice(1);
const worker = () => createWorkerHandler(t.stack.deps, { deadLetters: { send: async () => undefined }, maxAttempts: 3 });

/** Spends the portal's bucket, as other workers (or other apps) would have. */
async function fillBucket(portal: SimPortal) {
  while ((await t.stack.deps.budget.tryTake!(portal.memberId, RATE)) !== 'full');
}

async function chats(portal: SimPortal, n: number): Promise<SimChat[]> {
  const out: SimChat[] = [];
  for (let i = 0; i < n; i++) out.push(await t.chat(portal));
  return out;
}

describe("the waiting room: chats of several workers share the portal's next request", () => {
  it('four invocations, one chat each, a full bucket: fewer requests than chats, each reply once', async () => {
    const portal = await t.portal();
    const four = await chats(portal, 4);
    await fillBucket(portal);
    const since = t.stack.simulator.lastSeq;
    const answers = await Promise.all(four.map((chat) => worker()(sqsEvent(sqsRecord(job(portal, chat, '4'))))));
    expect(answers.flatMap((answer) => answer.batchItemFailures)).toEqual([]);
    for (const chat of four) expect(replies(chat)).toHaveLength(1);
    const requests = t.stack.simulator.callsFor(portal.memberId, since).filter((call) => call.batch === undefined);
    expect(requests.length).toBeLessThan(4);
    expect(requests.some((call) => call.method === 'batch' && call.params.halt === 0 && Object.keys(call.params.cmd as object).length >= 2)).toBe(true);
    // The room is empty again.
    expect(await t.stack.deps.budget.room!.take(portal.memberId, 50, t.stack.deps.time.now())).toEqual([]);
  });

  it("one waiting chat's refusal is that chat's: the others are answered, the refused one is silenced, nothing resent", async () => {
    const portal = await t.portal();
    const three = await chats(portal, 3);
    await fillBucket(portal);
    t.stack.simulator.fail('imbot.message.add', { status: 400, error: 'WRONG_REQUEST', times: 1 });
    const since = t.stack.simulator.lastSeq;
    const answers = await Promise.all(three.map((chat) => worker()(sqsEvent(sqsRecord(job(portal, chat, '4'))))));
    t.stack.simulator.clearFaults();
    expect(answers.flatMap((answer) => answer.batchItemFailures)).toEqual([]);
    const added = t.stack.simulator.callsFor(portal.memberId, since).filter((call) => call.method === 'imbot.message.add');
    expect(added.filter((call) => !call.ok)).toHaveLength(1);
    expect(added.filter((call) => call.ok)).toHaveLength(2);
    expect(three.map((chat) => replies(chat).length).sort()).toEqual([0, 1, 1]);
  });

  it('a hand-over (three steps) waits step by step: in order, each once', async () => {
    const portal = await t.portal();
    const [a, b] = await chats(portal, 2);
    await fillBucket(portal);
    const since = t.stack.simulator.lastSeq;
    const answers = await Promise.all([worker()(sqsEvent(sqsRecord(job(portal, a!, 'operator')))), worker()(sqsEvent(sqsRecord(job(portal, b!, '4'))))]);
    expect(answers.flatMap((answer) => answer.batchItemFailures)).toEqual([]);
    const ofA = t.stack.simulator
      .callsFor(portal.memberId, since)
      .filter((call) => call.method !== 'batch' && (call.params.DIALOG_ID === a!.dialogId || Number(call.params.CHAT_ID) === a!.chatId));
    expect(ofA.map((call) => call.method)).toEqual(['imbot.message.add', 'imbot.message.add', 'imopenlines.bot.session.operator']);
    expect(a!.status).toBe('queue');
    expect(replies(b!)).toHaveLength(1);
  });
});
