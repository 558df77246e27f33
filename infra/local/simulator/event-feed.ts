/**
 * Fetch mode on the simulated platform (bitrix24/b24restdocs
 * api-reference/chat-bots/chat-bots-v2/imbot.v2/events/event-get.md, index.md): a bot
 * registered with eventMode 'fetch' gets no POSTs; its events wait on the platform in order,
 * each with a growing eventId, until the bot reads them with imbot.v2.Event.get{botId,
 * offset, limit}. Passing `offset` confirms every event with an id below it; without it the
 * unconfirmed ones come again (at-least-once). `limit` 1–1000, default 100; `hasMore` when
 * more are waiting; `nextOffset` = the last returned id + 1 (or the cursor when none).
 * Only the registering application may read (BOT_OWNERSHIP_ERROR otherwise).
 */
import type { SimBot, SimPortal } from './model.js';
import { SimError, type MethodContext } from './method-context.js';

export interface FeedEvent {
  readonly eventId: number;
  readonly type: string;
  readonly date: string;
  readonly data: Record<string, unknown>;
}

interface Feed {
  readonly events: FeedEvent[];
  /** Every event below this id is confirmed (gone). */
  confirmed: number;
}

const feeds = new WeakMap<SimPortal, Map<number, Feed>>();
/** One sequence per portal, as the platform's event ids are. */
const sequences = new WeakMap<SimPortal, number>();

function feedOf(portal: SimPortal, botId: number): Feed {
  let byBot = feeds.get(portal);
  if (!byBot) feeds.set(portal, (byBot = new Map()));
  let feed = byBot.get(botId);
  if (!feed) byBot.set(botId, (feed = { events: [], confirmed: 0 }));
  return feed;
}

/** The platform keeps an event for a fetch-mode bot instead of posting it. */
export function keepEvent(portal: SimPortal, bot: SimBot, type: string, data: Record<string, unknown>, now: number): FeedEvent {
  const eventId = (sequences.get(portal) ?? 1000) + 1;
  sequences.set(portal, eventId);
  const event = { eventId, type, date: new Date(now).toISOString(), data };
  feedOf(portal, bot.id).events.push(event);
  return event;
}

/** Events waiting (unconfirmed) for the bot: what the playground shows and tests check. */
export const waitingEvents = (portal: SimPortal, botId: number): readonly FeedEvent[] => feedOf(portal, botId).events;

const num = (value: unknown): number | undefined =>
  value === undefined || value === null || value === '' ? undefined : /^\d+$/.test(String(value)) ? Number(value) : NaN;

export function eventGet(params: Record<string, unknown>, ctx: MethodContext): unknown {
  const botId = num(params.botId);
  if (!botId) throw new SimError(400, 'BOT_ID_REQUIRED', 'Bot ID is required');
  const bot = ctx.portal.bots.get(botId);
  if (!bot) throw new SimError(400, 'BOT_NOT_FOUND', 'Bot not found');
  if (!bot.ours) throw new SimError(403, 'BOT_OWNERSHIP_ERROR', 'Bot is registered by another application');
  const limit = num(params.limit) ?? 100;
  const offset = num(params.offset);
  if (Number.isNaN(limit) || limit < 1 || limit > 1000) throw new SimError(400, 'INVALID_LIMIT', 'limit must be 1-1000');
  if (Number.isNaN(offset)) throw new SimError(400, 'INVALID_OFFSET', 'offset must be an integer');
  const feed = feedOf(ctx.portal, bot.id);
  if (offset !== undefined && offset > feed.confirmed) {
    feed.confirmed = offset;
    while (feed.events.length > 0 && feed.events[0]!.eventId < offset) feed.events.shift();
  }
  const page = feed.events.slice(0, limit);
  const last = page[page.length - 1];
  return {
    events: page.map((event) => ({ ...event, data: structuredClone(event.data) })),
    nextOffset: last ? last.eventId + 1 : Math.max(feed.confirmed, feed.events[0]?.eventId ?? 0),
    hasMore: feed.events.length > page.length,
  };
}
