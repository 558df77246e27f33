/** The shell every admin command's main() runs in (infra/tools/cli.ts runCommand): exit codes and what goes where. */
import { describe, expect, it } from 'vitest';
import { type Io, runCommand } from '../../infra/tools/cli.js';
import { registerSecret } from '../../lib/log.js';

const USAGE = 'usage: npm run thing -- <x>\n';

function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => void out.push(text), stderr: (text) => void err.push(text) };
}

describe('runCommand', () => {
  it('--help: the usage on stdout, exit 0, and the work is not run', async () => {
    const io = capture();
    let ran = false;
    const code = await runCommand('thing', USAGE, { help: true }, io, async () => ((ran = true), 0));
    expect({ code, out: io.out, err: io.err, ran }).toEqual({ code: 0, out: [USAGE], err: [], ran: false });
  });

  it('wrong arguments: "<name>: <what is wrong>" and the usage on stderr, exit 2, and the work is not run', async () => {
    const io = capture();
    let ran = false;
    const code = await runCommand('thing', USAGE, { error: 'a member_id is needed' }, io, async () => ((ran = true), 0));
    expect({ code, out: io.out, err: io.err, ran }).toEqual({ code: 2, out: [], err: [`thing: a member_id is needed\n${USAGE}`], ran: false });
  });

  it('runs the work with the parsed arguments and gives its exit code', async () => {
    const io = capture();
    const code = await runCommand('thing', USAGE, { days: 7 }, io, async (args) => (io.stdout(`days ${args.days}\n`), 3));
    expect({ code, out: io.out, err: io.err }).toEqual({ code: 3, out: ['days 7\n'], err: [] });
  });

  it('a string from the work is why it could not run: "<name>: <why>", exit 1', async () => {
    const io = capture();
    const code = await runCommand('thing', USAGE, { days: 7 }, io, async () => 'TABLE_NAME is not set');
    expect({ code, out: io.out, err: io.err }).toEqual({ code: 1, out: [], err: ['thing: TABLE_NAME is not set\n'] });
  });

  it('a thrown error: one line with the cause fetch hides, secrets masked, exit 1', async () => {
    registerSecret('cli-secret-5d1e9a');
    const io = capture();
    const code = await runCommand('thing', USAGE, { days: 7 }, io, async () => {
      throw new TypeError('fetch failed for cli-secret-5d1e9a', { cause: new Error('connect ECONNREFUSED 127.0.0.1:3000') });
    });
    expect({ code, out: io.out, err: io.err }).toEqual({
      code: 1,
      out: [],
      err: ['thing: fetch failed for [redacted] (connect ECONNREFUSED 127.0.0.1:3000)\n'],
    });
  });
});
