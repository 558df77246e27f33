/**
 * Form body → internal event (lib/bitrix/events.ts). Pure: no I/O, no clock.
 * Field names and presence rules follow the contract §1.3–1.6; every malformed
 * or missing field becomes a PayloadError (400) with a one-line reason.
 */
import { badPayload } from './errors.js';
import type { AuthorKind, BitrixEvent, BotRef, ChatRef, Customer, InstallEvent, OAuthTokens, PortalClaim } from './events.js';
import { child, parseForm, required, text, type Form } from './form.js';
import { parseEventV2 } from './parse-event-v2.js';

const MAX_MESSAGE_CHARS = 20_000; // messenger limit (contract §4.5); longer is not a customer message

/** Events Bitrix may deliver that the bot accepts and ignores (authenticated first). */
const IGNORED = new Set(['ONIMBOTMESSAGEUPDATE', 'ONIMBOTMESSAGEDELETE', 'ONIMCOMMANDADD', 'ONAPPTEST']);

/** `now` (unix seconds) only turns a relative `expires_in` into an absolute expiry. */
export function parseEventBody(raw: string, now: number): BitrixEvent {
  return parseEvent(parseForm(raw), now);
}

export function parseEvent(form: Form, now: number): BitrixEvent {
  const name = required(form, ['event']).toUpperCase();
  // Chatbots 2.0 events have their own shape and their own proof (lib/bitrix/parse-event-v2.ts).
  if (name.startsWith('ONIMBOTV2')) return parseEventV2(form, name);
  const portal = portalClaim(form);
  const ts = unixSeconds(text(form, ['ts']), 'ts') ?? 0;
  const at = ts || now;
  switch (name) {
    case 'ONAPPINSTALL':
      return { type: 'install', portal, ts, source: 'event', tokens: oauthTokens(form, at, true)!, language: lang(text(form, ['data', 'LANGUAGE_ID'])) };
    case 'ONAPPUPDATE':
      return {
        type: 'update',
        portal,
        ts,
        tokens: oauthTokens(form, at, false),
        language: lang(text(form, ['data', 'LANGUAGE_ID'])),
        version: text(form, ['data', 'VERSION']),
      };
    case 'ONAPPUNINSTALL':
      return { type: 'uninstall', portal, ts, clean: text(form, ['data', 'CLEAN']) === '1' };
    case 'ONIMBOTDELETE':
      return {
        type: 'botDelete',
        portal,
        ts,
        botId: positiveInt(required(form, ['data', 'BOT_ID']), 'data[BOT_ID]'),
        botCode: text(form, ['data', 'BOT_CODE']),
      };
    case 'ONIMBOTJOINCHAT':
      return {
        type: 'join',
        portal,
        ts,
        bot: botRef(form),
        chat: chatRef(form),
        customer: customer(form),
        language: lang(text(form, ['data', 'PARAMS', 'LANGUAGE'])),
      };
    case 'ONIMBOTMESSAGEADD':
      return messageEvent(form, portal, ts);
    default:
      if (IGNORED.has(name)) return { type: 'ignored', event: name, portal, ts };
      throw badPayload('UNKNOWN_EVENT', `unknown event ${name.slice(0, 40).replace(/[^A-Z0-9_]/g, '?')}`);
  }
}

function messageEvent(form: Form, portal: PortalClaim, ts: number): BitrixEvent {
  const messageId = required(form, ['data', 'PARAMS', 'MESSAGE_ID']);
  if (!/^\d{1,20}$/.test(messageId)) throw badPayload('WRONG_TYPE', 'data[PARAMS][MESSAGE_ID] must be a number');
  const message = text(form, ['data', 'PARAMS', 'MESSAGE']) ?? '';
  if (message.length > MAX_MESSAGE_CHARS) throw badPayload('TOO_LONG', `data[PARAMS][MESSAGE] is over ${MAX_MESSAGE_CHARS} characters`);
  const system = text(form, ['data', 'PARAMS', 'SYSTEM']) === 'Y';
  const authorId = text(form, ['data', 'PARAMS', 'FROM_USER_ID']) ?? text(form, ['data', 'PARAMS', 'AUTHOR_ID']) ?? text(form, ['data', 'USER', 'ID']);
  return {
    type: 'message',
    portal,
    ts,
    bot: botRef(form),
    chat: chatRef(form),
    messageId,
    text: message,
    customer: customer(form),
    fromConnector: text(form, ['data', 'USER', 'IS_CONNECTOR']) === 'Y',
    system,
    authorId: authorId && /^\d{1,18}$/.test(authorId) ? authorId : undefined,
    authorKind: authorKind(form, system, authorId),
    language: lang(text(form, ['data', 'PARAMS', 'LANGUAGE'])),
  };
}

/**
 * data[USER] is omitted when the author id is 0 (a system message); IS_CONNECTOR and
 * IS_BOT come with message events only (contract §1.5, on-imbot-message-add.md).
 */
function authorKind(form: Form, system: boolean, authorId: string | undefined): AuthorKind {
  if (system || authorId === '0') return 'system';
  const user = child(child(form, 'data'), 'USER');
  if (!user) return authorId === undefined ? 'system' : 'unknown';
  if (text(user, ['IS_CONNECTOR']) === 'Y') return 'customer';
  if (text(user, ['IS_BOT']) === 'Y') return 'bot';
  if (text(user, ['IS_CONNECTOR']) === 'N') return 'person';
  return 'unknown';
}

/** The top-level auth block: always carries the portal's identity (contract §1.3). */
function portalClaim(form: Form): PortalClaim {
  return {
    memberId: memberId(required(form, ['auth', 'member_id'])),
    domain: required(form, ['auth', 'domain']),
    clientEndpoint: required(form, ['auth', 'client_endpoint']),
    serverEndpoint: text(form, ['auth', 'server_endpoint']) ?? 'https://oauth.bitrix.info/rest/',
    applicationToken: required(form, ['auth', 'application_token']),
  };
}

function oauthTokens(form: Form, at: number, mandatory: boolean): OAuthTokens | undefined {
  const accessToken = text(form, ['auth', 'access_token']);
  const refreshToken = text(form, ['auth', 'refresh_token']);
  if (!accessToken || !refreshToken) {
    if (mandatory) throw badPayload('MISSING_FIELD', 'auth[access_token] and auth[refresh_token] are required');
    return undefined;
  }
  return {
    accessToken,
    refreshToken,
    expiresAt: expiry(text(form, ['auth', 'expires']), text(form, ['auth', 'expires_in']), at),
    scope: text(form, ['auth', 'scope']) ?? '',
  };
}

/**
 * data[BOT][<id>][…]: the entry carries the bot id as key, BOT_ID/BOT_CODE, and (current
 * docs) a bot-level token. Older payloads have only AUTH with the portal identity.
 */
function botRef(form: Form): BotRef {
  const bots = child(child(form, 'data'), 'BOT');
  const paramsBotId = text(form, ['data', 'PARAMS', 'BOT_ID']);
  const keys = bots ? Object.keys(bots) : [];
  const key = keys.find((candidate) => candidate === paramsBotId) ?? keys[0];
  const entry = key === undefined ? undefined : child(bots, key);
  const rawId = text(entry, ['BOT_ID']) ?? key ?? paramsBotId;
  if (rawId === undefined) throw badPayload('MISSING_FIELD', 'data[BOT] is required');
  const accessToken = text(entry, ['access_token']) ?? text(entry, ['AUTH', 'access_token']);
  const expires = text(entry, ['expires']) ?? text(entry, ['AUTH', 'expires']);
  return {
    id: positiveInt(rawId, 'data[BOT][…][BOT_ID]'),
    code: text(entry, ['BOT_CODE']),
    accessToken: accessToken || undefined,
    expiresAt: expires ? unixSeconds(expires, 'data[BOT][…][expires]') : undefined,
  };
}

function chatRef(form: Form): ChatRef {
  return lineChatRef(
    required(form, ['data', 'PARAMS', 'DIALOG_ID']),
    text(form, ['data', 'PARAMS', 'CHAT_ENTITY_TYPE']),
    text(form, ['data', 'PARAMS', 'CHAT_ENTITY_ID']),
    text(form, ['data', 'PARAMS', 'CHAT_ENTITY_DATA_1']),
    'data[PARAMS][DIALOG_ID]',
  );
}

/**
 * A chat as both APIs describe it (contract §1.5): dialog id `chat<n>`, entity type LINES
 * for Open Lines, entity id `connector|lineId|…`, entity data 1 with the session id in its
 * sixth field. `dialogField` names the field in the 400 when a LINES chat's id is malformed.
 */
export function lineChatRef(dialogId: string, type: string | undefined, entityId: string | undefined, data1: string | undefined, dialogField: string): ChatRef {
  const entityType = type ?? '';
  const match = /^chat(\d{1,18})$/.exec(dialogId);
  // Only LINES chats are answered; other chats (1:1 with a user) have no chat id and are ignored later.
  if (!match && entityType === 'LINES') throw badPayload('WRONG_TYPE', `${dialogField} must look like chat<number>`);
  const [connector, lineId] = entityId ? entityId.split('|') : [];
  const sessionId = data1?.split('|')[5];
  return {
    dialogId,
    chatId: match ? Number(match[1]) : 0,
    entityType,
    lineId: lineId && /^\d+$/.test(lineId) ? lineId : undefined,
    connector: connector || undefined,
    sessionId: sessionId && /^\d+$/.test(sessionId) && sessionId !== '0' ? sessionId : undefined,
  };
}

function customer(form: Form): Customer | undefined {
  const id = text(form, ['data', 'USER', 'ID']) ?? text(form, ['data', 'PARAMS', 'USER_ID']);
  if (!id) return undefined;
  const first = text(form, ['data', 'USER', 'FIRST_NAME']) ?? '';
  const last = text(form, ['data', 'USER', 'LAST_NAME']) ?? '';
  const name = text(form, ['data', 'USER', 'NAME']) || `${first} ${last}`.trim();
  return { id, name: name.slice(0, 200) };
}

// ── the install page (an app with UI opens its install URL in the portal's iframe) ──

/**
 * Install page POST (contract §2.2): AUTH_ID, REFRESH_ID, AUTH_EXPIRES, member_id,
 * APPLICATION_TOKEN, SERVER_ENDPOINT in the body; DOMAIN, PROTOCOL, LANG in the query
 * (some portals put DOMAIN in the body too, so both are read).
 */
export function parseInstallPage(body: Form, query: Form, now: number): InstallEvent {
  const pick = (key: string) => text(body, [key]) ?? text(query, [key]);
  const need = (key: string) => {
    const value = pick(key);
    if (!value) throw badPayload('MISSING_FIELD', `${key} is required`);
    return value;
  };
  const domain = need('DOMAIN').toLowerCase();
  if (!/^[a-z0-9.-]+(:\d+)?$/.test(domain)) throw badPayload('WRONG_TYPE', 'DOMAIN must be a host name');
  const scheme = pick('PROTOCOL') === '0' ? 'http' : 'https';
  const expiresIn = pick('AUTH_EXPIRES');
  return {
    type: 'install',
    source: 'page',
    ts: 0,
    portal: {
      memberId: memberId(need('member_id')),
      domain,
      clientEndpoint: `${scheme}://${domain}/rest/`,
      serverEndpoint: pick('SERVER_ENDPOINT') ?? 'https://oauth.bitrix.info/rest/',
      applicationToken: need('APPLICATION_TOKEN'),
    },
    tokens: {
      accessToken: need('AUTH_ID'),
      refreshToken: need('REFRESH_ID'),
      expiresAt: expiry(undefined, expiresIn, now),
      scope: pick('APPLICATION_SCOPE') ?? '',
    },
    language: lang(pick('LANG')),
  };
}

/** True when the form looks like the install page POST rather than an event. */
export function isInstallPage(form: Form): boolean {
  return text(form, ['event']) === undefined && text(form, ['AUTH_ID']) !== undefined;
}

// ── scalar helpers ──

export function memberId(value: string): string {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(value)) throw badPayload('WRONG_TYPE', 'member_id has an unexpected format');
  return value;
}

export function positiveInt(value: string, name: string): number {
  if (!/^\d{1,12}$/.test(value) || Number(value) <= 0) throw badPayload('WRONG_TYPE', `${name} must be a positive number`);
  return Number(value);
}

export function unixSeconds(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,12}(\.\d+)?$/.test(value)) throw badPayload('WRONG_TYPE', `${name} must be a unix time`);
  return Math.floor(Number(value));
}

/**
 * Expiry in unix seconds: `expires` when given, else `at` + expires_in. Without either,
 * assume the documented one-hour lifetime — a wrong guess only costs one refresh on
 * the first expired_token (we never refresh ahead of time, contract §3).
 */
function expiry(expires: string | undefined, expiresIn: string | undefined, at: number): number {
  const absolute = unixSeconds(expires, 'auth[expires]');
  if (absolute) return absolute;
  return at + (unixSeconds(expiresIn, 'auth[expires_in]') ?? 3600);
}

export function lang(value: string | undefined): string | undefined {
  const code = value?.trim().toLowerCase();
  return code && /^[a-z]{2}(?:[-_][a-z0-9]{2,8})?$/.test(code) ? code.slice(0, 2) : undefined;
}
