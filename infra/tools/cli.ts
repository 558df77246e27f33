/**
 * What every operator command (`npm run dlq | tokens | repoint | migrate-v2 | invoke |
 * portal-rate`) shares: where it writes, how a failure reads (with the network cause that
 * fetch hides, secrets masked), the shell around a command's work (runCommand), and
 * running `main` when the file is the entry point.
 */
import { pathToFileURL } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
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

/** What a command's argument parser gives back: its arguments, a request for the usage, or what is wrong with them. */
export type Parsed<Args> = Args | { readonly help: true } | { readonly error: string };

/**
 * The shell of an admin command's `main`: `--help` prints the usage (exit 0); wrong
 * arguments print `<name>: <what is wrong>` and the usage on stderr (exit 2); otherwise
 * `run` does the work and gives the exit code, or a string saying why it could not
 * (`<name>: <why>`, exit 1); a thrown error is `<name>: <failureText>` (exit 1).
 */
export async function runCommand<Args extends object>(
  name: string,
  usage: string,
  parsed: Parsed<Args>,
  io: Io,
  run: (args: Args) => Promise<number | string>,
): Promise<number> {
  if ('help' in parsed) {
    io.stdout(usage);
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(`${name}: ${parsed.error}\n${usage}`);
    return 2;
  }
  try {
    const outcome = await run(parsed);
    if (typeof outcome === 'number') return outcome;
    io.stderr(`${name}: ${outcome}\n`);
    return 1;
  } catch (error) {
    io.stderr(`${name}: ${failureText(error)}\n`);
    return 1;
  }
}

/**
 * The command line read with node's parseArgs (positionals allowed), or the reason it could
 * not be (an unknown flag, a flag without its value) as a `Parsed` error.
 */
export function readCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options });
  } catch (error) {
    return { error: (error as Error).message } as const;
  }
}
