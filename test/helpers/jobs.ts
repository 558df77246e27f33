/**
 * A queued customer turn as the ingest would build it, for tests that drive the worker
 * (or the use case) directly. Each call gets a fresh message id and job id.
 */
import type { DialogJob } from '../../lib/queue/job.js';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import type { Simulator } from '../../infra/local/simulator/simulator.js';

let ids = 5_000_000;

export function customerJob(sim: Simulator, portal: SimPortal, chat: SimChat, text: string, over: Partial<DialogJob> = {}): DialogJob {
  const messageId = ++ids;
  return {
    jobId: `job-${messageId}-${Math.random().toString(36).slice(2, 8)}`,
    memberId: portal.memberId,
    botId: sim.ourBot(portal)!.id,
    dialogId: chat.dialogId,
    chatId: chat.chatId,
    kind: 'message',
    eventId: `m${messageId}`,
    text,
    customer: { id: String(chat.customer.id), name: chat.customer.name },
    receivedAt: Date.now(),
    ...over,
  };
}
