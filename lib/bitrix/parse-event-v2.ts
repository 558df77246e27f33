/**
 * Chatbots 2.0 webhook events (ONIMBOTV2*) → the same internal events as V1
 * (lib/bitrix/events.ts). Pure: no I/O, no clock.
 *
 * The wire form is documented in api-reference/chat-bots/chat-bots-v2/imbot.v2/events/events.md
 * (#bot-format, #webhook-payload, "Data Types in Webhook Mode"): still PHP http_build_query
 * form encoding, camelCase keys under data[bot|message|chat|user], every scalar a string
 * (booleans "1"/"0", null ""), data[bot] = {id, code, auth} with the bot's OAuth tokens and the
 * portal's member_id / client_endpoint, and a top-level auth that may hold only `domain` and
 * `application_token`. The docs say to verify the webhook with the TOP-LEVEL
 * auth[application_token], never data[bot][auth][application_token]: that is the one the
 * claim carries, and without it (or without any member_id to find the portal by) the event
 * is refused with 401 before anything else happens.
 */
import { badPayload, unproven } from './errors.js';
import { MAX_MESSAGE_CHARS } from './bot-api.js';
import type { AuthorKind, BitrixEvent, BotRef, ChatRef, Customer, PortalClaim } from './events.js';
import { child, required, text, type Form } from './form.js';
import { lang, lineChatRef, memberId, positiveInt, unixSeconds } from './parse-event.js';

/** Delivered to a webhook bot, accepted (after authentication) and ignored (events.md). */
const IGNORED_V2 = new Set(['ONIMBOTV2MESSAGEUPDATE', 'ONIMBOTV2MESSAGEDELETE', 'ONIMBOTV2COMMANDADD', 'ONIMBOTV2CONTEXTGET', 'ONIMBOTV2REACTIONCHANGE']);

export function parseEventV2(form: Form, name: string): BitrixEvent {
  const portal = portalClaimV2(form);
  const ts = unixSeconds(text(form, ['ts']), 'ts') ?? 0;
  switch (name) {
    case 'ONIMBOTV2JOINCHAT':
      return {
        type: 'join',
        portal,
        ts,
        bot: botRefV2(form),
        chat: chatRefV2(form),
        customer: customerV2(form),
        language: lang(text(form, ['data', 'language'])),
      };
    case 'ONIMBOTV2MESSAGEADD':
      return messageEventV2(form, portal, ts);
    case 'ONIMBOTV2DELETE': {
      const bot = botRefV2(form);
      return { type: 'botDelete', portal, ts, botId: bot.id, botCode: bot.code };
    }
    default:
      if (IGNORED_V2.has(name)) return { type: 'ignored', event: name, portal, ts };
      throw badPayload('UNKNOWN_EVENT', `unknown event ${name.slice(0, 40).replace(/[^A-Z0-9_]/g, '?')}`);
  }
}

/** Webhook booleans: "1"/"0" (events.md "Data Types in Webhook Mode"); "Y"/"true" accepted too. */
function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value === '') return undefined;
  return value === '1' || value === 'Y' || value.toLowerCase() === 'true';
}

function messageEventV2(form: Form, portal: PortalClaim, ts: number): BitrixEvent {
  const messageId = required(form, ['data', 'message', 'id']);
  if (!/^\d{1,20}$/.test(messageId)) throw badPayload('WRONG_TYPE', 'data[message][id] must be a number');
  const message = text(form, ['data', 'message', 'text']) ?? '';
  if (message.length > MAX_MESSAGE_CHARS) throw badPayload('TOO_LONG', `data[message][text] is over ${MAX_MESSAGE_CHARS} characters`);
  const system = flag(text(form, ['data', 'message', 'isSystem'])) === true;
  const rawAuthor = text(form, ['data', 'message', 'authorId']) ?? text(form, ['data', 'user', 'id']);
  const authorId = rawAuthor && /^\d{1,18}$/.test(rawAuthor) ? rawAuthor : undefined;
  const kind = authorKindV2(form, system, rawAuthor);
  return {
    type: 'message',
    portal,
    ts,
    bot: botRefV2(form),
    chat: chatRefV2(form),
    messageId,
    text: message,
    customer: customerV2(form),
    fromConnector: kind === 'customer',
    system,
    authorId,
    authorKind: kind,
    language: lang(text(form, ['data', 'language'])),
  };
}

/**
 * The User object of the author (entities.md#user): `connector` true = an Open Lines
 * customer, `bot` true = a bot (ours or another), otherwise a person (an operator). Message
 * authorId 0 is the system (entities.md#message).
 */
function authorKindV2(form: Form, system: boolean, authorId: string | undefined): AuthorKind {
  if (system || authorId === '0') return 'system';
  const user = child(child(form, 'data'), 'user');
  if (!user) return authorId === undefined ? 'system' : 'unknown';
  if (flag(text(user, ['connector']))) return 'customer';
  if (flag(text(user, ['bot']))) return 'bot';
  if (flag(text(user, ['connector'])) === false) return 'person';
  return 'unknown';
}

/**
 * Who the portal is: member_id, domain and client_endpoint from data[bot][auth] (the docs'
 * webhook bot block carries them), else from the top-level auth; the proof is the top-level
 * application_token only (events.md#webhook-payload).
 */
function portalClaimV2(form: Form): PortalClaim {
  const applicationToken = text(form, ['auth', 'application_token']);
  if (!applicationToken) throw unproven('auth[application_token] is required');
  const pick = (key: string) => text(form, ['data', 'bot', 'auth', key]) || text(form, ['auth', key]) || undefined;
  const member = pick('member_id');
  if (!member) throw unproven('no member_id in data[bot][auth] or auth');
  const domain = pick('domain');
  if (!domain) throw badPayload('MISSING_FIELD', 'auth[domain] is required');
  return {
    memberId: memberId(member),
    domain,
    clientEndpoint: pick('client_endpoint') ?? `https://${domain}/rest/`,
    serverEndpoint: pick('server_endpoint') ?? 'https://oauth.bitrix.info/rest/',
    applicationToken,
  };
}

/** data[bot] = {id, code, auth{access_token, expires, …}} in webhook mode (events.md#bot-format). */
function botRefV2(form: Form): BotRef {
  const id = positiveInt(required(form, ['data', 'bot', 'id']), 'data[bot][id]');
  const accessToken = text(form, ['data', 'bot', 'auth', 'access_token']);
  const expires = text(form, ['data', 'bot', 'auth', 'expires']);
  return {
    id,
    code: text(form, ['data', 'bot', 'code']) || undefined,
    accessToken: accessToken || undefined,
    expiresAt: expires ? unixSeconds(expires, 'data[bot][auth][expires]') : undefined,
  };
}

/**
 * The Chat object (entities.md#chat): dialogId `chatNNN`, id, entityType LINES for Open
 * Lines, entityId `connector|lineId|…`, entityData1 with the session id in field 6 — the
 * same strings V1 carries as CHAT_ENTITY_* (contract §1.5). ONIMBOTV2JOINCHAT also has a
 * top-level data[dialogId].
 */
function chatRefV2(form: Form): ChatRef {
  return lineChatRef(
    text(form, ['data', 'chat', 'dialogId']) || required(form, ['data', 'dialogId']),
    text(form, ['data', 'chat', 'entityType']),
    text(form, ['data', 'chat', 'entityId']),
    text(form, ['data', 'chat', 'entityData1']),
    'data[chat][dialogId]',
  );
}

function customerV2(form: Form): Customer | undefined {
  const id = text(form, ['data', 'user', 'id']);
  if (!id) return undefined;
  const first = text(form, ['data', 'user', 'firstName']) ?? '';
  const last = text(form, ['data', 'user', 'lastName']) ?? '';
  const name = text(form, ['data', 'user', 'name']) || `${first} ${last}`.trim();
  return { id, name: name.slice(0, 200) };
}
