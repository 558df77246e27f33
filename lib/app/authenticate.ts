/**
 * Every event proves itself with auth[application_token], compared in constant time
 * with the value stored at install (contract §2.3). Unknown or removed portals and
 * wrong tokens are all "401" with nothing else done. A warm cache is consulted first;
 * on a mismatch the stored record is re-read (ONAPPUPDATE may have rotated the token
 * in another instance) before refusing.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { PortalClaim } from '../bitrix/events.js';
import { unauthorized } from './errors.js';
import type { PortalRecord } from '../store/portals.js';
import type { PortalDeps } from './deps.js';

/** Constant-time equality (hashing first makes the lengths equal and hides them). */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a, 'utf8').digest();
  const right = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(left, right) && a.length === b.length;
}

export async function authenticate(deps: Pick<PortalDeps, 'portals'>, claim: PortalClaim): Promise<PortalRecord> {
  const cached = deps.portals.getCached(claim.memberId);
  if (cached && sameSecret(cached.applicationToken, claim.applicationToken)) return cached;
  // The read refreshes the warm copy (or drops it for a portal that is gone).
  const stored = await deps.portals.get(claim.memberId);
  if (stored?.status !== 'active') throw unauthorized('unknown portal');
  if (!sameSecret(stored.applicationToken, claim.applicationToken)) throw unauthorized('application token does not match');
  return stored;
}
