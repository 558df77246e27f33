/**
 * Who may see the dashboard inside a portal: an administrator of a portal where the bot is
 * installed, proven the way application pages are proven (b24restdocs
 * local-integrations/serverside-local-app-with-ui.md, "How Authorization Works"): the
 * portal opens the app's handler page with a form POST — AUTH_ID (the user's token),
 * member_id and APPLICATION_TOKEN in the body, DOMAIN in the query. We
 *   1. know the member_id (an active install) and its DOMAIN is the stored one,
 *   2. compare APPLICATION_TOKEN with the stored one in constant time, and
 *   3. ask the stored portal — its stored client endpoint, never an address from the
 *      request — whether the token's user is an administrator (user.admin,
 *      api-reference/user/user-admin.md): only `true` passes.
 * The token is used for that one call and never stored or logged.
 */
import { createRestClient } from '../../bitrix/rest-client.js';
import type { Logger } from '../../log.js';
import { registerSecret } from '../../log.js';
import type { PortalRecord } from '../../store/portals.js';
import { sameSecret } from '../authenticate.js';
import type { PortalDeps } from '../deps.js';
import { forbidden } from '../errors.js';

export interface AppPageClaim {
  readonly memberId: string | undefined;
  readonly domain: string | undefined;
  readonly authId: string | undefined;
  readonly applicationToken: string | undefined;
}

export async function verifyAdmin(deps: PortalDeps, claim: AppPageClaim, log: Logger): Promise<PortalRecord> {
  const refuse = (reason: string): never => {
    log.warn('dashboard refused', { reason });
    throw forbidden('FORBIDDEN', 'only an administrator of a portal with the bot installed, from inside Bitrix24');
  };
  if (!claim.memberId || !claim.domain || !claim.authId || !claim.applicationToken) return refuse('parameters missing');
  registerSecret(claim.authId);
  const portal = await deps.portals.get(claim.memberId);
  if (portal?.status !== 'active') return refuse('unknown portal');
  if (portal.domain !== claim.domain.toLowerCase()) return refuse('another domain');
  if (!sameSecret(portal.applicationToken, claim.applicationToken)) return refuse('wrong application token');
  const rest = createRestClient({
    endpoint: new URL(portal.clientEndpoint),
    timeoutMs: deps.config.restTimeoutMs,
    fetch: deps.fetch,
    // The portal's REST limit is per application: this call takes its slot like any other.
    beforeRequest: () => deps.budget.take(portal.memberId, portal.rate ?? deps.config.restRate),
    // The user's own token as given: never refreshed, never kept.
    tokens: { first: async () => claim.authId!, next: async () => undefined },
  });
  let admin: unknown;
  try {
    admin = await rest.call('user.admin');
  } catch (error) {
    log.warn('dashboard refused: user.admin failed with the offered token', { error });
    return refuse('token not accepted');
  }
  if (admin !== true) return refuse('not an administrator');
  return portal;
}
