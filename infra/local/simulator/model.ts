/**
 * The simulated Bitrix24 side: portals, their OAuth tokens, bots, Open Lines chats and
 * everything the bot did to them. Plain data; the REST methods (rest-methods.ts), the line
 * (lines.ts, line-sessions.ts) and the event sender (bot-events.ts) change it.
 */

export type SessionStatus = 'bot' | 'queue' | 'operator' | 'line' | 'other-bot' | 'finished';

export interface SimMessage {
  readonly id: number;
  readonly chatId: number;
  readonly author: 'bot' | 'customer' | 'operator' | 'system';
  readonly authorId: number;
  readonly text: string;
  /** SKIP_CONNECTOR=Y: an operator-only note, never sent to the customer's channel. */
  readonly operatorOnly: boolean;
  /** The Open Lines session it was written in (the playground draws a line between sessions). */
  readonly sessionId?: number;
  readonly at: number;
}

export interface SimChat {
  readonly chatId: number;
  readonly dialogId: string;
  readonly lineId: number;
  readonly connector: string;
  readonly customer: { readonly id: number; readonly name: string; readonly firstName: string; readonly lastName: string };
  /** The customer's own language (the playground shows it); events never carry it (contract §9.2). */
  language: string;
  sessionId: number;
  status: SessionStatus;
  /** Who holds the dialog: operator user id, line id or bot id, by status. */
  holder?: number;
  /** When the bot got this session (the line's WELCOME_BOT_TIME counts from here, lines.ts). */
  botSince?: number;
  members: Set<number>;
  readonly messages: SimMessage[];
}

export interface SimBot {
  readonly id: number;
  code: string;
  name: string;
  readonly openline: boolean;
  readonly type: string;
  /** Bots registered by our app (others are "foreign" bots already on the portal). */
  readonly ours: boolean;
  handlers: { messageAdd?: string; welcome?: string; botDelete?: string };
  properties: Record<string, unknown>;
  /** Registered with imbot.v2.Bot.register: its events are ONIMBOTV2*, posted to webhookUrl (v2-methods.ts). */
  readonly api?: 'v1' | 'v2';
  /** V2 webhook mode: where the platform posts the bot's events. */
  webhookUrl?: string;
  eventMode?: 'webhook' | 'fetch';
}

export interface RestCall {
  readonly seq: number;
  readonly memberId: string;
  readonly method: string;
  /** Parameters as received (auth removed). */
  readonly params: Record<string, unknown>;
  readonly ok: boolean;
  readonly error?: string;
  readonly result?: unknown;
  /** Refused by the portal's leaky bucket (not an injected fault). */
  readonly limited?: boolean;
  /** Inside a batch: the batch call's seq. */
  readonly batch?: number;
  /** Where the request came in: host and REST path (`localhost:3000/rest/`). */
  readonly address?: string;
  readonly at: number;
}

export interface SimPortal {
  readonly memberId: string;
  /** Both change when the portal is renamed (simulator.renamePortal); member_id never does. */
  domain: string;
  clientEndpoint: string;
  /** The OAuth server's REST endpoint as the portal's tokens name it (simulator.moveOAuthServer). */
  serverEndpoint: string;
  applicationToken: string;
  language: string;
  /** Valid access tokens → expiry (ms) and whose they are. */
  readonly accessTokens: Map<string, { expiresAt: number; userId: number; kind: 'user' | 'bot' }>;
  /** The one refresh token that works now (single use, contract §3). */
  refreshToken: string;
  /** When it was issued (simulator clock, ms): older than the refresh-token lifetime, it is refused. */
  refreshIssuedAt: number;
  installed: boolean;
  /**
   * Chatbots 2.0: `v2` answers imbot.v2.* (a current cloud portal), `v1` is an older portal
   * where every imbot.v2.* method is ERROR_METHOD_NOT_FOUND (imbot.v2/revision-get.md).
   */
  readonly api: 'v1' | 'v2';
  readonly bots: Map<number, SimBot>;
  readonly bindings: { event: string; handler: string }[];
  readonly lines: Map<number, Record<string, unknown>>;
  readonly chats: Map<number, SimChat>;
}

export interface Fault {
  /** Method name, or '*' for every method (batch counts as its own method). */
  readonly method: string;
  readonly status: number;
  readonly error?: string;
  /** Don't answer at all for this long (the client times out). */
  readonly hangMs?: number;
  /** How many times; Infinity until cleared. */
  remaining: number;
}
