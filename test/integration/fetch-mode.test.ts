/**
 * Fetch mode (issue 15 item 4; imbot.v2/events/event-get.md): a V2 bot registered with
 * eventMode 'fetch' gets no POSTs; the poller reads imbot.v2.Event.get, queues the events in
 * order and only then acknowledges them. Real stack: dynalite, the simulator over HTTP, the
 * in-process FIFO queue and worker; wall time is a fake clock, so the poller's waits (2 s
 * between pages, back-off) take no real time.
 */
import { describe, expect, it } from 'vitest';
import { pollFeeds } from '../../lib/app/feed/poll-feeds.js';
import type { AppDeps } from '../../lib/app/deps.js';
import { applyEventMode } from '../../lib/app/event-mode.js';
import type { SimPortal } from '../../infra/local/simulator/model.js';
import { fakeTime } from '../helpers/fake-time.js';
import { useStack } from '../helpers/stack.js';

const time = fakeTime();
const t = useStack({ env: { MENU_FILE: 'test/fixtures/menus/first-version.yaml', BOT_EVENT_MODE: 'fetch' }, time });

const MAIN =
  'Hello, Ivan Petrov! How can we help?[br][send=1]1. Opening hours[/send][br][send=2]2. Quiet note[/send][br][send=3]3. Delivery[/send][br][send=0]0. Wait for an operator[/send]';
const HOURS = `We work 9:00-18:00.[br][br]${MAIN}`;

/** One pass over the portal's feed (windowMs 0: read once, no waiting). */
async function pollOnce(portal: SimPortal, deps: AppDeps = t.stack.deps) {
  const report = await pollFeeds(deps, { windowMs: 0, memberIds: [portal.memberId] });
  await t.stack.idle();
  return report;
}

const botId = (portal: SimPortal) => t.stack.simulator.ourBot(portal)!.id;
const waiting = (portal: SimPortal) => t.stack.simulator.waitingEvents(portal, botId(portal)).map((event) => event.type);
const eventGets = (portal: SimPortal, since = 0) => t.stack.simulator.callsFor(portal.memberId, since).filter((call) => call.method === 'imbot.v2.Event.get');

/** A customer opens a chat and writes; in fetch mode nothing reaches the bot yet. */
async function customerWrites(portal: SimPortal, ...texts: string[]) {
  const chat = await t.stack.simulator.openChat(portal);
  for (const text of texts) expect((await t.stack.simulator.customerSays(portal, chat, text)).status).toBe(200);
  await t.stack.idle();
  return chat;
}

describe('install in fetch mode', () => {
  it('registers the V2 bot with eventMode fetch and no webhookUrl, and gives the portal a feed', async () => {
    const portal = await t.portal({ api: 'v2' });
    const register = t.stack.simulator.callsFor(portal.memberId).find((call) => call.method === 'imbot.v2.Bot.register')!;
    expect(register.params.fields).toMatchObject({ type: 'openline', isSupportOpenline: true, eventMode: 'fetch' });
    expect(register.params.fields).not.toHaveProperty('webhookUrl');
    expect(t.stack.simulator.ourBot(portal)).toMatchObject({ api: 'v2', eventMode: 'fetch' });
    expect(await t.stack.deps.feeds.get(portal.memberId)).toMatchObject({ botId: botId(portal) });
    expect((await t.stack.deps.feeds.list(100)).memberIds).toContain(portal.memberId);
  });

  it('re-install updates the bot in fetch mode; a webhook configuration takes the feed away', async () => {
    const portal = await t.portal({ api: 'v2' });
    const since = t.stack.simulator.lastSeq;
    expect((await t.stack.simulator.install(portal)).status).toBe(200);
    const update = t.stack.simulator.callsFor(portal.memberId, since).find((call) => call.method === 'imbot.v2.Bot.update')!;
    expect(update.params).toMatchObject({ botId: botId(portal), fields: { eventMode: 'fetch' } });
    expect(update.params.fields).not.toHaveProperty('webhookUrl');
    const webhook = { ...t.stack.deps, config: { ...t.stack.deps.config, botEventMode: 'webhook' as const } };
    await applyEventMode(webhook, portal.memberId, 'v2', botId(portal));
    expect(await t.stack.deps.feeds.get(portal.memberId)).toBeUndefined();
    expect((await t.stack.deps.feeds.list(100)).memberIds).not.toContain(portal.memberId);
  });
});

describe('the poller', () => {
  it('delivers the waiting events in order, and acknowledges them only after queueing', async () => {
    const portal = await t.portal({ api: 'v2' });
    const chat = await customerWrites(portal, '1', '2');
    expect(t.customerView(chat)).toEqual([]); // nothing was posted to the bot
    expect(waiting(portal)).toEqual(['ONIMBOTV2JOINCHAT', 'ONIMBOTV2MESSAGEADD', 'ONIMBOTV2MESSAGEADD']);

    const since = t.stack.simulator.lastSeq;
    const report = await pollOnce(portal);
    expect(report).toMatchObject({ portals: 1, requests: 1, events: 3, queued: 3, errors: 0 });
    expect(t.customerView(chat)).toEqual([MAIN, HOURS, 'Noted.']);
    // Only the first call so far: no offset (nothing to confirm), the stored token, the bot's id.
    expect(eventGets(portal, since).map((call) => call.params)).toEqual([{ botId: botId(portal), limit: 100 }]);
    // Acknowledged = stored as the next offset; the platform forgets them on the next call.
    const feed = await t.stack.deps.feeds.get(portal.memberId);
    const last = t.stack.simulator.waitingEvents(portal, botId(portal)).at(-1)!.eventId;
    expect(feed?.offset).toBe(last + 1);
    await pollOnce(portal);
    expect(eventGets(portal, since)[1]!.params).toEqual({ botId: botId(portal), limit: 100, offset: last + 1 });
    expect(waiting(portal)).toEqual([]);
    expect(t.customerView(chat)).toHaveLength(3);
  });

  it('the queue down: nothing is acknowledged, and everything comes again when it is back', async () => {
    const portal = await t.portal({ api: 'v2' });
    const chat = await customerWrites(portal, '1', '2');
    let sent = 0;
    const broken: AppDeps = {
      ...t.stack.deps,
      queue: { send: async (job) => (++sent > 1 ? Promise.reject(new Error('queue unavailable')) : t.stack.deps.queue.send(job)) },
    };
    const report = await pollOnce(portal, broken);
    expect(report).toMatchObject({ errors: 1, queued: 0 });
    // The join went through before the queue failed: only it is acknowledged.
    const firstId = t.stack.simulator.waitingEvents(portal, botId(portal))[0]!.eventId;
    expect((await t.stack.deps.feeds.get(portal.memberId))?.offset).toBe(firstId + 1);
    expect(t.customerView(chat)).toEqual([MAIN]);

    await pollOnce(portal);
    expect(t.customerView(chat)).toEqual([MAIN, HOURS, 'Noted.']);
    await pollOnce(portal);
    expect(waiting(portal)).toEqual([]);
  });

  it('a crash between queueing and acknowledging: the events come again, each answered once', async () => {
    const portal = await t.portal({ api: 'v2' });
    const chat = await customerWrites(portal, '1', '2');
    const crashing: AppDeps = { ...t.stack.deps, feeds: { ...t.stack.deps.feeds, advance: () => Promise.reject(new Error('poller died')) } };
    expect(await pollOnce(portal, crashing)).toMatchObject({ errors: 1 });
    expect(t.customerView(chat)).toEqual([MAIN, HOURS, 'Noted.']);
    expect(await t.stack.deps.feeds.get(portal.memberId)).not.toHaveProperty('offset');

    const since = t.stack.simulator.lastSeq;
    expect(await pollOnce(portal)).toMatchObject({ events: 3, queued: 3 }); // the platform gives them again
    expect(eventGets(portal, since)[0]!.params).not.toHaveProperty('offset');
    expect(t.customerView(chat)).toEqual([MAIN, HOURS, 'Noted.']); // de-duplicated, none twice
    await pollOnce(portal);
    expect(waiting(portal)).toEqual([]);
  });

  it('pages with hasMore at least 2 s apart, then backs off while idle (fake clock)', async () => {
    const portal = await t.portal({ api: 'v2' });
    const chats = [await customerWrites(portal, '1'), await customerWrites(portal, '2'), await customerWrites(portal, '1')];
    expect(waiting(portal)).toHaveLength(6);
    const at: number[] = [];
    const stop = t.stack.simulator.onChange((change) => {
      if (change.type === 'call' && change.call.method === 'imbot.v2.Event.get' && change.call.memberId === portal.memberId) at.push(time.now());
    });
    const report = await pollFeeds(t.stack.deps, { windowMs: 60_000, limit: 2, memberIds: [portal.memberId] }).finally(stop);
    await t.stack.idle();
    expect(report.events).toBe(6);
    const gaps = at.slice(1).map((value, i) => value - at[i]!);
    expect(gaps.slice(0, 2).every((gap) => gap >= 2_000 && gap < 2_500)).toBe(true); // hasMore: pages ≥ 2 s apart
    expect(gaps[2]).toBeGreaterThanOrEqual(3_000); // the last page had events, nothing more waiting
    expect(gaps.slice(3)).toEqual([5_000, 10_000, 20_000].slice(0, gaps.length - 3)); // idle: backing off
    expect(Math.max(...gaps)).toBeLessThanOrEqual(30_000);
    expect(at.length / ((at.at(-1)! - at[0]!) / 1000)).toBeLessThan(0.5); // far inside the portal's 2/s
    expect(chats.map((chat) => t.customerView(chat).length)).toEqual([2, 2, 2]);
  });

  it('the poller down: events wait on the platform and are all answered, in order, when it is back', async () => {
    const portal = await t.portal({ api: 'v2' });
    const first = await customerWrites(portal, '3');
    const second = await customerWrites(portal, '1');
    await t.stack.simulator.customerSays(portal, first, '9');
    await t.stack.simulator.customerSays(portal, second, '2');
    expect(waiting(portal)).toHaveLength(6);
    await pollOnce(portal);
    expect(t.customerView(first)).toEqual([
      MAIN,
      'Delivery questions[br][send=2]2. Operator queue[/send][br][send=3]3. Our courier manager[/send][br][send=4]4. Tracking bot[/send][br][send=5]5. That is all[/send][br][send=9]9. Back[/send]',
      MAIN,
    ]);
    expect(t.customerView(second)).toEqual([MAIN, HOURS, 'Noted.']);
  });
});
