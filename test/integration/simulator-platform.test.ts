/**
 * The simulator behaves like the platform (issue 14, item 7; contract §9): the line's bot
 * timeout, operators who take a chat and write, `0`, the documented errors of the session
 * and message methods by the chat's real state, and events that carry the portal's
 * language. Real HTTP through the local stack; the simulator's side is asserted (what it
 * posts, what it answers, the chat's state), not the bot's replies.
 */
import qs from 'qs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { useStack } from '../helpers/stack.js';

const t = useStack();

interface Posted {
  readonly event: string;
  readonly memberId: string;
  /** The decoded form body; loosely typed so the tests read nested fields directly. */
  readonly body: Record<string, any>;
}
const posted: Posted[] = [];

beforeAll(() => {
  t.stack.simulator.onChange((change) => {
    if (change.type === 'event') posted.push({ event: change.event, memberId: change.memberId, body: qs.parse(change.body, { depth: 8 }) });
  });
});

const eventsFor = (portal: SimPortal, event: string) => posted.filter((entry) => entry.memberId === portal.memberId && entry.event === event);
const last = (portal: SimPortal, event: string) => eventsFor(portal, event).at(-1)!.body;

/** A portal with its own line settings, installed. */
async function portalWithLine(line: Record<string, unknown>, language?: string): Promise<SimPortal> {
  const sim = t.stack.simulator;
  const portal = sim.createPortal({
    domain: `localhost:${t.stack.port}`,
    ...(language ? { language } : {}),
    lines: { 1: { ID: '1', LINE_NAME: 'Support', ACTIVE: 'Y', WORKTIME_ENABLE: 'N', ...line } },
  });
  expect((await sim.install(portal)).status).toBe(200);
  return portal;
}

/** Calls the portal's REST API the way an app does (JSON body, auth = an access token). */
async function rest(
  portal: SimPortal,
  method: string,
  params: Record<string, unknown>,
  as: 'bot' | 'user' = 'user',
): Promise<{ status: number; result?: unknown; error?: string; error_description?: string }> {
  const sim = t.stack.simulator;
  const token = as === 'bot' ? sim.issueToken(portal, sim.ourBot(portal)!.id, 'bot') : sim.issueToken(portal, 1, 'user');
  const response = await fetch(`${portal.clientEndpoint}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...params, auth: token.accessToken }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

const botOf = (portal: SimPortal) => t.stack.simulator.ourBot(portal)!;

describe("the line's bot timeout (WELCOME_BOT_TIME / WELCOME_BOT_LEFT)", () => {
  it("moves the chat to the queue; with WELCOME_BOT_LEFT=close the bot stays a member and keeps getting the customer's messages", async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    expect(t.stack.simulator.lineTimeout(portal, chat)).toBe(true);
    expect(chat).toMatchObject({ status: 'queue', holder: chat.lineId });
    expect(chat.members.has(botOf(portal).id)).toBe(true);
    expect(t.stack.simulator.lineTimeout(portal, chat)).toBe(false); // no longer the bot's: nothing to time out

    const before = eventsFor(portal, 'ONIMBOTMESSAGEADD').length;
    const answer = await t.say(portal, chat, '1');
    expect(answer.status).toBe(200);
    expect(eventsFor(portal, 'ONIMBOTMESSAGEADD')).toHaveLength(before + 1);
    expect(last(portal, 'ONIMBOTMESSAGEADD').data.USER.IS_CONNECTOR).toBe('Y');
  });

  it("happens by itself once the platform's clock passes the session start + WELCOME_BOT_TIME (checked on the next message)", async () => {
    const portal = await portalWithLine({ WELCOME_BOT_TIME: '60', WELCOME_BOT_LEFT: 'close' });
    const chat = await t.chat(portal);
    t.stack.simulator.advance(59_000);
    await t.say(portal, chat, '2');
    expect(chat.status).toBe('bot');
    t.stack.simulator.advance(2_000);
    const before = eventsFor(portal, 'ONIMBOTMESSAGEADD').length;
    await t.say(portal, chat, 'hello?');
    expect(chat.status).toBe('queue');
    expect(eventsFor(portal, 'ONIMBOTMESSAGEADD')).toHaveLength(before + 1); // the bot still hears it
  });

  it('WELCOME_BOT_TIME=0 never times out', async () => {
    const portal = await portalWithLine({ WELCOME_BOT_TIME: '0' });
    const chat = await t.chat(portal);
    t.stack.simulator.advance(30 * 60_000);
    await t.say(portal, chat, '2');
    expect(chat.status).toBe('bot');
  });

  it('with WELCOME_BOT_LEFT=queue the bot leaves at the hand-over: it gets nothing more and its messages are refused', async () => {
    const portal = await portalWithLine({ WELCOME_BOT_TIME: '600', WELCOME_BOT_LEFT: 'queue' });
    const chat = await t.chat(portal);
    t.stack.simulator.lineTimeout(portal, chat);
    expect(chat.status).toBe('queue');
    expect(chat.members.has(botOf(portal).id)).toBe(false);
    expect((await t.say(portal, chat, 'anyone?')).status).toBe(0); // not posted: the bot is not in the chat
    const refused = await rest(portal, 'imbot.message.add', { BOT_ID: botOf(portal).id, DIALOG_ID: chat.dialogId, MESSAGE: 'still here' }, 'bot');
    expect(refused).toMatchObject({ status: 400, error: 'WRONG_REQUEST', error_description: "Message isn't added" });
  });
});

describe("the session methods answer by the chat's real state", () => {
  let portal: SimPortal;
  let chat: SimChat;
  beforeAll(async () => {
    portal = await t.portal();
    chat = await t.chat(portal);
    t.stack.simulator.lineTimeout(portal, chat);
  });

  it('imopenlines.bot.session.operator: WRONG_CHAT "Operator is not a bot" once the dialog is in the queue or with an operator', async () => {
    expect(await rest(portal, 'imopenlines.bot.session.operator', { CHAT_ID: chat.chatId })).toMatchObject({
      status: 400,
      error: 'WRONG_CHAT',
      error_description: 'Operator is not a bot',
    });
    await t.stack.simulator.operatorTakes(portal, chat, { operatorId: 14 });
    await t.stack.idle();
    expect(await rest(portal, 'imopenlines.bot.session.operator', { CHAT_ID: chat.chatId })).toMatchObject({ status: 400, error: 'WRONG_CHAT' });
    expect(await rest(portal, 'imopenlines.bot.session.operator', {})).toMatchObject({ status: 400, error: 'CHAT_ID_EMPTY' });
  });

  it("imopenlines.bot.session.transfer: the documented target errors first, then OPERATOR_WRONG for a dialog that is not the bot's", async () => {
    const id = { CHAT_ID: chat.chatId };
    expect(await rest(portal, 'imopenlines.bot.session.transfer', id)).toMatchObject({ status: 400, error: 'TRANSFER_ID_EMPTY' });
    expect(await rest(portal, 'imopenlines.bot.session.transfer', { ...id, USER_ID: 0 })).toMatchObject({ status: 400, error: 'USER_ID_EMPTY' });
    expect(await rest(portal, 'imopenlines.bot.session.transfer', { ...id, QUEUE_ID: '' })).toMatchObject({ status: 400, error: 'QUEUE_ID_EMPTY' });
    expect(await rest(portal, 'imopenlines.bot.session.transfer', { ...id, TRANSFER_ID: 'queue' })).toMatchObject({ status: 400, error: 'QUEUE_ID_EMPTY' });
    expect(await rest(portal, 'imopenlines.bot.session.transfer', { ...id, USER_ID: 12 })).toMatchObject({ status: 400, error: 'OPERATOR_WRONG' });
    expect(chat).toMatchObject({ status: 'operator', holder: 14 }); // unchanged
  });

  it('imopenlines.bot.session.transfer refuses unreachable targets while the bot holds the dialog', async () => {
    const own = await t.chat(portal);
    const bot = botOf(portal).id;
    expect(await rest(portal, 'imopenlines.bot.session.transfer', { CHAT_ID: own.chatId, USER_ID: bot })).toMatchObject({
      status: 400,
      error: 'OPERATOR_WRONG',
    });
    expect(await rest(portal, 'imopenlines.bot.session.transfer', { CHAT_ID: own.chatId, USER_ID: own.customer.id })).toMatchObject({
      status: 400,
      error: 'OPERATOR_WRONG',
    });
    expect(await rest(portal, 'imopenlines.bot.session.transfer', { CHAT_ID: own.chatId, QUEUE_ID: 99 })).toMatchObject({
      status: 400,
      error: 'OPERATOR_WRONG',
    });
    expect(await rest(portal, 'imopenlines.bot.session.transfer', { CHAT_ID: own.chatId, TRANSFER_ID: 'queue2' })).toMatchObject({ status: 200, result: true });
    expect(own).toMatchObject({ status: 'line', holder: 2 });
  });

  it('imopenlines.bot.session.finish documents no refusal: it finishes whoever holds the dialog', async () => {
    const other = await t.chat(portal);
    await t.stack.simulator.operatorTakes(portal, other);
    expect(await rest(portal, 'imopenlines.bot.session.finish', { CHAT_ID: other.chatId })).toMatchObject({ status: 200, result: true });
    expect(other.status).toBe('finished');
    expect(await rest(portal, 'imopenlines.bot.session.finish', { CHAT_ID: other.chatId })).toMatchObject({ status: 200, result: true });
  });

  it('imbot.chat.user.add / imbot.chat.leave: the documented ACCESS_ERROR and WRONG_REQUEST', async () => {
    const bot = botOf(portal).id;
    const own = await t.chat(portal);
    expect(await rest(portal, 'imbot.chat.user.add', { BOT_ID: bot, CHAT_ID: 999_999, USERS: [90] }, 'bot')).toMatchObject({
      status: 400,
      error: 'ACCESS_ERROR',
    });
    expect(await rest(portal, 'imbot.chat.user.add', { BOT_ID: bot, CHAT_ID: own.chatId, USERS: [bot] }, 'bot')).toMatchObject({
      status: 400,
      error: 'WRONG_REQUEST',
    });
    expect(await rest(portal, 'imbot.chat.leave', { BOT_ID: bot, CHAT_ID: own.chatId }, 'bot')).toMatchObject({ status: 200, result: true });
    expect(await rest(portal, 'imbot.chat.leave', { BOT_ID: bot, CHAT_ID: own.chatId }, 'bot')).toMatchObject({ status: 400, error: 'WRONG_REQUEST' });
    expect(await rest(portal, 'imbot.chat.user.add', { BOT_ID: bot, CHAT_ID: own.chatId, USERS: [90] }, 'bot')).toMatchObject({
      status: 400,
      error: 'ACCESS_ERROR',
    });
    expect(await rest(portal, 'imbot.message.add', { BOT_ID: bot, DIALOG_ID: own.dialogId, MESSAGE: 'hello' }, 'bot')).toMatchObject({
      status: 400,
      error: 'WRONG_REQUEST',
    });
  });
});

describe('operators who take a chat and write', () => {
  it("operatorTakes: the chat is the operator's, the operator's message reaches the bot with IS_CONNECTOR=N, and so does the customer's next one", async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    t.stack.simulator.lineTimeout(portal, chat);
    const answer = await t.stack.simulator.operatorTakes(portal, chat, { operatorId: 14, text: 'Hello, I am Olga. How can I help?' });
    await t.stack.idle();
    expect(answer?.status).toBe(200);
    expect(chat).toMatchObject({ status: 'operator', holder: 14 });
    expect(chat.members.has(14)).toBe(true);
    expect(chat.members.has(botOf(portal).id)).toBe(true);
    expect(chat.messages.at(-1)).toMatchObject({ author: 'operator', authorId: 14, text: 'Hello, I am Olga. How can I help?' });
    const operatorEvent = last(portal, 'ONIMBOTMESSAGEADD');
    expect(operatorEvent.data.USER).toMatchObject({ ID: '14', IS_CONNECTOR: 'N', IS_BOT: 'N' });
    expect(operatorEvent.data.PARAMS).toMatchObject({ FROM_USER_ID: '14', CHAT_ENTITY_TYPE: 'LINES', MESSAGE: 'Hello, I am Olga. How can I help?' });

    await t.say(portal, chat, '1');
    expect(last(portal, 'ONIMBOTMESSAGEADD').data.USER).toMatchObject({ ID: String(chat.customer.id), IS_CONNECTOR: 'Y' });
    // The platform does not stop a member bot from writing: staying silent is the bot's job.
    const sent = await rest(
      portal,
      'imbot.message.add',
      { BOT_ID: botOf(portal).id, DIALOG_ID: chat.dialogId, MESSAGE: 'a bot that talks over the operator' },
      'bot',
    );
    expect(sent.status).toBe(200);
    expect(typeof sent.result).toBe('number');
  });

  it('an operator can take the chat straight from the bot; without a text nothing is posted', async () => {
    const portal = await t.portal();
    const chat = await t.chat(portal);
    const before = eventsFor(portal, 'ONIMBOTMESSAGEADD').length;
    expect(await t.stack.simulator.operatorTakes(portal, chat)).toBeUndefined();
    expect(chat).toMatchObject({ status: 'operator', holder: 12 });
    expect(eventsFor(portal, 'ONIMBOTMESSAGEADD')).toHaveLength(before);
  });

  it("the customer's 0 is the same hand-over as the timeout: queue, and the bot leaves only when the line says WELCOME_BOT_LEFT=queue", async () => {
    const staying = await t.portal();
    const chat = await t.chat(staying);
    await t.say(staying, chat, '0');
    expect(chat.status).toBe('queue');
    expect(chat.members.has(botOf(staying).id)).toBe(true);

    const leaving = await portalWithLine({ WELCOME_BOT_LEFT: 'queue' });
    const other = await t.chat(leaving);
    await t.say(leaving, other, '0');
    expect(other.status).toBe('queue');
    expect(other.members.has(botOf(leaving).id)).toBe(false);
  });
});

describe('what events carry', () => {
  it("LANGUAGE is the portal's language, whatever the customer speaks (contract §9.2)", async () => {
    const portal = await t.portal({ language: 'de' });
    const chat = await t.chat(portal, { language: 'ru' });
    await t.say(portal, chat, 'Здравствуйте! Подскажите, когда вы открыты?');
    await t.stack.simulator.operatorTakes(portal, chat, { text: 'Guten Tag!' });
    await t.stack.idle();
    expect(last(portal, 'ONIMBOTJOINCHAT').data.PARAMS.LANGUAGE).toBe('de');
    const messages = eventsFor(portal, 'ONIMBOTMESSAGEADD');
    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const message of messages) expect(message.body.data.PARAMS.LANGUAGE).toBe('de');
    expect(chat.language).toBe('ru'); // the simulated chat still knows (for the playground)
  });

  it('ONAPPUPDATE has the documented shape and may bring a new application token', async () => {
    const portal = await t.portal();
    const old = portal.applicationToken;
    const answer = await t.stack.simulator.update(portal, { newApplicationToken: true });
    expect(answer.status).toBe(200);
    const body = last(portal, 'ONAPPUPDATE');
    // [DOC api-reference/common/events/on-app-update.md]
    expect(Object.keys(body).sort()).toEqual(['auth', 'data', 'event', 'ts']);
    expect(Object.keys(body.data).sort()).toEqual(['LANGUAGE_ID', 'PREVIOUS_VERSION', 'VERSION']);
    expect(Object.keys(body.auth).sort()).toEqual(
      [
        'access_token',
        'application_token',
        'client_endpoint',
        'domain',
        'expires_in',
        'member_id',
        'refresh_token',
        'scope',
        'server_endpoint',
        'status',
      ].sort(),
    );
    expect(body.auth.application_token).toBe(portal.applicationToken);
    expect(body.auth.application_token).not.toBe(old);
    expect(body.auth.member_id).toBe(portal.memberId);
  });
});
