/**
 * The OAuth refresh grant (contract §3): grant_type=refresh_token, client_id,
 * client_secret, refresh_token. Sent as a form POST body, as the official SDK does,
 * so the secret never sits in a URL or an access log. The answer's new refresh token
 * replaces the old one: Bitrix refresh tokens are single-use.
 *
 * A redirect is not followed by fetch: to an allowed host the same POST is repeated there
 * once (contract §9.3), anywhere else it is refused (PortalAddressError).
 */
import type { OAuthTokens } from './events.js';
import { OAuthError, PortalAddressError } from './errors.js';
import type { AllowedHosts } from './hosts.js';
import { checkedLocation, isRedirect } from './redirect.js';

export interface RefreshRequest {
  readonly tokenUrl: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
  readonly timeoutMs: number;
  readonly now: number;
  readonly fetch?: typeof fetch;
  /** Hosts a redirect may lead to; without them a redirect is refused. */
  readonly allowedHosts?: AllowedHosts;
}

/**
 * A refresh answer: the new pair, and the addresses it names (contract §3). `domain` in
 * this answer is the OAuth server's (e.g. oauth.bitrix24.tech), not the portal's.
 */
export interface RefreshAnswer extends OAuthTokens {
  readonly clientEndpoint: string | undefined;
  readonly serverEndpoint: string | undefined;
  readonly oauthDomain: string | undefined;
}

export async function refreshGrant(request: RefreshRequest): Promise<RefreshAnswer> {
  const fetcher = request.fetch ?? globalThis.fetch;
  const form = new URLSearchParams({
    grant_type: 'refresh_token',
    client_id: request.clientId,
    client_secret: request.clientSecret,
    refresh_token: request.refreshToken,
  }).toString();
  const post = async (url: URL): Promise<Response> => {
    try {
      return await fetcher(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form,
        signal: AbortSignal.timeout(request.timeoutMs),
        redirect: 'manual',
      });
    } catch (cause) {
      throw new OAuthError((cause as Error).name === 'TimeoutError' ? 'timeout' : 'network_error', 0);
    }
  };
  let response = await post(request.tokenUrl);
  if (isRedirect(response.status)) {
    const target = checkedLocation(response.headers.get('location'), request.tokenUrl, request.allowedHosts, 'the OAuth server');
    await response.body?.cancel().catch(() => undefined);
    response = await post(target);
    if (isRedirect(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      throw new PortalAddressError('the OAuth server redirected again; not followed');
    }
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
    clientEndpoint: typeof body.client_endpoint === 'string' ? body.client_endpoint : undefined,
    serverEndpoint: typeof body.server_endpoint === 'string' ? body.server_endpoint : undefined,
    oauthDomain: typeof body.domain === 'string' ? body.domain : undefined,
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
