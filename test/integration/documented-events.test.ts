/**
 * The handlers driven by the documented example bodies (test/fixtures/bitrix, each with
 * the b24restdocs page it comes from), pointed at a simulated portal: not only by bodies
 * our own simulator builds.
 */
import { describe, expect, it } from 'vitest';
import type { SimChat } from '../../infra/local/simulator/model.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { documentedBody } from '../helpers/documented.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({ clock: () => OFFICE_HOURS });
const botTexts = (chat: SimChat) => chat.messages.filter((message) => message.author === 'bot' && !message.operatorOnly).map((message) => message.text);

async function setUp() {
  const portal = await t.portal();
  const chat = await t.chat(portal);
  const botId = t.stack.simulator.ourBot(portal)!.id;
  const post = async (name: string, changes: Record<string, string | undefined> = {}) => {
    const answer = await t.stack.simulator.postRaw(`${t.stack.url}/bitrix/events`, documentedBody(name, portal, botId, chat, changes), portal);
    await t.stack.idle();
    return answer.status;
  };
  return { portal, chat, botId, post };
}

describe('documented Open Lines events', () => {
  it('ONIMBOTJOINCHAT and ONIMBOTMESSAGEADD as documented are answered', async () => {
    const { chat, post } = await setUp();
    expect(await post('onimbotjoinchat')).toBe(200);
    expect(botTexts(chat).at(-1)).toMatch(/^Hello, Ivan Petrov!/);
    expect(await post('onimbotmessageadd')).toBe(200); // MESSAGE=2
    expect(botTexts(chat).at(-1)).toMatch(/^Payment and invoices/);
  });

  it('ONIMBOTMESSAGEUPDATE and ONIMBOTMESSAGEDELETE are accepted and change nothing', async () => {
    const { portal, chat, post } = await setUp();
    const since = t.stack.simulator.lastSeq;
    const before = botTexts(chat).length;
    expect(await post('onimbotmessageupdate')).toBe(200);
    expect(await post('onimbotmessagedelete')).toBe(200);
    expect(t.stack.simulator.callsFor(portal.memberId, since)).toEqual([]);
    expect(botTexts(chat)).toHaveLength(before);
  });

  it.each([
    'onimbotjoinchat',
    'onimbotmessageadd',
    'onimbotmessageadd-operator',
    'onimbotmessageupdate',
    'onimbotmessagedelete',
    'onimbotdelete',
    'onappuninstall',
  ])('%s with another application token: 401 and nothing done', async (name) => {
    const { portal, post } = await setUp();
    const since = t.stack.simulator.lastSeq;
    expect(await post(name, { 'auth[application_token]': 'f'.repeat(32) })).toBe(401);
    expect(t.stack.simulator.callsFor(portal.memberId, since)).toEqual([]);
    expect((await t.stack.deps.portals.get(portal.memberId))?.status).toBe('active');
  });

  it('ONIMBOTDELETE for our bot, then ONAPPUNINSTALL, as documented, remove the portal', async () => {
    const { portal, botId, post } = await setUp();
    expect(await post('onimbotdelete', { 'data[BOT_ID]': String(botId) })).toBe(200);
    expect(await t.stack.deps.portals.get(portal.memberId)).toBeUndefined();
    expect(await post('onappuninstall')).toBe(401); // already gone: nothing left to prove it against
  });

  it('ONAPPUNINSTALL as documented (no tokens, application_token only) removes the portal', async () => {
    const { portal, post } = await setUp();
    expect(await post('onappuninstall')).toBe(200);
    expect(await t.stack.deps.portals.get(portal.memberId)).toBeUndefined();
  });
});
