/**
 * The ITR bot end to end: real form-encoded events from the simulator go through the
 * HTTP handlers, the queue and the worker into dynalite, and the bot's REST calls
 * land on the simulated portal. Menu: the first-version example of issue 2.
 */
import { describe, expect, it } from 'vitest';
import { useStack } from '../helpers/stack.js';

const t = useStack({ env: { MENU_FILE: 'test/fixtures/menus/first-version.yaml' } });

const MAIN =
  'Hello, Ivan Petrov! How can we help?[br][send=1]1. Opening hours[/send][br][send=2]2. Quiet note[/send][br][send=3]3. Delivery[/send][br][send=0]0. Wait for an operator[/send]';
const DELIVERY =
  'Delivery questions[br][send=2]2. Operator queue[/send][br][send=3]3. Our courier manager[/send][br][send=4]4. Tracking bot[/send][br][send=5]5. That is all[/send][br][send=9]9. Back[/send]';

describe('install', () => {
  it('registers one Open Lines bot with the menu file profile and binds OnAppUpdate', async () => {
    const portal = await t.portal();
    const calls = t.stack.simulator.callsFor(portal.memberId);
    // A V1-only portal: imbot.v2.Revision.get answers ERROR_METHOD_NOT_FOUND, so the V1 bot (lib/app/bot-v2.ts).
    expect(calls.map((call) => call.method)).toEqual(['app.info', 'imbot.v2.Revision.get', 'imbot.register', 'event.bind', 'event.bind', 'imbot.app.register']);
    const register = calls[2]!.params;
    const handler = `${t.stack.url}/bitrix/events`;
    expect(register).toMatchObject({
      CODE: 'itr_support',
      TYPE: 'O',
      OPENLINE: 'Y',
      EVENT_MESSAGE_ADD: handler,
      EVENT_WELCOME_MESSAGE: handler,
      EVENT_BOT_DELETE: handler,
      PROPERTIES: { NAME: 'Support Bot', WORK_POSITION: 'First line support', COLOR: 'AQUA' },
    });
    expect(calls[3]!.params).toEqual({ event: 'OnAppUpdate', handler });
    const stored = await t.stack.deps.portals.get(portal.memberId);
    expect(stored).toMatchObject({
      memberId: portal.memberId,
      domain: portal.domain,
      clientEndpoint: portal.clientEndpoint,
      serverEndpoint: portal.serverEndpoint,
      applicationToken: portal.applicationToken,
      refreshToken: portal.refreshToken,
      botId: t.stack.simulator.ourBot(portal)!.id,
      language: 'en',
      scope: 'imbot,imopenlines',
      status: 'active',
    });
    expect(stored!.accessToken).toMatch(/^[0-9a-f]{32}$/);
    expect(stored!.tokenExpiresAt).toBeGreaterThan(Date.now() / 1000);
  });

  it('re-install updates the same bot instead of registering a second one', async () => {
    const portal = await t.portal();
    const botId = t.stack.simulator.ourBot(portal)!.id;
    const since = t.stack.simulator.lastSeq;
    const answer = await t.stack.simulator.install(portal);
    expect(answer.status).toBe(200);
    expect(t.methods(portal, since)).toEqual(['app.info', 'imbot.update', 'event.bind', 'event.bind', 'imbot.app.update']);
    expect([...portal.bots.values()].filter((bot) => bot.ours).map((bot) => bot.id)).toEqual([botId]);
    expect((await t.stack.deps.portals.get(portal.memberId))!.botId).toBe(botId);
  });

  it('the install page registers the bot the same way and answers a page that calls BX24.installFinish()', async () => {
    // The page builds the endpoint from DOMAIN (https://DOMAIN/rest/): a portal with its own host.
    const portal = await t.portal({ install: false, host: '127.0.0.1' });
    const answer = await t.stack.simulator.install(portal, { via: 'page' });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('BX24.installFinish()');
    expect(t.methods(portal)).toEqual(['app.info', 'imbot.v2.Revision.get', 'imbot.register', 'event.bind', 'event.bind', 'imbot.app.register']);
    expect((await t.stack.deps.portals.get(portal.memberId))!.refreshToken).toBe(portal.refreshToken);
  });

  it('accepts a stray ONAPPINSTALL on the events URL', async () => {
    const portal = await t.portal({ install: false });
    const answer = await t.stack.simulator.install(portal, { url: `${t.stack.url}/bitrix/events` });
    expect(answer).toMatchObject({ status: 200, text: 'installed\n' });
    expect(await t.stack.deps.portals.get(portal.memberId)).toBeDefined();
  });
});

describe('the menu', () => {
  it('greets the customer by name with the start menu when the line adds the bot', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    expect(t.customerView(chat)).toEqual([MAIN]);
  });

  it('opens a submenu, answers text with and without the menu, and goes back', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    await t.say(portal, chat, '1');
    await t.say(portal, chat, '2');
    await t.say(portal, chat, '3');
    await t.say(portal, chat, '9');
    expect(t.customerView(chat).slice(1)).toEqual([`We work 9:00-18:00.[br][br]${MAIN}`, 'Noted.', DELIVERY, MAIN]);
  });

  it('chooses by the first word after BB-codes are stripped', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    await t.say(portal, chat, '[b]3[/b] please');
    expect(t.customerView(chat).at(-1)).toBe(DELIVERY);
  });

  it('answers unknown input with the unknown text and the current menu again', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    await t.say(portal, chat, '3');
    await t.say(portal, chat, '7');
    expect(t.customerView(chat).at(-1)).toBe(`Sorry, I did not understand. Please choose an item.[br][br]${DELIVERY}`);
  });

  it('each item costs one REST request: the answer and the next menu are one message', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const since = t.stack.simulator.lastSeq;
    await t.say(portal, chat, '1');
    expect(t.methods(portal, since)).toEqual(['imbot.message.add']);
  });
});

describe('hand-over actions', () => {
  async function inDelivery() {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    await t.say(portal, chat, '3');
    return { portal, chat, since: t.stack.simulator.lastSeq };
  }

  it('queue: text, then imopenlines.bot.session.operator with the numeric chat id, in one batch', async () => {
    const { portal, chat, since } = await inDelivery();
    await t.say(portal, chat, '2');
    expect(t.methods(portal, since)).toEqual(['batch']);
    const inner = t.stack.simulator.callsFor(portal.memberId, since).filter((call) => call.batch);
    expect(inner.map((call) => call.method)).toEqual(['imbot.message.add', 'imbot.message.add', 'imopenlines.bot.session.operator']);
    expect(inner[2]!.params).toEqual({ CHAT_ID: String(chat.chatId) });
    expect(t.customerView(chat).at(-1)).toBe('Transferring you to the queue.');
    expect(chat.status).toBe('queue');
  });

  it('user: imopenlines.bot.session.transfer with USER_ID and LEAVE', async () => {
    const { portal, chat, since } = await inDelivery();
    await t.say(portal, chat, '3');
    const transfer = t.stack.simulator.callsFor(portal.memberId, since).find((call) => call.method === 'imopenlines.bot.session.transfer');
    expect(transfer!.params).toEqual({ CHAT_ID: String(chat.chatId), USER_ID: '12', LEAVE: 'N' });
    expect(chat).toMatchObject({ status: 'operator', holder: 12 });
    expect(t.customerView(chat).at(-1)).toBe('Transferring you.');
  });

  it('bot: finds the Open Lines bot by code, adds it and leaves', async () => {
    const { portal, chat, since } = await inDelivery();
    await t.say(portal, chat, '4');
    const methods = t.stack.simulator.callsFor(portal.memberId, since).map((call) => call.method);
    expect(methods).toContain('imbot.bot.list');
    const add = t.stack.simulator.callsFor(portal.memberId, since).find((call) => call.method === 'imbot.chat.user.add');
    expect(add!.params).toMatchObject({ CHAT_ID: String(chat.chatId), USERS: { 0: '90' } });
    expect(methods.indexOf('imbot.chat.leave')).toBeGreaterThan(methods.indexOf('imbot.chat.user.add'));
    expect(chat.members.has(t.stack.simulator.ourBot(portal)!.id)).toBe(false);
    expect(t.customerView(chat).at(-1)).toBe('Meet the tracking bot.');
  });

  it('bot: when no Open Lines bot has the code, sends errorText and the menu again', async () => {
    const portal = await t.portal();
    portal.bots.delete(90); // the tracker bot is gone from this portal
    const chat = await t.chat(portal);
    await t.say(portal, chat, '3');
    await t.say(portal, chat, '4');
    expect(t.customerView(chat).at(-1)).toBe(`The tracking bot is unavailable.[br][br]${DELIVERY}`);
    expect(chat.status).toBe('bot');
  });

  it('finish: text, then imopenlines.bot.session.finish', async () => {
    const { portal, chat, since } = await inDelivery();
    await t.say(portal, chat, '5');
    expect(t.stack.simulator.callsFor(portal.memberId, since).map((call) => call.method)).toContain('imopenlines.bot.session.finish');
    expect(t.customerView(chat).at(-1)).toBe('Thank you, goodbye!');
    expect(chat.status).toBe('finished');
    // The customer writes again: the platform opens a new session and the bot joins it.
    const session = chat.sessionId;
    await t.say(portal, chat, '1');
    expect(chat.sessionId).not.toBe(session);
    expect(chat.status).toBe('bot');
    const [greeting, answer] = t.customerView(chat).slice(-2);
    expect(greeting).toMatch(/^Hello, Ivan Petrov!/);
    expect(answer).toMatch(/^We work 9:00-18:00./); // item 1 of the start menu
  });

  it('0 runs item 0 without the menu; the platform hands the dialog to the queue', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const since = t.stack.simulator.lastSeq;
    await t.say(portal, chat, '0');
    expect(t.customerView(chat).at(-1)).toBe('An operator will answer soon.');
    expect(t.methods(portal, since)).not.toContain('imopenlines.bot.session.operator');
    expect(chat.status).toBe('queue');
  });

  it('0 where the menu has no item 0 makes the bot stay silent', async () => {
    const { portal, chat, since } = await inDelivery();
    await t.say(portal, chat, '0');
    const sent = t.stack.simulator.callsFor(portal.memberId, since).filter((call) => call.method === 'imbot.message.add' && call.params.SKIP_CONNECTOR !== 'Y');
    expect(sent).toEqual([]);
  });

  it('a new session (ONIMBOTJOINCHAT) starts from the start menu again', async () => {
    const { portal, chat } = await inDelivery();
    await t.say(portal, chat, '2');
    await t.stack.simulator.newSession(portal, chat);
    await t.stack.idle();
    expect(t.customerView(chat).at(-1)).toBe(MAIN);
  });
});

describe('who gets answers', () => {
  it('operators and system messages in the line get no reply', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const since = t.stack.simulator.lastSeq;
    const answer = await t.stack.simulator.operatorSays(portal, chat, '1');
    await t.stack.idle();
    expect(answer.status).toBe(200);
    expect(t.methods(portal, since)).toEqual([]);
  });

  it('events with a forged application token get 401 and no REST call', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const since = t.stack.simulator.lastSeq;
    const real = portal.applicationToken;
    portal.applicationToken = 'f'.repeat(32);
    const answer = await t.say(portal, chat, '1');
    portal.applicationToken = real;
    expect(answer.status).toBe(401);
    expect(t.methods(portal, since)).toEqual([]);
  });

  it('GET /health answers 200', async () => {
    const response = await fetch(`${t.stack.url}/health`);
    expect(response.status).toBe(200);
  });
});

describe('tokens', () => {
  it('uses the bot-level token from the event for replies', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const since = t.stack.simulator.lastSeq;
    const stored = (await t.stack.deps.portals.get(portal.memberId))!;
    t.stack.simulator.expireTokens(portal, 'user'); // the stored installer token no longer works…
    await t.say(portal, chat, '1'); // …but the event's bot token does
    expect(t.methods(portal, since)).toEqual(['imbot.message.add']);
    expect((await t.stack.deps.portals.get(portal.memberId))!.tokenVersion).toBe(stored.tokenVersion);
  });

  it('refreshes an expired stored token once, keeps the new pair, and retries the call', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const before = (await t.stack.deps.portals.get(portal.memberId))!;
    t.stack.simulator.expireTokens(portal);
    t.stack.simulator.setEventTokens('none'); // an event without a bot token: only the stored pair is left
    const refreshes = t.stack.simulator.stats.oauthRequests;
    await t.say(portal, chat, '1').finally(() => t.stack.simulator.setEventTokens('fresh'));
    expect(t.stack.simulator.stats.oauthRequests - refreshes).toBe(1);
    const after = (await t.stack.deps.portals.get(portal.memberId))!;
    expect(after.tokenVersion).toBe(before.tokenVersion + 1);
    expect(after.refreshToken).toBe(portal.refreshToken); // the simulator's current (single-use) token
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(t.customerView(chat).at(-1)).toContain('We work 9:00-18:00.');
  });
});

describe('lifecycle', () => {
  it('ONAPPUPDATE re-stores the new application token and points the bot at the current URL', async () => {
    const portal = await t.portal();
    const since = t.stack.simulator.lastSeq;
    const answer = await t.stack.simulator.update(portal, { newApplicationToken: true });
    expect(answer.status).toBe(200);
    expect(t.methods(portal, since)).toEqual(['app.info', 'imbot.update', 'event.bind', 'event.bind', 'imbot.app.update']);
    expect((await t.stack.deps.portals.get(portal.memberId))!.applicationToken).toBe(portal.applicationToken);
  });

  it('ONAPPUNINSTALL removes the portal; its later events are refused', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const [botDelete, uninstall] = await t.stack.simulator.uninstall(portal, { botDelete: false }).then((results) => [undefined, ...results]);
    expect(botDelete).toBeUndefined();
    expect(uninstall!.status).toBe(200);
    expect(await t.stack.deps.portals.get(portal.memberId)).toBeUndefined();
    portal.bots.set(1, {
      id: 1,
      code: 'x',
      name: 'x',
      openline: true,
      type: 'O',
      ours: true,
      handlers: { messageAdd: `${t.stack.url}/bitrix/events` },
      properties: {},
    });
    chat.members.add(1);
    const answer = await t.say(portal, chat, '1');
    expect(answer.status).toBe(401);
  });
});
