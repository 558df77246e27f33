/** What a dialog item's change says happened (lib/stats/outcome.ts), and what is kept of a misread text. */
import { describe, expect, it } from 'vitest';
import type { DialogState } from '../../lib/menu/state.js';
import { changeOfRecord, imageOf } from '../../lib/stats/dialog-change.js';
import { appended, outcomesOf, type DialogImage } from '../../lib/stats/outcome.js';
import { redact } from '../../lib/stats/redact.js';
import { tally } from '../../lib/stats/tally.js';

const T = Date.UTC(2025, 2, 3, 10);
const state = (over: Partial<DialogState> = {}): DialogState => ({
  menu: 'main',
  history: [],
  path: [],
  misses: 0,
  missed: [],
  vars: {},
  status: 'bot',
  startedAt: T,
  lastAt: T,
  menuVersion: 'v',
  ...over,
});
const image = (s: DialogState | undefined, lineId = '1'): DialogImage => ({ memberId: 'm1', lineId, state: s });
const kinds = (before: DialogState | undefined, after: DialogState | undefined, expired = false) =>
  outcomesOf(before && image(before), after && image(after), { expired }).map((counted) => counted.outcome);

describe('outcomes of a change', () => {
  it('a new conversation shows the start menu', () => {
    expect(kinds(undefined, state())).toEqual([{ kind: 'conversation' }, { kind: 'shown', menu: 'main' }]);
  });

  it('an item chosen into a submenu', () => {
    expect(kinds(state(), state({ menu: 'delivery', path: ['main:1'] }))).toEqual([
      { kind: 'chosen', menu: 'main', item: '1' },
      { kind: 'shown', menu: 'delivery' },
    ]);
  });

  it('a misunderstood message, redacted; an invalid answer to a question too', () => {
    expect(kinds(state(), state({ misses: 1, missed: ['call me at +49 171 2345678'] }))).toEqual([{ kind: 'misread', text: 'call me at +## ### #######' }]);
    const asking = { menu: 'main', item: 3, depth: 0, tries: 0 };
    expect(kinds(state({ asking }), state({ asking: { ...asking, tries: 1 }, missed: ['12'] }))).toEqual([{ kind: 'misread', text: '12' }]);
  });

  it('hand-overs by reason, counted once per conversation', () => {
    expect(kinds(state(), state({ status: 'transferred', path: ['main:0'] }))).toContainEqual({ kind: 'handover', reason: 'operator-item', menu: 'main' });
    expect(kinds(state(), state({ status: 'transferred', path: ['main:operator'] }))).toContainEqual({
      kind: 'handover',
      reason: 'asked-for-operator',
      menu: 'main',
    });
    expect(kinds(state({ misses: 2, missed: ['a', 'b'] }), state({ status: 'transferred', path: ['main:retries'], missed: ['a', 'b', 'c'] }))).toEqual([
      { kind: 'misread', text: 'c' },
      { kind: 'handover', reason: 'not-understood', menu: 'main' },
    ]);
    expect(kinds(state(), state({ status: 'transferred', movedOn: { reason: 'line-timeout', at: T } }))).toEqual([
      { kind: 'handover', reason: 'line-timeout', menu: 'main' },
    ]);
    // Already transferred (a refused session call after the bot's own hand-over): not again.
    expect(
      kinds(state({ status: 'transferred', path: ['main:0'] }), state({ status: 'transferred', path: ['main:0'], movedOn: { reason: 'refused', at: T } })),
    ).toEqual([]);
    // Given back by an operator and handed over again: the same conversation.
    expect(kinds(state({ resumed: { at: T } }), state({ resumed: { at: T }, status: 'transferred', path: ['main:0'] }))).toEqual([
      { kind: 'chosen', menu: 'main', item: '0' },
    ]);
  });

  it('silence: the next conversation, or the TTL, says where the customer left', () => {
    expect(kinds(state({ menu: 'payment' }), state({ startedAt: T + 86_400_000, lastAt: T + 86_400_000 }))).toEqual([
      { kind: 'abandoned', menu: 'payment' },
      { kind: 'conversation' },
      { kind: 'shown', menu: 'main' },
    ]);
    expect(kinds(state({ menu: 'payment' }), undefined, true)).toEqual([{ kind: 'abandoned', menu: 'payment' }]);
    expect(kinds(state({ menu: 'payment' }), undefined, false)).toEqual([]); // an uninstall's clean-up
  });

  it("an operator's message before the bot ever spoke is not the bot's conversation", () => {
    expect(kinds(undefined, state({ status: 'transferred', movedOn: { reason: 'operator', at: T } }))).toEqual([]);
  });

  it('appended entries of a bounded list', () => {
    expect(appended(['a', 'b'], ['a', 'b', 'c'])).toEqual(['c']);
    expect(appended(['a', 'b', 'c'], ['b', 'c', 'd'])).toEqual(['d']);
    expect(appended([], ['x'])).toEqual(['x']);
  });

  it('tally: one bucket per portal, line and day', () => {
    const buckets = tally([...outcomesOf(undefined, image(state())), ...outcomesOf(undefined, image(state(), '2'))]);
    expect(buckets.map((bucket) => [bucket.lineId, bucket.day, bucket.counters])).toEqual([
      ['1', '2025-03-03', { conversations: 1, 'shown:main': 1 }],
      ['2', '2025-03-03', { conversations: 1, 'shown:main': 1 }],
    ]);
  });
});

describe('stream records', () => {
  it('old and new image, and TTL deletions told apart from clean-ups', () => {
    const item = { pk: { S: 'P#m1' }, sk: { S: 'D#7#chat5' }, state: { S: JSON.stringify(state()) }, line: { S: '2' }, version: { N: '3' } };
    const change = changeOfRecord({ eventName: 'MODIFY', dynamodb: { OldImage: item, NewImage: item } });
    expect(imageOf(change.new)).toEqual({ memberId: 'm1', lineId: '2', state: state() });
    expect(
      changeOfRecord({ eventName: 'REMOVE', userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' }, dynamodb: { OldImage: item } }),
    ).toMatchObject({ new: undefined, expired: true });
    expect(changeOfRecord({ eventName: 'REMOVE', dynamodb: { OldImage: item } }).expired).toBe(false);
    expect(imageOf({ pk: 'P#m1', sk: 'PORTAL' })).toBeUndefined();
  });
});

describe('redaction', () => {
  it('masks phone-, order- and card-like digits, e-mails and link paths; keeps small numbers', () => {
    expect(redact('order 1048576 please')).toBe('order ####### please');
    expect(redact('mail ann.lee@example.com now')).toBe('mail …@… now');
    expect(redact('see https://shop.example.com/orders/123?token=abc')).toBe('see https://shop.example.com/…');
    expect(redact('option 2 or 24/7')).toBe('option 2 or 24/7');
    expect(redact('4111 1111 1111 1111')).toBe('#### #### #### ####');
  });
});
