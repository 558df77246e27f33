/**
 * Two error families per integration (contract §5): Bitrix answered with an error
 * payload, or we could not get an answer at all. Both keep the method name so a log
 * line says which call failed; neither ever carries a token.
 */

/** Bitrix answered `{ error, error_description }`. */
export class BitrixApiError extends Error {
  override readonly name = 'BitrixApiError';
  constructor(
    readonly method: string,
    readonly status: number,
    readonly code: string,
    readonly description: string,
    /**
     * Epoch ms before which the same call can't pass (OPERATION_TIME_LIMIT: the method's
     * operating_reset_at, contract §5); undefined when unknown.
     */
    readonly retryAt?: number,
  ) {
    super(`${method} failed: ${status} ${code}${description ? ` (${description.slice(0, 200)})` : ''}`);
  }

  /** 401 expired_token / invalid_token: refresh once and repeat (contract §3). */
  get isExpiredToken(): boolean {
    return this.code === 'expired_token' || this.code === 'invalid_token';
  }

  /** Portal busy: leaky bucket full (503) or the method's operating limit (429). */
  get isRateLimited(): boolean {
    return this.code === 'QUERY_LIMIT_EXCEEDED' || this.code === 'OPERATION_TIME_LIMIT' || this.status === 429;
  }

  /**
   * "The dialog has moved on" (contract §9.1): the session is no longer the bot's —
   * WRONG_CHAT ("Operator is not a bot", imopenlines.bot.session.*), ACCESS_ERROR (the
   * bot may no longer act in the chat), or imbot.message.add's WRONG_REQUEST "Message
   * isn't added" (on-imbot-message-add / imbot.message.add errors). A normal race in
   * production: recorded, never retried, never dead-lettered.
   */
  get isMovedOn(): boolean {
    if (this.code === 'WRONG_CHAT' || this.code === 'ACCESS_ERROR') return true;
    // Chatbots 2.0: ACCESS_DENIED "Bot is not a participant in the chat" from
    // imbot.v2.Chat.Message.send / Chat.User.add / Chat.leave (imbot.v2/messages/chat-message-send.md,
    // imbot.v2/chats/chat-user-add.md, chat-leave.md) — V1's "Message isn't added".
    if (this.code === 'ACCESS_DENIED' && this.method.startsWith('imbot.v2.Chat.')) return true;
    return this.code === 'WRONG_REQUEST' && this.method === 'imbot.message.add';
  }

  /** Worth trying again later: rate limits and server-side failures. Never other 4xx. */
  get isRetryable(): boolean {
    if (this.isRateLimited) return true;
    if (this.code === 'OVERLOAD_LIMIT' || this.code === 'PORTAL_DELETED') return false;
    return this.status >= 500;
  }
}

/** No usable answer: DNS, TLS, reset, timeout, or a body that is not Bitrix JSON. */
export class BitrixHttpError extends Error {
  override readonly name = 'BitrixHttpError';
  readonly isRetryable = true;
  constructor(
    readonly method: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${method} failed: ${reason}`, options);
  }
}

/** The OAuth server refused a refresh (invalid_grant, invalid_client…) or did not answer. */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(`token refresh failed: ${status} ${code}`);
  }

  /** No answer (status 0) or a 5xx may pass later; a refused grant will not. */
  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

/** The portal sent something we refuse to talk to (host not allowed). */
export class PortalAddressError extends Error {
  override readonly name = 'PortalAddressError';
}

/** Any error that says it may pass later (Bitrix errors above, an exhausted REST budget). */
export const isRetryable = (error: unknown): boolean => (error as { isRetryable?: unknown } | null)?.isRetryable === true;

/**
 * An event or form body we refuse before doing anything: malformed (`status` 400) or
 * without the proof it must carry (401). The one-line reason is safe to send back; the
 * HTTP middleware (lib/http/error-middleware.ts) turns it into the answer.
 */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
  constructor(
    readonly status: 400 | 401,
    readonly code: string,
    reason: string,
  ) {
    super(reason);
  }
}

export const badPayload = (code: string, reason: string) => new PayloadError(400, code, reason);
export const unproven = (reason: string) => new PayloadError(401, 'UNAUTHORIZED', reason);
