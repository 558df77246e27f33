/**
 * The SQS dead-letter queue. Receiving hides a message for VISIBILITY_S, so one pass
 * sees each letter once; letters are deleted only once their job is back on the jobs
 * queue, and the rest are made visible again at the end, so a `list` can be followed
 * by a `replay` at once. FIFO caveat: while a chat's letters are held, SQS returns no
 * more of that chat's, so a chat with more than ten letters is listed in part
 * (replaying them lets the rest through).
 */
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
  type Message,
  type SendMessageCommandInput,
} from '@aws-sdk/client-sqs';
import { groupOf, type DialogJob } from '../../../lib/queue/job.js';
import { safeId } from '../../../lib/queue/job.js';
import type { DeadLetterSource, Letter } from './source.js';

const VISIBILITY_S = 30;
/** Enough for any real incident; a bigger backlog is a redrive job, not a CLI's. */
export const MAX_LETTERS = 1000;

export interface SqsLetter extends Letter {
  /** The message body exactly as it was dead-lettered: replayed unchanged. */
  readonly body: string;
  readonly receiptHandle: string;
  /** False for a body that is not a job (nothing to put back). */
  readonly replayable: boolean;
}

/** A received DLQ message as a letter: the reason and attempts come from the attributes the worker sets (lib/queue/dead-letter.ts). */
export function letterFromMessage(message: Message): SqsLetter {
  const body = message.Body ?? '';
  let job: Partial<DialogJob> = {};
  let unreadable = false;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) job = parsed as Partial<DialogJob>;
    else unreadable = true;
  } catch {
    unreadable = true;
  }
  const attribute = (name: string) => message.MessageAttributes?.[name]?.StringValue;
  const deadAt = Date.parse(attribute('deadAt') ?? '');
  const sent = Number(message.Attributes?.SentTimestamp);
  return {
    job,
    body,
    receiptHandle: message.ReceiptHandle ?? '',
    replayable:
      !unreadable && typeof job.jobId === 'string' && typeof job.memberId === 'string' && (job.chatId !== undefined || typeof job.dialogId === 'string'),
    reason: unreadable ? 'unreadable message body' : (attribute('reason') ?? 'no reason recorded (moved by the redrive policy)'),
    attempts: attribute('attempts') !== undefined ? Number(attribute('attempts')) : undefined,
    at: Number.isFinite(deadAt) ? deadAt : Number.isFinite(sent) ? sent : undefined,
  };
}

export const isChosen = (letter: SqsLetter, jobIds?: readonly string[]): boolean => letter.replayable && (!jobIds || jobIds.includes(letter.job.jobId!));

/**
 * The job back on the jobs queue: the body unchanged (the jobId is what lets the worker
 * resume its outbox rather than answer twice), the chat's group, and a fresh dedup id —
 * the original may still be inside SQS's five-minute window and the send would be dropped.
 */
export function replayInput(queueUrl: string, letter: SqsLetter, now: number): SendMessageCommandInput {
  const job = letter.job as DialogJob;
  return {
    QueueUrl: queueUrl,
    MessageBody: letter.body,
    MessageGroupId: safeId(groupOf(job)),
    MessageDeduplicationId: safeId(`${job.jobId}:replay:${now}`),
  };
}

export interface SqsSourceOptions {
  readonly dlqUrl: string;
  readonly queueUrl: string;
  readonly region: string;
  /** Called when MAX_LETTERS is reached (the CLI says so). */
  readonly onCap?: () => void;
}

export function sqsSource(options: SqsSourceOptions): DeadLetterSource {
  const client = new SQSClient({ region: options.region });

  /** One pass over the DLQ; `each` says whether the letter is done with (deleted) or held. */
  async function pass(each: (letter: SqsLetter) => Promise<boolean>, enough: () => boolean = () => false): Promise<void> {
    const held: SqsLetter[] = [];
    let seen = 0;
    try {
      while (seen < MAX_LETTERS && !enough()) {
        const { Messages = [] } = await client.send(
          new ReceiveMessageCommand({
            QueueUrl: options.dlqUrl,
            MaxNumberOfMessages: 10,
            VisibilityTimeout: VISIBILITY_S,
            // A short wait: without it SQS samples only some servers and may answer empty too early.
            WaitTimeSeconds: 1,
            MessageAttributeNames: ['All'],
            MessageSystemAttributeNames: ['All'], // the SDK's name for the deprecated AttributeNames
          }),
        );
        if (Messages.length === 0) return;
        for (const message of Messages) {
          seen++;
          const letter = letterFromMessage(message);
          if (!(await each(letter))) held.push(letter);
        }
      }
      if (seen >= MAX_LETTERS) options.onCap?.();
    } finally {
      await release(held);
    }
  }

  async function release(held: readonly SqsLetter[]): Promise<void> {
    for (let i = 0; i < held.length; i += 10) {
      const entries = held.slice(i, i + 10).map((letter, n) => ({ Id: String(n), ReceiptHandle: letter.receiptHandle, VisibilityTimeout: 0 }));
      // Best effort: a letter not released simply reappears when its visibility expires.
      await client.send(new ChangeMessageVisibilityBatchCommand({ QueueUrl: options.dlqUrl, Entries: entries })).catch(() => undefined);
    }
  }

  return {
    async list() {
      const letters: Letter[] = [];
      await pass(async (letter) => {
        const { body: _body, receiptHandle: _handle, replayable: _replayable, ...shown } = letter;
        letters.push(shown);
        return false;
      });
      return letters;
    },
    async replay(jobIds) {
      let replayed = 0;
      const wanted = jobIds ? new Set(jobIds) : undefined;
      try {
        await pass(
          async (letter) => {
            if (!isChosen(letter, jobIds)) return false;
            await client.send(new SendMessageCommand(replayInput(options.queueUrl, letter, Date.now())));
            // Deleted only after the send: a failure in between leaves a duplicate, never a loss
            // (the worker skips an event id the dialog has already processed).
            await client.send(new DeleteMessageCommand({ QueueUrl: options.dlqUrl, ReceiptHandle: letter.receiptHandle }));
            wanted?.delete(letter.job.jobId!);
            replayed++;
            return true;
          },
          () => wanted?.size === 0,
        );
      } catch (error) {
        throw new Error(`${(error as Error).message} (after ${replayed} replayed)`);
      }
      return replayed;
    },
  };
}
