/**
 * What `npm run dlq` needs from a dead-letter queue, so the CLI is the same against the
 * local stack (HTTP) and AWS (SQS).
 */
import type { DialogJob } from '../../../lib/queue/job.js';

export interface Letter {
  /** Partial: a message whose body is not a job is still listed, so it can be looked into. */
  readonly job: Partial<DialogJob>;
  readonly reason: string;
  /** Unknown for a message the redrive policy moved (it carries no attributes of ours). */
  readonly attempts: number | undefined;
  /** When it was dead-lettered (ms). */
  readonly at: number | undefined;
}

export interface DeadLetterSource {
  list(): Promise<Letter[]>;
  /** Puts letters back on the jobs queue (all, or those whose job ids are given); how many. */
  replay(jobIds?: readonly string[]): Promise<number>;
}
