/**
 * What every operator command (`npm run dlq | tokens | repoint | invoke | portal-rate`)
 * shares: where it writes, how a failure reads (with the network cause that fetch hides,
 * secrets masked), and running `main` when the file is the entry point.
 */
import { pathToFileURL } from 'node:url';
import { redact } from '../../lib/log.js';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: Io = { stdout: (text) => void process.stdout.write(text), stderr: (text) => void process.stderr.write(text) };

/** fetch says only "fetch failed"; the cause (ECONNREFUSED…) is what helps. Tokens masked. */
export function failureText(error: unknown): string {
  const cause = (error as { cause?: { message?: string } })?.cause?.message;
  return redact(`${(error as Error)?.message ?? String(error)}${cause ? ` (${cause})` : ''}`) as string;
}

/** Runs `main` with the process's arguments when `moduleUrl` is the script node was started with. */
export function runWhenMain(moduleUrl: string, main: (argv: readonly string[]) => Promise<number>): void {
  if (process.argv[1] && moduleUrl === pathToFileURL(process.argv[1]).href) void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
