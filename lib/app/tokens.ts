/**
 * Which token a REST call uses, and the race-free refresh (contract §3).
 *
 * Order: the per-event bot token (fresh, costs nothing) → the portal's stored token →
 * one refresh. Bitrix refresh tokens are single-use and a chain must not branch, so
 * only one invocation per portal may call the OAuth server: it takes a short lease on
 * the portal item (conditional on the token version); the others wait for the
 * version to move and use the winner's pair. The new pair is stored conditionally
 * on the version it replaces.
 */
import { refreshGrant, tokenUrlFor } from '../bitrix/oauth.js';
import { isRetryable, OAuthError, PortalAddressError } from '../bitrix/errors.js';
import { allowedUrl } from '../bitrix/hosts.js';
import type { TokenSource } from '../bitrix/rest-client.js';
import { registerSecret, type Logger } from '../log.js';
import { metric } from '../metrics.js';
import { ConcurrentUpdateError } from '../store/errors.js';
import type { PortalAddresses, PortalRecord } from '../store/portals.js';
import type { RefreshAnswer } from '../bitrix/oauth.js';
import { endpointString } from './portal-moves.js';
import type { PortalDeps } from './deps.js';

const LEASE_MS = 10_000;
/** The longest a request may wait for another worker's refresh (lease + margin). */
export const REFRESH_WAIT_MS = LEASE_MS + 2_000;
const POLL_MS = 100;
const EARLY_EXPIRY_S = 30;

export interface EventToken {
  readonly accessToken: string;
  readonly expiresAt: number | undefined;
}

export function portalTokenSource(
  deps: PortalDeps,
  portal: PortalRecord,
  eventToken: EventToken | undefined,
  log: Logger,
  onPortalChange: (portal: PortalRecord | undefined) => void,
): TokenSource {
  let known = portal;
  let refreshed = false;
  const nowS = () => Math.floor(deps.clock() / 1000);
  const fresh = eventToken && (eventToken.expiresAt === undefined || eventToken.expiresAt > nowS() + EARLY_EXPIRY_S);
  const usable = fresh && !deps.caches.eventTokensRefused.get(portal.memberId) ? eventToken.accessToken : undefined;
  registerSecret(usable);
  registerSecret(portal.accessToken);
  registerSecret(portal.refreshToken);

  return {
    first: async () => usable ?? known.accessToken,

    async next(failed) {
      if (failed === usable && failed !== known.accessToken) {
        deps.caches.eventTokensRefused.set(portal.memberId, true);
        return known.accessToken;
      }
      if (refreshed) return undefined; // refreshed once already: give up
      // A refresh that failed for a reason that may pass (OAuth server down) may be tried
      // again by the step's retry; one that was refused, or that succeeded, is final.
      const fresh = await refreshOnce(deps, known, log).catch((error: unknown) => {
        if (!isRetryable(error)) refreshed = true;
        throw error;
      });
      refreshed = true;
      onPortalChange(fresh);
      if (!fresh) return undefined;
      known = fresh;
      registerSecret(fresh.accessToken);
      registerSecret(fresh.refreshToken);
      return fresh.accessToken;
    },
  };
}

/**
 * Returns the portal with a newer token than `stale`: refreshed by us, or by another
 * invocation while we waited. undefined when the portal is gone.
 */
export async function refreshOnce(deps: PortalDeps, stale: PortalRecord, log: Logger): Promise<PortalRecord | undefined> {
  // Leases are shared across instances and waited for: real time, not the business clock.
  const deadline = deps.time.now() + REFRESH_WAIT_MS;
  for (;;) {
    const current = await deps.portals.get(stale.memberId);
    if (current?.status !== 'active') return undefined;
    if (current.tokenVersion > stale.tokenVersion) return current; // someone refreshed already
    if (await deps.portals.takeRefreshLease(stale.memberId, current.tokenVersion, deps.time.now(), LEASE_MS)) {
      return refreshWithLease(deps, current, log);
    }
    if (deps.time.now() > deadline) throw new OAuthError('refresh_wait_timeout', 0);
    await deps.time.sleep(POLL_MS);
  }
}

async function refreshWithLease(deps: PortalDeps, current: PortalRecord, log: Logger): Promise<PortalRecord> {
  const tokenUrl = tokenUrlFor(current.serverEndpoint, deps.config.oauthUrl);
  if (!allowedUrl(tokenUrl.href, deps.config.allowedHosts)) {
    throw new PortalAddressError(`OAuth server ${tokenUrl.host} is not an allowed host`);
  }
  const started = deps.clock();
  let tokens;
  try {
    tokens = await refreshGrant({
      tokenUrl,
      clientId: deps.config.clientId,
      clientSecret: await deps.clientSecret(),
      refreshToken: current.refreshToken,
      timeoutMs: deps.config.restTimeoutMs,
      now: Math.floor(started / 1000),
      fetch: deps.fetch,
      allowedHosts: deps.config.allowedHosts,
    });
  } catch (error) {
    await deps.portals.releaseRefreshLease(current.memberId, current.tokenVersion).catch(() => undefined);
    log.error('token refresh failed', { memberId: current.memberId, error });
    metric('TokenRefreshFailed', 1, { Reason: error instanceof OAuthError ? error.code : ((error as Error)?.name ?? 'unknown') });
    throw error;
  }
  registerSecret(tokens.accessToken);
  registerSecret(tokens.refreshToken);
  const addresses = answeredAddresses(deps, current, tokens, log);
  try {
    const version = await deps.portals.replaceTokens(current.memberId, tokens, current.tokenVersion, deps.clock(), addresses);
    log.info('tokens refreshed', {
      memberId: current.memberId,
      tokenVersion: version,
      ms: deps.clock() - started,
      ...(addresses.domain ? { movedTo: addresses.domain } : {}),
    });
    metric('TokenRefresh');
    return {
      ...current,
      ...addresses,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      tokenExpiresAt: tokens.expiresAt,
      scope: tokens.scope,
      tokenVersion: version,
    };
  } catch (error) {
    if (!(error instanceof ConcurrentUpdateError)) throw error;
    // A reinstall replaced the tokens while we refreshed: theirs are newer.
    const latest = await deps.portals.get(current.memberId);
    if (latest?.status !== 'active') throw error;
    return latest;
  }
}

/**
 * The addresses a refresh answer names that differ from the stored ones and are allowed
 * (contract §3, §9.3; Bitrix24 docs `settings/how-to-call-rest-api/change-domen.md`: keep
 * client_endpoint per member_id and overwrite it with every new set of tokens).
 * - client_endpoint → clientEndpoint, and the portal's domain is its host (the same rule
 *   as at install: the endpoint's host is the portal's domain).
 * - server_endpoint → serverEndpoint: the next refresh goes to its host (tokenUrlFor).
 * - `domain` of this answer is the OAuth server's (oauth.bitrix.info / oauth.bitrix24.tech),
 *   NOT the portal's: it is not stored; server_endpoint already says where the server is.
 * The OAuth server is trusted like the tokens it issues, but its addresses still have to
 * be allowed hosts; others are ignored (and logged by host).
 */
function answeredAddresses(deps: PortalDeps, current: PortalRecord, answer: RefreshAnswer, log: Logger): Partial<PortalAddresses> {
  const hosts = deps.config.allowedHosts;
  const out: { -readonly [K in keyof PortalAddresses]?: PortalAddresses[K] } = {};
  if (answer.clientEndpoint) {
    const client = allowedUrl(answer.clientEndpoint, hosts);
    if (!client)
      log.warn('refresh answer names a portal endpoint outside B24_ALLOWED_HOSTS; kept the stored one', {
        memberId: current.memberId,
        host: hostOf(answer.clientEndpoint),
      });
    else if (endpointString(client) !== current.clientEndpoint) {
      out.clientEndpoint = endpointString(client);
      out.domain = client.host.toLowerCase();
    }
  }
  if (answer.serverEndpoint) {
    const server = allowedUrl(answer.serverEndpoint, hosts);
    if (!server)
      log.warn('refresh answer names an OAuth endpoint outside B24_ALLOWED_HOSTS; kept the stored one', {
        memberId: current.memberId,
        host: hostOf(answer.serverEndpoint),
      });
    else if (server.href !== current.serverEndpoint) out.serverEndpoint = server.href;
  }
  return out;
}

const hostOf = (raw: string): string | undefined => {
  try {
    return new URL(raw).host.slice(0, 100);
  } catch {
    return undefined;
  }
};
