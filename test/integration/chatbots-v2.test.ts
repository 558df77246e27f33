/**
 * Chatbots 2.0 end to end (issue 15 items 1–3, 5): a portal with Chatbots 2.0 gets an
 * imbot.v2 Open Lines bot in webhook mode and is served through ONIMBOTV2* events and
 * imbot.v2.Chat.Message.send; a V1-only portal keeps its V1 bot. Real form-encoded events
 * from the simulator through the HTTP handlers, the queue and the worker into dynalite.
 */
import { describe, expect, it } from 'vitest';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { documentedBodyV2 } from '../helpers/documented.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({ env: { MENU_FILE: 'test/fixtures/menus/first-version.yaml' } });

const MAIN =
  'Hello, Ivan Petrov! How can we help?[br][send=1]1. Opening hours[/send][br][send=2]2. Quiet note[/send][br][send=3]3. Delivery[/send][br][send=0]0. Wait for an operator[/send]';

const inner = (portal: SimPortal, since: number) => t.stack.simulator.callsFor(portal.memberId, since).filter((call) => call.batch);
const botMessages = (chat: SimChat) => chat.messages.filter((message) => message.author === 'bot');

describe('install chooses the API per portal', () => {
  it('a Chatbots 2.0 portal: imbot.v2.Bot.register, openline, webhook to the events URL, no event.bind of V2 events', async () => {
    const portal = await t.portal({ api: 'v2' });
    const calls = t.stack.simulator.callsFor(portal.memberId);
    expect(calls.map((call) => call.method)).toEqual([
      'app.info',
      'imbot.v2.Revision.get',
      'imbot.v2.Bot.register',
      'event.bind',
      'event.bind',
      'imbot.app.register',
    ]);
    expect(calls[2]!.params).toEqual({
      fields: {
        code: 'itr_support',
        type: 'openline',
        isSupportOpenline: true,
        eventMode: 'webhook',
        webhookUrl: `${t.stack.url}/bitrix/events`,
        properties: { name: 'Support Bot', workPosition: 'First line support', color: 'aqua' },
      },
    });
    expect(calls.filter((call) => call.method === 'event.bind').map((call) => call.params.event)).toEqual(['OnAppUpdate', 'OnAppUninstall']);
    const bot = t.stack.simulator.ourBot(portal)!;
    expect(bot).toMatchObject({ api: 'v2', eventMode: 'webhook', webhookUrl: `${t.stack.url}/bitrix/events`, openline: true });
    expect(await t.stack.deps.portals.get(portal.memberId)).toMatchObject({ botApi: 'v2', botId: bot.id, status: 'active' });
  });

  it('a V1-only portal (Revision.get: ERROR_METHOD_NOT_FOUND) keeps its V1 bot', async () => {
    const portal = await t.portal({ api: 'v1' });
    const calls = t.stack.simulator.callsFor(portal.memberId);
    expect(calls.map((call) => [call.method, call.error ?? 'ok'])).toEqual([
      ['app.info', 'ok'],
      ['imbot.v2.Revision.get', 'ERROR_METHOD_NOT_FOUND'],
      ['imbot.register', 'ok'],
      ['event.bind', 'ok'],
      ['event.bind', 'ok'],
      ['imbot.app.register', 'ok'], // the operators' chat app: V1's method serves a V2 bot too
    ]);
    expect(await t.stack.deps.portals.get(portal.memberId)).toMatchObject({ botApi: 'v1' });
    const chat = await t.chat(portal);
    expect(t.customerView(chat)).toEqual([MAIN]);
  });

  it('re-install and ONAPPUPDATE update the V2 bot with imbot.v2.Bot.update (register would change nothing)', async () => {
    const portal = await t.portal({ api: 'v2' });
    const botId = t.stack.simulator.ourBot(portal)!.id;
    let since = t.stack.simulator.lastSeq;
    expect((await t.stack.simulator.install(portal)).status).toBe(200);
    expect(t.methods(portal, since)).toEqual(['app.info', 'imbot.v2.Bot.update', 'event.bind', 'event.bind', 'imbot.app.update']);
    expect(t.stack.simulator.callsFor(portal.memberId, since)[1]!.params).toMatchObject({
      botId,
      fields: { eventMode: 'webhook', webhookUrl: `${t.stack.url}/bitrix/events` },
    });
    since = t.stack.simulator.lastSeq;
    expect((await t.stack.simulator.update(portal, { newApplicationToken: true })).status).toBe(200);
    expect(t.methods(portal, since)).toEqual(['app.info', 'imbot.v2.Bot.update', 'event.bind', 'event.bind', 'imbot.app.update']);
    expect([...portal.bots.values()].filter((bot) => bot.ours).map((bot) => bot.id)).toEqual([botId]);
    expect(await t.stack.deps.portals.get(portal.memberId)).toMatchObject({ botApi: 'v2', botId, applicationToken: portal.applicationToken });
  });
});

describe('a V2 portal is served through ONIMBOTV2* and imbot.v2.Chat.Message.send', () => {
  it('greets on ONIMBOTV2JOINCHAT and answers each message with one request', async () => {
    const portal = await t.portal({ api: 'v2' });
    let since = t.stack.simulator.lastSeq;
    const chat = await t.chat(portal);
    expect(t.customerView(chat)).toEqual([MAIN]);
    const send = t.stack.simulator.callsFor(portal.memberId, since);
    expect(send.map((call) => call.method)).toEqual(['imbot.v2.Chat.Message.send']);
    expect(send[0]!.params).toEqual({ botId: t.stack.simulator.ourBot(portal)!.id, dialogId: chat.dialogId, fields: { message: MAIN, urlPreview: false } });
    since = t.stack.simulator.lastSeq;
    const requests = t.stack.simulator.stats.restRequests;
    await t.say(portal, chat, '1');
    expect(t.stack.simulator.stats.restRequests - requests).toBe(1);
    expect(t.methods(portal, since)).toEqual(['imbot.v2.Chat.Message.send']);
    expect(t.customerView(chat).at(-1)).toBe(`We work 9:00-18:00.[br][br]${MAIN}`);
  });

  it('queue: the texts and imopenlines.bot.session.operator (CHAT_ID) in one batch', async () => {
    const portal = await t.portal({ api: 'v2' });
    const chat = await t.chat(portal);
    await t.say(portal, chat, '3');
    const since = t.stack.simulator.lastSeq;
    await t.say(portal, chat, '2');
    expect(t.methods(portal, since)).toEqual(['batch']);
    expect(inner(portal, since).map((call) => call.method)).toEqual([
      'imbot.v2.Chat.Message.send',
      'imbot.v2.Chat.Message.send',
      'imopenlines.bot.session.operator',
    ]);
    expect(inner(portal, since)[2]!.params).toEqual({ CHAT_ID: String(chat.chatId) });
    expect(t.customerView(chat).at(-1)).toBe('Transferring you to the queue.');
    expect(chat.status).toBe('queue');
  });

  it('bot: the list in one batch (imbot.v2.Bot.list + imbot.bot.list), then imbot.v2.Chat.User.add and imbot.v2.Chat.leave', async () => {
    const portal = await t.portal({ api: 'v2' });
    const chat = await t.chat(portal);
    await t.say(portal, chat, '3');
    const since = t.stack.simulator.lastSeq;
    await t.say(portal, chat, '4');
    const calls = t.stack.simulator.callsFor(portal.memberId, since);
    expect(calls.filter((call) => !call.batch).map((call) => call.method)).toEqual(['batch', 'batch']);
    // The hand-over card (operators only: fields.skipConnector), the text, the other bot in, ours out.
    expect(calls.filter((call) => call.batch).map((call) => call.method)).toEqual([
      'imbot.v2.Bot.list',
      'imbot.bot.list',
      'imbot.v2.Chat.Message.send',
      'imbot.v2.Chat.Message.send',
      'imbot.v2.Chat.User.add',
      'imbot.v2.Chat.leave',
    ]);
    const [card] = calls.filter((call) => call.method === 'imbot.v2.Chat.Message.send');
    expect(card!.params).toMatchObject({ fields: { skipConnector: 'Y', urlPreview: 'N' } });
    expect(chat.messages.filter((message) => message.operatorOnly)).toHaveLength(1);
    const add = calls.find((call) => call.method === 'imbot.v2.Chat.User.add')!;
    expect(add.params).toMatchObject({ dialogId: chat.dialogId, userIds: { 0: '90' } });
    expect(chat.members.has(90)).toBe(true);
    expect(chat.members.has(t.stack.simulator.ourBot(portal)!.id)).toBe(false);
    expect(t.customerView(chat).at(-1)).toBe('Meet the tracking bot.');
  });

  it('a duplicate ONIMBOTV2MESSAGEADD (same data[message][id]) is answered once', async () => {
    const portal = await t.portal({ api: 'v2' });
    const chat = await t.chat(portal);
    const first = await t.stack.simulator.customerSays(portal, chat, '1');
    await t.stack.idle();
    const answered = botMessages(chat).length;
    const again = await t.stack.simulator.customerSays(portal, chat, '1', { messageId: first.messageId });
    await t.stack.idle();
    expect(again.status).toBe(200);
    expect(botMessages(chat)).toHaveLength(answered);
  });

  it("a forged top-level application_token gets 401 and no REST call (the bot block's token is not the proof)", async () => {
    const portal = await t.portal({ api: 'v2' });
    const chat = await t.chat(portal);
    const since = t.stack.simulator.lastSeq;
    const real = portal.applicationToken;
    portal.applicationToken = 'f'.repeat(32);
    const answer = await t.say(portal, chat, '1');
    portal.applicationToken = real;
    expect(answer.status).toBe(401);
    expect(t.stack.simulator.callsFor(portal.memberId, since)).toEqual([]);
  });

  it("an operator's message (user connector 0) silences the bot for the session", async () => {
    const portal = await t.portal({ api: 'v2' });
    const chat = await t.chat(portal);
    const answered = botMessages(chat).length;
    const answer = await t.stack.simulator.operatorSays(portal, chat, 'Hello, I am Olga.');
    await t.stack.idle();
    expect(answer.status).toBe(200);
    const since = t.stack.simulator.lastSeq;
    await t.say(portal, chat, '1');
    expect(botMessages(chat)).toHaveLength(answered);
    expect(t.stack.simulator.callsFor(portal.memberId, since)).toEqual([]);
    await t.stack.simulator.newSession(portal, chat);
    await t.stack.idle();
    expect(t.customerView(chat).at(-1)).toBe(MAIN);
  });

  it('a reply refused with ACCESS_DENIED (the bot is no longer in the chat) is "moved on": no retry, no dead letter', async () => {
    const portal = await t.portal({ api: 'v2' });
    const chat = await t.chat(portal);
    const bot = t.stack.simulator.ourBot(portal)!;
    const deadLetters = t.stack.queue.deadLetters.length;
    t.stack.simulator.fail('imbot.v2.Chat.Message.send', { status: 403, error: 'ACCESS_DENIED' });
    await t.say(portal, chat, '1');
    t.stack.simulator.clearFaults();
    expect(t.stack.queue.deadLetters.length).toBe(deadLetters);
    const state = (await t.stack.deps.dialogs.get({ memberId: portal.memberId, botId: bot.id, dialogId: chat.dialogId }, Date.now())).state;
    expect(state).toMatchObject({ status: 'transferred', movedOn: { reason: 'refused' } });
  });
});

describe("a V2 bot's end", () => {
  it('ONIMBOTV2DELETE for our bot removes the portal; its later events are refused', async () => {
    const portal = await t.portal({ api: 'v2' });
    const chat = await t.chat(portal);
    const [botDelete, uninstall] = await t.stack.simulator.uninstall(portal);
    expect(botDelete!.status).toBe(200);
    expect(botDelete!.text.trim()).toBe('bot-deleted');
    expect(uninstall!.status).toBe(401); // the portal is already gone: nothing left to prove it against
    expect(await t.stack.deps.portals.get(portal.memberId)).toBeUndefined();
    expect(chat.messages.length).toBeGreaterThan(0);
  });

  it('ONAPPUNINSTALL alone removes the portal', async () => {
    const portal = await t.portal({ api: 'v2' });
    const results = await t.stack.simulator.uninstall(portal, { botDelete: false });
    expect(results.map((result) => result.status)).toEqual([200]);
    expect(await t.stack.deps.portals.get(portal.memberId)).toBeUndefined();
  });
});

describe('the documented V2 webhook bodies (test/fixtures/bitrix/onimbotv2*)', () => {
  async function setUp() {
    const portal = await t.portal({ api: 'v2' });
    const chat = await t.chat(portal);
    const botId = t.stack.simulator.ourBot(portal)!.id;
    const post = async (name: string, changes: Record<string, string | undefined> = {}) => {
      const answer = await t.stack.simulator.postRaw(`${t.stack.url}/bitrix/events`, documentedBodyV2(name, portal, botId, chat, changes), portal);
      await t.stack.idle();
      return answer.status;
    };
    return { portal, chat, botId, post };
  }

  it('ONIMBOTV2JOINCHAT and ONIMBOTV2MESSAGEADD as documented are answered with imbot.v2.Chat.Message.send', async () => {
    const { portal, chat, post } = await setUp();
    const since = t.stack.simulator.lastSeq;
    expect(await post('onimbotv2joinchat')).toBe(200);
    expect(await post('onimbotv2messageadd', { 'data[message][text]': '1' })).toBe(200);
    expect(t.methods(portal, since)).toEqual(['imbot.v2.Chat.Message.send', 'imbot.v2.Chat.Message.send']);
    expect(t.customerView(chat).at(-1)).toBe(`We work 9:00-18:00.[br][br]${MAIN}`);
  });

  it('the documented operator message silences the bot; MESSAGEUPDATE is accepted and changes nothing', async () => {
    const { portal, chat, post } = await setUp();
    const answered = botMessages(chat).length;
    expect(await post('onimbotv2messageupdate')).toBe(200);
    expect(await post('onimbotv2messageadd-operator')).toBe(200);
    const since = t.stack.simulator.lastSeq;
    await t.say(portal, chat, '1');
    expect(botMessages(chat)).toHaveLength(answered);
    expect(t.stack.simulator.callsFor(portal.memberId, since)).toEqual([]);
  });

  it.each(['onimbotv2joinchat', 'onimbotv2messageadd', 'onimbotv2messageadd-operator', 'onimbotv2messageupdate', 'onimbotv2delete'])(
    "%s with another top-level application token (the bot block's still right): 401 and nothing done",
    async (name) => {
      const { portal, post } = await setUp();
      const since = t.stack.simulator.lastSeq;
      expect(await post(name, { 'auth[application_token]': 'f'.repeat(32) })).toBe(401);
      expect(t.stack.simulator.callsFor(portal.memberId, since)).toEqual([]);
      expect((await t.stack.deps.portals.get(portal.memberId))?.status).toBe('active');
    },
  );

  it('ONIMBOTV2DELETE as documented removes the portal', async () => {
    const { portal, post } = await setUp();
    expect(await post('onimbotv2delete')).toBe(200);
    expect(await t.stack.deps.portals.get(portal.memberId)).toBeUndefined();
  });
});
