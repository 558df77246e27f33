/** `ask` answers: a valid value is taken out of a sentence, and only when there is one. */
import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../lib/menu/answers.js';
import type { ValidatorSpec } from '../../lib/menu/types.js';

const order: ValidatorSpec = { type: 'regex', pattern: '^\\d{5,10}$' };

describe('checkAnswer', () => {
  it.each<[ValidatorSpec, string, string]>([
    [order, '1048576', '1048576'],
    [order, 'order 1048576', '1048576'],
    [order, 'my order is #1048576, thanks', '1048576'],
    [{ type: 'email' }, 'my email is ann@example.com', 'ann@example.com'],
    [{ type: 'email' }, 'ann@example.com.', 'ann@example.com'],
    [{ type: 'phone' }, 'meine Nummer ist +49 (30) 123-4567', '+49 (30) 123-4567'],
    [{ type: 'phone' }, 'мой телефон 8 (912) 345-67-89', '8 (912) 345-67-89'],
    [{ type: 'number', min: 1, max: 10 }, 'I need 3 of them', '3'],
    [{ type: 'any' }, '  Main street 1  ', 'Main street 1'],
  ])('%o accepts "%s" as %s', (spec, text, value) => {
    expect(checkAnswer(spec, text)).toEqual({ ok: true, value });
  });

  it.each<[ValidatorSpec, string]>([
    [order, 'I do not know it'],
    [order, 'either 1048576 or 1048577'],
    [{ type: 'email' }, 'ann@example.com or bob@example.com'],
    [{ type: 'email' }, 'my email is ann at example'],
    [{ type: 'phone' }, 'call 8 912 345 67 89 or +49 30 1234567'],
    [{ type: 'phone' }, 'no phone, sorry'],
    [{ type: 'number', min: 1, max: 10 }, 'between 3 and 5'],
    [{ type: 'number', min: 1, max: 10 }, 'I need 30'],
  ])('%o refuses "%s"', (spec, text) => {
    expect(checkAnswer(spec, text)).toEqual({ ok: false });
  });

  it('keeps the same value written twice', () => {
    expect(checkAnswer({ type: 'phone' }, '+49 30 1234567, again: +49 30 1234567')).toEqual({ ok: true, value: '+49 30 1234567' });
  });
});
