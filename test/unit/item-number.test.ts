/**
 * Which item number a message points at (lib/menu/item-number.ts): ITR's leading number,
 * a number beside words that point at an item, ordinals — and not a number that counts
 * or names something else.
 */
import { describe, expect, it } from 'vitest';
import { numberIn } from '../../lib/menu/item-number.js';

const ids = new Set([1, 2, 3, 4, 5]);

describe('numberIn', () => {
  it.each([
    ['2', 2],
    ['2.', 2],
    ['#4', 4],
    ['№4', 4],
    ['3️⃣', 3],
    ['３', 3],
    ['option 2 please', 2],
    ['пункт 3', 3],
    ['Nummer 2 bitte', 2],
    ['I choose 4', 4],
    ['the second one', 2],
  ])('%s → %s', (text, n) => {
    expect(numberIn(text, ids)).toBe(n);
  });

  it.each(['internet im zimmer 5 ist super langsam', 'room 4 has no towels', 'I have 2 questions', 'у меня 2 вопроса', 'we are 2 adults', 'списали два раза'])(
    '%s points at no item',
    (text) => {
      expect(numberIn(text, ids)).toBeUndefined();
    },
  );

  it('a leading number that picks nothing is unclear, not a title', () => {
    expect(numberIn('7', ids)).toBe('unclear');
    expect(numberIn('2 or 3?', ids)).toBe('unclear');
  });
});
