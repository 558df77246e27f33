/**
 * Renamed portals (contract §9.3; Bitrix24 docs `settings/how-to-call-rest-api/change-domen.md`).
 * An admin may change a cloud portal's address at any time; `member_id` stays, the old
 * address answers 301/302 to the new one, and Bitrix24 sends no event about it.
 *
 * The stored address changes only on proof, never because an event claims another one
 * (an event proves only its application token, and must not be able to point our tokens
 * at another host):
 *  - a REST call to the stored address was redirected to an allowed host and the same
 *    token worked there (lib/bitrix/rest-client.ts reports it; recordMove stores it);
 *  - the OAuth server's refresh answer named a new client_endpoint (lib/app/tokens.ts);
 *  - an install or ONAPPUPDATE from a new address for a stored member_id, when the
 *    stored address redirects to exactly that new address and the offered token works
 *    there (verifiedMove); otherwise it is refused as before.
 */
import { allowedUrl } from '../bitrix/hosts.js';
import { createRestClient } from '../bitrix/rest-client.js';
import type { Logger } from '../log.js';
import type { PortalRecord } from '../store/portals.js';
import type { PortalDeps } from './deps.js';

/** An endpoint URL as stored: href with a trailing slash (as checkedAddresses stores it). */
export const endpointString = (url: URL): string => (url.href.endsWith('/') ? url.href : `${url.href}/`);

/** The portal's endpoint, or where this instance saw it move to. */
export function currentEndpoint(deps: PortalDeps, portal: PortalRecord): string {
  const moved = deps.caches.movedEndpoints.get(portal.memberId);
  return moved && moved.from === portal.clientEndpoint ? moved.to : portal.clientEndpoint;
}

/**
 * Stores a verified move of `portal` from `from` to `to` (its new domain is the new
 * endpoint's host). Conditional on the stored endpoint still being `from`, so a later
 * re-install or another instance's move is never overwritten. A failed write only costs
 * one more redirect next time.
 */
export async function recordMove(deps: PortalDeps, memberId: string, from: string, to: URL, log: Logger): Promise<void> {
  const clientEndpoint = endpointString(to);
  const domain = to.host.toLowerCase();
  deps.caches.movedEndpoints.set(memberId, { from, to: clientEndpoint });
  // The portal store's wrapper drops the warm portal, so it is read again with its new address.
  try {
    const stored = await deps.portals.moveEndpoint(memberId, from, { clientEndpoint, domain }, deps.clock());
    log.info('portal moved to a new address', { memberId, from: new URL(from).host, to: domain, stored });
  } catch (error) {
    log.warn("could not store the portal's new address; the old one keeps redirecting", { memberId, to: domain, error });
  }
}

/**
 * An install or update claims `claimed` for a member_id stored at another address: true
 * when the stored address redirects to exactly the claimed endpoint and the offered token
 * works there (app.info answers). The caller still proves the application as usual.
 */
export async function verifiedMove(
  deps: PortalDeps,
  stored: PortalRecord,
  claimed: { clientEndpoint: string; domain: string },
  accessToken: string,
  log: Logger,
): Promise<boolean> {
  const hosts = deps.config.allowedHosts;
  const from = allowedUrl(stored.clientEndpoint, hosts);
  if (!from) return false;
  let movedTo: URL | undefined;
  const rest = createRestClient({
    endpoint: from,
    timeoutMs: deps.config.restTimeoutMs,
    fetch: deps.fetch,
    allowedHosts: hosts,
    beforeRequest: () => deps.budget.take(stored.memberId, stored.rate ?? deps.config.restRate),
    tokens: { first: async () => accessToken, next: async () => undefined },
    onMoved: (url) => {
      movedTo = url;
    },
  });
  try {
    await rest.call('app.info');
  } catch (error) {
    log.warn('claimed address change not verified: the stored address did not lead there', { memberId: stored.memberId, error });
    return false;
  }
  const ok = movedTo !== undefined && endpointString(movedTo) === claimed.clientEndpoint && movedTo.host.toLowerCase() === claimed.domain;
  if (ok) log.info('portal address change verified at install', { memberId: stored.memberId, from: stored.domain, to: claimed.domain });
  else
    log.warn('claimed address change not verified: the stored address answers itself or leads elsewhere', {
      memberId: stored.memberId,
      claimedDomain: claimed.domain,
    });
  return ok;
}
