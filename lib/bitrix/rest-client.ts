/**
 * Bitrix24 REST over HTTP: one method call or one `batch`. Tokens come from a
 * TokenSource, so the client itself never decides where tokens are stored; on
 * expired_token / invalid_token it asks the source for the next token and repeats
 * the call (contract §3: refresh lazily, retry once).
 *
 * Redirects are never followed by fetch (contract §9.3, Bitrix24 docs
 * `settings/how-to-call-rest-api/change-domen.md`): a 301/302/307/308 to an allowed host
 * is repeated there by hand, same body and token, once per call; when the new address
 * accepts the token the portal has moved, `onMoved` is told and later calls go there.
 * Successful answers' `time` blocks and OPERATION_TIME_LIMIT refusals are reported to an
 * OperatingGate, which may hold a method back before it is sent (contract §5).
 */
import { BitrixApiError, BitrixHttpError, PortalAddressError } from './errors.js';
import type { AllowedHosts } from './hosts.js';
import { encodeBatchCommand } from './php-query.js';
import { checkedLocation, isRedirect, movedRestEndpoint } from './redirect.js';
import { readTimeBlock, type OperatingGate } from './time-block.js';

export type Params = Readonly<Record<string, unknown>>;

export interface TokenSource {
  /** The first token to try (per-event bot token when fresh, else the stored one). */
  first(): Promise<string>;
  /** After `failed` was rejected as expired/invalid: the next token to try, or undefined to give up. */
  next(failed: string): Promise<string | undefined>;
}

export interface BatchCommand {
  readonly key: string;
  readonly method: string;
  readonly params: Params;
}

export interface BatchOutcome {
  /** Results of the commands that ran, by key. */
  readonly results: Readonly<Record<string, unknown>>;
  /** Errors of the commands that failed, by key (with halt=1 at most one). */
  readonly errors: Readonly<Record<string, BitrixApiError>>;
}

export interface RestClient {
  call<T = unknown>(method: string, params?: Params): Promise<T>;
  batch(commands: readonly BatchCommand[], halt?: boolean): Promise<BatchOutcome>;
}

export interface RestClientOptions {
  /** The portal's REST endpoint, or a function answering the current one (it may move). */
  readonly endpoint: URL | (() => URL);
  readonly tokens: TokenSource;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
  /** Runs before every HTTP request (the per-portal rate budget hooks in here). */
  readonly beforeRequest?: () => Promise<void>;
  /** Hosts a redirect may lead to. Without them every redirect is refused (PortalAddressError). */
  readonly allowedHosts?: AllowedHosts;
  /**
   * A call was redirected to `endpoint` and the same token worked there: the portal was
   * renamed. A client built on a fixed URL sends its later calls there by itself; one built
   * on a function expects the function to answer the new endpoint from now on.
   */
  readonly onMoved?: (endpoint: URL) => Promise<void> | void;
  /** The portal's per-method operating limits (lib/app/operating-limits.ts). */
  readonly operating?: OperatingGate;
}

const METHOD_NAME = /^[a-z][a-z0-9_.]{1,100}$/i;

export function createRestClient(options: RestClientOptions): RestClient {
  const fetcher = options.fetch ?? globalThis.fetch;
  let fixed = options.endpoint instanceof URL ? options.endpoint : undefined;
  const endpointNow = (): URL => fixed ?? (options.endpoint as () => URL)();

  /** A method held back by its operating limit fails here, without a request. */
  function checkOperating(method: string): void {
    const until = options.operating?.blockedUntil(method);
    if (until !== undefined) {
      throw new BitrixApiError(
        method,
        429,
        'OPERATION_TIME_LIMIT',
        `not sent: over its operating limit on this portal until ${new Date(until).toISOString()}`,
        until,
      );
    }
  }

  async function post(method: string, url: URL, body: string): Promise<Response> {
    await options.beforeRequest?.();
    try {
      return await fetcher(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: 'manual', // followed by hand below, only to an allowed host (contract §9.3)
      });
    } catch (cause) {
      const reason = (cause as Error).name === 'TimeoutError' ? `no answer in ${options.timeoutMs} ms` : 'network error';
      throw new BitrixHttpError(method, reason, { cause: (cause as Error).name });
    }
  }

  async function send(method: string, params: Params, token: string): Promise<unknown> {
    if (!METHOD_NAME.test(method)) throw new BitrixHttpError(method.slice(0, 40), 'invalid method name');
    if (method !== 'batch') checkOperating(method);
    const requestBody = JSON.stringify({ ...params, auth: token });
    const url = new URL(method, endpointNow());
    let response = await post(method, url, requestBody);
    let moved: URL | undefined;
    if (isRedirect(response.status)) {
      moved = movedRestEndpoint(checkedLocation(response.headers.get('location'), url, options.allowedHosts, method), method);
      await response.body?.cancel().catch(() => undefined);
      // The same POST, same body and token, at the new address: once per call.
      response = await post(method, new URL(method, moved), requestBody);
      if (isRedirect(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        throw new PortalAddressError(`${method} was redirected again at the new address; not followed`);
      }
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      if (response.status >= 500 || response.status === 429) {
        throw new BitrixApiError(method, response.status, `HTTP_${response.status}`, 'no JSON body');
      }
      throw new BitrixHttpError(method, `HTTP ${response.status} without a JSON body`);
    }
    const envelope = body as { result?: unknown; error?: unknown; error_description?: unknown; time?: unknown } | null;
    const failed = envelope && typeof envelope.error === 'string' ? envelope.error : undefined;
    // The new address took our token (an answer, or a method-level 400 that comes after the
    // token check): it is the same portal, renamed.
    if (moved && envelope && (('result' in envelope && failed === undefined) || (failed !== undefined && response.status === 400))) {
      if (fixed) fixed = moved;
      await options.onMoved?.(moved);
    }
    if (failed !== undefined) {
      const retryAt = failed === 'OPERATION_TIME_LIMIT' && method !== 'batch' ? options.operating?.limited(method) : undefined;
      throw new BitrixApiError(method, response.status, failed, String(envelope!.error_description ?? ''), retryAt);
    }
    if (!response.ok || !envelope || !('result' in envelope)) {
      throw new BitrixApiError(method, response.status, `HTTP_${response.status}`, 'unexpected answer');
    }
    const time = method !== 'batch' ? readTimeBlock(envelope.time) : undefined;
    if (time) options.operating?.answered(method, time);
    return envelope.result;
  }

  async function withTokens(method: string, params: Params): Promise<unknown> {
    let token = await options.tokens.first();
    for (;;) {
      try {
        return await send(method, params, token);
      } catch (error) {
        if (!(error instanceof BitrixApiError) || !error.isExpiredToken) throw error;
        const next = await options.tokens.next(token);
        if (next === undefined) throw error;
        token = next;
      }
    }
  }

  return {
    call: async <T>(method: string, params: Params = {}) => (await withTokens(method, params)) as T,

    async batch(commands, halt = true) {
      // The outer batch is not counted against operating limits; the calls inside are (contract §9.6).
      for (const command of commands) checkOperating(command.method);
      const cmd: Record<string, string> = {};
      for (const command of commands) cmd[command.key] = encodeBatchCommand(command.method, command.params);
      const raw = (await withTokens('batch', { halt: halt ? 1 : 0, cmd })) as {
        result?: Record<string, unknown> | unknown[];
        result_error?: Record<string, { error?: string; error_description?: string }> | unknown[];
        result_time?: Record<string, unknown> | unknown[];
      };
      const results = raw.result && !Array.isArray(raw.result) ? raw.result : {};
      const methodOf = (key: string) => commands.find((command) => command.key === key)?.method ?? 'batch';
      if (raw.result_time && !Array.isArray(raw.result_time)) {
        for (const [key, value] of Object.entries(raw.result_time)) {
          const time = key in results ? readTimeBlock(value) : undefined;
          if (time) options.operating?.answered(methodOf(key), time);
        }
      }
      const errors: Record<string, BitrixApiError> = {};
      if (raw.result_error && !Array.isArray(raw.result_error)) {
        for (const [key, failure] of Object.entries(raw.result_error)) {
          const method = methodOf(key);
          const code = failure?.error ?? 'UNKNOWN';
          const retryAt = code === 'OPERATION_TIME_LIMIT' && method !== 'batch' ? options.operating?.limited(method) : undefined;
          // Sub-call errors carry no HTTP status; 400 is what Bitrix uses for method errors.
          errors[key] = new BitrixApiError(method, statusOf(code), code, failure?.error_description ?? '', retryAt);
        }
      }
      return { results, errors };
    },
  };
}

/** The HTTP status Bitrix would have used for this error code outside a batch (contract §5). */
function statusOf(code: string | undefined): number {
  switch (code) {
    case 'expired_token':
    case 'invalid_token':
    case 'NO_AUTH_FOUND':
      return 401;
    case 'QUERY_LIMIT_EXCEEDED':
    case 'OVERLOAD_LIMIT':
      return 503;
    case 'OPERATION_TIME_LIMIT':
      return 429;
    case 'INTERNAL_SERVER_ERROR':
    case 'ERROR_UNEXPECTED_ANSWER':
      return 500;
    default:
      return 400;
  }
}
