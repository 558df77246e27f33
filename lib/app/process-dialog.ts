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
 * Steps 1–3 are lib/app/turn/prepare-turn.ts; a worker holding several chats of one
 * portal sends their outboxes together instead (lib/app/send-together.ts).
 */
import { metrics } from '../metrics.js';
import type { DialogJob } from '../queue/job.js';
import type { WorkerDeps } from './deps.js';
import { prepareTurn, type JobOutcome, type ReadyTurn } from './turn/prepare-turn.js';
import { sendOutbox } from './turn/send-outbox.js';

export type { JobOutcome } from './turn/prepare-turn.js';

export async function processDialogJob(deps: WorkerDeps, job: DialogJob): Promise<JobOutcome> {
  const prepared = await prepareTurn(deps, job);
  if (prepared.kind === 'finished') return prepared.outcome;
  await sendOutbox(deps, prepared.key, prepared.portal, prepared.rest(), prepared.outbox, prepared.version, prepared.log);
  return turnSent(deps, prepared);
}

/** The `handled` line and metrics of a turn whose outbox went out (alone or in a shared batch). */
export function turnSent(deps: WorkerDeps, turn: ReadyTurn): JobOutcome {
  if (turn.resumed) return 'resumed';
  const ms = deps.clock() - turn.job.receivedAt;
  turn.log.info('handled', { ...turn.decided, ms });
  metrics({ CustomerTurn: 1, ReplyLatency: Math.max(0, ms) });
  return 'done';
}
