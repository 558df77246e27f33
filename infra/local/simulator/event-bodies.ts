/**
 * Event bodies exactly as Bitrix24 posts them: PHP http_build_query form encoding
 * (contract §1.1), field sets of the contract's §1.6 examples, a bot-level token under
 * data[BOT][<id>] and the portal's identity under auth[…].
 */
import { phpQuery } from '../../../lib/bitrix/php-query.js';
import type { SimChat, SimPortal } from './model.js';

export interface Issued {
  readonly accessToken: string;
  readonly expiresAt: number;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

function portalAuth(portal: SimPortal, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...extra,
    scope: 'imbot,imopenlines',
    domain: portal.domain,
    server_endpoint: portal.serverEndpoint,
    status: 'L',
    client_endpoint: portal.clientEndpoint,
    member_id: portal.memberId,
    application_token: portal.applicationToken,
  };
}

function botBlock(portal: SimPortal, botId: number, botCode: string, token: Issued | undefined, clientId: string): Record<string, unknown> {
  if (!token) {
    // Older payloads: only the portal identity under AUTH (contract §1.4).
    return {
      [botId]: { AUTH: { domain: portal.domain, member_id: portal.memberId, application_token: portal.applicationToken }, BOT_ID: botId, BOT_CODE: botCode },
    };
  }
  const auth = {
    access_token: token.accessToken,
    expires: seconds(token.expiresAt),
    expires_in: 3600,
    scope: 'imbot,imopenlines',
    domain: portal.domain,
    server_endpoint: portal.serverEndpoint,
    status: 'L',
    client_endpoint: portal.clientEndpoint,
    member_id: portal.memberId,
    refresh_token: `bot-refresh-${token.accessToken.slice(-6)}`,
    user_id: botId,
    client_id: clientId,
    application_token: portal.applicationToken,
  };
  return { [botId]: { ...auth, AUTH: auth, BOT_ID: botId, BOT_CODE: botCode } };
}

export function installBody(portal: SimPortal, user: Issued, refreshToken: string, now: number): string {
  return phpQuery({
    event: 'ONAPPINSTALL',
    data: { VERSION: 1, ACTIVE: 'Y', INSTALLED: 'Y', LANGUAGE_ID: portal.language },
    ts: seconds(now),
    auth: portalAuth(portal, { access_token: user.accessToken, expires: seconds(user.expiresAt), expires_in: 3600, user_id: 1, refresh_token: refreshToken }),
  });
}

/** The install page's POST (contract §2.2): the query carries DOMAIN, PROTOCOL, LANG. */
export function installPageBody(portal: SimPortal, user: Issued, refreshToken: string): { body: string; query: string } {
  return {
    body: phpQuery({
      AUTH_ID: user.accessToken,
      AUTH_EXPIRES: 3600,
      REFRESH_ID: refreshToken,
      SERVER_ENDPOINT: portal.serverEndpoint,
      APPLICATION_TOKEN: portal.applicationToken,
      APPLICATION_SCOPE: 'imbot,imopenlines',
      member_id: portal.memberId,
      status: 'L',
      PLACEMENT: 'DEFAULT',
      PLACEMENT_OPTIONS: '{}',
    }),
    query: phpQuery({ DOMAIN: portal.domain, PROTOCOL: portal.clientEndpoint.startsWith('https') ? 1 : 0, LANG: portal.language, APP_SID: 'sim' }),
  };
}

/**
 * The app's own page, opened by a user in the portal: POST to "Your handler path" with the
 * user's tokens in the body, DOMAIN in the query [DOC local-integrations/serverside-local-app-with-ui.md].
 */
export function appPageBody(portal: SimPortal, user: Issued): { body: string; query: string } {
  const page = installPageBody(portal, user, 'refresh-not-for-pages');
  return { body: page.body, query: page.query };
}

/** The documented body [DOC api-reference/common/events/on-app-update.md]: the application token it carries may be a new one (contract §9.4). */
export function updateBody(portal: SimPortal, user: Issued, refreshToken: string, now: number, version: number): string {
  return phpQuery({
    event: 'ONAPPUPDATE',
    data: { VERSION: version, PREVIOUS_VERSION: version - 1, LANGUAGE_ID: portal.language },
    ts: seconds(now),
    auth: portalAuth(portal, { access_token: user.accessToken, expires_in: 3600, refresh_token: refreshToken }),
  });
}

export function uninstallBody(portal: SimPortal, now: number, clean = true): string {
  return phpQuery({ event: 'ONAPPUNINSTALL', data: { LANGUAGE_ID: portal.language, CLEAN: clean ? 1 : 0 }, ts: seconds(now), auth: portalAuth(portal) });
}

export function botDeleteBody(portal: SimPortal, botId: number, botCode: string, user: Issued, now: number): string {
  return phpQuery({
    event: 'ONIMBOTDELETE',
    data: { BOT_ID: botId, BOT_CODE: botCode },
    ts: seconds(now),
    auth: portalAuth(portal, { access_token: user.accessToken, expires: seconds(user.expiresAt), expires_in: 3600, user_id: 1 }),
  });
}

const entityId = (chat: SimChat) => `${chat.connector}|${chat.lineId}|${900000 + chat.chatId}|${chat.customer.id}`;

export function joinBody(
  portal: SimPortal,
  chat: SimChat,
  bot: { id: number; code: string },
  botToken: Issued | undefined,
  customerToken: Issued,
  clientId: string,
  now: number,
): string {
  return phpQuery({
    event: 'ONIMBOTJOINCHAT',
    event_handler_id: 459,
    data: {
      BOT: botBlock(portal, bot.id, bot.code, botToken, clientId),
      PARAMS: {
        CHAT_TYPE: 'L',
        MESSAGE_TYPE: 'L',
        BOT_ID: bot.id,
        USER_ID: chat.customer.id,
        CHAT_ID: chat.chatId,
        CHAT_AUTHOR_ID: 0,
        CHAT_ENTITY_TYPE: 'LINES',
        CHAT_ENTITY_ID: entityId(chat),
        ACCESS_HISTORY: 1,
        DIALOG_ID: chat.dialogId,
        LANGUAGE: portal.language, // the portal's language, never the customer's (contract §9.2)
      },
      USER: {
        ID: chat.customer.id,
        NAME: chat.customer.name,
        FIRST_NAME: chat.customer.firstName,
        LAST_NAME: chat.customer.lastName,
        WORK_POSITION: '',
        GENDER: 'M',
      },
    },
    ts: seconds(now),
    auth: portalAuth(portal, {
      access_token: customerToken.accessToken,
      expires: seconds(customerToken.expiresAt),
      expires_in: 3600,
      user_id: chat.customer.id,
    }),
  });
}

export interface MessageAuthor {
  readonly id: number;
  readonly name: string;
  readonly connector: boolean;
}

export function messageBody(
  portal: SimPortal,
  chat: SimChat,
  bot: { id: number; code: string },
  botToken: Issued | undefined,
  customerToken: Issued,
  clientId: string,
  message: { id: number; text: string; author: MessageAuthor; system?: boolean },
  now: number,
): string {
  const author = message.author;
  return phpQuery({
    event: 'ONIMBOTMESSAGEADD',
    event_handler_id: 403,
    data: {
      BOT: botBlock(portal, bot.id, bot.code, botToken, clientId),
      PARAMS: {
        MESSAGE: message.text,
        TEMPLATE_ID: `sim-${message.id}`,
        MESSAGE_TYPE: 'L',
        FROM_USER_ID: author.id,
        DIALOG_ID: chat.dialogId,
        TO_CHAT_ID: chat.chatId,
        AUTHOR_ID: author.id,
        SYSTEM: message.system ? 'Y' : 'N',
        CHAT_ID: chat.chatId,
        CHAT_TITLE: `${chat.customer.name} - ${chat.connector}`,
        CHAT_AUTHOR_ID: 0,
        CHAT_TYPE: 'L',
        CHAT_ENTITY_TYPE: 'LINES',
        CHAT_ENTITY_ID: entityId(chat),
        CHAT_ENTITY_DATA_1: `Y|LEAD|1209|N|N|${chat.sessionId}|${seconds(now)}|0|0|0`,
        CHAT_ENTITY_DATA_2: 'LEAD|1209|COMPANY|0|CONTACT|0|DEAL|0',
        CHAT_ENTITY_DATA_3: 'N',
        SKIP_CONNECTOR: 'N',
        NO_SESSION_OL: 'N',
        COMMAND_CONTEXT: 'TEXTAREA',
        MESSAGE_ORIGINAL: message.text,
        TO_USER_ID: 0,
        MESSAGE_ID: message.id,
        LANGUAGE: portal.language, // the portal's language, never the customer's (contract §9.2)
      },
      USER: {
        ID: author.id,
        NAME: author.name,
        FIRST_NAME: author.name.split(' ')[0],
        LAST_NAME: author.name.split(' ').slice(1).join(' '),
        WORK_POSITION: '',
        GENDER: 'M',
        IS_BOT: 'N',
        IS_CONNECTOR: author.connector ? 'Y' : 'N',
        IS_NETWORK: 'N',
        IS_EXTRANET: author.connector ? 'Y' : 'N',
      },
    },
    ts: seconds(now),
    auth: portalAuth(portal, {
      access_token: customerToken.accessToken,
      expires: seconds(customerToken.expiresAt),
      expires_in: 3600,
      user_id: author.id,
      refresh_token: `user-refresh-${customerToken.accessToken.slice(-6)}`,
    }),
  });
}
