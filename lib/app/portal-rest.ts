/**
 * A REST client bound to one stored portal: its checked endpoint, its rate budget, its
 * operating limits, and the token order of lib/app/tokens.ts. The portal's address was
 * checked at install; it is checked again here so no code path can send a token anywhere
 * else. A verified redirect (the portal was renamed, contract §9.3) is stored by
 * lib/app/portal-moves.ts, and this client's later calls go to the new address; so does
 * a new client_endpoint from a token refresh.
 */
import { PortalAddressError } from '../bitrix/errors.js';
import { allowedUrl } from '../bitrix/hosts.js';
import { createRestClient, type RestClient } from '../bitrix/rest-client.js';
import type { Logger } from '../log.js';
import type { PortalRecord } from '../store/portals.js';
import type { PortalDeps } from './deps.js';
import { currentEndpoint, recordMove } from './portal-moves.js';
import { portalTokenSource, type EventToken } from './tokens.js';

/**
 * `prepaid`: a budget slot taken ahead of time (alongside the dialog read), used by the
 * first request instead of taking another.
 */
export function restForPortal(deps: PortalDeps, portal: PortalRecord, eventToken: EventToken | undefined, log: Logger, prepaid?: Promise<unknown>): RestClient {
  const hosts = deps.config.allowedHosts;
  let endpoint = allowedUrl(currentEndpoint(deps, portal), hosts);
  if (!endpoint) throw new PortalAddressError(`portal ${portal.memberId} has an endpoint outside B24_ALLOWED_HOSTS`);
  const rate = portal.rate ?? deps.config.restRate;
  const operating = deps.caches.operating.forPortal(portal.memberId);
  return createRestClient({
    endpoint: () => endpoint!,
    timeoutMs: deps.config.restTimeoutMs,
    fetch: deps.fetch,
    allowedHosts: hosts,
    operating: {
      ...operating,
      blockedUntil: (method) => {
        const until = operating.blockedUntil(method);
        // A slot taken ahead of time would be spent only after the wait, in a burst with every
        // other job released at the same moment: drop it (the portal gets fewer requests, never more).
        if (until !== undefined) prepaid = undefined;
        return until;
      },
    },
    onMoved: async (to) => {
      const from = endpoint!.href;
      endpoint = to;
      await recordMove(deps, portal.memberId, from, to, log);
    },
    beforeRequest: async () => {
      if (prepaid) {
        const slot = prepaid;
        prepaid = undefined;
        const failure = await slot;
        if (failure instanceof Error) throw failure;
        return;
      }
      await deps.budget.take(portal.memberId, rate);
    },
    // The refresh went through the portal store's wrapper, which keeps the warm copy (lib/app/portal-cache.ts).
    tokens: portalTokenSource(deps, portal, eventToken, log, (fresh) => {
      // A refresh may have stored a new endpoint (lib/app/tokens.ts checked it).
      const moved = fresh ? allowedUrl(fresh.clientEndpoint, hosts) : undefined;
      if (moved) endpoint = moved;
    }),
  });
}
