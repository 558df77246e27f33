/**
 * What one customer message costs, counted on the wire: HTTP requests at the simulated
 * portal and DynamoDB round trips through an SDK middleware. Target (issue 6): exactly
 * one request to Bitrix24 per message for every action type (lookups that don't change
 * per message are cached), at most two DynamoDB round trips per message on a warm path.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { processDialogJob } from '../../lib/app/process-dialog.js';
import { ACTION_SCENARIOS, OFFICE_HOURS, UNPACED } from '../../infra/bench/scenarios.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({ clock: () => OFFICE_HOURS + (Date.now() % 1_000_000), env: { MENU_FILE: 'menus/example.yaml', ...UNPACED } });

let portal: SimPortal;
beforeAll(async () => {
  portal = await t.portal();
  // Warm the caches a long-running instance has: the portal record and the bot list.
  const warm = await t.chat(portal);
  await t.say(portal, warm, '1');
  await t.say(portal, warm, '1');
});

/** DynamoDB round trips of the state path; the REST budget's take runs alongside the read and is counted apart. */
const dbTotal = () => Object.entries(t.stack.dbCalls).reduce((sum, [kind, n]) => (kind === 'budget' ? sum : sum + n), 0);
const budgetTakes = () => t.stack.dbCalls.budget ?? 0;

/** Sends `text` and returns what that one message cost. */
async function cost(chat: SimChat, text: string) {
  const rest = t.stack.simulator.stats.restRequests;
  const db = dbTotal();
  const budget = budgetTakes();
  await t.say(portal, chat, text);
  return { rest: t.stack.simulator.stats.restRequests - rest, db: dbTotal() - db, budget: budgetTakes() - budget };
}

async function chatAt(...path: string[]) {
  const chat = await t.chat(portal);
  for (const text of path) await t.say(portal, chat, text);
  return chat;
}

describe('one message, one request to Bitrix24, two DynamoDB round trips', () => {
  it.each(ACTION_SCENARIOS.map((scenario) => [scenario.name, scenario.path, scenario.text] as const))('%s', async (_name, path, text) => {
    const chat = await chatAt(...path);
    const { rest, db, budget } = await cost(chat, text);
    expect({ rest, db }).toEqual({ rest: 1, db: 2 });
    expect(budget).toBeLessThanOrEqual(1); // a busy instance reserves slots in chunks
  });

  it('join (a new session): one request', async () => {
    const chat = await chatAt('1');
    const rest = t.stack.simulator.stats.restRequests;
    const db = dbTotal();
    await t.stack.simulator.newSession(portal, chat);
    await t.stack.idle();
    expect({ rest: t.stack.simulator.stats.restRequests - rest, db: dbTotal() - db }).toEqual({ rest: 1, db: 2 });
  });

  it('a message after the hand-over: no request, and the dialog still records it', async () => {
    const chat = await chatAt('operator');
    expect(await cost(chat, 'hello?')).toMatchObject({ rest: 0, db: 2 });
  });

  it("a late duplicate delivery (past the queue's de-duplication): no request, one read", async () => {
    const chat = await chatAt();
    const first = await t.stack.simulator.customerSays(portal, chat, '4');
    await t.stack.idle();
    const rest = t.stack.simulator.stats.restRequests;
    const db = dbTotal();
    const outcome = await processDialogJob(t.stack.deps, {
      jobId: 'late-redelivery',
      memberId: portal.memberId,
      botId: t.stack.simulator.ourBot(portal)!.id,
      dialogId: chat.dialogId,
      chatId: chat.chatId,
      kind: 'message',
      eventId: `m${first.messageId}`,
      text: '4',
      receivedAt: Date.now(),
    });
    expect(outcome).toBe('duplicate');
    expect({ rest: t.stack.simulator.stats.restRequests - rest, db: dbTotal() - db }).toEqual({ rest: 0, db: 1 });
  });

  it('a portal that refuses a method inside batch: sent on its own from then on, and remembered', async () => {
    const other = await t.portal();
    const warm = await t.chat(other);
    await t.say(other, warm, '1');
    t.stack.simulator.refuseInBatch('imopenlines.bot.session.operator');
    try {
      const chat = await t.chat(other);
      const before = t.stack.simulator.stats.restRequests;
      await t.say(other, chat, 'operator');
      expect(t.stack.simulator.stats.restRequests - before).toBe(2); // the batch (card + text), then the transfer alone
      expect(chat.status).toBe('queue');
      expect((await t.stack.deps.portals.get(other.memberId))!.batchRefused).toEqual(['imopenlines.bot.session.operator']);
      const next = await t.chat(other);
      const since = t.stack.simulator.lastSeq;
      await t.say(other, next, 'operator');
      const calls = t.stack.simulator.callsFor(other.memberId, since);
      expect(calls.filter((call) => call.method === 'imopenlines.bot.session.operator' && !call.batch)).toHaveLength(1);
      expect(calls.filter((call) => call.method === 'imopenlines.bot.session.operator' && call.batch)).toHaveLength(0);
    } finally {
      t.stack.simulator.refuseInBatch();
    }
  });
});

describe('the same on a Chatbots 2.0 portal: one request (imbot.v2.Chat.Message.send in the batch), two round trips', () => {
  let v2: SimPortal;
  beforeAll(async () => {
    v2 = await t.portal({ api: 'v2' });
    const warm = await t.chat(v2);
    await t.say(v2, warm, '1');
    await t.say(v2, warm, '1');
  });

  it.each(ACTION_SCENARIOS.map((scenario) => [scenario.name, scenario.path, scenario.text] as const))('%s', async (_name, path, text) => {
    const chat = await t.chat(v2);
    for (const step of path) await t.say(v2, chat, step);
    const rest = t.stack.simulator.stats.restRequests;
    const db = dbTotal();
    const since = t.stack.simulator.lastSeq;
    await t.say(v2, chat, text);
    expect({ rest: t.stack.simulator.stats.restRequests - rest, db: dbTotal() - db }).toEqual({ rest: 1, db: 2 });
    expect(t.stack.simulator.callsFor(v2.memberId, since).some((call) => call.method.startsWith('imbot.') && !call.method.startsWith('imbot.v2.'))).toBe(false);
  });
});
