/**
 * EventBridge schedule, once a day: refreshes the stored token pairs not refreshed for
 * B24_REFRESH_AFTER_DAYS, and only those (lib/app/keep-alive.ts, contract §9.5).
 */
import type { Context } from 'aws-lambda';
import { refreshStaleTokens } from '../lib/app/keep-alive.js';
import { keepAliveRuntime } from '../lib/runtime/keep-alive.js';
import { inLambda } from '../lib/runtime/invocation.js';

export const handler = inLambda(async (_event: unknown, context: Context) => {
  const { deps, ages } = keepAliveRuntime();
  const report = await refreshStaleTokens(deps, ages, { timeLeft: () => context.getRemainingTimeInMillis() });
  // Per-portal lines are in the log; the invocation's result stays small.
  return { ...report.counts, stoppedEarly: report.stoppedEarly };
});
