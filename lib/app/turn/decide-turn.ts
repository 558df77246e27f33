/**
 * Step 2 of a turn: the pure engine decides (lib/menu/engine.ts) and its effects become
 * REST steps. The engine may first ask for the portal's Open Lines bots (a `bot` action):
 * a returned `need`, answered with one lookup (cached per warm instance) and a second
 * decision. `unchanged` means nothing is to be written (someone else's message in a chat
 * the bot has already left).
 */
import type { RestClient } from '../../bitrix/rest-client.js';
import type { Logger } from '../../log.js';
import { decide, type Turn } from '../../menu/engine.js';
import type { DialogState } from '../../menu/state.js';
import type { DialogJob } from '../../queue/job.js';
import type { DialogRecord, Step } from '../../store/dialogs.js';
import type { PortalRecord } from '../../store/portals.js';
import type { WorkerDeps } from '../deps.js';
import { openLineBots } from '../lookups.js';
import { botApiOf, type BotApi } from '../../bitrix/bot-api.js';
import { planSteps, V1 } from '../plan.js';
import { V2 } from '../plan-v2.js';
import { restForPortal } from '../portal-rest.js';
import { resolveFunctions } from './menu-functions.js';
import { menuFor } from '../menu-for.js';
import { turnContext } from './turn-context.js';

export type DecidedTurn = { readonly kind: 'unchanged' } | { readonly kind: 'act'; readonly state: DialogState; readonly steps: readonly Step[] };

/**
 * The API of the bot the job is for: the portal's, except during a migration
 * (lib/store/migrations.ts) — the retired V1 bot answers its own chats in V1, and a job for the
 * pending V2 bot found with a portal record cached before the switch is V2 all the same.
 */
const apiOfJob = (job: DialogJob, portal: PortalRecord): BotApi =>
  job.botId === portal.retiredBotId ? 'v1' : job.botId === portal.migration?.botId ? 'v2' : botApiOf(portal);

const turnOf = (job: DialogJob): Turn =>
  job.kind === 'message' ? { kind: 'message', text: job.text ?? '' } : job.kind === 'resume' ? { kind: 'resume', menu: job.menu } : { kind: job.kind };

export async function decideTurn(
  deps: WorkerDeps,
  job: DialogJob,
  portal: PortalRecord,
  dialog: DialogRecord,
  rest: () => RestClient,
  log: Logger,
): Promise<DecidedTurn> {
  const menu = menuFor(deps, job.memberId, job.lineId ?? dialog.lineId);
  const turn = turnOf(job);
  const ctx = await turnContext(deps, job, portal, dialog, menu.hours, () => restForPortal(deps, portal, undefined, log), log);
  let decision = decide(menu, dialog.state, turn, ctx);
  const api = apiOfJob(job, portal);
  if (decision.kind === 'need') decision = decide(menu, dialog.state, turn, { ...ctx, bots: await openLineBots(deps, job.memberId, rest(), api) });
  if (decision.kind !== 'act') throw new Error('engine asked twice for the same lookup');
  if (decision.state === dialog.state) return { kind: 'unchanged' };
  if (decision.state.movedOn && decision.state.movedOn !== dialog.state?.movedOn) {
    log.info('the chat moved on without the bot; silent until the next session', {
      reason: decision.state.movedOn.reason,
      ...(job.authorId ? { authorId: job.authorId } : {}),
    });
  }
  const language = decision.state.language ?? ctx.portalLanguage ?? menu.language;
  const effects = await resolveFunctions(deps, job, decision.effects, language, decision.state.vars, rest, log);
  return {
    kind: 'act',
    state: decision.state,
    steps: planSteps(effects, { botId: job.botId, dialogId: job.dialogId, chatId: job.chatId }, api === 'v2' ? V2 : V1),
  };
}
