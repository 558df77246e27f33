/**
 * Step 3 of a turn: the one conditional write. The new state, the event id (so a
 * duplicate finds it handled) and the outbox of steps (claimed by this job until
 * `claimFrom` + JOB_CLAIM_MS) are written iff the dialog is still at the version that was
 * decided on; `conflict` when another invocation got there first (decide again).
 */
import type { DialogJob } from '../../queue/job.js';
import type { DialogKey, DialogRecord, Outbox } from '../../store/dialogs.js';
import { ConcurrentUpdateError } from '../../store/errors.js';
import type { WorkerDeps } from '../deps.js';
import type { DecidedTurn } from './decide-turn.js';
import { menuFor } from '../menu-for.js';

export async function commitTurn(
  deps: WorkerDeps,
  key: DialogKey,
  dialog: DialogRecord,
  job: DialogJob,
  decided: Extract<DecidedTurn, { kind: 'act' }>,
  times: { readonly now: number; readonly claimFrom: number },
): Promise<DialogRecord | 'conflict'> {
  const outbox: Outbox | undefined =
    decided.steps.length > 0
      ? { eventId: job.eventId, jobId: job.jobId, steps: decided.steps, done: 0, claimedUntil: times.claimFrom + deps.config.claimMs }
      : undefined;
  try {
    return await deps.dialogs.save(key, dialog, {
      state: decided.state,
      eventId: job.eventId,
      outbox,
      ttlSeconds: Math.floor(times.now / 1000) + menuFor(deps, job.memberId, job.lineId ?? dialog.lineId).settings.stateTtlDays * 86_400,
      ...(job.lineId ? { lineId: job.lineId } : {}),
    });
  } catch (error) {
    if (error instanceof ConcurrentUpdateError) return 'conflict';
    throw error;
  }
}

/** A retry of this job takes the outbox's claim again before sending what is left; `conflict` as above. */
export async function claimOutbox(deps: WorkerDeps, key: DialogKey, dialog: DialogRecord, outbox: Outbox, claimFrom: number): Promise<number | 'conflict'> {
  try {
    return await deps.dialogs.progress(key, dialog.version!, outbox, outbox.done, claimFrom + deps.config.claimMs);
  } catch (error) {
    if (error instanceof ConcurrentUpdateError) return 'conflict';
    throw error;
  }
}
