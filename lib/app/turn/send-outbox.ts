/**
 * Step 4 of a turn: the outbox's remaining steps go to Bitrix24 (lib/app/execute-steps.ts,
 * one request, retried within the budget), progress recorded as steps complete. When
 * something stops them: a refusal that means the chat moved on ends the turn quietly
 * (lib/app/moved-on.ts); otherwise progress is recorded and the claim released, and
 * RetryableJobError or PermanentJobError tells the worker what may help.
 */
import { BitrixApiError } from '../../bitrix/errors.js';
import type { RestClient } from '../../bitrix/rest-client.js';
import type { Logger } from '../../log.js';
import type { DialogKey, Outbox } from '../../store/dialogs.js';
import type { PortalRecord } from '../../store/portals.js';
import type { WorkerDeps } from '../deps.js';
import { isPermanent, PermanentJobError, RetryableJobError } from '../errors.js';
import { executeSteps, StepFailure } from '../execute-steps.js';
import { recordMovedOn } from '../moved-on.js';
import { metric } from '../../metrics.js';

export async function sendOutbox(
  deps: WorkerDeps,
  key: DialogKey,
  portal: PortalRecord,
  rest: RestClient,
  outbox: Outbox,
  version: number,
  log: Logger,
): Promise<void> {
  const refusedInBatch = new Set(portal.batchRefused ?? []);
  const before = refusedInBatch.size;
  let current = version;
  try {
    await executeSteps(rest, outbox.steps, outbox.done, {
      refusedInBatch,
      retry: {
        budgetMs: deps.config.retryBudgetMs,
        clock: () => deps.time.now(),
        sleep: (ms) => deps.time.sleep(ms),
        random: () => deps.time.random(),
        onRetry: (failure, delayMs) => (
          metric('RestRetry'), log.warn('REST step failed, retrying', { step: failure.done, method: failure.step.method, error: failure.cause, delayMs })
        ),
      },
      onDone: async (done) => {
        current = await deps.dialogs.progress(key, current, outbox, done, deps.time.now() + deps.config.claimMs);
      },
    });
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    if (error.cause instanceof BitrixApiError && error.cause.isMovedOn) {
      await recordMovedOn(deps, key, outbox, error.cause, log);
      return;
    }
    // Record what is done and release the claim, so a retry sends only the rest.
    await deps.dialogs
      .progress(key, current, outbox, error.done, 0)
      .catch((progressError) => log.error('could not record outbox progress', { error: progressError }));
    const cause = error.cause;
    if (cause instanceof BitrixApiError && cause.status === 401) deps.portals.forget(key.memberId);
    if (!isPermanent(cause)) {
      log.warn('REST step failed, will retry', { step: error.done, method: error.step.method, error: cause });
      throw new RetryableJobError(error.message, { cause });
    }
    log.error('REST step failed', { step: error.done, method: error.step.method, error: cause });
    throw new PermanentJobError(error.message, { cause });
  } finally {
    if (refusedInBatch.size > before) {
      const batchRefused = [...refusedInBatch];
      // The store's wrapper keeps the warm copy equal to what it writes (lib/app/portal-cache.ts).
      await deps.portals.update(key.memberId, { batchRefused }, deps.clock()).catch((error) => log.warn('could not remember batch refusal', { error }));
    }
  }
}
