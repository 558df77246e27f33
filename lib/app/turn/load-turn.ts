/**
 * Step 1 of a turn: what the job finds. The portal (from the warm cache or in the same
 * round trip as the dialog) and the dialog, and what to do with them (the coordinator
 * drops the job when the portal is not installed): `duplicate` (this event was handled), `busy` (this very
 * job is being sent by another worker, or by one that died mid-step and whose claim has
 * not run out), `resume` (a retry of this job after a partial failure: send only what is
 * missing), or `new` (decide it).
 */
import type { PortalRecord } from '../../store/portals.js';
import type { DialogKey, DialogRecord, Outbox } from '../../store/dialogs.js';
import type { DialogJob } from '../../queue/job.js';
import type { WorkerDeps } from '../deps.js';

export type LoadedTurn =
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'busy'; readonly claimedForMs: number }
  | { readonly kind: 'resume'; readonly dialog: DialogRecord; readonly outbox: Outbox }
  | { readonly kind: 'new'; readonly dialog: DialogRecord };

export async function loadPortalAndDialog(deps: WorkerDeps, key: DialogKey, now: number): Promise<{ portal: PortalRecord | undefined; dialog: DialogRecord }> {
  const cached = deps.portals.getCached(key.memberId);
  if (cached) return { portal: cached, dialog: await deps.dialogs.get(key, now) };
  const both = await deps.dialogs.getWithPortal(key, now);
  deps.portals.remember(key.memberId, both.portal);
  return both;
}

/** What `dialog` means for `job`, `claimFrom` being the wall time the job started. */
export function classifyTurn(job: DialogJob, dialog: DialogRecord, claimFrom: number): LoadedTurn {
  if (!dialog.processed.includes(job.eventId)) return { kind: 'new', dialog };
  const outbox = dialog.outbox;
  const mine = outbox && outbox.eventId === job.eventId && outbox.jobId === job.jobId && outbox.done < outbox.steps.length;
  if (!mine) return { kind: 'duplicate' };
  if (outbox.claimedUntil > claimFrom) return { kind: 'busy', claimedForMs: outbox.claimedUntil - claimFrom };
  return { kind: 'resume', dialog, outbox };
}
