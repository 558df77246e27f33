/**
 * BOT_API overrides what the portal would choose (lib/app/bot-v2.ts): `v1` registers a V1
 * bot on a portal with Chatbots 2.0, without asking imbot.v2.Revision.get.
 */
import { describe, expect, it } from 'vitest';
import { useStack } from '../helpers/stack.js';

const t = useStack({ env: { MENU_FILE: 'test/fixtures/menus/first-version.yaml', BOT_API: 'v1' } });

describe('BOT_API=v1', () => {
  it('a Chatbots 2.0 portal gets a V1 bot and is served with imbot.message.add', async () => {
    const portal = await t.portal({ api: 'v2' });
    expect(t.methods(portal)).toEqual(['app.info', 'imbot.register', 'event.bind', 'event.bind', 'imbot.app.register']);
    expect(await t.stack.deps.portals.get(portal.memberId)).toMatchObject({ botApi: 'v1' });
    const since = t.stack.simulator.lastSeq;
    const chat = await t.chat(portal);
    expect(t.methods(portal, since)).toEqual(['imbot.message.add']);
    expect(t.customerView(chat)).toHaveLength(1);
  });

  it('a portal keeps the API its bot was registered with: a stored V2 bot is updated, not replaced', async () => {
    const portal = await t.portal({ api: 'v2' });
    await t.stack.deps.portals.update(portal.memberId, { botApi: 'v2' }, Date.now()); // as if installed under BOT_API=auto
    t.stack.deps.portals.forget(portal.memberId);
    const since = t.stack.simulator.lastSeq;
    expect((await t.stack.simulator.install(portal)).status).toBe(200);
    expect(t.methods(portal, since)).toContain('imbot.v2.Bot.update');
  });
});
