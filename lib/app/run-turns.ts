/**
 * One turn each of several chats (one record per SQS message group, as the worker takes
 * them from a batch of up to 10): each is loaded, decided and committed as on its own
 * (lib/app/turn/prepare-turn.ts, in parallel: different chats), then the claimed outboxes
 * of each portal go out together (lib/app/send-together.ts) — a portal with a single
 * ready chat sends it exactly as a lone message does (one request, its budget slot taken
 * alongside the read, no added wait). When the portal's bucket is full, or nearly (others
 * wait), the chats join the portal's next shared batch instead, whichever worker sends it
 * (lib/app/wait-together.ts).
 *
 * A chat's next record is not in the same call: its outbox must be sent before the next
 * turn of the same chat commits (the dialog item holds one outbox), so the worker runs
 * one call per "position" in the groups (lib/handlers/worker.ts).
 */
import type { Logger } from '../log.js';
import { metric } from '../metrics.js';
import type { DialogJob } from '../queue/job.js';
import type { WorkerDeps } from './deps.js';
import { turnSent } from './process-dialog.js';
import { restForPortal } from './portal-rest.js';
import type { TryTake } from './rate-budget.js';
import { sendTogether } from './send-together.js';
import { waitTogether } from './wait-together.js';
import type { PortalRecord } from '../store/portals.js';
import { prepareTurn, type PreparedTurn, type ReadyTurn } from './turn/prepare-turn.js';
import { sendOutbox } from './turn/send-outbox.js';

/** Per job, in order: true (handled) or what its job failed with. */
export async function runTurns(deps: WorkerDeps, jobs: readonly DialogJob[], log: Logger = deps.log): Promise<(true | unknown)[]> {
  const perPortal = new Map<string, number>();
  for (const job of jobs) perPortal.set(job.memberId, (perPortal.get(job.memberId) ?? 0) + 1);
  // One slot per portal for its first request, asked for alongside the reads (the portal
  // known from the warm cache), else once the portal is read. With a waiting room the ask
  // does not wait: a full bucket sends the chats to the room (lib/app/wait-together.ts).
  const slots = new Map<string, Promise<TryTake | Error>>();
  const slotFor = (memberId: string, rate: PortalRecord['rate']): Promise<TryTake | Error> => {
    let slot = slots.get(memberId);
    if (!slot) {
      const budget = deps.budget;
      const wanted = rate ?? deps.config.restRate;
      slot = budget.tryTake && budget.room ? budget.tryTake(memberId, wanted) : budget.take(memberId, wanted).then(() => 'free' as const);
      slot = slot.catch((error: unknown) => error as Error);
      slots.set(memberId, slot);
    }
    return slot;
  };
  for (const memberId of perPortal.keys()) {
    const cached = deps.portals.getCached(memberId);
    if (cached) void slotFor(memberId, cached.rate);
  }
  const prepared = await Promise.all(
    jobs.map((job) =>
      prepareTurn(deps, job, { prepay: false }).then(
        (turn): PreparedTurn | { kind: 'failed'; error: unknown } => turn,
        (error: unknown) => ({ kind: 'failed' as const, error }),
      ),
    ),
  );

  const results: (true | unknown)[] = prepared.map((turn) => (turn.kind === 'failed' ? turn.error : true));
  const ready = new Map<string, { turn: ReadyTurn; at: number }[]>();
  prepared.forEach((turn, at) => {
    if (turn.kind === 'send') ready.set(turn.portal.memberId, [...(ready.get(turn.portal.memberId) ?? []), { turn, at }]);
  });
  await Promise.all(
    [...ready.values()].map(async (turns) => {
      const portal = turns[0]!.turn.portal;
      const portalLog = turns.length === 1 ? turns[0]!.turn.log : log.child({ memberId: portal.memberId });
      const token = eventTokenOf(turns.map(({ turn }) => turn));
      const slot = await slotFor(portal.memberId, portal.rate);
      // The slot (or the reason there is none) serves the first request; later ones take their own.
      const rest = restForPortal(deps, portal, token, portalLog, Promise.resolve(slot instanceof Error ? slot : undefined));
      let outcomes: (true | Error)[];
      try {
        if (slot === 'full' || slot === 'crowded') {
          outcomes = await waitTogether(
            deps,
            portal,
            turns.map(({ turn }) => turn),
            slot === 'crowded',
            token,
            portalLog,
          );
        } else if (turns.length === 1) {
          const { turn } = turns[0]!;
          try {
            await sendOutbox(deps, turn.key, turn.portal, rest, turn.outbox, turn.version, turn.log);
            outcomes = [true];
          } catch (error) {
            outcomes = [error as Error];
          }
        } else {
          const report = await sendTogether(
            deps,
            portal,
            turns.map(({ turn }) => turn),
            rest,
            portalLog,
          );
          portalLog.info('replies sent together', {
            chats: turns.length,
            requests: report.requests,
            rounds: report.rounds,
            failed: report.results.filter((result) => result !== true).length,
          });
          metric('SharedBatchChats', turns.length);
          outcomes = [...report.results];
        }
      } catch (error) {
        // DynamoDB trouble in the waiting room or a progress write: these chats' jobs fail
        // (and are retried), the portal's other work and other portals' go on.
        outcomes = turns.map(() => error as Error);
      }
      outcomes.forEach((outcome, i) => {
        const { turn, at } = turns[i]!;
        if (outcome === true) turnSent(deps, turn);
        else results[at] = outcome;
      });
    }),
  );
  return results;
}

/** The freshest bot token the jobs brought (any of them answers for the portal's bot, contract §1.4). */
function eventTokenOf(turns: readonly ReadyTurn[]) {
  const best = turns.filter(({ job }) => job.botToken).sort((a, b) => (b.job.botTokenExpiresAt ?? 0) - (a.job.botTokenExpiresAt ?? 0))[0];
  return best ? { accessToken: best.job.botToken!, expiresAt: best.job.botTokenExpiresAt } : undefined;
}
