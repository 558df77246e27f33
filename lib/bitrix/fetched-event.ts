/**
 * Events read with imbot.v2.Event.get (fetch mode) → the same internal events as webhooks.
 * Pure: no I/O, no clock.
 *
 * A fetched event is `{eventId, type, date, data}` with `data` in its documented JSON types
 * and `data.bot` the full Bot object without `auth`: no tokens and no portal identity
 * (imbot.v2/events/event-get.md; events.md#bot-format and "Data Types in Webhook Mode").
 * So it is rendered in the webhook's string form (integers as digits, booleans "1"/"0",
 * null "") and given the identity of the stored portal whose feed it came from — read over
 * our own authenticated REST call, not claimed by a caller — then parsed by the one V2
 * parser (parse-event-v2.ts). Replies then use the portal's stored tokens.
 */
import { badPayload } from './errors.js';
import type { BitrixEvent } from './events.js';
import type { Form } from './form.js';
import { parseEventV2 } from './parse-event-v2.js';

export interface FetchedEvent {
  readonly eventId: number;
  readonly type: string;
  readonly date?: string;
  readonly data: unknown;
}

/** Who the feed belongs to: the stored portal (lib/store/portals.ts). */
export interface FeedOwner {
  readonly memberId: string;
  readonly domain: string;
  readonly clientEndpoint: string;
  readonly serverEndpoint: string;
  readonly applicationToken: string;
}

const MAX_DEPTH = 8;

/** JSON → the strings http_build_query would have made (events.md "Data Types in Webhook Mode"). */
function asForm(value: unknown, depth = 0): string | Form {
  if (depth > MAX_DEPTH) throw badPayload('MALFORMED_BODY', 'fetched event nested too deep');
  if (value === true) return '1';
  if (value === false) return '0';
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (typeof value !== 'object') return '';
  const out: Record<string, string | Form> = Object.create(null);
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = asForm(item, depth + 1);
  return out;
}

export function parseFetchedEvent(event: FetchedEvent, owner: FeedOwner): BitrixEvent {
  if (typeof event.type !== 'string' || !/^ONIMBOTV2[A-Z]{1,30}$/.test(event.type)) throw badPayload('UNKNOWN_EVENT', 'fetched event has no ONIMBOTV2* type');
  const data = asForm(event.data);
  if (typeof data === 'string') throw badPayload('MALFORMED_BODY', 'fetched event has no data object');
  // The identity is the stored portal's, never the payload's (fetch mode documents no bot auth).
  const bot = data.bot;
  if (typeof bot === 'object') delete (bot as Record<string, unknown>).auth;
  const at = event.date ? Date.parse(event.date) : NaN;
  const form: Form = {
    event: event.type,
    data,
    ...(Number.isFinite(at) ? { ts: String(Math.floor(at / 1000)) } : {}),
    auth: {
      application_token: owner.applicationToken,
      member_id: owner.memberId,
      domain: owner.domain,
      client_endpoint: owner.clientEndpoint,
      server_endpoint: owner.serverEndpoint,
    },
  };
  return parseEventV2(form, event.type);
}
