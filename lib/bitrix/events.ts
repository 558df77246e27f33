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
  readonly language: string | undefined;
}

/** Bitrix events we know and accept but do nothing with (we never bind them). */
export interface IgnoredEvent extends Base {
  readonly type: 'ignored';
  readonly event: string;
}

export type BitrixEvent =
  | InstallEvent
  | UpdateEvent
  | UninstallEvent
  | BotDeleteEvent
  | JoinEvent
  | MessageEvent
  | IgnoredEvent;

/** Events that talk to a customer: they go through the dialog pipeline (queue → worker). */
export type DialogEvent = JoinEvent | MessageEvent;

/**
 * Only customers get answers (contract §1.5): the bot also receives operators' and
 * system messages in a LINES chat.
 */
export function isCustomerTurn(event: DialogEvent): boolean {
  if (event.chat.entityType !== 'LINES') return false;
  if (event.type === 'join') return true;
  return event.fromConnector && !event.system;
}
