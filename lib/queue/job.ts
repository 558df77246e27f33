/**
 * A customer turn waiting to be processed: what the ingest handler puts on the queue
 * and the worker takes off it. It carries only what the worker needs; the per-event
 * bot token rides along (short-lived, encrypted at rest in SQS) so the worker can
 * answer without touching the stored tokens.
 */
import type { Customer } from '../bitrix/events.js';

export interface DialogJob {
  /** Assigned at ingest; retries and DLQ replays keep it (outbox ownership). */
  readonly jobId: string;
  readonly memberId: string;
  readonly botId: number;
  readonly botToken?: string;
  readonly botTokenExpiresAt?: number;
  readonly dialogId: string;
  readonly chatId: number;
  readonly lineId?: string;
  readonly sessionId?: string;
  /**
   * `join` / `message`: a customer turn. `elsewhere`: someone who is neither the customer
   * nor our bot wrote in the chat (an operator took it): the bot steps aside. `resume`: an
   * operator gave the chat back to the bot (the chat app).
   */
  readonly kind: 'join' | 'message' | 'elsewhere' | 'resume';
  /** For `resume`: the menu the operator chose (default: the start menu). */
  readonly menu?: string;
  /** For `elsewhere`: the Bitrix24 user who wrote (logged, never shown). */
  readonly authorId?: string;
  /** De-duplication id: `m<MESSAGE_ID>` or `j<ts>` for a join. */
  readonly eventId: string;
  readonly text?: string;
  readonly customer?: Customer;
  readonly language?: string;
  /** When the ingest handler accepted it (ms). */
  readonly receivedAt: number;
}

export interface JobQueue {
  send(job: DialogJob): Promise<void>;
}

/** One chat is processed in order; different chats in parallel (SQS FIFO MessageGroupId). */
export const groupOf = (job: Pick<DialogJob, 'memberId' | 'chatId' | 'dialogId'>): string => `${job.memberId}:${job.chatId || job.dialogId}`;

/** SQS FIFO deduplication id: the same event is accepted once within five minutes. */
export const dedupOf = (job: Pick<DialogJob, 'memberId' | 'eventId' | 'dialogId'>): string => `${job.memberId}:${job.dialogId}:${job.eventId}`;

/** SQS accepts only printable ASCII in group and de-duplication ids, up to 128 characters. */
export const safeId = (value: string): string => value.replace(/[^A-Za-z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '_').slice(0, 128);
