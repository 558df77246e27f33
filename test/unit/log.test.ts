/** What an error line says (stack, cause chain, secrets masked in both) and which invocation a Lambda line belongs to. */
import type { Context } from 'aws-lambda';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createLogger, registerSecret, setLogSink } from '../../lib/log.js';
import { inLambda } from '../../lib/runtime/invocation.js';

const lines: Record<string, any>[] = [];
const previous = setLogSink((line) => lines.push(JSON.parse(line)));
afterEach(() => {
  lines.length = 0;
});
afterAll(() => void setLogSink(previous));

describe('error lines', () => {
  it('carry the stack and the cause chain, with secrets masked inside both', () => {
    registerSecret('refresh-7f3a9c2e-secret');
    const root = new Error('OAuth answered 400 for refresh-7f3a9c2e-secret');
    const error = new Error('token refresh failed', { cause: root });
    createLogger().error('refresh failed', { error });
    const logged = lines[0]!.error;
    expect(logged).toMatchObject({ name: 'Error', message: 'token refresh failed', cause: { name: 'Error', message: 'OAuth answered 400 for [redacted]' } });
    expect(logged.stack).toMatch(/^Error: token refresh failed\n\s+at /);
    expect(logged.stack).toContain('log.test.ts');
    expect(logged.cause.stack).toMatch(/^Error: OAuth answered 400 for \[redacted\]\n/);
    expect(JSON.stringify(lines)).not.toContain('refresh-7f3a9c2e-secret');
    expect(logged.stack.split('\n').length).toBeLessThanOrEqual(12);
  });

  it('warn lines keep the cause but not the stack (retries log often, and expectedly)', () => {
    createLogger().warn('retrying', { error: new Error('503', { cause: { status: 503 } }) });
    expect(lines[0]!.error).toEqual({ name: 'Error', message: '503', cause: { status: 503 } });
  });
});

describe('in Lambda', () => {
  const context = (awsRequestId: string) => ({ awsRequestId }) as Context;

  it('every line of an invocation names its request id, and whether the instance was cold', async () => {
    const log = createLogger({ service: 'test' });
    const handler = inLambda(async (event: string) => {
      log.warn('handling', { event });
      return event.length;
    });
    expect(await handler('first', context('req-1'))).toBe(5);
    await handler('second', context('req-2'));
    log.warn('between invocations');
    expect(lines.map(({ msg, awsRequestId, coldStart }) => ({ msg, awsRequestId, coldStart }))).toEqual([
      { msg: 'handling', awsRequestId: 'req-1', coldStart: true },
      { msg: 'handling', awsRequestId: 'req-2', coldStart: false },
      { msg: 'between invocations', awsRequestId: undefined, coldStart: undefined },
    ]);
  });

  it('a failing invocation still clears its fields', async () => {
    const handler = inLambda(async () => {
      throw new Error('boom');
    });
    await expect(handler(undefined, context('req-3'))).rejects.toThrow('boom');
    createLogger().warn('after');
    expect(lines.at(-1)).not.toHaveProperty('awsRequestId');
  });
});
