/**
 * Steps 1–3 of a turn, without the send: load → decide → commit (or claim a resumed
 * outbox). What comes out is either finished (a duplicate, a portal that is gone, a turn
 * with nothing to send) or an outbox that this job has claimed and may send now — alone
 * (lib/app/process-dialog.ts) or together with other chats' outboxes of the same portal
 * (lib/app/send-together.ts, issue 17). Either way the outbox, its claim and its
 * progress live in the dialog item exactly as before: the send only changes how many
 * chats share one request.
 */
import type { RestClient } from '../../bitrix/rest-client.js';
import type { Logger } from '../../log.js';
import { metric } from '../../metrics.js';
import type { DialogJob } from '../../queue/job.js';
import type { DialogKey, Outbox } from '../../store/dialogs.js';
import type { PortalRecord } from '../../store/portals.js';
import type { WorkerDeps } from '../deps.js';
import { RetryableJobError } from '../errors.js';
import { restForPortal } from '../portal-rest.js';
import { claimOutbox, commitTurn } from './commit-turn.js';
import { decideTurn } from './decide-turn.js';
import { classifyTurn, loadPortalAndDialog } from './load-turn.js';

const MAX_CONFLICTS = 8;

export type JobOutcome = 'done' | 'duplicate' | 'resumed' | 'gone';

/** An outbox this job has claimed (committed or resumed) and must send now. */
export interface ReadyTurn {
  readonly job: DialogJob;
  readonly key: DialogKey;
  readonly portal: PortalRecord;
  readonly outbox: Outbox;
  /** The dialog item's version after the commit or claim (progress is conditional on it). */
  readonly version: number;
  readonly resumed: boolean;
  /** The job's own client (its event token, the slot prepaid alongside the read). */
  readonly rest: () => RestClient;
  readonly log: Logger;
  /** For the `handled` line: what the engine decided (absent for a resumed outbox). */
  readonly decided?: { readonly menu: string | undefined; readonly status: string; readonly steps: readonly string[] };
}

export type PreparedTurn = { readonly kind: 'finished'; readonly outcome: JobOutcome } | ({ readonly kind: 'send' } & ReadyTurn);

export interface PrepareOptions {
  /**
   * Take the portal's budget slot alongside the read (the hot path of a lone message:
   * its one request then waits for nothing). Off when several chats of the portal will
   * share one request: one slot is taken for all of them instead.
   */
  readonly prepay?: boolean;
}

export async function prepareTurn(deps: WorkerDeps, job: DialogJob, options: PrepareOptions = {}): Promise<PreparedTurn> {
  const log = deps.log.child({ memberId: job.memberId, dialogId: job.dialogId, eventId: job.eventId, jobId: job.jobId });
  const key: DialogKey = { memberId: job.memberId, botId: job.botId, dialogId: job.dialogId };
  const now = deps.clock();
  const claimFrom = deps.time.now(); // claims are leases between workers: wall time
  const cached = deps.portals.getCached(job.memberId);
  const prepaid =
    cached && options.prepay !== false
      ? deps.budget.take(job.memberId, cached.rate ?? deps.config.restRate).then(
          () => undefined,
          (error: unknown) => error,
        )
      : undefined;
  let { portal, dialog } = await loadPortalAndDialog(deps, key, now);
  if (portal?.status !== 'active') {
    log.warn('job dropped: portal is not installed');
    return { kind: 'finished', outcome: 'gone' };
  }
  const active = portal;
  let rest: RestClient | undefined;
  const restClient = () =>
    (rest ??= restForPortal(deps, active, job.botToken ? { accessToken: job.botToken, expiresAt: job.botTokenExpiresAt } : undefined, log, prepaid));
  const ready = { job, key, portal: active, rest: restClient, log };

  for (let attempt = 1; attempt <= MAX_CONFLICTS; attempt++) {
    const turn = classifyTurn(job, dialog, claimFrom);
    if (turn.kind === 'duplicate') {
      log.info('duplicate event ignored');
      return { kind: 'finished', outcome: 'duplicate' };
    }
    if (turn.kind === 'busy') {
      log.info('job in flight elsewhere', { claimedForMs: turn.claimedForMs });
      throw new RetryableJobError(`job ${job.jobId} is claimed by another worker for ${turn.claimedForMs} ms`);
    }
    if (turn.kind === 'resume') {
      const version = await claimOutbox(deps, key, dialog, turn.outbox, claimFrom);
      if (version !== 'conflict') {
        log.info('resuming outbox', { from: turn.outbox.done, steps: turn.outbox.steps.length });
        return { kind: 'send', ...ready, outbox: turn.outbox, version, resumed: true };
      }
    } else {
      const decided = await decideTurn(deps, job, active, dialog, restClient, log);
      if (decided.kind === 'unchanged') {
        log.info('chat is with someone else; nothing to do', { kind: job.kind });
        return { kind: 'finished', outcome: 'done' };
      }
      const saved = await commitTurn(deps, key, dialog, job, decided, { now, claimFrom });
      if (saved !== 'conflict') {
        if (!saved.outbox) {
          log.info('handled silently', { status: decided.state.status });
          metric('CustomerTurn');
          return { kind: 'finished', outcome: 'done' };
        }
        const summary = { menu: decided.state.menu, status: decided.state.status, steps: decided.steps.map((step) => step.method) };
        return { kind: 'send', ...ready, outbox: saved.outbox, version: saved.version!, resumed: false, decided: summary };
      }
      log.debug('dialog changed concurrently, deciding again', { attempt });
    }
    // Spreads out writers that keep colliding on one dialog (only under real concurrency).
    await deps.time.sleep(deps.time.random() * 10 * attempt);
    dialog = await deps.dialogs.get(key, now);
  }
  throw new RetryableJobError(`dialog ${job.dialogId} kept changing under ${MAX_CONFLICTS} attempts`);
}
