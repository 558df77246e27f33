/**
 * The one place where the bot's decisions reach Bitrix24. The remaining steps go out
 * as a single request: one method call, or one `batch` with halt=1 so order is kept
 * and nothing runs after a failure (contract §4.16). A method the portal refuses
 * inside `batch` is remembered and from then on sent on its own.
 */
import { BitrixApiError, isRetryable } from '../bitrix/errors.js';
import type { RestClient } from '../bitrix/rest-client.js';
import type { Step } from '../store/dialogs.js';
import { retryDelayMs } from './step-retry.js';

/** Steps [0, done) succeeded; `cause` stopped the rest. */
export class StepFailure extends Error {
  override readonly name = 'StepFailure';
  constructor(
    readonly done: number,
    readonly step: Step,
    override readonly cause: unknown,
  ) {
    super(`step ${done + 1} (${step.method}) failed: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

const REFUSED_IN_BATCH = new Set(['ERROR_BATCH_METHOD_NOT_ALLOWED']);

export interface RetryPolicy {
  /** Keep retrying retryable failures (rate limits, 5xx, network) for this long. */
  readonly budgetMs: number;
  readonly clock: () => number;
  /** Jitter (Time.random). */
  readonly random?: () => number;
  /** Waits between attempts (tests pass their own; default: a timer). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onRetry?: (failure: StepFailure, delayMs: number) => void;
}

export interface ExecuteOptions {
  /** Methods this portal refuses inside batch (read and extended). */
  readonly refusedInBatch: Set<string>;
  /** Without it, the first failure stops. */
  readonly retry?: RetryPolicy;
  /** Called after each step that is known to be done (used for sequential progress). */
  readonly onDone?: (done: number) => Promise<void>;
}

/**
 * Runs steps [from…], retrying what may pass later (contract §5: QUERY_LIMIT_EXCEEDED,
 * OPERATION_TIME_LIMIT, 5xx, no answer) from the step that failed — never repeating a
 * step that succeeded — within the retry budget: OPERATION_TIME_LIMIT waits until its
 * method is released, the rest back off exponentially with jitter (lib/app/step-retry.ts
 * has the per-method decision on 500s). Other errors, and
 * a wait past the budget, end with a StepFailure (the job goes back to the queue when its
 * cause may pass later).
 */
export async function executeSteps(rest: RestClient, steps: readonly Step[], from: number, options: ExecuteOptions): Promise<void> {
  const started = options.retry?.clock() ?? 0;
  let index = from;
  for (let attempt = 0; ; attempt++) {
    try {
      await runSteps(rest, steps, index, options);
      return;
    } catch (error) {
      const retry = options.retry;
      if (!(error instanceof StepFailure) || !retry || !isRetryable(error.cause)) throw error;
      // Steps of a batch that went through before the failure: recorded before the pause,
      // so a crash during it does not send them again.
      if (error.done > index) await options.onDone?.(error.done);
      const delay = retryDelayMs(error.cause, attempt, retry.clock(), retry.random);
      if (retry.clock() + delay - started > retry.budgetMs) throw error;
      retry.onRetry?.(error, Math.round(delay));
      await (retry.sleep ?? sleep)(delay);
      index = error.done;
    }
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function runSteps(rest: RestClient, steps: readonly Step[], from: number, options: ExecuteOptions): Promise<void> {
  let index = from;
  while (index < steps.length) {
    // The longest run of steps from `index` that can share one batch.
    let end = index;
    while (end < steps.length && !options.refusedInBatch.has(steps[end]!.method) && end - index < 50) end++;
    if (end - index <= 1) {
      const step = steps[index]!;
      try {
        await rest.call(step.method, step.params);
      } catch (error) {
        throw new StepFailure(index, step, error);
      }
      index += 1;
      if (index < steps.length) await options.onDone?.(index);
      continue;
    }
    const run = steps.slice(index, end);
    let outcome;
    try {
      outcome = await rest.batch(
        run.map((step, i) => ({ key: `s${index + i}`, method: step.method, params: step.params })),
        true,
      );
    } catch (error) {
      throw new StepFailure(index, steps[index]!, error);
    }
    for (let i = 0; i < run.length; i++) {
      const key = `s${index + i}`;
      const error = outcome.errors[key];
      if (error) {
        if (REFUSED_IN_BATCH.has(error.code)) {
          options.refusedInBatch.add(run[i]!.method);
          break; // send it (and the rest) again, that method on its own
        }
        throw new StepFailure(index + i, run[i]!, error);
      }
      if (!(key in outcome.results)) {
        throw new StepFailure(index + i, run[i]!, new BitrixApiError(run[i]!.method, 500, 'BATCH_INCOMPLETE', 'no result'));
      }
    }
    const refusedAt = run.findIndex((_, i) => outcome.errors[`s${index + i}`] !== undefined);
    const before = index;
    index += refusedAt === -1 ? run.length : refusedAt;
    // Progress with steps still to go: recorded, so a crash before them does not repeat these.
    if (index > before && index < steps.length) await options.onDone?.(index);
  }
}
