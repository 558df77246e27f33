/**
 * Bitrix24 REST over HTTP: one method call or one `batch`. Tokens come from a
 * TokenSource, so the client itself never decides where tokens are stored; on
 * expired_token / invalid_token it asks the source for the next token and repeats
 * the call (contract §3: refresh lazily, retry once).
 */
import { BitrixApiError, BitrixHttpError } from './errors.js';
import { encodeBatchCommand } from './php-query.js';

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
  readonly endpoint: URL;
  readonly tokens: TokenSource;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
  /** Runs before every HTTP request (the per-portal rate budget hooks in here). */
  readonly beforeRequest?: () => Promise<void>;
}

const METHOD_NAME = /^[a-z][a-z0-9_.]{1,100}$/i;

export function createRestClient(options: RestClientOptions): RestClient {
  const fetcher = options.fetch ?? globalThis.fetch;

  async function send(method: string, params: Params, token: string): Promise<unknown> {
    if (!METHOD_NAME.test(method)) throw new BitrixHttpError(method.slice(0, 40), 'invalid method name');
    await options.beforeRequest?.();
    let response: Response;
    try {
      response = await fetcher(new URL(method, options.endpoint), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ ...params, auth: token }),
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: 'error', // a redirect could carry the token to another host
      });
    } catch (cause) {
      const reason = (cause as Error).name === 'TimeoutError' ? `no answer in ${options.timeoutMs} ms` : 'network error';
      throw new BitrixHttpError(method, reason, { cause: (cause as Error).name });
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
    const envelope = body as { result?: unknown; error?: unknown; error_description?: unknown } | null;
    if (envelope && typeof envelope.error === 'string') {
      throw new BitrixApiError(method, response.status, envelope.error, String(envelope.error_description ?? ''));
    }
    if (!response.ok || !envelope || !('result' in envelope)) {
      throw new BitrixApiError(method, response.status, `HTTP_${response.status}`, 'unexpected answer');
    }
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
      const cmd: Record<string, string> = {};
      for (const command of commands) cmd[command.key] = encodeBatchCommand(command.method, command.params);
      const raw = (await withTokens('batch', { halt: halt ? 1 : 0, cmd })) as {
        result?: Record<string, unknown> | unknown[];
        result_error?: Record<string, { error?: string; error_description?: string }> | unknown[];
      };
      const results = raw.result && !Array.isArray(raw.result) ? raw.result : {};
      const errors: Record<string, BitrixApiError> = {};
      if (raw.result_error && !Array.isArray(raw.result_error)) {
        for (const [key, failure] of Object.entries(raw.result_error)) {
          const method = commands.find((command) => command.key === key)?.method ?? 'batch';
          // Sub-call errors carry no HTTP status; 400 is what Bitrix uses for method errors.
          errors[key] = new BitrixApiError(method, statusOf(failure?.error), failure?.error ?? 'UNKNOWN', failure?.error_description ?? '');
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
