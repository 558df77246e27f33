/**
 * A worker process killed in the middle of a customer's hand-over (the card and the text
 * sent, the transfer on its way): the redelivery waits while the dead worker's claim
 * lasts, then sends only the transfer. The customer sees one reply; the operator one card.
 */
import { expect, it } from 'vitest';
import { createWorkerHandler } from '../../lib/handlers/worker.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { sqsEvent, sqsRecord } from '../../infra/local/sqs-event.js';
import { movableTime } from '../helpers/fake-time.js';
import { customerJob } from '../helpers/jobs.js';
import { killWorkerMidRequest } from '../helpers/kill-worker.js';
import { useStack } from '../helpers/stack.js';

const T0 = Date.now();
const businessNow = () => OFFICE_HOURS + (Date.now() - T0);
const CLAIM_MS = 2_000;
// Wall time is real (the dead worker's request hangs for real) but the claim's run-out is moved, not waited for.
const time = movableTime();
const t = useStack({ clock: businessNow, env: { JOB_CLAIM_MS: String(CLAIM_MS) }, time });

it('[defence: outbox + claim] a worker killed mid-step: the redelivery finishes the hand-over without a double reply', async () => {
  const sim = t.stack.simulator;
  const portal = await t.portal();
  // This portal runs the transfer outside batch (it refused it there once, and the bot
  // remembers): the card and the text go as one batch request, the transfer as a second.
  sim.refuseInBatch('imopenlines.bot.session.operator');
  await t.say(portal, await t.chat(portal), 'operator');
  expect((await t.stack.deps.portals.get(portal.memberId))?.batchRefused).toContain('imopenlines.bot.session.operator');

  const chat = await t.chat(portal);
  const job = customerJob(sim, portal, chat, 'operator', { receivedAt: businessNow() });
  const since = sim.lastSeq;
  sim.fail('imopenlines.bot.session.operator', { status: 500, error: 'INTERNAL_SERVER_ERROR', hangMs: 20_000 });
  await killWorkerMidRequest(sim, t.stack.deps.config, job, businessNow(), CLAIM_MS);
  const sentBeforeCrash = sim.callsFor(portal.memberId, since).filter((call) => call.method === 'imbot.message.add' && call.ok);
  expect(sentBeforeCrash).toHaveLength(2); // the card and the text

  // SQS delivers the job again. While the dead worker's claim lasts, it waits.
  const handle = createWorkerHandler(t.stack.deps, { deadLetters: { send: async () => undefined }, maxAttempts: 5 });
  const early = await handle(sqsEvent(sqsRecord(job, 2)));
  expect(early.batchItemFailures).toHaveLength(1);
  const transfers = () => sim.callsFor(portal.memberId, since).filter((call) => call.method === 'imopenlines.bot.session.operator' && call.ok);
  expect(transfers()).toHaveLength(0); // (the dead worker's request is still hanging at the portal)

  // Once the claim has run out, the next delivery sends only what is missing.
  time.advance(CLAIM_MS + 200);
  const late = await handle(sqsEvent(sqsRecord(job, 3)));
  expect(late.batchItemFailures).toEqual([]);
  const calls = sim.callsFor(portal.memberId, since);
  expect(calls.filter((call) => call.method === 'imbot.message.add' && call.ok)).toHaveLength(2);
  expect(transfers()).toHaveLength(1);
  expect(chat.status).toBe('queue');
  expect(t.customerView(chat).filter((text) => text.startsWith('An operator will answer you shortly'))).toHaveLength(1);
  expect(chat.messages.filter((message) => message.operatorOnly)).toHaveLength(1);
}, 40_000);
