/**
 * npm run dlq -- list [--stage S [--region R] | --local URL] [--json]            the dead letters, one per line
 * npm run dlq -- replay [jobId ...] [--stage S [--region R] | --local URL] [--json]   back on the jobs queue (all when no ids)
 *
 * With --stage it finds the stage's queues (infra/tools/stack.ts: the stack's outputs
 * JobsDeadLetterQueueUrl and JobsQueueUrl); otherwise DLQ_URL, QUEUE_URL and AWS_REGION.
 */
import { type Io, type Parsed, processIo, runCommand, runWhenMain, readCommandLine } from './cli.js';
import { letterJson, letterLine } from './dlq/format.js';
import { localSource } from './dlq/local.js';
import type { DeadLetterSource } from './dlq/source.js';
import { MAX_LETTERS, sqsSource } from './dlq/sqs.js';
import { isHttpUrl, regionOf, stageResources, targetError, targetOptions } from './stack.js';

export const USAGE = `usage: npm run dlq -- list [--stage S [--region R] | --local URL] [--json]
       npm run dlq -- replay [jobId ...] [--stage S [--region R] | --local URL] [--json]

  list     print the dead letters (at, job, member, dialog, event, attempts, reason)
  replay   put dead letters back on the jobs queue: the given job ids, or all
  --stage S    the deployed stage's queues (from its stack)
  --region R   default AWS_REGION, else eu-central-1 (serverless.yml's default)
  --local URL  the npm start stack (e.g. http://localhost:3000) instead of AWS
  --json       JSON lines instead of text
  Without --stage or --local: DLQ_URL, QUEUE_URL and AWS_REGION from the environment.
  Bot tokens are never printed.
`;

type Args = { command: 'list' | 'replay'; ids: string[]; local?: string; stage?: string; region?: string; json: boolean };

function parse(argv: readonly string[]): Parsed<Args> {
  const line = readCommandLine(argv, targetOptions);
  if ('error' in line) return line;
  const { values, positionals } = line;
  if (values.help) return { help: true };
  const [command, ...ids] = positionals;
  if (command !== 'list' && command !== 'replay') return { error: command ? `unknown command: ${command}` : 'a command is needed' };
  if (command === 'list' && ids.length > 0) return { error: 'list takes no job ids' };
  const targetProblem = targetError(values);
  if (targetProblem) return { error: targetProblem };
  return {
    command,
    ids,
    json: values.json ?? false,
    ...(values.local !== undefined ? { local: values.local } : {}),
    ...(values.stage !== undefined ? { stage: values.stage } : {}),
    ...(values.region !== undefined ? { region: values.region } : {}),
  };
}

async function stageSource(stage: string, region: string, io: Io): Promise<DeadLetterSource> {
  const resources = await stageResources(stage, region);
  io.stderr(`stage ${stage} (${region}, ${resources.source})\n`);
  const onCap = () => io.stderr(`stopped after ${MAX_LETTERS} letters; run again for the rest\n`);
  return sqsSource({ dlqUrl: resources.dlqUrl, queueUrl: resources.queueUrl, region, onCap });
}

function awsSource(env: NodeJS.ProcessEnv, io: Io): DeadLetterSource | string {
  const missing = ['DLQ_URL', 'QUEUE_URL', 'AWS_REGION'].filter((name) => !env[name]);
  if (missing.length > 0) return `${missing.join(', ')} not set (or use --stage S for a deployed stage, --local URL for the npm start stack)`;
  // The SDK would only warn about a malformed queue URL and go on to a confusing failure.
  const notUrl = ['DLQ_URL', 'QUEUE_URL'].find((name) => !isHttpUrl(env[name]!));
  if (notUrl) return `${notUrl} is not a queue URL (https://sqs.<region>.amazonaws.com/<account>/<name>)`;
  const onCap = () => io.stderr(`stopped after ${MAX_LETTERS} letters; run again for the rest\n`);
  return sqsSource({ dlqUrl: env.DLQ_URL!, queueUrl: env.QUEUE_URL!, region: env.AWS_REGION!, onCap });
}

export async function main(argv: readonly string[], io: Io = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return runCommand('dlq', USAGE, parse(argv), io, async (args) => {
    const source = args.local ? localSource(args.local) : args.stage ? await stageSource(args.stage, regionOf(args.region, env), io) : awsSource(env, io);
    if (typeof source === 'string') return source;
    if (args.command === 'list') {
      const letters = await source.list();
      for (const letter of letters) io.stdout(`${args.json ? letterJson(letter) : letterLine(letter)}\n`);
      io.stderr(`${letters.length} dead letter(s)\n`);
    } else {
      const replayed = await source.replay(args.ids.length > 0 ? args.ids : undefined);
      io.stdout(args.json ? `${JSON.stringify({ replayed })}\n` : `replayed ${replayed} letter(s)\n`);
      const asked = new Set(args.ids).size;
      if (asked > replayed) io.stderr(`${asked - replayed} of the given job ids were not found\n`);
    }
    return 0;
  });
}

runWhenMain(import.meta.url, (argv) => main(argv));
