/**
 * OPERATION_TIME_LIMIT (contract §5, §9.6; Bitrix24 docs `limits.md`): one method on one
 * portal waits until the operating_reset_at of its last successful answer (or the next
 * minute bucket), others go on; the step retry waits exactly that long, within its budget;
 * and the per-method decision on 500s. Pure pieces, with an injected clock and sleep.
 */
import { describe, expect, it } from 'vitest';
import { BitrixApiError, isRetryable } from '../../lib/bitrix/errors.js';
import { readTimeBlock } from '../../lib/bitrix/time-block.js';
import type { BatchCommand, BatchOutcome, Params, RestClient } from '../../lib/bitrix/rest-client.js';
import { executeSteps, StepFailure } from '../../lib/app/execute-steps.js';
import { createOperatingLimits, nextMinute } from '../../lib/app/operating-limits.js';
import { retryDelayMs } from '../../lib/app/step-retry.js';
import type { Step } from '../../lib/store/dialogs.js';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 12, 345);

describe('the time block', () => {
  it('reads operating_reset_at and operating as the docs show them, and nothing from garbage', () => {
    expect(readTimeBlock({ start: 1712132792.91, operating_reset_at: 1705765533, operating: 3.3076241016387939 })).toEqual({
      operatingResetAt: 1705765533,
      operating: 3.3076241016387939,
    });
    expect(readTimeBlock({ start: 1 })).toBeUndefined();
    expect(readTimeBlock({ operating_reset_at: 'soon', operating: -1 })).toBeUndefined();
    expect(readTimeBlock(undefined)).toBeUndefined();
  });
});

describe('per-portal, per-method operating limits', () => {
  it('blocks the refused method until its last operating_reset_at; other methods and portals go on', () => {
    let now = T0;
    const limits = createOperatingLimits(() => now);
    const a = limits.forPortal('A');
    a.answered('imbot.message.add', { operatingResetAt: Math.floor(T0 / 1000) + 40, operating: 470 });
    expect(a.blockedUntil('imbot.message.add')).toBeUndefined();
    const until = a.limited('imbot.message.add');
    expect(until).toBeGreaterThanOrEqual((Math.floor(T0 / 1000) + 40) * 1000);
    expect(until).toBeLessThan((Math.floor(T0 / 1000) + 41) * 1000);
    expect(a.blockedUntil('imbot.message.add')).toBe(until);
    expect(a.blockedUntil('imopenlines.bot.session.operator')).toBeUndefined();
    expect(limits.forPortal('B').blockedUntil('imbot.message.add')).toBeUndefined();
    now = until;
    expect(a.blockedUntil('imbot.message.add')).toBeUndefined();
  });

  it('waits for the next minute bucket when the reset is unknown, already past, or beyond the ten-minute window', () => {
    let now = T0;
    const limits = createOperatingLimits(() => now);
    const gate = limits.forPortal('A');
    expect(gate.limited('app.info')).toBe(nextMinute(T0) + 250);
    gate.answered('batch', { operatingResetAt: Math.floor(T0 / 1000) - 5 });
    expect(gate.limited('batch')).toBe(nextMinute(T0) + 250);
    gate.answered('imbot.bot.list', { operatingResetAt: Math.floor(T0 / 1000) + 3600 });
    expect(gate.limited('imbot.bot.list')).toBe(nextMinute(T0) + 250);
    now = T0 + 61_000;
    expect(gate.blockedUntil('app.info')).toBeUndefined();
  });
});

const step = (method: string): Step => ({ method, params: {} }) as unknown as Step;

/** A RestClient that answers from a script (a test double of our own interface, not of fetch). */
function scripted(answers: Array<unknown | Error>): RestClient & { calls: string[] } {
  const calls: string[] = [];
  const next = (method: string) => {
    calls.push(method);
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return {
    calls,
    call: async <T>(method: string, _params?: Params) => next(method) as T,
    batch: async (commands: readonly BatchCommand[]): Promise<BatchOutcome> => {
      next('batch');
      return { results: Object.fromEntries(commands.map((command) => [command.key, true])), errors: {} };
    },
  };
}

describe('the step retry', () => {
  const limited = (retryAt: number) => new BitrixApiError('imbot.message.add', 429, 'OPERATION_TIME_LIMIT', '', retryAt);

  it('waits exactly until the method is released, then sends once', async () => {
    let now = T0;
    const slept: number[] = [];
    const rest = scripted([limited(T0 + 4_000), 1]);
    await executeSteps(rest, [step('imbot.message.add')], 0, {
      refusedInBatch: new Set(),
      retry: { budgetMs: 20_000, clock: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) },
    });
    expect(slept).toEqual([4_000]);
    expect(rest.calls).toEqual(['imbot.message.add', 'imbot.message.add']);
  });

  it('a reset beyond the retry budget: no wait, the failure goes back (retryable) so the job is handed back to the queue', async () => {
    const slept: number[] = [];
    const rest = scripted([limited(T0 + 60_000)]);
    const failure = await executeSteps(rest, [step('imbot.message.add')], 0, {
      refusedInBatch: new Set(),
      retry: { budgetMs: 20_000, clock: () => T0, sleep: async (ms) => void slept.push(ms) },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StepFailure);
    expect(isRetryable((failure as StepFailure).cause)).toBe(true);
    expect(slept).toEqual([]);
  });

  it('other failures back off exponentially (with jitter)', () => {
    const busy = new BitrixApiError('imbot.message.add', 503, 'QUERY_LIMIT_EXCEEDED', '');
    expect(retryDelayMs(busy, 0, T0, () => 0.5)).toBe(250);
    expect(retryDelayMs(busy, 3, T0, () => 0.5)).toBe(2_000);
    expect(retryDelayMs(busy, 10, T0, () => 0.5)).toBe(8_000);
    expect(retryDelayMs(limited(T0 - 5), 0, T0)).toBe(0);
  });
});

describe('500s per method (lib/app/step-retry.ts, docs/operations.md)', () => {
  const internal = (method: string, code = 'INTERNAL_SERVER_ERROR') => new BitrixApiError(method, 500, code, 'boom');

  it.each([
    ['imbot.message.add', 'INTERNAL_SERVER_ERROR'],
    ['imbot.message.add', 'ERROR_UNEXPECTED_ANSWER'],
    ['imopenlines.bot.session.operator', 'INTERNAL_SERVER_ERROR'],
    ['imopenlines.bot.session.finish', 'ERROR_UNEXPECTED_ANSWER'],
    ['batch', 'INTERNAL_SERVER_ERROR'],
  ])('%s after %s is retried (Bitrix24 docs error-codes.md: retry in a few seconds)', (method, code) => {
    expect(isRetryable(internal(method, code))).toBe(true);
  });

  it('a message send that answered 500 is sent again within the budget (the accepted duplicate risk)', async () => {
    const rest = scripted([internal('imbot.message.add'), internal('imbot.message.add', 'ERROR_UNEXPECTED_ANSWER'), 1]);
    await executeSteps(rest, [step('imbot.message.add')], 0, {
      refusedInBatch: new Set(),
      retry: { budgetMs: 20_000, clock: () => T0, sleep: async () => undefined },
    });
    expect(rest.calls).toEqual(['imbot.message.add', 'imbot.message.add', 'imbot.message.add']);
  });
});
