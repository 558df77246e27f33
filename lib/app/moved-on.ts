/**
 * When the portal refuses a step because the chat is no longer the bot's (WRONG_CHAT,
 * ACCESS_ERROR, "Message isn't added": contract §9.1), the turn ends there: the dialog
 * state records it (silent until the next session), the rest of the outbox is dropped
 * (no further message, no session call), and the job counts as done — no retry, no
 * dead letter, no alarm. Logged at info with the reason.
 */
import type { BitrixApiError } from '../bitrix/errors.js';
import type { Logger } from '../log.js';
import type { DialogState } from '../menu/state.js';
import type { DialogKey, Outbox } from '../store/dialogs.js';
import { ConcurrentUpdateError } from '../store/errors.js';
import type { WorkerDeps } from './deps.js';

const ATTEMPTS = 4;

export async function recordMovedOn(deps: WorkerDeps, key: DialogKey, outbox: Outbox, refusal: BitrixApiError, log: Logger): Promise<void> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    // Rare path: one fresh read for the state to amend (progress may have moved the version).
    const record = await deps.dialogs.get(key, deps.clock());
    const mine = record.outbox?.jobId === outbox.jobId && record.outbox.eventId === outbox.eventId ? record.outbox : undefined;
    if (!record.state || !mine) break; // a newer turn owns the dialog now: it decides for itself
    const state: DialogState = { ...record.state, status: 'transferred', movedOn: { reason: 'refused', at: deps.clock() } };
    try {
      await deps.dialogs.closeOutbox(key, record.version!, mine, state);
      log.info('the chat moved on without the bot; silent until the next session', { reason: 'refused', method: refusal.method, code: refusal.code });
      return;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
    }
  }
  log.info('the chat moved on without the bot (a newer turn now owns the dialog)', { method: refusal.method, code: refusal.code });
}
