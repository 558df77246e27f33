/**
 * An in-process stand-in for the SQS FIFO queue, behind the same JobQueue port: one
 * chat (message group) is processed in order, different chats in parallel; a job whose
 * processing throws is retried after a growing delay, and after `maxReceives` attempts
 * it goes to the dead-letter list with the reason (a backstop, like SQS's redrive policy:
 * the worker dead-letters a job itself, with its reason, through `deadLetter`). De-duplication by id within a
 * window, as SQS FIFO does. Used by `npm start` and the tests.
 */
import { systemTime, type Time } from '../time.js';
import { dedupOf, groupOf, type DialogJob, type JobQueue } from './job.js';

export interface DeadLetter {
  readonly job: DialogJob;
  readonly reason: string;
  readonly attempts: number;
  readonly at: number;
}

export interface LocalQueueOptions {
  readonly process: (job: DialogJob, attempt: number) => Promise<unknown>;
  readonly maxReceives?: number;
  /** Delay before attempt n+1: base · 2^(n-1), like a growing visibility timeout. */
  readonly retryBaseMs?: number;
  readonly dedupWindowMs?: number;
  readonly onDeadLetter?: (letter: DeadLetter) => void;
  /** Wall time: the retry delay is slept on it (a fake in tests). */
  readonly time?: Time;
}

export interface LocalQueue extends JobQueue {
  /** Resolves when nothing is queued, running or waiting for a retry. */
  idle(): Promise<void>;
  readonly deadLetters: DeadLetter[];
  /** Where the worker puts a job it gives up on (the local dead-letter queue). */
  deadLetter(job: DialogJob, reason: string, attempts: number): void;
  /** Puts dead letters back on the queue (all, or those whose job ids are given). */
  replay(jobIds?: readonly string[]): Promise<number>;
  readonly stats: { sent: number; deduplicated: number; processed: number; retried: number; deadLettered: number };
}

export function createLocalQueue(options: LocalQueueOptions): LocalQueue {
  const maxReceives = options.maxReceives ?? 5;
  const retryBaseMs = options.retryBaseMs ?? 200;
  const dedupWindowMs = options.dedupWindowMs ?? 5 * 60_000;
  const time = options.time ?? systemTime;
  const clock = () => time.now();
  const groups = new Map<string, { job: DialogJob; attempt: number }[]>();
  const running = new Set<string>();
  const seen = new Map<string, number>();
  let pending = 0;
  let waiters: (() => void)[] = [];
  const deadLetters: DeadLetter[] = [];
  const stats = { sent: 0, deduplicated: 0, processed: 0, retried: 0, deadLettered: 0 };

  const settle = () => {
    if (pending === 0) {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    }
  };

  const pump = (group: string) => {
    if (running.has(group)) return;
    const next = groups.get(group)?.shift();
    if (!next) {
      groups.delete(group);
      return;
    }
    running.add(group);
    void (async () => {
      try {
        await options.process(next.job, next.attempt);
        stats.processed++;
        pending--;
      } catch (error) {
        if (next.attempt >= maxReceives) {
          pending--;
          deadLetter(next.job, (error as Error)?.message ?? String(error), next.attempt);
          options.onDeadLetter?.(deadLetters.at(-1)!);
        } else {
          // Like SQS FIFO: the group waits (order kept) until the failed job is visible again.
          stats.retried++;
          await time.sleep(retryBaseMs * 2 ** (next.attempt - 1));
          groups.set(group, [{ job: next.job, attempt: next.attempt + 1 }, ...(groups.get(group) ?? [])]);
        }
      } finally {
        running.delete(group);
        pump(group);
        settle();
      }
    })();
  };

  const deadLetter = (job: DialogJob, reason: string, attempts: number) => {
    deadLetters.push({ job, reason, attempts, at: clock() });
    stats.deadLettered++;
  };

  const enqueue = (job: DialogJob) => {
    const group = groupOf(job);
    pending++;
    groups.set(group, [...(groups.get(group) ?? []), { job, attempt: 1 }]);
    // Started on a later turn of the event loop, as a message sent to SQS would be: the
    // sender (the ingest handler answering Bitrix24) is not held up by the worker's start.
    setImmediate(() => pump(group));
  };

  return {
    async send(job) {
      const now = clock();
      const dedup = dedupOf(job);
      const last = seen.get(dedup);
      if (last !== undefined && now - last < dedupWindowMs) {
        stats.deduplicated++;
        return;
      }
      if (seen.size > 100_000) seen.clear();
      seen.set(dedup, now);
      stats.sent++;
      enqueue(job);
    },
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    deadLetters,
    deadLetter,
    async replay(jobIds) {
      const chosen = deadLetters.filter((letter) => !jobIds || jobIds.includes(letter.job.jobId));
      for (const letter of chosen) {
        deadLetters.splice(deadLetters.indexOf(letter), 1);
        enqueue(letter.job);
      }
      return chosen.length;
    },
    stats,
  };
}
