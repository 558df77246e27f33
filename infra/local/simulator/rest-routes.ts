/**
 * The simulator's HTTP side: `/oauth/token/` goes to the OAuth server (oauth-server.ts),
 * `/rest/<method>` (or `/p/<n>/rest/<method>` for a second portal on the same host) finds
 * its portal and passes the injected faults, the leaky bucket and the token check before
 * the method runs (rest-calls.ts). A renamed portal's old address answers 302.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import qs from 'qs';
import { readBody, send } from './http-io.js';
import { createOAuthServer } from './oauth-server.js';
import type { Platform } from './platform.js';
import type { RestCalls } from './rest-calls.js';
import type { MethodContext, SimError } from './method-context.js';

export function createRestRoutes(p: Platform, restCalls: RestCalls) {
  const { portals, movedFrom, stats, misbehaviour } = p;
  const { record, invoke, authorize, runBatch } = restCalls;
  const oauth = createOAuthServer(p);

  /** Serves `/rest/<method>` and `/oauth/token/`. Returns false for other paths. */
  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const host = (req.headers.host ?? '').toLowerCase();
    if (url.pathname === '/oauth/token/' || url.pathname === '/oauth/token') return oauth.handle(req, res, url);
    const route = /^((?:\/p\/\d+)?\/rest\/)([^/]+)$/.exec(url.pathname);
    if (!route) return false;
    stats.restRequests++;
    const address = `${host}${route[1]}`;
    const portal = portals.get(address);
    const method = route[2]!.replace(/\.json$/, '');
    const raw = await readBody(req);
    const renamed = portal ? undefined : movedFrom.get(address);
    if (renamed) {
      // A renamed portal's old address (Bitrix24 docs `settings/how-to-call-rest-api/change-domen.md`):
      // 302 with Location = the new address, the same method path and query.
      record(renamed, method, {}, { error: 'REDIRECTED' }, undefined, address);
      res.writeHead(302, { location: `${renamed.clientEndpoint}${route[2]}${url.search}`, 'content-type': 'text/html' }).end('<a>moved</a>');
      return true;
    }
    if (!portal) return (send(res, 404, { error: 'PORTAL_DELETED', error_description: 'Portal was deleted' }), true);
    let params: Record<string, unknown>;
    try {
      params = (req.headers['content-type'] ?? '').includes('json')
        ? (JSON.parse(raw || '{}') as Record<string, unknown>)
        : (qs.parse(raw || url.search.slice(1), { parseArrays: false, depth: 8 }) as Record<string, unknown>);
    } catch {
      return (send(res, 400, { error: 'INVALID_REQUEST', error_description: 'Body is not valid' }), true);
    }
    const { auth, ...rest } = params;
    const fault = misbehaviour.take(method);
    if (fault) {
      if (fault.hangMs) await p.hang(fault.hangMs);
      if (fault.status === 0) {
        req.socket.destroy();
        return true;
      }
      record(portal, method, rest, { error: fault.error ?? `HTTP_${fault.status}` }, undefined, address);
      return (send(res, fault.status, { error: fault.error ?? 'INTERNAL_SERVER_ERROR', error_description: 'injected fault' }), true);
    }
    if (misbehaviour.limited(portal.memberId)) {
      stats.rateLimited++;
      record(portal, method, rest, { error: 'QUERY_LIMIT_EXCEEDED', limited: true }, undefined, address);
      return (send(res, 503, { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' }), true);
    }
    let caller: MethodContext['caller'];
    try {
      caller = authorize(portal, auth);
    } catch (error) {
      const simError = error as SimError;
      record(portal, method, rest, { error: simError.code }, undefined, address);
      return (send(res, simError.status, { error: simError.code, error_description: simError.description }), true);
    }
    if (method === 'batch') {
      try {
        const result = runBatch(portal, rest, caller, address);
        return (send(res, 200, { result, time: misbehaviour.timeBlock(portal.memberId, 'batch', 0.01) }), true);
      } catch (error) {
        const simError = error as SimError;
        return (send(res, simError.status, { error: simError.code, error_description: simError.description }), true);
      }
    }
    const outcome = invoke(portal, method, rest, caller, undefined, address);
    if (outcome.error) return (send(res, outcome.error.status, { error: outcome.error.code, error_description: outcome.error.description }), true);
    return (send(res, 200, { result: outcome.result, time: outcome.time }), true);
  }

  return { handle };
}
