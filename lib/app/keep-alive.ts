/**
 * The keep-alive job (contract §9.5): a refresh token that is never used expires
 * (Bitrix24 docs settings/oauth/auto-renewal.md), and a quiet portal — whose events
 * bring their own bot tokens — may never refresh its stored pair. So once a day the
 * pairs stored more than B24_REFRESH_AFTER_DAYS ago are refreshed, and only those: the
 * same page warns that refreshing on a schedule (hourly, daily) for every portal loads
 * the OAuth server and may get the app blocked.
 *
 * Each refresh is the worker's own race-free refresh (refreshOnce: a lease on the
 * portal, the new pair stored conditionally on the version it replaces), so the job and
 * a worker never branch a chain. A refused grant (invalid_grant: expired or app removed;
 * invalid_client; PAYMENT_REQUIRED) marks the portal for an admin; anything that may
 * pass (OAuth server down) is reported and tried again on the next run.
 */
import { OAuthError } from '../bitrix/errors.js';
import { ConfigError } from '../config.js';
import { registerSecret, type Logger } from '../log.js';
import { metrics } from '../metrics.js';
import type { TokenAgeStore } from '../store/token-ages.js';
import type { PortalDeps } from './deps.js';
import { refreshOnce, REFRESH_WAIT_MS } from './tokens.js';

const DAY_MS = 86_400_000;
const PAGE_SIZE = 25;

export type KeepAliveOutcome =
  /** A new pair is stored (by this job, or by a worker while the job waited for its lease). */
  | 'refreshed'
  /** The OAuth server refused the pair: the portal is marked (tokenProblem). */
  | 'refused'
  /** Failed for a reason that may pass: left for the next run. */
  | 'failed'
  /** Refreshed, reinstalled or removed since the index was read: nothing to do. */
  | 'skipped';

export interface PortalReport {
  readonly memberId: string;
  readonly outcome: KeepAliveOutcome;
  /** The OAuth error code, or the error's name, for refused and failed. */
  readonly code?: string;
}

export interface KeepAliveReport {
  readonly afterDays: number;
  /** Pairs stored before this moment (ms) were due. */
  readonly cutoff: number;
  readonly portals: readonly PortalReport[];
  readonly counts: Readonly<Record<KeepAliveOutcome, number>>;
  /** Ran out of time (Lambda): the rest are still due and the next run takes them. */
  readonly stoppedEarly: boolean;
}

export interface KeepAliveOptions {
  /** Default: deps.config.refreshAfterDays. */
  readonly afterDays?: number;
  /** Milliseconds this run may still use (the Lambda's remaining time); default unbounded. */
  readonly timeLeft?: () => number;
  readonly pageSize?: number;
}

export async function refreshStaleTokens(deps: PortalDeps, ages: TokenAgeStore, options: KeepAliveOptions = {}): Promise<KeepAliveReport> {
  const afterDays = options.afterDays ?? deps.config.refreshAfterDays;
  const cutoff = deps.clock() - afterDays * DAY_MS;
  const log = deps.log.child({ job: 'keep-alive' });
  // One refresh may wait for another's lease and then for the OAuth server.
  const reserveMs = REFRESH_WAIT_MS + deps.config.restTimeoutMs + 3_000;
  const timeLeft = options.timeLeft ?? (() => Infinity);
  const portals: PortalReport[] = [];
  let stoppedEarly = false;
  let start: Record<string, unknown> | undefined;
  pages: do {
    const page = await ages.storedBefore(cutoff, options.pageSize ?? PAGE_SIZE, start);
    for (const memberId of page.memberIds) {
      if (timeLeft() < reserveMs) {
        stoppedEarly = true;
        break pages;
      }
      portals.push(await keepAlive(deps, ages, memberId, cutoff, log));
    }
    start = page.next;
  } while (start);

  const counts = { refreshed: 0, refused: 0, failed: 0, skipped: 0 };
  for (const report of portals) counts[report.outcome]++;
  log.info('keep-alive done', { afterDays, cutoff: new Date(cutoff).toISOString(), ...counts, stoppedEarly });
  metrics({ KeepAliveRefreshed: counts.refreshed, KeepAliveRefused: counts.refused, KeepAliveFailed: counts.failed });
  return { afterDays, cutoff, portals, counts, stoppedEarly };
}

async function keepAlive(deps: PortalDeps, ages: TokenAgeStore, memberId: string, cutoff: number, jobLog: Logger): Promise<PortalReport> {
  const log = jobLog.child({ memberId });
  const portal = await deps.portals.get(memberId);
  // The index is eventually consistent: the item itself decides.
  if (portal?.status !== 'active' || (portal.tokensRefreshedAt ?? 0) >= cutoff) {
    log.info('stale token pair: nothing to do', { outcome: 'skipped' });
    return { memberId, outcome: 'skipped' };
  }
  registerSecret(portal.accessToken);
  registerSecret(portal.refreshToken);
  const storedDaysAgo = Math.floor((deps.clock() - (portal.tokensRefreshedAt ?? 0)) / DAY_MS);
  try {
    // The job reports each failure itself, at the level it deserves (below).
    const fresh = await refreshOnce(deps, portal, quieter(log));
    if (!fresh) {
      log.info('stale token pair: portal removed meanwhile', { outcome: 'skipped' });
      return { memberId, outcome: 'skipped' };
    }
    log.info('stale token pair refreshed', { outcome: 'refreshed', storedDaysAgo, tokenVersion: fresh.tokenVersion });
    return { memberId, outcome: 'refreshed' };
  } catch (error) {
    if (error instanceof ConfigError) throw error; // no client secret: no portal can be refreshed
    if (error instanceof OAuthError && !error.isRetryable) {
      const marked = await ages.markTokenProblem(memberId, portal.tokenVersion, { code: error.code, at: deps.clock() });
      if (!marked) {
        log.info('stale token pair: replaced while refreshing', { outcome: 'skipped', code: error.code });
        return { memberId, outcome: 'skipped' };
      }
      log.warn('stale token pair refused by the OAuth server; portal marked (reinstall the app on it)', {
        outcome: 'refused',
        code: error.code,
        status: error.status,
        storedDaysAgo,
      });
      return { memberId, outcome: 'refused', code: error.code };
    }
    const code = error instanceof OAuthError ? error.code : ((error as Error)?.name ?? 'Error');
    log.warn('stale token pair not refreshed; next run tries again', { outcome: 'failed', code, storedDaysAgo, error });
    return { memberId, outcome: 'failed', code };
  }
}

/** refreshOnce logs a failed refresh as an error; in the job that is the job's report, one line, at its level. */
function quieter(log: Logger): Logger {
  return { debug: log.debug, info: log.info, warn: log.warn, error: log.debug, child: (fields) => quieter(log.child(fields)) };
}
