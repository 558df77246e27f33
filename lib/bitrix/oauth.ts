/**
 * The OAuth refresh grant (contract §3): grant_type=refresh_token, client_id,
 * client_secret, refresh_token. Sent as a form POST body, as the official SDK does,
 * so the secret never sits in a URL or an access log. The answer's new refresh token
 * replaces the old one: Bitrix refresh tokens are single-use.
 */
import type { OAuthTokens } from './events.js';
import { OAuthError } from './errors.js';

export interface RefreshRequest {
  readonly tokenUrl: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  readonly timeoutMs: number;
  readonly now: number;
  readonly fetch?: typeof fetch;
}

export async function refreshGrant(request: RefreshRequest): Promise<OAuthTokens> {
  const fetcher = request.fetch ?? globalThis.fetch;
  let response: Response;
  try {
    response = await fetcher(request.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: request.clientId,
        client_secret: request.clientSecret,
        refresh_token: request.refreshToken,
      }).toString(),
      signal: AbortSignal.timeout(request.timeoutMs),
      redirect: 'error',
    });
  } catch (cause) {
    throw new OAuthError((cause as Error).name === 'TimeoutError' ? 'timeout' : 'network_error', 0);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body.error === 'string' || typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string') {
    throw new OAuthError(typeof body.error === 'string' ? body.error.slice(0, 60) : 'unexpected_answer', response.status);
  }
  const expires = Number(body.expires);
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    expiresAt: Number.isFinite(expires) && expires > 0 ? Math.floor(expires) : request.now + (Number.isFinite(expiresIn) ? expiresIn : 3600),
    scope: typeof body.scope === 'string' ? body.scope : '',
  };
}

/**
 * Where to refresh: B24_OAUTH_URL when configured, otherwise the host of the portal's
 * stored server_endpoint (real answers now name oauth.bitrix24.tech, contract §3).
 */
export function tokenUrlFor(serverEndpoint: string, configured: string | undefined): URL {
  if (configured) return new URL(configured);
  const server = new URL(serverEndpoint);
  return new URL('/oauth/token/', `${server.protocol}//${server.host}`);
}
