/**
 * A migration in fetch mode (BOT_EVENT_MODE=fetch): an older portal that got Chatbots 2.0 with
 * an update moves its V1 bot to a V2 bot whose events are fetched. The pending bot's feed exists
 * from the start and survives a re-install of the V1 portal, and the switch comes through the
 * poller. Real stack, fake wall clock.
 */
import { expect, it } from 'vitest';
import { pollFeeds } from '../../lib/app/feed/poll-feeds.js';
import { startMigration } from '../../lib/app/migrate/migrate-v2.js';
import { fakeTime } from '../helpers/fake-time.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({ env: { MENU_FILE: 'test/fixtures/menus/first-version.yaml', BOT_EVENT_MODE: 'fetch' }, time: fakeTime() });

it('the pending V2 bot is polled from the start, and its first line event switches the portal', async () => {
  const portal = await t.portal({ api: 'v1' });
  const v1 = t.stack.simulator.ourBot(portal)!;
  expect(await t.stack.deps.feeds.get(portal.memberId)).toBeUndefined(); // V1: webhooks only
  (portal as { api: string }).api = 'v2'; // the portal was updated and has Chatbots 2.0 now

  const report = await startMigration(t.stack.deps, portal.memberId, t.stack.deps.log);
  expect(report).toMatchObject({ state: 'pending', v1BotId: v1.id, eventMode: 'fetch' });
  expect(t.stack.simulator.ourBot(portal)!.id).toBe(v1.id);
  const v2 = portal.bots.get(report.v2BotId!)!;
  expect(v2).toMatchObject({ api: 'v2', eventMode: 'fetch' });
  expect(await t.stack.deps.feeds.get(portal.memberId)).toMatchObject({ botId: v2.id });

  expect((await t.stack.simulator.install(portal)).status).toBe(200); // a re-install meanwhile
  expect(await t.stack.deps.feeds.get(portal.memberId)).toMatchObject({ botId: v2.id });
  expect(await t.stack.deps.portals.get(portal.memberId)).toMatchObject({ botApi: 'v1', botId: v1.id, migration: { botId: v2.id } });

  t.stack.simulator.setLineBot(portal, 1, v2.id);
  const chat = await t.stack.simulator.openChat(portal);
  await t.stack.simulator.customerSays(portal, chat, '2');
  expect(t.stack.simulator.waitingEvents(portal, v2.id).map((event) => event.type)).toEqual(['ONIMBOTV2JOINCHAT', 'ONIMBOTV2MESSAGEADD']);
  await pollFeeds(t.stack.deps, { windowMs: 0, memberIds: [portal.memberId] });
  await t.stack.idle();
  expect(t.customerView(chat)).toHaveLength(2);
  expect(t.customerView(chat)[1]).toBe('Noted.');
  expect(await t.stack.deps.portals.get(portal.memberId)).toMatchObject({ botApi: 'v2', botId: v2.id, retiredBotId: v1.id });
});
