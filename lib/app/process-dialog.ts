/**
 * The worker's use case for one turn of a dialog (a queued customer message or join, an
 * operator's message, a chat given back): load → decide (pure engine) → commit → send.
 *
 * Commit first: the new state, the event id (de-duplication) and the outbox of REST steps
 * are one conditional write on the dialog's version. A duplicate delivery then finds its
 * id handled and does nothing; a concurrent different message loses the write, re-reads
 * and decides again on the fresh state, so no transition is lost. Only a retry of the same
 * job (same jobId) may resume an outbox that a failure left unfinished.
 *
 * Hot path: one read (portal + dialog, or the dialog alone when the portal is cached), one
 * conditional write, one request to Bitrix24 (its budget slot taken during the read).
 */
import type { RestClient } from '../bitrix/rest-client.js';
import { metric, metrics } from '../metrics.js';
import type { DialogJob } from '../queue/job.js';
import type { DialogKey } from '../store/dialogs.js';
import type { AppDeps } from './deps.js';
import { RetryableJobError } from './errors.js';
import { restForPortal } from './portal-rest.js';
import { claimOutbox, commitTurn } from './turn/commit-turn.js';
import { decideTurn } from './turn/decide-turn.js';
import { classifyTurn, loadPortalAndDialog } from './turn/load-turn.js';
import { sendOutbox } from './turn/send-outbox.js';

const MAX_CONFLICTS = 8;

export type JobOutcome = 'done' | 'duplicate' | 'resumed' | 'gone';

export async function processDialogJob(deps: AppDeps, job: DialogJob): Promise<JobOutcome> {
  const log = deps.log.child({ memberId: job.memberId, dialogId: job.dialogId, eventId: job.eventId, jobId: job.jobId });
  const key: DialogKey = { memberId: job.memberId, botId: job.botId, dialogId: job.dialogId };
  const now = deps.clock();
  const claimFrom = deps.time.now(); // claims are leases between workers: wall time
  const cached = deps.caches.portals.get(job.memberId);
  const prepaid = cached ? deps.budget.take(job.memberId, cached.rate ?? deps.config.restRate).then(() => undefined, (error: unknown) => error) : undefined;
  let { portal, dialog } = await loadPortalAndDialog(deps, key, now);
  if (!portal || portal.status !== 'active') {
    log.warn('job dropped: portal is not installed');
    return 'gone';
  }
  const active = portal;
  let rest: RestClient | undefined;
  const restClient = () => (rest ??= restForPortal(deps, active, job.botToken ? { accessToken: job.botToken, expiresAt: job.botTokenExpiresAt } : undefined, log, prepaid));

  for (let attempt = 1; attempt <= MAX_CONFLICTS; attempt++) {
    const turn = classifyTurn(job, dialog, claimFrom);
    if (turn.kind === 'duplicate') {
      log.info('duplicate event ignored');
      return 'duplicate';
    }
    if (turn.kind === 'busy') {
      log.info('job in flight elsewhere', { claimedForMs: turn.claimedForMs });
      throw new RetryableJobError(`job ${job.jobId} is claimed by another worker for ${turn.claimedForMs} ms`);
    }
    if (turn.kind === 'resume') {
      const version = await claimOutbox(deps, key, dialog, turn.outbox, claimFrom);
      if (version !== 'conflict') {
        log.info('resuming outbox', { from: turn.outbox.done, steps: turn.outbox.steps.length });
        await sendOutbox(deps, key, active, restClient(), turn.outbox, version, log);
        return 'resumed';
      }
    } else {
      const decided = await decideTurn(deps, job, active, dialog, restClient, log);
      if (decided.kind === 'unchanged') {
        log.info('chat is with someone else; nothing to do', { kind: job.kind });
        return 'done';
      }
      const saved = await commitTurn(deps, key, dialog, job, decided, { now, claimFrom });
      if (saved !== 'conflict') {
        if (!saved.outbox) {
          log.info('handled silently', { status: decided.state.status });
          metric('CustomerTurn');
        } else {
          await sendOutbox(deps, key, active, restClient(), saved.outbox, saved.version!, log);
          log.info('handled', { menu: decided.state.menu, status: decided.state.status, steps: decided.steps.map((step) => step.method), ms: deps.clock() - job.receivedAt });
          metrics({ CustomerTurn: 1, ReplyLatency: Math.max(0, deps.clock() - job.receivedAt) });
        }
        return 'done';
      }
      log.debug('dialog changed concurrently, deciding again', { attempt });
    }
    // Spreads out writers that keep colliding on one dialog (only under real concurrency).
    await deps.time.sleep(deps.time.random() * 10 * attempt);
    dialog = await deps.dialogs.get(key, now);
  }
  throw new RetryableJobError(`dialog ${job.dialogId} kept changing under ${MAX_CONFLICTS} attempts`);
}
