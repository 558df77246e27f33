/**
 * Property-based: whatever arrives on the public URL, the parser either returns an event
 * or throws a PayloadError with a 4xx status and a one-line reason — never anything else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEventBody } from '../../lib/bitrix/parse-event.js';
import { PayloadError } from '../../lib/bitrix/errors.js';
import { fixture, phpEncode } from '../helpers/form.js';

function outcome(body: string): 'event' | 'refused' {
  try {
    parseEventBody(body, 1_772_000_000);
    return 'event';
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    expect(error.status).toBeGreaterThanOrEqual(400);
    expect(error.status).toBeLessThan(500);
    expect(error.message).not.toContain('\n');
    return 'refused';
  }
}

const key = fc.oneof(
  fc.constantFrom(
    'event',
    'ts',
    'auth',
    'data',
    'PARAMS',
    'BOT',
    'USER',
    'MESSAGE',
    'MESSAGE_ID',
    'DIALOG_ID',
    'member_id',
    'application_token',
    '571',
    '0',
    '__proto__',
    'constructor',
    '',
    'bot',
    'chat',
    'message',
    'user',
    'dialogId',
    'id',
    'connector',
  ),
  fc.string({ maxLength: 8 }),
);
const path = fc.array(key, { minLength: 1, maxLength: 7 }).map(([head, ...rest]) => `${head}${rest.map((part) => `[${part}]`).join('')}`);
const value = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    'ONIMBOTMESSAGEADD',
    'ONIMBOTJOINCHAT',
    'ONAPPINSTALL',
    'ONAPPUNINSTALL',
    'ONIMBOTDELETE',
    'ONIMBOTV2MESSAGEADD',
    'ONIMBOTV2JOINCHAT',
    'ONIMBOTV2DELETE',
    'LINES',
    'Y',
    'chat12',
    '12',
    '-1',
    '1e99',
    '%',
    '%E0%A4%A',
  ),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

describe('the event parser never throws an unhandled error', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (body) => void outcome(body)),
      { numRuns: 2000 },
    );
  });

  it('on arbitrary bracketed forms', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(path, value), { maxLength: 40 }), (pairs) => {
        outcome(pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
      }),
      { numRuns: 2000 },
    );
  });

  it('on real events with fields removed, replaced or nested', () => {
    const names = [
      'onimbotmessageadd',
      'onimbotjoinchat',
      'onappinstall',
      'onappuninstall',
      'onimbotdelete',
      'onimbotv2messageadd',
      'onimbotv2joinchat',
      'onimbotv2delete',
    ];
    const lines = names.map((name) => fixture(name).split('\n').filter(Boolean));
    fc.assert(
      fc.property(
        fc.nat(names.length - 1),
        fc.array(fc.tuple(fc.nat(80), fc.oneof(fc.constant(undefined), value, fc.constant('[x]=1'))), { maxLength: 6 }),
        (which, edits) => {
          const body = [...lines[which]!];
          for (const [index, replacement] of edits) {
            const at = index % body.length;
            const name = body[at]!.slice(0, body[at]!.indexOf('='));
            if (replacement === undefined) body.splice(at, 1);
            else if (replacement === '[x]=1') body[at] = `${name}[x]=1`;
            else body[at] = `${name}=${replacement}`;
          }
          outcome(phpEncode(body.join('\n')));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
