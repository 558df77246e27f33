/**
 * How a dead letter is printed. A job carries the portal's short-lived bot access token:
 * it is dropped here, in one place, before anything reaches the terminal, and the rest
 * goes through the log redaction too (a reason may quote a URL with a token in it).
 */
import { redact } from '../../../lib/log.js';
import type { Letter } from './source.js';

/** The job without its token fields, for printing. */
export function publicJob(job: Letter['job']): Record<string, unknown> {
  const { botToken: _token, botTokenExpiresAt: _expires, ...rest } = job;
  return redact(rest) as Record<string, unknown>;
}

const iso = (ms: number | undefined): string => (ms !== undefined && Number.isFinite(ms) ? new Date(ms).toISOString() : '?');
const oneLine = (text: string): string => (redact(text) as string).replace(/\s+/g, ' ').trim();

export function letterLine(letter: Letter): string {
  const { job } = letter;
  const show = (value: unknown) => (value === undefined || value === '' ? '?' : String(value));
  return [
    iso(letter.at),
    `job=${show(job.jobId)}`,
    `member=${show(job.memberId)}`,
    `dialog=${show(job.dialogId)}`,
    `event=${show(job.eventId)}`,
    `attempts=${show(letter.attempts)}`,
    `reason=${oneLine(letter.reason)}`,
  ].join(' ');
}

export function letterJson(letter: Letter): string {
  return JSON.stringify({ at: iso(letter.at), attempts: letter.attempts ?? null, reason: redact(letter.reason), job: publicJob(letter.job) });
}
