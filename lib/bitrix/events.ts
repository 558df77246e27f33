/**
 * The internal, version-neutral event model. Everything past lib/bitrix/parse-*.ts
 * sees only these types, never a raw form: a future imbot.v2 adapter maps its
 * ONIMBOTV2* payloads into the same shapes and nothing downstream changes.
 */

/** Who a portal is and where it lives, as claimed by an event (verified later). */
export interface PortalClaim {
  readonly memberId: string;
  readonly domain: string;
  readonly clientEndpoint: string;
  readonly serverEndpoint: string;
  readonly applicationToken: string;
}

export interface OAuthTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Unix seconds. */
  readonly expiresAt: number;
  readonly scope: string;
}

export interface BotRef {
  readonly id: number;
  readonly code: string | undefined;
  /** Per-event bot-level token (data[BOT][id][access_token]); preferred for REST when present. */
  readonly accessToken: string | undefined;
  readonly expiresAt: number | undefined;
}

export interface ChatRef {
  readonly dialogId: string;
  /** Numeric chat id taken from the `chatNNN` dialog id (what imopenlines.bot.session.* expects). */
  readonly chatId: number;
  readonly entityType: string;
  /** Open Line config id, from CHAT_ENTITY_ID `connector|lineId|…`. */
  readonly lineId: string | undefined;
  readonly connector: string | undefined;
  /** Open Lines session id (6th field of CHAT_ENTITY_DATA_1), when the event carries it. */
  readonly sessionId: string | undefined;
}

export interface Customer {
  readonly id: string;
  readonly name: string;
}

interface Base {
  readonly portal: PortalClaim;
  /** `ts` of the event (unix seconds) or 0 when absent. */
  readonly ts: number;
}

export interface InstallEvent extends Base {
  readonly type: 'install';
  readonly tokens: OAuthTokens;
  readonly language: string | undefined;
  /** ONAPPINSTALL event vs the install page opened in the portal's iframe. */
  readonly source: 'event' | 'page';
}

export interface UpdateEvent extends Base {
  readonly type: 'update';
  readonly tokens: OAuthTokens | undefined;
  readonly language: string | undefined;
  readonly version: string | undefined;
}

export interface UninstallEvent extends Base {
  readonly type: 'uninstall';
  readonly clean: boolean;
}

export interface BotDeleteEvent extends Base {
  readonly type: 'botDelete';
  readonly botId: number;
  readonly botCode: string | undefined;
}

export interface JoinEvent extends Base {
  readonly type: 'join';
  readonly bot: BotRef;
  readonly chat: ChatRef;
  readonly customer: Customer | undefined;
  /** The PORTAL's language (data[PARAMS][LANGUAGE]), never the customer's (contract §9.2). */
  readonly language: string | undefined;
}

export interface MessageEvent extends Base {
  readonly type: 'message';
  readonly bot: BotRef;
  readonly chat: ChatRef;
  readonly messageId: string;
  readonly text: string;
  readonly customer: Customer | undefined;
  /** data[USER][IS_CONNECTOR] = Y: an Open Lines customer (not an operator). */
  readonly fromConnector: boolean;
  /** data[PARAMS][SYSTEM] = Y. */
  readonly system: boolean;
  /** Who wrote it (FROM_USER_ID, else AUTHOR_ID, else data[USER][ID]); undefined or '0' for the system. */
  readonly authorId: string | undefined;
  /** What data[USER] says of the author (contract §1.5, §9.1). */
  readonly authorKind: AuthorKind;
  /** The PORTAL's language (data[PARAMS][LANGUAGE]), never the customer's (contract §9.2). */
  readonly language: string | undefined;
}

/**
 * `customer`: IS_CONNECTOR=Y, the Open Lines customer. `person`: IS_CONNECTOR=N and not a
 * bot — an operator or another Bitrix24 user. `bot`: IS_BOT=Y (ours or another).
 * `system`: SYSTEM=Y or no author. `unknown`: data[USER] says neither (older payloads).
 */
export type AuthorKind = 'customer' | 'person' | 'bot' | 'system' | 'unknown';

/** Bitrix events we know and accept but do nothing with (we never bind them). */
export interface IgnoredEvent extends Base {
  readonly type: 'ignored';
  readonly event: string;
}

export type BitrixEvent = InstallEvent | UpdateEvent | UninstallEvent | BotDeleteEvent | JoinEvent | MessageEvent | IgnoredEvent;

/** Events that talk to a customer: they go through the dialog pipeline (queue → worker). */
export type DialogEvent = JoinEvent | MessageEvent;

/**
 * What a dialog event means for the bot (contract §1.5, §9.1):
 * - `customer`: a turn to answer (the line added the bot, or the customer wrote);
 * - `elsewhere`: someone who is neither the customer nor our bot wrote in the chat — an
 *   operator took it (the line's timeout, the queue, `0`) or another bot was added: the
 *   chat is no longer the bot's until the next session;
 * - `ignore`: not an Open Lines chat, a system message, our own bot's message, or an
 *   author the payload does not describe.
 */
export type TurnKind = 'customer' | 'elsewhere' | 'ignore';

export function turnKind(event: DialogEvent, ourBotId: number): TurnKind {
  if (event.chat.entityType !== 'LINES') return 'ignore';
  if (event.type === 'join') return 'customer';
  if (event.system || event.authorKind === 'system') return 'ignore';
  if (event.authorId !== undefined && event.authorId === String(ourBotId)) return 'ignore';
  switch (event.authorKind) {
    case 'customer':
      return 'customer';
    case 'person':
    case 'bot':
      return 'elsewhere';
    default:
      return 'ignore';
  }
}
