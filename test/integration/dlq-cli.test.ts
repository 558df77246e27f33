/**
 * `npm run dlq`: run in-process against the local stack's dead letters (list, replay, bad
 * usage), and the SQS side's pure parts — reading a DLQ message, choosing letters, the
 * SendMessage that puts a job back — without an AWS account. The bot token a job carries
 * must never reach the output.
 */
import type { Message } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import type { SimChat, SimPortal } from '../../infra/local/simulator/model.js';
import { OFFICE_HOURS } from '../../infra/bench/scenarios.js';
import { main } from '../../infra/tools/dlq.js';
import { letterJson, letterLine } from '../../infra/tools/dlq/format.js';
import { isChosen, letterFromMessage, replayInput } from '../../infra/tools/dlq/sqs.js';
import { dedupOf, groupOf, type DialogJob } from '../../lib/queue/job.js';
import { safeId } from '../../lib/queue/job.js';
import { useStack } from '../helpers/stack.js';

const t = useStack({ clock: () => OFFICE_HOURS + (Date.now() % 1_000_000), queue: { maxAttempts: 3, retryBaseMs: 20 } });

/** The CLI in-process, with an empty environment unless one is given (no AWS settings leak in). */
async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out = { stdout: '', stderr: '' };
  const code = await main(argv, { stdout: (text) => void (out.stdout += text), stderr: (text) => void (out.stderr += text) }, env);
  return { code, ...out };
}
const dlq = (...argv: string[]) => run(argv);

const hoursReplies = (chat: SimChat) => t.customerView(chat).filter((text) => text.startsWith('We answer Monday'));

/** A customer asks for the hours ('4') while the portal rejects the reply with a 4xx: dead-lettered at once. */
async function deadLetter(): Promise<{ portal: SimPortal; chat: SimChat; job: DialogJob }> {
  const portal = await t.portal();
  const chat = await t.chat(portal);
  t.stack.simulator.fail('imbot.message.add', { status: 400, error: 'BOT_ID_ERROR' });
  await t.say(portal, chat, '4');
  const letter = t.stack.queue.deadLetters.find((candidate) => candidate.job.dialogId === chat.dialogId);
  if (!letter) throw new Error('no dead letter');
  return { portal, chat, job: letter.job };
}

describe('npm run dlq --local', () => {
  it('list shows the letter with its reason, and never the bot token', async () => {
    const { job } = await deadLetter();
    expect(job).not.toHaveProperty('botToken'); // parked without the event's token
    const text = await dlq('list', '--local', t.stack.url);
    expect(text.code).toBe(0);
    const line = text.stdout.split('\n').find((candidate) => candidate.includes(`job=${job.jobId}`));
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT\S+Z job=\S+ member=\S+ dialog=\S+ event=m\d+ attempts=1 reason=.*imbot\.message\.add failed: 400 BOT_ID_ERROR/);
    expect(line).toContain(`member=${job.memberId} dialog=${job.dialogId}`);

    const json = await dlq('list', '--local', t.stack.url, '--json');
    expect(json.code).toBe(0);
    const entry = json.stdout
      .trim()
      .split('\n')
      .map((row) => JSON.parse(row) as { job: Record<string, unknown>; reason: string; attempts: number })
      .find((row) => row.job.jobId === job.jobId);
    expect(entry).toMatchObject({ attempts: 1, reason: expect.stringMatching(/400 BOT_ID_ERROR/), job: { memberId: job.memberId, eventId: job.eventId } });
    expect(entry!.job).not.toHaveProperty('botToken');
    for (const output of [text, json]) {
      for (const secret of t.stack.simulator.issuedSecrets) expect(output.stdout + output.stderr).not.toContain(secret);
      expect(output.stdout).not.toMatch(/botToken/);
    }
  });

  it('replay <jobId> puts just that job back: the customer gets the reply once', async () => {
    const first = await deadLetter();
    const other = await deadLetter();
    expect(hoursReplies(first.chat)).toHaveLength(0);
    const result = await dlq('replay', first.job.jobId, '--local', t.stack.url);
    expect(result).toMatchObject({ code: 0, stdout: 'replayed 1 letter(s)\n' });
    await t.stack.idle();
    expect(hoursReplies(first.chat)).toHaveLength(1);
    // The other letter stays; a second replay of the first finds nothing.
    const after = await dlq('list', '--local', t.stack.url);
    expect(after.stdout).not.toContain(`job=${first.job.jobId}`);
    expect(after.stdout).toContain(`job=${other.job.jobId}`);
    const again = await dlq('replay', first.job.jobId, '--local', t.stack.url, '--json');
    expect(again).toMatchObject({ code: 0, stdout: '{"replayed":0}\n', stderr: expect.stringContaining('1 of the given job ids were not found') });
    await t.stack.idle();
    expect(hoursReplies(first.chat)).toHaveLength(1);
  });

  it('replay with no ids replays every letter', async () => {
    const { chat } = await deadLetter();
    const waiting = t.stack.queue.deadLetters.length;
    const result = await dlq('replay', '--local', `${t.stack.url}/`);
    expect(result).toMatchObject({ code: 0, stdout: `replayed ${waiting} letter(s)\n` });
    await t.stack.idle();
    expect(t.stack.queue.deadLetters).toHaveLength(0);
    expect(hoursReplies(chat)).toHaveLength(1);
  });

  it('bad usage exits 2 with the usage on stderr; --help prints it on stdout', async () => {
    for (const argv of [
      [],
      ['purge'],
      ['list', '--verbose'],
      ['list', 'job-1'],
      ['list', '--local'],
      ['list', '--local', 'localhost:3000'],
      ['list', '--stage', 'a/b'],
      ['list', '--stage', 'prod', '--local', 'http://localhost:3000'],
    ]) {
      const result = await dlq(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain('usage: npm run dlq -- list');
      expect(result.stdout).toBe('');
    }
    expect(await dlq('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('npm run dlq -- replay [jobId ...]'), stderr: '' });
  });

  it('AWS mode without its environment, or a stack that is not there, exits 1 with the cause', async () => {
    const aws = await dlq('list');
    expect(aws.code).toBe(1);
    expect(aws.stderr).toContain('DLQ_URL, QUEUE_URL, AWS_REGION not set');
    const malformed = await run(['list'], {
      DLQ_URL: 'jobs-dlq.fifo',
      QUEUE_URL: 'https://sqs.eu-central-1.amazonaws.com/1/jobs.fifo',
      AWS_REGION: 'eu-central-1',
    });
    expect(malformed).toMatchObject({ code: 1, stderr: expect.stringContaining('DLQ_URL is not a queue URL') });
    const gone = await dlq('list', '--local', 'http://127.0.0.1:1');
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/^dlq: fetch failed/);
  });
});

describe('the SQS dead-letter queue, pure parts', () => {
  const job: DialogJob = {
    jobId: 'job-42',
    memberId: 'a1b2c3',
    botId: 7,
    botToken: 'bot-access-token-secret-123456',
    botTokenExpiresAt: 1_900_000_000_000,
    dialogId: 'chat15',
    chatId: 15,
    kind: 'message',
    eventId: 'm901',
    text: '4',
    receivedAt: 1_800_000_000_000,
  };
  const message = (body: string, attributes?: Record<string, string>, system: Record<string, string> = { SentTimestamp: '1800000001000' }): Message => ({
    MessageId: 'mid-1',
    ReceiptHandle: 'rh-1',
    Body: body,
    Attributes: system,
    ...(attributes
      ? { MessageAttributes: Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, { DataType: 'String', StringValue: value }])) }
      : {}),
  });
  const body = JSON.stringify(job);

  it('reads a letter the worker dead-lettered: the job, reason, attempts and time from its attributes', () => {
    const letter = letterFromMessage(
      message(body, { reason: 'imbot.message.add failed: 400 WRONG_REQUEST', attempts: '1', deadAt: '2027-01-15T10:00:00.000Z' }),
    );
    expect(letter).toMatchObject({
      job,
      body,
      receiptHandle: 'rh-1',
      replayable: true,
      reason: expect.stringMatching(/WRONG_REQUEST/),
      attempts: 1,
      at: Date.parse('2027-01-15T10:00:00.000Z'),
    });
  });

  it('a letter the redrive policy moved has no reason of ours; an unreadable body is listed but not replayable', () => {
    expect(letterFromMessage(message(body))).toMatchObject({
      replayable: true,
      reason: expect.stringMatching(/redrive/),
      attempts: undefined,
      at: 1_800_000_001_000,
    });
    expect(letterFromMessage(message('not json'))).toMatchObject({ replayable: false, reason: 'unreadable message body', job: {} });
    expect(letterFromMessage(message('[1,2]'))).toMatchObject({ replayable: false });
    expect(letterFromMessage(message('{"text":"no job id"}'))).toMatchObject({ replayable: false });
  });

  it('chooses all replayable letters, or only the given job ids', () => {
    const letters = [
      letterFromMessage(message(body)),
      letterFromMessage(message(JSON.stringify({ ...job, jobId: 'job-43' }))),
      letterFromMessage(message('???')),
    ];
    expect(letters.filter((letter) => isChosen(letter)).map((letter) => letter.job.jobId)).toEqual(['job-42', 'job-43']);
    expect(letters.filter((letter) => isChosen(letter, ['job-43', 'job-99'])).map((letter) => letter.job.jobId)).toEqual(['job-43']);
  });

  it('the replay send: the body unchanged, the chat group, a fresh dedup id', () => {
    const input = replayInput('https://sqs.example/jobs.fifo', letterFromMessage(message(body)), 1_234);
    expect(input).toEqual({
      QueueUrl: 'https://sqs.example/jobs.fifo',
      MessageBody: body,
      MessageGroupId: 'a1b2c3:15',
      MessageDeduplicationId: 'job-42:replay:1234',
    });
    expect(input.MessageDeduplicationId).not.toBe(safeId(dedupOf(job)));
    expect(JSON.parse(input.MessageBody!)).toEqual(job); // the token rides along to the worker, as it did
    // Ids SQS would refuse are sanitised as the jobs queue does it.
    const odd = { ...job, jobId: 'job é 1', memberId: 'portal ü', chatId: 0, dialogId: 'chat 9' };
    const oddInput = replayInput('q', letterFromMessage(message(JSON.stringify(odd))), 5);
    expect(oddInput.MessageGroupId).toBe(safeId(groupOf(odd)));
    expect(oddInput).toMatchObject({ MessageGroupId: 'portal__:chat_9', MessageDeduplicationId: 'job___1:replay:5' });
  });

  it('prints a letter without the token, as text and as JSON', () => {
    const letter = letterFromMessage(message(body, { reason: `GET /rest/x?auth=${job.botToken} failed`, attempts: '5' }));
    const line = letterLine(letter);
    expect(line).toMatch(/^2027-\S+ job=job-42 member=a1b2c3 dialog=chat15 event=m901 attempts=5 reason=GET \/rest\/x\?auth=\[redacted\] failed$/);
    const json = letterJson(letter);
    expect(JSON.parse(json)).toMatchObject({ attempts: 5, job: { jobId: 'job-42', text: '4' } });
    for (const output of [line, json]) {
      expect(output).not.toContain(job.botToken!);
      expect(output).not.toContain('botToken');
    }
  });
});
