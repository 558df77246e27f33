/**
 * Moving an installed V1 portal to Chatbots 2.0 (issue 15 item 6): `npm run migrate-v2`
 * registers the V2 bot beside the V1 one (which keeps answering), the portal switches on the
 * new bot's first Open Lines event (the admin made it the line's bot), the V1 bot finishes its
 * own chats, and --finish unregisters it. Through the CLI (--local), the HTTP handlers, the
 * queue and the worker, dynalite and the simulator.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../infra/tools/migrate-v2.js';
import { useStack } from '../helpers/stack.js';

// BOT_API=v1: a Chatbots 2.0 portal that got a V1 bot (as every install did before V2 support).
const t = useStack({ env: { MENU_FILE: 'test/fixtures/menus/first-version.yaml', BOT_API: 'v1' } });

const MAIN =
  'Hello, Ivan Petrov! How can we help?[br][send=1]1. Opening hours[/send][br][send=2]2. Quiet note[/send][br][send=3]3. Delivery[/send][br][send=0]0. Wait for an operator[/send]';
const HOURS = `We work 9:00-18:00.[br][br]${MAIN}`;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv, '--local', t.stack.url], { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, out: out.join(''), err: err.join('') };
}

const sent = (memberId: string, since: number) =>
  t.stack.simulator
    .callsFor(memberId, since)
    .filter((call) => call.method === 'imbot.message.add' || call.method === 'imbot.v2.Chat.Message.send')
    .map((call) => `${call.method}:${call.params.BOT_ID ?? call.params.botId}`);

describe('npm run migrate-v2', () => {
  it('registers the V2 bot beside V1, switches on its first line event, --finish unregisters V1', async () => {
    const portal = await t.portal({ api: 'v2' });
    const v1 = t.stack.simulator.ourBot(portal)!;
    expect(v1.api).toBeUndefined(); // a V1 bot
    const old = await t.chat(portal);
    expect(t.customerView(old)).toEqual([MAIN]);

    // Start: a second bot, V2, under its own code, in webhook mode; nothing switches yet.
    let since = t.stack.simulator.lastSeq;
    const started = await cli(portal.memberId);
    expect(started.code).toBe(0);
    const v2 = [...portal.bots.values()].find((bot) => bot.ours && bot.id !== v1.id)!;
    expect(v2).toMatchObject({ api: 'v2', code: 'itr_support_v2', eventMode: 'webhook', openline: true });
    expect(t.methods(portal, since)).toEqual(['imbot.v2.Bot.register']);
    expect(started.out).toContain(`portal ${portal.memberId}: pending`);
    expect(started.out).toContain(`id ${v2.id} (code itr_support_v2) instead of id ${v1.id}`);
    expect(await t.stack.deps.portals.get(portal.memberId)).toMatchObject({
      botApi: 'v1',
      botId: v1.id,
      migration: { botId: v2.id, botCode: 'itr_support_v2' },
    });
    // Again: the same bot (updated), still pending.
    expect((await cli(portal.memberId)).out).toContain('pending');
    expect([...portal.bots.values()].filter((bot) => bot.ours)).toHaveLength(2);

    // The V1 bot keeps answering, in old chats and new ones, until the admin switches.
    since = t.stack.simulator.lastSeq;
    await t.say(portal, old, '1');
    const before = await t.chat(portal);
    expect(t.customerView(old)).toEqual([MAIN, HOURS]);
    expect(t.customerView(before)).toEqual([MAIN]);
    expect(sent(portal.memberId, since)).toEqual([`imbot.message.add:${v1.id}`, `imbot.message.add:${v1.id}`]);
    expect(await cli(portal.memberId, '--finish')).toMatchObject({ code: 1, err: expect.stringContaining('not switched yet') });

    // The admin picks the new bot for the line: its first line event switches the portal.
    t.stack.simulator.setLineBot(portal, 1, v2.id);
    since = t.stack.simulator.lastSeq;
    const fresh = await t.chat(portal);
    expect(t.customerView(fresh)).toEqual([MAIN]);
    expect(await t.stack.deps.portals.get(portal.memberId)).toMatchObject({ botApi: 'v2', botId: v2.id, botCode: 'itr_support_v2', retiredBotId: v1.id });
    expect(await t.stack.deps.portals.get(portal.memberId)).not.toHaveProperty('migration');
    // New chats on V2; the V1 bot finishes the chats it has, in V1.
    await t.say(portal, fresh, '2');
    await t.say(portal, old, '2');
    expect(t.customerView(fresh)).toEqual([MAIN, 'Noted.']);
    expect(t.customerView(old)).toEqual([MAIN, HOURS, 'Noted.']);
    expect(sent(portal.memberId, since)).toEqual([`imbot.v2.Chat.Message.send:${v2.id}`, `imbot.v2.Chat.Message.send:${v2.id}`, `imbot.message.add:${v1.id}`]);
    const status = await cli(portal.memberId);
    expect(status.out).toContain('switched');
    expect(status.out).toContain(`npm run migrate-v2 -- ${portal.memberId} --finish`);

    // --finish: the V1 bot is unregistered; the portal is a plain V2 portal.
    since = t.stack.simulator.lastSeq;
    const finished = await cli(portal.memberId, '--finish');
    expect(finished.code).toBe(0);
    expect(finished.out).toContain('finished');
    expect(t.methods(portal, since)).toEqual(['imbot.unregister']);
    expect(t.stack.simulator.callsFor(portal.memberId, since)[0]!.params).toMatchObject({ BOT_ID: v1.id });
    expect(portal.bots.has(v1.id)).toBe(false);
    expect(await t.stack.deps.portals.get(portal.memberId)).not.toHaveProperty('retiredBotId');
    await t.say(portal, fresh, '1');
    expect(t.customerView(fresh)).toEqual([MAIN, 'Noted.', HOURS]);
    expect((await cli(portal.memberId, '--finish')).out).toContain('finished'); // idempotent
  });

  it('stays pending until a line event comes; a V1-only portal and an unknown one are refused', async () => {
    const portal = await t.portal({ api: 'v2' });
    expect((await cli(portal.memberId)).code).toBe(0);
    const record = await t.stack.deps.portals.get(portal.memberId);
    expect(record?.migration).toBeDefined();
    const older = await t.portal({ api: 'v1' });
    const refused = await cli(older.memberId);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('no Chatbots 2.0');
    expect(await t.stack.deps.portals.get(older.memberId)).not.toHaveProperty('migration');
    expect((await cli('nosuchportal')).err).toContain('no installed portal');
  });
});
