/**
 * One turn each of several chats (one record per SQS message group, as the worker takes
 * them from a batch of up to 10): each is loaded, decided and committed as on its own
 * (lib/app/turn/prepare-turn.ts, in parallel: different chats), then the claimed outboxes
 * of each portal go out together (lib/app/send-together.ts) — a portal with a single
 * ready chat sends it exactly as a lone message does (one request, its budget slot taken
 * alongside the read, no added wait).
 *
 * A chat's next record is not in the same call: its outbox must be sent before the next
 * turn of the same chat commits (the dialog item holds one outbox), so the worker runs
 * one call per "position" in the groups (lib/handlers/worker.ts).
 */
import type { Logger } from '../log.js';
import { metric } from '../metrics.js';
import type { DialogJob } from '../queue/job.js';
import type { AppDeps } from './deps.js';
import { turnSent } from './process-dialog.js';
import { restForPortal } from './portal-rest.js';
import { sendTogether } from './send-together.js';
import { prepareTurn, type PreparedTurn, type ReadyTurn } from './turn/prepare-turn.js';
import { sendOutbox } from './turn/send-outbox.js';

/** Per job, in order: true (handled) or what its job failed with. */
export async function runTurns(deps: AppDeps, jobs: readonly DialogJob[], log: Logger = deps.log): Promise<(true | unknown)[]> {
  const perPortal = new Map<string, number>();
  for (const job of jobs) perPortal.set(job.memberId, (perPortal.get(job.memberId) ?? 0) + 1);
  // Several chats of one portal: one slot for their shared request, taken alongside the reads.
  const prepaid = new Map<string, Promise<unknown>>();
  for (const [memberId, count] of perPortal) {
    const cached = deps.caches.portals.get(memberId);
    if (count > 1 && cached) prepaid.set(memberId, deps.budget.take(memberId, cached.rate ?? deps.config.restRate).then(() => undefined, (error: unknown) => error));
  }
  const prepared = await Promise.all(jobs.map((job) => prepareTurn(deps, job, { prepay: perPortal.get(job.memberId) === 1 }).then((turn): PreparedTurn | { kind: 'failed'; error: unknown } => turn, (error: unknown) => ({ kind: 'failed' as const, error }))));

  const results: (true | unknown)[] = prepared.map((turn) => (turn.kind === 'failed' ? turn.error : true));
  const ready = new Map<string, { turn: ReadyTurn; at: number }[]>();
  prepared.forEach((turn, at) => {
    if (turn.kind === 'send') ready.set(turn.portal.memberId, [...(ready.get(turn.portal.memberId) ?? []), { turn, at }]);
  });
  await Promise.all(
    [...ready.values()].map(async (turns) => {
      if (turns.length === 1) {
        const { turn, at } = turns[0]!;
        try {
          // The slot prepaid for a shared request serves this one (only one chat was ready).
          const rest = prepaid.has(turn.portal.memberId) ? restForPortal(deps, turn.portal, eventTokenOf([turn]), turn.log, prepaid.get(turn.portal.memberId)) : turn.rest();
          await sendOutbox(deps, turn.key, turn.portal, rest, turn.outbox, turn.version, turn.log);
          turnSent(deps, turn);
        } catch (error) {
          results[at] = error;
        }
        return;
      }
      const portal = turns[0]!.turn.portal;
      const portalLog = log.child({ memberId: portal.memberId });
      const rest = restForPortal(deps, portal, eventTokenOf(turns.map(({ turn }) => turn)), portalLog, prepaid.get(portal.memberId));
      const report = await sendTogether(deps, portal, turns.map(({ turn }) => turn), rest, portalLog);
      report.results.forEach((result, i) => {
        const { turn, at } = turns[i]!;
        if (result === true) turnSent(deps, turn);
        else results[at] = result;
      });
      portalLog.info('replies sent together', { chats: turns.length, steps: turns.reduce((sum, { turn }) => sum + turn.outbox.steps.length - turn.outbox.done, 0), requests: report.requests, rounds: report.rounds, failed: report.results.filter((result) => result !== true).length });
      metric('SharedBatchChats', turns.length);
    }),
  );
  return results;
}

/** The freshest bot token the jobs brought (any of them answers for the portal's bot, contract §1.4). */
function eventTokenOf(turns: readonly ReadyTurn[]) {
  const best = turns.filter(({ job }) => job.botToken).sort((a, b) => (b.job.botTokenExpiresAt ?? 0) - (a.job.botTokenExpiresAt ?? 0))[0];
  return best ? { accessToken: best.job.botToken!, expiresAt: best.job.botTokenExpiresAt } : undefined;
}
