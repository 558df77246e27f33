/**
 * The worker's use case for one customer turn (a queued ONIMBOTJOINCHAT or
 * ONIMBOTMESSAGEADD): load → decide (pure engine) → commit → act.
 *
 * Commit first: the new state, the event id (de-duplication) and the outbox of REST
 * steps are one conditional write on the dialog's version. A duplicate or concurrent
 * delivery of the same event then finds its id already handled and does nothing; a
 * concurrent different message loses the write, re-reads and decides again on the
 * fresh state, so no transition is lost. Only a retry of the same job (same jobId)
 * may resume an outbox that a failure left unfinished.
 *
 * Hot path: one read (portal + dialog, or the dialog alone when the portal is cached),
 * one conditional write, one request to Bitrix24.
 */
import { BitrixApiError, isRetryable, OAuthError, PortalAddressError } from '../bitrix/errors.js';
import type { RestClient } from '../bitrix/rest-client.js';
import { decide, type Context, type Turn } from '../menu/engine.js';
import { isOpen } from '../menu/hours.js';
import type { Logger } from '../log.js';
import { metric, metrics } from '../metrics.js';
import type { DialogJob } from '../queue/job.js';
import type { DialogKey, DialogRecord, Outbox } from '../store/dialogs.js';
import { ConcurrentUpdateError } from '../store/errors.js';
import type { PortalRecord } from '../store/portals.js';
import type { AppDeps } from './deps.js';
import { executeSteps, StepFailure } from './execute-steps.js';
import { recordMovedOn } from './moved-on.js';
import { lineSettings, openLineBots, type LineSettings } from './lookups.js';
import { planSteps, type ResolvedEffect } from './plan.js';
import { restForPortal } from './portal-rest.js';
import type { Effect } from '../menu/effects.js';

const MAX_CONFLICTS = 8;

export type JobOutcome = 'done' | 'duplicate' | 'resumed' | 'gone';

/** Thrown when the job should be tried again later (the queue redelivers it). */
export class RetryableJobError extends Error {
  override readonly name = 'RetryableJobError';
}

/**
 * Thrown when no retry can help (Bitrix answered a 4xx such as WRONG_CHAT): the job goes
 * to the dead-letter queue at once, with this reason; its outbox keeps what is left, so a
 * replay after the cause is fixed sends only that.
 */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/**
 * What no retry of the job can fix: the portal's own refusal (a 4xx other than its
 * limits), a refused refresh grant, an address outside the allowed hosts. Anything else —
 * the portal's limits and 5xx, no answer, DynamoDB throttling or a network error inside
 * the budget or the token store — may pass on a later attempt.
 */
function isPermanent(cause: unknown): boolean {
  if (cause instanceof BitrixApiError || cause instanceof OAuthError) return !isRetryable(cause);
  return cause instanceof PortalAddressError;
}

export async function processDialogJob(deps: AppDeps, job: DialogJob): Promise<JobOutcome> {
  const log = deps.log.child({ memberId: job.memberId, dialogId: job.dialogId, eventId: job.eventId, jobId: job.jobId });
  const key: DialogKey = { memberId: job.memberId, botId: job.botId, dialogId: job.dialogId };
  const now = deps.clock();
  // Claims are leases between workers: wall time, never the (movable) business clock.
  const claimFrom = Date.now();

  // The reply will need one REST request: take its budget slot while the dialog is read.
  const cached = deps.caches.portals.get(job.memberId);
  const prepaid = cached ? deps.budget.take(job.memberId, cached.rate ?? deps.config.restRate).then(() => undefined, (error: unknown) => error) : undefined;
  let { portal, dialog } = await load(deps, key, now);
  if (!portal || portal.status !== 'active') {
    log.warn('job dropped: portal is not installed');
    return 'gone';
  }
  const menu = deps.menu();
  let rest: RestClient | undefined;
  const restClient = () => (rest ??= restForPortal(deps, portal!, job.botToken ? { accessToken: job.botToken, expiresAt: job.botTokenExpiresAt } : undefined, log, prepaid));
  const send = (outbox: Outbox, version: number) => sendSteps(deps, key, portal!, restClient(), outbox, version, log);

  for (let attempt = 1; attempt <= MAX_CONFLICTS; attempt++) {
    if (dialog.processed.includes(job.eventId)) {
      const outbox = dialog.outbox;
      const mine = outbox && outbox.eventId === job.eventId && outbox.jobId === job.jobId && outbox.done < outbox.steps.length;
      if (!mine) {
        log.info('duplicate event ignored');
        return 'duplicate';
      }
      if (outbox.claimedUntil > claimFrom) {
        // This very job is being sent by another worker (SQS delivers at least once), or by
        // one that died mid-step and whose claim has not run out yet: come back later and
        // finish it then, rather than drop it or send its steps twice.
        log.info('job in flight elsewhere', { claimedForMs: outbox.claimedUntil - claimFrom });
        throw new RetryableJobError(`job ${job.jobId} is claimed by another worker for ${outbox.claimedUntil - claimFrom} ms`);
      }
      // A retry of this very job after a partial failure: send only what is missing.
      let version: number;
      try {
        version = await deps.dialogs.progress(key, dialog.version!, outbox, outbox.done, claimFrom + deps.config.claimMs);
      } catch (error) {
        if (!(error instanceof ConcurrentUpdateError)) throw error;
        await jitter(attempt);
        dialog = await deps.dialogs.get(key, now);
        continue;
      }
      log.info('resuming outbox', { from: outbox.done, steps: outbox.steps.length });
      await send(outbox, version);
      return 'resumed';
    }

    const turn: Turn = job.kind === 'message' ? { kind: 'message', text: job.text ?? '' } : { kind: job.kind };
    // imopenlines.config.* needs a user with Open Lines rights: the installer's stored token, not the bot's.
    const ctx = await context(deps, job, portal, dialog, menu.hours, () => restForPortal(deps, portal!, undefined, log), log);
    let decision = decide(menu, dialog.state, turn, ctx);
    if (decision.kind === 'need') {
      const bots = await openLineBots(deps, job.memberId, restClient());
      decision = decide(menu, dialog.state, turn, { ...ctx, bots });
    }
    if (decision.kind !== 'act') throw new Error('engine asked twice for the same lookup');
    if (decision.state === dialog.state) {
      // Nothing changed (someone else's message in a chat the bot has already left): no write.
      log.info('chat is with someone else; nothing to do', { kind: job.kind });
      return 'done';
    }
    if (decision.state.movedOn && decision.state.movedOn !== dialog.state?.movedOn) {
      log.info('the chat moved on without the bot; silent until the next session', { reason: decision.state.movedOn.reason, ...(job.authorId ? { authorId: job.authorId } : {}) });
    }
    const effects = await resolveFunctions(deps, job, decision.effects, decision.state.language ?? ctx.portalLanguage ?? menu.language, decision.state.vars, restClient, log);
    const steps = planSteps(effects, { botId: job.botId, dialogId: job.dialogId, chatId: job.chatId });

    const outbox: Outbox | undefined = steps.length > 0 ? { eventId: job.eventId, jobId: job.jobId, steps, done: 0, claimedUntil: claimFrom + deps.config.claimMs } : undefined;
    let saved: DialogRecord;
    try {
      saved = await deps.dialogs.save(key, dialog, {
        state: decision.state,
        eventId: job.eventId,
        outbox,
        ttlSeconds: Math.floor(now / 1000) + menu.settings.stateTtlDays * 86_400,
      });
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      log.debug('dialog changed concurrently, deciding again', { attempt });
      await jitter(attempt);
      dialog = await deps.dialogs.get(key, now);
      continue;
    }
    if (!outbox) {
      log.info('handled silently', { status: decision.state.status });
      metric('CustomerTurn');
      return 'done';
    }
    await send(outbox, saved.version!);
    log.info('handled', { menu: decision.state.menu, status: decision.state.status, steps: steps.map((step) => step.method), ms: deps.clock() - job.receivedAt });
    metrics({ CustomerTurn: 1, ReplyLatency: Math.max(0, deps.clock() - job.receivedAt) });
    return 'done';
  }
  throw new RetryableJobError(`dialog ${job.dialogId} kept changing under ${MAX_CONFLICTS} attempts`);
}

/** Spreads out writers that keep colliding on one dialog (only under real concurrency). */
const jitter = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));

async function load(deps: AppDeps, key: DialogKey, now: number): Promise<{ portal: PortalRecord | undefined; dialog: DialogRecord }> {
  const cached = deps.caches.portals.get(key.memberId);
  if (cached) return { portal: cached, dialog: await deps.dialogs.get(key, now) };
  const both = await deps.dialogs.getWithPortal(key, now);
  if (both.portal?.status === 'active') deps.caches.portals.set(key.memberId, both.portal);
  return both;
}

/**
 * The line's bot time can only have run out after a minute with the bot (the shortest
 * WELCOME_BOT_TIME the line settings offer), so younger dialogs never look it up.
 */
const MIN_LINE_BOT_MS = 60_000;

async function context(
  deps: AppDeps,
  job: DialogJob,
  portal: PortalRecord,
  dialog: DialogRecord,
  hours: ReturnType<AppDeps['menu']>['hours'],
  rest: () => RestClient,
  log: Logger,
): Promise<Context> {
  const now = deps.clock();
  const state = dialog.state;
  const botClockRunning = job.kind === 'message' && state?.status === 'bot' && now - state.startedAt >= MIN_LINE_BOT_MS;
  let line: LineSettings | undefined;
  if (job.lineId && (hours?.source === 'line' || botClockRunning)) {
    try {
      line = await lineSettings(deps, job.memberId, job.lineId, rest());
    } catch (error) {
      deps.caches.lines.set(`${job.memberId}:${job.lineId}`, null); // don't spend a request per message on it
      log.warn('line settings unavailable; treating the line as open and without a bot time limit', { error });
    }
  }
  let open: boolean | undefined;
  if (hours?.source === 'file') open = isOpen(hours, now);
  else if (hours?.source === 'line') open = line?.hours ? isOpen(line.hours, now) : undefined;
  return {
    now,
    customer: job.customer ?? { id: '', name: '' },
    portalLanguage: job.language ?? portal.language,
    lineBotSeconds: line?.botSeconds,
    open,
    sessionId: job.sessionId,
    bots: deps.caches.bots.get(job.memberId),
  };
}

async function resolveFunctions(
  deps: AppDeps,
  job: DialogJob,
  effects: readonly Effect[],
  language: string,
  vars: Readonly<Record<string, string>>,
  rest: () => RestClient,
  log: Logger,
): Promise<ResolvedEffect[]> {
  const out: ResolvedEffect[] = [];
  for (const effect of effects) {
    if (effect.type !== 'function') {
      out.push(effect);
      continue;
    }
    const fn = deps.functions[effect.name];
    if (!fn) {
      log.warn('menu names an unknown function', { function: effect.name });
      continue;
    }
    try {
      const result = await fn({ memberId: job.memberId, dialogId: job.dialogId, chatId: job.chatId, customer: job.customer ?? { id: '', name: '' }, language, vars, rest: rest(), now: deps.clock() });
      if (result.text) out.push({ type: 'send', text: result.text });
    } catch (error) {
      log.error('menu function failed', { function: effect.name, error });
    }
  }
  return out;
}

/**
 * Sends the outbox's remaining steps and records progress when something stops them:
 * RetryableJobError when a later attempt may get through, PermanentJobError when not.
 */
async function sendSteps(
  deps: AppDeps,
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
      retry: { budgetMs: deps.config.retryBudgetMs, clock: Date.now, onRetry: (failure, delayMs) => (metric('RestRetry'), log.warn('REST step failed, retrying', { step: failure.done, method: failure.step.method, error: failure.cause, delayMs })) },
      onDone: async (done) => {
        current = await deps.dialogs.progress(key, current, outbox, done, Date.now() + deps.config.claimMs);
      },
    });
  } catch (error) {
    if (!(error instanceof StepFailure)) throw error;
    if (error.cause instanceof BitrixApiError && error.cause.isMovedOn) {
      await recordMovedOn(deps, key, outbox, error.cause, log);
      return;
    }
    // Record what is done and release the claim, so a retry sends only the rest.
    await deps.dialogs.progress(key, current, outbox, error.done, 0).catch((progressError) => log.error('could not record outbox progress', { error: progressError }));
    const cause = error.cause;
    if (cause instanceof BitrixApiError && cause.status === 401) deps.caches.portals.delete(key.memberId);
    if (!isPermanent(cause)) {
      log.warn('REST step failed, will retry', { step: error.done, method: error.step.method, error: cause });
      throw new RetryableJobError(error.message, { cause });
    }
    log.error('REST step failed', { step: error.done, method: error.step.method, error: cause });
    throw new PermanentJobError(error.message, { cause });
  } finally {
    if (refusedInBatch.size > before) {
      const batchRefused = [...refusedInBatch];
      deps.caches.portals.set(key.memberId, { ...portal, batchRefused });
      await deps.portals.update(key.memberId, { batchRefused }, deps.clock()).catch((error) => log.warn('could not remember batch refusal', { error }));
    }
  }
}
