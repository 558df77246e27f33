/**
 * The bot steps aside when the line moves on without it (contract §9.1; issue "Real
 * Bitrix24" item 1): an operator's message, the line's own bot time (WELCOME_BOT_TIME)
 * or a session call refused as "the dialog has moved on" end the bot's turn for the rest
 * of that session — nothing sent, no session call, no retry, no dead letter. A new
 * session starts it afresh. Everything goes through the HTTP handlers, the local queue
 * and dynalite against the simulated portal.
 */
import { describe, expect, it } from 'vitest';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { setLogLevel } from '../../lib/log.js';
import { documentedBody } from '../helpers/documented.js';
import { useStack } from '../helpers/stack.js';

let now = OFFICE_HOURS;
const t = useStack({ clock: () => now });

const botMessages = (chat: SimChat) => chat.messages.filter((message) => message.author === 'bot');

async function stateOf(portal: SimPortal, chat: SimChat) {
  const botId = t.stack.simulator.ourBot(portal)!.id;
  return (await t.stack.deps.dialogs.get({ memberId: portal.memberId, botId, dialogId: chat.dialogId }, now)).state;
}

describe('an operator writes in the chat', () => {
  it('the bot answers nothing more in that session and makes no session call; a new session starts it afresh', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const answered = botMessages(chat).length;
    await t.stack.simulator.operatorSays(portal, chat, 'Hello, I am Olga. How can I help?');
    await t.stack.idle();
    expect(await stateOf(portal, chat)).toMatchObject({ status: 'transferred', movedOn: { reason: 'operator' } });

    const since = t.stack.simulator.lastSeq;
    await t.say(portal, chat, '1');
    await t.say(portal, chat, 'operator please');
    expect(botMessages(chat)).toHaveLength(answered);
    expect(t.stack.simulator.callsFor(portal.memberId, since)).toEqual([]);
    expect(t.logs.some((line) => line.includes('Hello, I am Olga'))).toBe(false); // the operator's words are not kept

    await t.stack.simulator.newSession(portal, chat);
    await t.stack.idle();
    expect(botMessages(chat)).toHaveLength(answered + 1);
    expect(botMessages(chat).at(-1)!.text).toMatch(/^Hello, Ivan Petrov!/);
  });

  it("the documented operator message (IS_CONNECTOR=N) is queued in the chat's order and silences the bot", async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const bot = t.stack.simulator.ourBot(portal)!;
    const answered = botMessages(chat).length;
    // The doc example, pointed at this portal, bot and chat.
    const body = documentedBody('onimbotmessageadd-operator', portal, bot.id, chat);
    const answer = await t.stack.simulator.postRaw(`${t.stack.url}/bitrix/events`, body, portal);
    expect(answer.status).toBe(200);
    await t.stack.idle();
    await t.say(portal, chat, '1');
    expect(botMessages(chat)).toHaveLength(answered);
  });

  it("a system message or the bot's own message does not silence it", async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const bot = t.stack.simulator.ourBot(portal)!;
    const noUser = Object.fromEntries(
      ['ID', 'NAME', 'FIRST_NAME', 'LAST_NAME', 'WORK_POSITION', 'GENDER', 'IS_BOT', 'IS_CONNECTOR', 'IS_NETWORK', 'IS_EXTRANET'].map((key) => [
        `data[USER][${key}]`,
        undefined,
      ]),
    );
    const post = (changes: Record<string, string | undefined>) =>
      t.stack.simulator.postRaw(`${t.stack.url}/bitrix/events`, documentedBody('onimbotmessageadd-operator', portal, bot.id, chat, changes), portal);
    // The platform's own note (FROM_USER_ID=0, SYSTEM=Y, no data[USER]) and our bot's echo.
    expect(
      (
        await post({
          ...noUser,
          'data[PARAMS][SYSTEM]': 'Y',
          'data[PARAMS][FROM_USER_ID]': '0',
          'data[PARAMS][AUTHOR_ID]': '0',
          'data[PARAMS][MESSAGE_ID]': '91001',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await post({
          'data[PARAMS][FROM_USER_ID]': String(bot.id),
          'data[PARAMS][AUTHOR_ID]': String(bot.id),
          'data[USER][ID]': String(bot.id),
          'data[USER][IS_BOT]': 'Y',
          'data[USER][IS_CONNECTOR]': 'N',
          'data[PARAMS][MESSAGE_ID]': '91002',
        })
      ).status,
    ).toBe(200);
    await t.stack.idle();
    await t.say(portal, chat, '4');
    expect(botMessages(chat).at(-1)!.text).toMatch(/^We answer Monday/);
  });
});

describe('the platform moves the chat on (the simulated line, as documented)', () => {
  it('the line\'s timeout moves the chat to the queue and an operator greets: the customer\'s "1" gets no bot reply and no session call', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const answered = botMessages(chat).length;
    expect(t.stack.simulator.lineTimeout(portal, chat)).toBe(true);
    await t.stack.simulator.operatorTakes(portal, chat, { text: 'Good morning, Olga here.' });
    await t.stack.idle();
    const since = t.stack.simulator.lastSeq;
    await t.say(portal, chat, '1');
    expect(botMessages(chat)).toHaveLength(answered);
    expect(t.stack.simulator.callsFor(portal.memberId, since)).toEqual([]);
    expect(chat.status).toBe('operator');
  });

  it("the customer's 0 hands over through the platform; an operator's later message changes nothing more", async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    await t.say(portal, chat, '0');
    expect(chat.status).toBe('queue');
    const answered = botMessages(chat).length;
    await t.stack.simulator.operatorTakes(portal, chat, { text: 'Hi, Olga here.' });
    await t.stack.idle();
    await t.say(portal, chat, '1');
    expect(botMessages(chat)).toHaveLength(answered);
  });
});

describe("the line's own bot time (WELCOME_BOT_TIME)", () => {
  it('after it ran out the bot is silent in that session, whether or not an operator wrote', async () => {
    const portal = await t.portal();
    portal.lines.get(1)!.WELCOME_BOT_TIME = '180';
    const chat = await t.chat(portal);
    await t.say(portal, chat, '2'); // within the time: answered
    expect(botMessages(chat).at(-1)!.text).toMatch(/^Payment and invoices/);
    const answered = botMessages(chat).length;
    now = OFFICE_HOURS + 181_000;
    try {
      const since = t.stack.simulator.lastSeq;
      await t.say(portal, chat, '1');
      expect(botMessages(chat)).toHaveLength(answered);
      // Only the line's settings were read (once, with the installer's token): no reply, no session call.
      expect(t.methods(portal, since)).toEqual(['imopenlines.config.get']);
      expect(await stateOf(portal, chat)).toMatchObject({ status: 'transferred', movedOn: { reason: 'line-timeout' } });
    } finally {
      now = OFFICE_HOURS;
    }
  });

  it('0 (never) leaves the chat with the bot however long it takes', async () => {
    const portal = await t.portal();
    portal.lines.get(1)!.WELCOME_BOT_TIME = '0';
    const chat = await t.chat(portal);
    now = OFFICE_HOURS + 3_600_000;
    try {
      await t.say(portal, chat, '4');
      expect(botMessages(chat).at(-1)!.text).toMatch(/^We answer Monday/);
    } finally {
      now = OFFICE_HOURS;
    }
  });
});

describe('a call refused because the dialog has moved on', () => {
  it.each([
    ['WRONG_CHAT on the hand-over', 'imopenlines.bot.session.operator', 'WRONG_CHAT', 'Operator is not a bot'],
    ['ACCESS_ERROR on the reply', 'imbot.message.add', 'ACCESS_ERROR', 'Access denied'],
    ['"Message isn\'t added"', 'imbot.message.add', 'WRONG_REQUEST', "Message isn't added"],
  ])('%s: tried once, no dead letter, silent afterwards', async (_name, method, error) => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const since = t.stack.simulator.lastSeq;
    t.stack.simulator.fail(method, { status: 400, error, times: 1 });
    setLogLevel('info');
    try {
      await t.say(portal, chat, 'operator');
    } finally {
      setLogLevel('warn');
      t.stack.simulator.clearFaults();
    }
    const tried = t.stack.simulator.callsFor(portal.memberId, since).filter((call) => call.method === method);
    expect(tried).toHaveLength(1);
    expect(t.stack.queue.deadLetters.filter((letter) => letter.job.dialogId === chat.dialogId)).toEqual([]);
    expect(await stateOf(portal, chat)).toMatchObject({ status: 'transferred', movedOn: { reason: 'refused' } });
    expect(t.logs.some((line) => line.includes('"level":"info"') && line.includes('moved on') && line.includes(error))).toBe(true);

    const after = t.stack.simulator.lastSeq;
    await t.say(portal, chat, '1');
    expect(t.stack.simulator.callsFor(portal.memberId, after)).toEqual([]);
  });
});
