/**
 * Redirects from Bitrix24, handled by hand (contract §9.3; Bitrix24 docs
 * `settings/how-to-call-rest-api/change-domen.md`). A renamed cloud portal answers its
 * old address with 301/302 and `Location` = the new address with the same path. An HTTP
 * client that followed it could turn the POST into a GET and drop the body (and with it
 * the token), or carry the token to any host at all. So fetch never follows: the caller
 * reads `Location` here, checks it against B24_ALLOWED_HOSTS, and repeats the same POST
 * there itself, once.
 */
import { PortalAddressError } from './errors.js';
import { allowedUrl, type AllowedHosts } from './hosts.js';

/** 301/302 (what Bitrix24 sends), 307/308 (same meaning, body kept). 303 means "GET elsewhere": not a move. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 307, 308]);

export const isRedirect = (status: number): boolean => REDIRECT_STATUSES.has(status);

/**
 * Where a redirect points, checked: an absolute URL on an allowed host (https, or http
 * for a listed loopback host), without credentials. Throws PortalAddressError otherwise;
 * the message names the host only, never the whole Location (it is not ours to log).
 */
export function checkedLocation(location: string | null, from: URL, allowed: AllowedHosts | undefined, what: string): URL {
  if (!location) throw new PortalAddressError(`${what} answered a redirect without Location`);
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new PortalAddressError(`${what} answered a redirect to an unreadable address`);
  }
  const url = allowed ? allowedUrl(target.href, allowed) : undefined;
  if (!url) throw new PortalAddressError(`${what} was redirected to ${target.host.slice(0, 100)}, which is not in B24_ALLOWED_HOSTS; not followed`);
  return url;
}

/**
 * The REST endpoint a redirected REST call moved to: the Location's path up to and
 * including its last `/rest/` (what the portal sends as client_endpoint), with the
 * method's own path after it. A redirect anywhere else (a login page, another method)
 * is not a portal rename and is refused.
 */
export function movedRestEndpoint(target: URL, method: string): URL {
  const at = target.pathname.lastIndexOf('/rest/');
  const tail = at === -1 ? '' : target.pathname.slice(at + '/rest/'.length);
  if (at === -1 || (tail !== method && tail !== `${method}.json`)) {
    throw new PortalAddressError(`${method} was redirected to a path that is not the same REST method; not followed`);
  }
  return new URL(`${target.protocol}//${target.host}${target.pathname.slice(0, at)}/rest/`);
}
