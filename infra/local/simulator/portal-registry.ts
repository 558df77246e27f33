/**
 * The simulated portals' addresses: a new portal gets its REST endpoint, a renamed one a
 * new address while the old one answers 302 (contract §9.3), and the OAuth server its
 * tokens name may move (contract §3).
 */
import { randomBytes } from 'node:crypto';
import * as line from './lines.js';
import type { SimPortal } from './model.js';
import { type Platform, token } from './platform.js';

/** "host:port/p/2/rest/" from an endpoint URL: how a REST request finds its portal. */
export const endpointKey = (endpoint: string) => {
  const url = new URL(endpoint);
  return `${url.host}${url.pathname}`;
};

export function createPortalRegistry(p: Platform) {
  const { portals, movedFrom, clock, issuedSecrets } = p;

  /**
   * A new portal at `domain` (host:port of the simulator). Real portals each have their own
   * host; on loopback several portals share one, so the second and later ones get a path
   * prefix (`/p/<n>/rest/`) — the bot only cares that the endpoint's host is the domain.
   */
  function createPortal(opts: {
    domain: string;
    https?: boolean;
    memberId?: string;
    language?: string;
    lines?: Record<number, Record<string, unknown>>;
    api?: 'v1' | 'v2';
  }): SimPortal {
    const scheme = opts.https ? 'https' : 'http';
    const taken = [...portals.values()].some((portal) => portal.domain === opts.domain);
    let n = portals.size + 1;
    const at = (prefix: string) => `${scheme}://${opts.domain}${prefix}/rest/`;
    while (taken && (portals.has(endpointKey(at(`/p/${n}`))) || movedFrom.has(endpointKey(at(`/p/${n}`))))) n++;
    const endpoint = at(taken ? `/p/${n}` : '');
    const portal: SimPortal = {
      memberId: opts.memberId ?? randomBytes(16).toString('hex'),
      domain: opts.domain,
      clientEndpoint: endpoint,
      serverEndpoint: endpoint,
      applicationToken: token(),
      language: opts.language ?? 'en',
      accessTokens: new Map(),
      refreshToken: token(),
      refreshIssuedAt: clock(),
      installed: false,
      // An older V1-only portal unless asked for Chatbots 2.0 (v2-methods.ts).
      api: opts.api ?? 'v1',
      bots: new Map(),
      bindings: [],
      lines: new Map(Object.entries(opts.lines ?? line.DEFAULT_LINES).map(([id, config]) => [Number(id), { ...config }])),
      chats: new Map(),
    };
    // Another app's Open Lines bot already on the portal, for `bot` transfers.
    portal.bots.set(90, { id: 90, code: 'tracker', name: 'Tracking bot', openline: true, type: 'O', ours: false, handlers: {}, properties: {} });
    portal.bots.set(91, { id: 91, code: 'helper', name: 'Helper (not for lines)', openline: false, type: 'B', ours: false, handlers: {}, properties: {} });
    portals.set(endpointKey(endpoint), portal);
    issuedSecrets.add(portal.applicationToken).add(portal.refreshToken);
    return portal;
  }

  /**
   * An admin renames the portal (contract §9.3): from now on its old address answers every
   * REST call with 302 to `newDomain` (host:port; same path when that is free there), and
   * later events carry the new domain and client_endpoint with the same member_id. The
   * OAuth server (server_endpoint) does not move.
   */
  function renamePortal(portal: SimPortal, newDomain: string): SimPortal {
    const old = new URL(portal.clientEndpoint);
    const oldKey = endpointKey(portal.clientEndpoint);
    const free = (path: string) => !portals.has(`${newDomain}${path}`) && !movedFrom.has(`${newDomain}${path}`);
    let path = old.pathname;
    for (let n = portals.size + movedFrom.size + 1; !free(path); n++) path = `/p/${n}/rest/`;
    portal.domain = newDomain;
    portal.clientEndpoint = `${old.protocol}//${newDomain}${path}`;
    portals.delete(oldKey);
    portals.set(endpointKey(portal.clientEndpoint), portal);
    movedFrom.set(oldKey, portal);
    return portal;
  }

  /**
   * The OAuth server the portal's tokens name moves (as oauth.bitrix.info → oauth.bitrix24.tech
   * did, contract §3): refresh answers carry the new server_endpoint from now on.
   */
  function moveOAuthServer(portal: SimPortal, serverEndpoint: string): void {
    portal.serverEndpoint = serverEndpoint;
  }

  return { createPortal, renamePortal, moveOAuthServer };
}
