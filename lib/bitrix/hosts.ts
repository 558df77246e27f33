/**
 * Which portal addresses the bot may talk to. Every URL that came from an event
 * (client_endpoint, server_endpoint, the OAuth server) is checked here before a token
 * or a request is sent to it, so a forged event cannot turn the bot into an SSRF proxy.
 */

export interface AllowedHosts {
  /** Entries as configured: a host ("portal.example.com") or a suffix that also matches subdomains. */
  readonly entries: readonly string[];
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function parseAllowedHosts(list: string): AllowedHosts {
  const entries = list
    .split(',')
    .map((entry) =>
      entry
        .trim()
        .toLowerCase()
        .replace(/^\*?\.+/, ''),
    )
    .filter((entry) => entry.length > 0);
  for (const entry of entries) {
    if (!/^[a-z0-9.\-:[\]]+$/.test(entry)) throw new Error(`"${entry}" is not a host name`);
  }
  if (entries.length === 0) throw new Error('no hosts listed');
  return { entries };
}

function hostMatches(host: string, entry: string): boolean {
  return host === entry || host.endsWith(`.${entry}`);
}

/**
 * Returns the normalised URL when it points to an allowed host, otherwise undefined.
 * https only; plain http only for loopback hosts that are listed explicitly.
 */
export function allowedUrl(raw: string | undefined, allowed: AllowedHosts): URL | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  const host = url.hostname.toLowerCase();
  const entry = allowed.entries.find((candidate) => hostMatches(host, candidate.replace(/:\d+$/, '')));
  if (!entry) return undefined;
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK.has(host)) return url;
  return undefined;
}

/** A bare domain ("example.bitrix24.com") as sent in auth[domain]. */
export function allowedDomain(domain: string | undefined, allowed: AllowedHosts): boolean {
  if (!domain) return false;
  const host = domain.toLowerCase().replace(/:\d+$/, '');
  if (!/^[a-z0-9.-]+$/.test(host) && !LOOPBACK.has(host)) return false;
  return allowed.entries.some((entry) => hostMatches(host, entry.replace(/:\d+$/, '')));
}
