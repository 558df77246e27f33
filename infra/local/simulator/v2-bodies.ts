/**
 * Chatbots 2.0 webhook bodies as the platform posts them to a bot registered with
 * eventMode 'webhook' (bitrix24/b24restdocs api-reference/chat-bots/chat-bots-v2/imbot.v2/events/events.md):
 * http_build_query form encoding, camelCase objects data[bot|message|chat|user], every
 * scalar a string — booleans "1"/"0", null "" ("Data Types in Webhook Mode") — data[bot] =
 * {id, code, auth} with the bot's OAuth tokens and the portal's identity (#bot-format), and a
 * top-level auth with only `domain` and `application_token` (#webhook-payload: the docs'
 * smallest form, so the bot has to find the portal from data[bot][auth]).
 *
 * The same data objects serve fetch mode (event-feed.ts): there they keep their JSON types
 * and data[bot] is the full Bot object without tokens (events.md#bot-format).
 */
import { phpQuery } from '../../../lib/bitrix/php-query.js';
import type { Issued, MessageAuthor } from './event-bodies.js';
import type { SimChat, SimPortal } from './model.js';

const seconds = (ms: number) => Math.floor(ms / 1000);

/** What http_build_query makes of JSON types (events.md "Data Types in Webhook Mode"). */
function webhookScalars(value: unknown): unknown {
  if (value === true) return '1';
  if (value === false) return '0';
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(webhookScalars);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, webhookScalars(item)]));
  return value;
}

export function encode(event: string, data: Record<string, unknown>, portal: SimPortal, now: number): string {
  return phpQuery(
    webhookScalars({
      event,
      event_handler_id: 811,
      data,
      ts: seconds(now),
      auth: { domain: portal.domain, application_token: portal.applicationToken },
    }) as Record<string, unknown>,
  );
}

/** {id, code, auth}: the bot's token for callbacks (absent when the simulator sends none). */
export function botBlock(portal: SimPortal, bot: { id: number; code: string }, token: Issued | undefined, clientId: string): Record<string, unknown> {
  return {
    id: bot.id,
    code: bot.code,
    auth: {
      ...(token ? { access_token: token.accessToken, expires: seconds(token.expiresAt), expires_in: 3600 } : {}),
      scope: 'imbot,imopenlines',
      domain: portal.domain,
      server_endpoint: portal.serverEndpoint,
      status: 'L',
      client_endpoint: portal.clientEndpoint,
      member_id: portal.memberId,
      user_id: bot.id,
      client_id: clientId,
      application_token: portal.applicationToken,
    },
  };
}

/** The Chat object of an Open Lines chat (entities.md#chat; entityType LINES, open-lines-bot.md). */
function chatObject(chat: SimChat, now: number): Record<string, unknown> {
  return {
    id: chat.chatId,
    dialogId: chat.dialogId,
    type: 'lines',
    name: `${chat.customer.name} - ${chat.connector}`,
    entityType: 'LINES',
    entityId: `${chat.connector}|${chat.lineId}|${900000 + chat.chatId}|${chat.customer.id}`,
    entityData1: `Y|LEAD|1209|N|N|${chat.sessionId}|${seconds(now)}|0|0|0`,
    entityData2: 'LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0',
    entityData3: 'N',
    owner: 0,
    avatar: '',
    color: '#ab7761',
    extranet: true,
    parentChatId: null,
  };
}

/** The User object (entities.md#user): `connector` true for the Open Lines customer. */
function userObject(author: MessageAuthor & { bot?: boolean }): Record<string, unknown> {
  const [first = author.name, ...last] = author.name.split(' ');
  return {
    id: author.id,
    active: true,
    name: author.name,
    firstName: first,
    lastName: last.join(' '),
    workPosition: '',
    color: '#df532d',
    avatar: '',
    gender: 'M',
    birthday: '',
    extranet: author.connector,
    bot: author.bot ?? false,
    connector: author.connector,
    externalAuthId: author.connector ? 'imconnector' : 'default',
    status: 'online',
    idle: false,
    absent: false,
    type: author.connector ? 'extranet' : 'employee',
  };
}

/** data of ONIMBOTV2JOINCHAT, with `bot` as the delivery mode has it. */
export function joinDataV2(portal: SimPortal, chat: SimChat, bot: Record<string, unknown>, now: number): Record<string, unknown> {
  return {
    bot,
    dialogId: chat.dialogId,
    chat: chatObject(chat, now),
    user: userObject({ id: chat.customer.id, name: chat.customer.name, connector: true }),
    language: portal.language, // the portal's language, never the customer's (contract §9.2)
  };
}

export function messageDataV2(
  portal: SimPortal,
  chat: SimChat,
  bot: Record<string, unknown>,
  message: { id: number; text: string; author: MessageAuthor; system?: boolean },
  now: number,
): Record<string, unknown> {
  return {
    bot,
    message: {
      id: message.id,
      chatId: chat.chatId,
      authorId: message.author.id,
      date: new Date(now).toISOString(),
      text: message.text,
      isSystem: message.system ?? false,
      uuid: '',
      forward: null,
      params: {},
      viewedByOthers: false,
    },
    chat: chatObject(chat, now),
    user: userObject(message.author),
    language: portal.language,
  };
}

export function joinBodyV2(
  portal: SimPortal,
  chat: SimChat,
  bot: { id: number; code: string },
  token: Issued | undefined,
  clientId: string,
  now: number,
): string {
  return encode('ONIMBOTV2JOINCHAT', joinDataV2(portal, chat, botBlock(portal, bot, token, clientId), now), portal, now);
}

export function messageBodyV2(
  portal: SimPortal,
  chat: SimChat,
  bot: { id: number; code: string },
  token: Issued | undefined,
  clientId: string,
  message: { id: number; text: string; author: MessageAuthor; system?: boolean },
  now: number,
): string {
  return encode('ONIMBOTV2MESSAGEADD', messageDataV2(portal, chat, botBlock(portal, bot, token, clientId), message, now), portal, now);
}

/** The last event a bot gets (events.md#onimbotv2delete). */
export function botDeleteBodyV2(portal: SimPortal, bot: { id: number; code: string }, clientId: string, now: number): string {
  return encode('ONIMBOTV2DELETE', { bot: botBlock(portal, bot, undefined, clientId) }, portal, now);
}
