/**
 * The OAuth server on `/oauth/token/`: it refreshes a portal's token pair. Refresh tokens
 * are single-use and expire unused (contract §3, §9.5; settings/oauth/auto-renewal.md);
 * faults injected on 'oauth.token' (misbehaviour.ts) hit it too.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, send } from './http-io.js';
import { OAUTH_FAULT } from './misbehaviour.js';
import { type Platform, token } from './platform.js';

export function createOAuthServer(p: Platform) {
  const { options, state, portals, clock, hang, issue, issuedSecrets, stats, misbehaviour } = p;

  /** Answers a token request on `/oauth/token/` (GET query or POST form). */
  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<true> {
    stats.oauthRequests++;
    const fault = misbehaviour.take(OAUTH_FAULT);
    if (fault) {
      if (fault.hangMs) await hang(fault.hangMs);
      if (fault.status === 0) return (req.socket.destroy(), true);
      return (send(res, fault.status, { error: fault.error ?? 'server_error', error_description: 'injected fault' }), true);
    }
    const raw = req.method === 'POST' ? await readBody(req) : url.search.slice(1);
    const form = Object.fromEntries(new URLSearchParams(raw));
    const answer = refresh(form);
    send(res, answer.status, answer.body);
    return true;
  }

  /** The OAuth server: refresh tokens are single-use; a used one answers invalid_grant. */
  function refresh(form: Record<string, string>): { status: number; body: unknown } {
    if (form.grant_type !== 'refresh_token') return { status: 400, body: { error: 'invalid_request', error_description: 'grant_type' } };
    if (form.client_id !== options.clientId || form.client_secret !== options.clientSecret) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'Invalid client' } };
    }
    const portal = [...portals.values()].find((candidate) => candidate.refreshToken === form.refresh_token);
    if (!portal?.installed) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid refresh token' } };
    if (clock() - portal.refreshIssuedAt > state.refreshLifetimeMs)
      return { status: 400, body: { error: 'invalid_grant', error_description: 'The refresh token has expired' } };
    // The used pair is over: its user tokens stop working, the refresh token too.
    for (const [value, entry] of portal.accessTokens) if (entry.kind === 'user' && entry.userId === 1) portal.accessTokens.delete(value);
    const issued = issue(portal, 1, 'user');
    portal.refreshToken = token();
    portal.refreshIssuedAt = clock();
    issuedSecrets.add(portal.refreshToken);
    return {
      status: 200,
      body: {
        access_token: issued.accessToken,
        expires: Math.floor(issued.expiresAt / 1000),
        expires_in: 3600,
        scope: 'imbot,imopenlines',
        domain: 'oauth.bitrix.info',
        server_endpoint: portal.serverEndpoint,
        status: 'L',
        client_endpoint: portal.clientEndpoint,
        member_id: portal.memberId,
        user_id: 1,
        refresh_token: portal.refreshToken,
      },
    };
  }

  return { handle };
}
