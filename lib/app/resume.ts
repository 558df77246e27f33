/**
 * "Give the chat back to the bot" (the operators' chat app): a job in the chat's own FIFO
 * group, so it is decided in order with the customer's messages, on the state they left.
 * The worker runs it through the engine (Turn `resume`): the bot shows the start menu (or
 * the menu the operator chose) and answers the customer again. The Open Lines session
 * stays the operator's — no REST method gives a session back to a bot (transferring to a
 * bot is refused with OPERATOR_WRONG, imopenlines-bot-session-transfer.md) — so the bot's
 * next hand-over to the queue makes no session call (docs/decisions.md).
 */
import type { DialogJob } from '../queue/job.js';
import type { PortalRecord } from '../store/portals.js';
import type { ChatAppDeps } from './deps.js';

export function resumeJob(deps: ChatAppDeps, portal: PortalRecord, dialogId: string, menu: string | undefined): DialogJob {
  const jobId = deps.newId();
  return {
    jobId,
    memberId: portal.memberId,
    botId: portal.botId,
    dialogId,
    chatId: Number(dialogId.slice(4)),
    kind: 'resume',
    ...(menu ? { menu } : {}),
    eventId: `r${jobId.replace(/-/g, '')}`,
    receivedAt: deps.clock(),
  };
}
