/**
 * An in-process stand-in for the SQS FIFO queue and its Lambda event source, behind the
 * same JobQueue port. Like the event source (serverless.yml: batchSize 10,
 * maximumConcurrency = WORKER_CONCURRENCY, default 20) it hands the worker batches: up to
 * `batchSize` records across chats (message groups), a chat's records in order, a chat in
 * flight never in two batches at once, at most `concurrency` batches at a time. A batch
 * goes out as soon as a worker is free, with whatever is waiting then (a lone message is
 * not held back to fill a batch); under load, records wait for a free worker and so come
 * ten at a time — which is when the worker's shared requests pay (issue 17).
 *
 * A record the worker hands back is retried after a growing delay with the rest of its
 * chat behind it; after `maxReceives` receives it goes to the dead-letter list with the
 * reason (a backstop, like SQS's redrive policy: the worker dead-letters a job itself,
 * with its reason, through `deadLetter`). De-duplication by id within a window, as SQS
 * FIFO does. Used by `npm start` and the tests.
 */
import { systemTime, type Time } from '../time.js';
import { dedupOf, groupOf, type DialogJob, type JobQueue } from './job.js';

export interface DeadLetter {
  readonly job: DialogJob;
  readonly reason: string;
  readonly attempts: number;
  readonly at: number;
}

export interface QueuedJob {
  readonly job: DialogJob;
  /** Receives so far, this one included (ApproximateReceiveCount). */
  readonly attempt: number;
}

export interface LocalQueueOptions {
  /** Runs one batch; per record, in order: true (done) or why it was handed back. */
  readonly processBatch: (batch: readonly QueuedJob[]) => Promise<readonly (true | Error)[]>;
  readonly maxReceives?: number;
  /** Delay before attempt n+1: base · 2^(n-1), like a growing visibility timeout. */
  readonly retryBaseMs?: number;
  readonly dedupWindowMs?: number;
  /** Records per batch (SQS: at most 10). */
  readonly batchSize?: number;
  /** Batches in flight at once (the event source's maximumConcurrency). */
  readonly concurrency?: number;
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
  readonly stats: { sent: number; deduplicated: number; processed: number; retried: number; deadLettered: number; batches: number };
}

interface Group {
  items: QueuedJob[];
  /** In a batch, or waiting out a retry delay: not delivered meanwhile (FIFO). */
  busy: boolean;
}

export function createLocalQueue(options: LocalQueueOptions): LocalQueue {
  const maxReceives = options.maxReceives ?? 5;
  const retryBaseMs = options.retryBaseMs ?? 200;
  const dedupWindowMs = options.dedupWindowMs ?? 5 * 60_000;
  const batchSize = Math.max(1, Math.min(10, options.batchSize ?? 10));
  const concurrency = Math.max(1, options.concurrency ?? 20);
  const time = options.time ?? systemTime;
  const clock = () => time.now();
  const groups = new Map<string, Group>();
  const seen = new Map<string, number>();
  let running = 0;
  let pending = 0;
  let scheduled = false;
  let waiters: (() => void)[] = [];
  const deadLetters: DeadLetter[] = [];
  const stats = { sent: 0, deduplicated: 0, processed: 0, retried: 0, deadLettered: 0, batches: 0 };

  const settle = () => {
    if (pending === 0) {
      const ready = waiters;
      waiters = [];
      for (const resolve of ready) resolve();
    }
  };

  const deadLetter = (job: DialogJob, reason: string, attempts: number) => {
    deadLetters.push({ job, reason, attempts, at: clock() });
    stats.deadLettered++;
  };

  /** Started on a later turn of the event loop, as a message sent to SQS would be. */
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  };

  const pump = () => {
    while (running < concurrency) {
      const batch: { group: string; entry: QueuedJob }[] = [];
      for (const [name, group] of groups) {
        if (group.busy || group.items.length === 0) continue;
        group.busy = true;
        for (const entry of group.items.splice(0, batchSize - batch.length)) batch.push({ group: name, entry });
        if (batch.length >= batchSize) break;
      }
      if (batch.length === 0) return;
      running++;
      stats.batches++;
      void run(batch);
    }
  };

  const run = async (batch: { group: string; entry: QueuedJob }[]) => {
    let results: readonly (true | Error)[];
    try {
      results = await options.processBatch(batch.map(({ entry }) => entry));
    } catch (error) {
      results = batch.map(() => error as Error);
    }
    const names = [...new Set(batch.map(({ group }) => group))];
    const retries: Promise<void>[] = [];
    for (const name of names) {
      const group = groups.get(name)!;
      const mine = batch.flatMap(({ group: of, entry }, i) => (of === name ? [{ entry, result: results[i] ?? new Error('no result') }] : []));
      const failedAt = mine.findIndex(({ result }) => result !== true);
      const done = failedAt === -1 ? mine.length : failedAt;
      stats.processed += done;
      pending -= done;
      if (failedAt === -1) {
        group.busy = false;
        continue;
      }
      const [failed, ...behind] = mine.slice(failedAt);
      const back = behind.map(({ entry }) => ({ job: entry.job, attempt: entry.attempt + 1 }));
      if (failed!.entry.attempt >= maxReceives) {
        pending--;
        deadLetter(failed!.entry.job, (failed!.result as Error)?.message ?? String(failed!.result), failed!.entry.attempt);
        options.onDeadLetter?.(deadLetters.at(-1)!);
        group.items.unshift(...back);
        group.busy = false;
        continue;
      }
      // Like SQS FIFO: the group waits (order kept) until the failed record is visible again.
      stats.retried++;
      back.unshift({ job: failed!.entry.job, attempt: failed!.entry.attempt + 1 });
      retries.push(
        time.sleep(retryBaseMs * 2 ** (failed!.entry.attempt - 1)).then(() => {
          group.items.unshift(...back);
          group.busy = false;
          schedule();
        }),
      );
    }
    for (const name of names) if (groups.get(name)!.items.length === 0 && !groups.get(name)!.busy) groups.delete(name);
    running--;
    schedule();
    settle();
    await Promise.all(retries);
    for (const name of names) {
      const group = groups.get(name);
      if (group && group.items.length === 0 && !group.busy) groups.delete(name);
    }
  };

  const enqueue = (job: DialogJob) => {
    const name = groupOf(job);
    pending++;
    const group = groups.get(name) ?? { items: [], busy: false };
    group.items.push({ job, attempt: 1 });
    groups.set(name, group);
    schedule();
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
