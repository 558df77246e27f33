/**
 * A folder of menus serves different Open Lines differently (issue 19, item 1): the line
 * comes from CHAT_ENTITY_ID, the dialog item remembers it, and the operators' chat app
 * shows the answers of the dialog's own line's menu.
 */
import { expect, it } from 'vitest';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({ clock: () => OFFICE_HOURS, env: { MENU_FILE: 'menus/by-line' } });

it('line 1 gets the default menu, line 2 its own; both as one bot with the default profile', async () => {
  const portal = await t.portal();
  const register = t.stack.simulator.callsFor(portal.memberId).find((call) => call.method === 'imbot.register');
  expect(register?.params).toMatchObject({ PROPERTIES: { NAME: 'ACME Support', WORK_POSITION: 'First line support' } });

  const shop = await t.chat(portal, { lineId: 1 });
  const wholesale = await t.chat(portal, { lineId: 2 });
  expect(t.customerView(shop).at(-1)).toMatch(/How can we help\?/);
  expect(t.customerView(wholesale).at(-1)).toMatch(/Welcome to ACME wholesale/);

  await t.say(portal, shop, '1');
  expect(t.customerView(shop).at(-1)).toMatch(/We are open Monday to Friday/);
  const since = t.stack.simulator.lastSeq;
  await t.say(portal, wholesale, '2');
  expect(
    t.stack.simulator.callsFor(portal.memberId, since).some((call) => call.method === 'imopenlines.bot.session.transfer' && Number(call.params.USER_ID) === 12),
  ).toBe(true);
  const bot = t.stack.simulator.ourBot(portal)!;
  const record = await t.stack.deps.dialogs.get({ memberId: portal.memberId, botId: bot.id, dialogId: wholesale.dialogId }, OFFICE_HOURS);
  expect(record.lineId).toBe('2');
});

it("the chat app shows the answers of the dialog's line", async () => {
  const portal = await t.portal();
  const wholesale = await t.chat(portal, { lineId: 2 });
  const app = t.stack.simulator.chatApps(portal)[0]!;
  const request = t.stack.simulator.frameRequest(portal, app, { dialogId: wholesale.dialogId, userId: 12 });
  const html = await (await fetch(request.url, { headers: { referer: request.referer } })).text();
  expect(html).toContain('Price list');
  expect(html).not.toContain('Delivery times');
});
