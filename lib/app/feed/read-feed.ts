/**
 * One read of a fetch-mode bot's feed (imbot.v2/events/event-get.md): imbot.v2.Event.get
 * {botId, offset, limit} with the portal's stored token, each event through the same path
 * as a webhook (parse → authenticate → customer / elsewhere / ignore → the FIFO queue), in
 * the order the platform gave them, and only then the acknowledgement: the next offset is
 * stored (conditionally, lib/store/feeds.ts) and passed on the next call, which confirms
 * everything before it.
 *
 * At-least-once: a crash after queueing and before storing the offset, or a queue that
 * fails halfway, makes the platform give the same events again; the queue's de-duplication
 * id and the worker's (m<message id>) absorb them. An event that cannot be parsed is logged
 * and acknowledged — it would fail the same way every time and hold up the whole portal.
 */
import { parseFetchedEvent, type FetchedEvent } from '../../bitrix/fetched-event.js';
import { PayloadError } from '../../bitrix/errors.js';
import { RefusedError } from '../errors.js';
import type { Logger } from '../../log.js';
import type { FeedRecord } from '../../store/feeds.js';
import type { PortalRecord } from '../../store/portals.js';
import type { IngestDeps } from '../deps.js';
import { ingestEvent } from '../ingest.js';
import { restForPortal } from '../portal-rest.js';

export interface ReadOutcome {
  readonly events: number;
  readonly queued: number;
  readonly hasMore: boolean;
  /** The offset stored now (undefined: unchanged). */
  readonly acknowledged?: number;
  /** Stop polling this portal for this run: it is gone, or another poller moved its feed. */
  readonly stop?: 'portal-gone' | 'feed-moved';
}

interface EventPage {
  readonly events: readonly FetchedEvent[];
  readonly nextOffset: number | undefined;
  readonly hasMore: boolean;
}

function pageOf(answer: unknown): EventPage {
  const raw = (answer ?? {}) as { events?: unknown; nextOffset?: unknown; hasMore?: unknown };
  const events = (Array.isArray(raw.events) ? raw.events : []).filter(
    (event): event is FetchedEvent => Boolean(event) && Number.isInteger((event as FetchedEvent).eventId),
  );
  const next = Number(raw.nextOffset);
  return {
    events,
    nextOffset: Number.isInteger(next) && next > 0 ? next : undefined,
    hasMore: raw.hasMore === true || raw.hasMore === 'Y' || raw.hasMore === 1,
  };
}

export async function readFeed(deps: IngestDeps, portal: PortalRecord, feed: FeedRecord, owner: string, limit: number, log: Logger): Promise<ReadOutcome> {
  const rest = restForPortal(deps, portal, undefined, log);
  const page = pageOf(await rest.call('imbot.v2.Event.get', { botId: feed.botId, limit, ...(feed.offset !== undefined ? { offset: feed.offset } : {}) }));
  let done: number | undefined;
  let queued = 0;
  let failure: unknown;
  let gone = false;
  for (const fetched of page.events) {
    try {
      const outcome = await ingestEvent(deps, parseFetchedEvent(fetched, portal), log.child({ eventId: fetched.eventId, event: fetched.type }));
      if (outcome === 'queued') queued++;
      if (outcome === 'bot-deleted') gone = true; // ONIMBOTV2DELETE: the last event the bot gets (events.md)
    } catch (error) {
      // Refused (the portal's own proof, a malformed event) vs failed (the queue, the store).
      const refused = error instanceof RefusedError || error instanceof PayloadError;
      if (refused && error.status === 401) {
        gone = true; // the portal was removed meanwhile: nothing of it is queued any more
        break;
      }
      if (!refused) {
        failure = error; // the queue (or the store) failed: keep this event and the rest unconfirmed
        break;
      }
      log.warn('fetched event refused; acknowledged so it does not hold up the feed', {
        eventId: fetched.eventId,
        event: String(fetched.type).slice(0, 40),
        code: error.code,
      });
    }
    done = fetched.eventId;
  }
  if (gone) return { events: page.events.length, queued, hasMore: false, stop: 'portal-gone' };
  const whole = failure === undefined;
  const to = whole ? (page.nextOffset ?? (done !== undefined ? done + 1 : undefined)) : done !== undefined ? done + 1 : undefined;
  let acknowledged: number | undefined;
  if (to !== undefined && to !== feed.offset && page.events.length > 0) {
    if (!(await deps.feeds.advance(portal.memberId, owner, feed.botId, feed.offset, to))) {
      log.warn('feed offset moved by someone else; this poller stops for now', { from: feed.offset, to });
      return { events: page.events.length, queued, hasMore: false, stop: 'feed-moved' };
    }
    acknowledged = to;
  }
  if (failure !== undefined) throw failure;
  return { events: page.events.length, queued, hasMore: page.hasMore, ...(acknowledged !== undefined ? { acknowledged } : {}) };
}
