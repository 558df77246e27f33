/**
 * The engine's two halves on their own: what a message means (interpret → Intent), and
 * the one hand-over with its reasons. engine.test.ts shows the same rules end to end.
 */
import { describe, expect, it } from 'vitest';
import { Draft, fresh } from '../../lib/menu/engine/draft.js';
import { handOver } from '../../lib/menu/engine/hand-over.js';
import { interpret } from '../../lib/menu/engine/interpret.js';
import type { Context } from '../../lib/menu/engine/turn.js';
import { loadMenuSource } from '../../lib/menu/load-file.js';
import type { DialogState } from '../../lib/menu/state.js';

const { menu } = loadMenuSource(
  `
bot: { code: b, name: Bot }
start: main
settings: { backItem: { id: 8, title: Back } }
menus:
  main:
    text: Main
    items:
      - { id: 1, title: Billing, action: { type: menu, menu: billing } }
      - { id: 2, title: Email, action: { type: ask, question: "Your e-mail?", var: EMAIL, validate: email } }
      - { id: 0, title: Operator, action: { type: text, text: "Wait", hideMenu: true } }
  billing:
    text: Billing
    items:
      - { id: 1, title: Robot, action: { type: bot, botCode: robo, text: "To robot" } }
`,
  'intent.yaml',
);
if (!menu) throw new Error('the test menu does not compile');

const ctx = (over: Partial<Context> = {}): Context => ({ now: 1_000_000, customer: { id: '5', name: 'Ann' }, ...over });
const draftAt = (over: Partial<DialogState> = {}, context = ctx()) => new Draft(menu, context, { ...fresh(menu, context, undefined), ...over });
const item0 = menu.menus.main!.items.find((item) => item.id === 0)!;

describe('interpret: what was typed, before anything is done', () => {
  it.each([
    ['1', { kind: 'item', item: menu.menus.main!.items[0] }],
    ['0', { kind: 'operator', via: 'zero', item: item0 }],
    ['0.', { kind: 'operator', via: 'item-zero', item: item0 }],
    ['operator', { kind: 'operator', via: 'item-zero', item: item0 }],
    ['talk to a human', { kind: 'operator', via: 'word' }],
    ['hello', { kind: 'greeting' }],
    ['xyzzy', { kind: 'not-understood', text: 'xyzzy' }],
  ])('%j at the start menu', (text, intent) => {
    expect(interpret(draftAt(), text)).toEqual(intent);
  });

  it('back and the global back item in a submenu', () => {
    expect(interpret(draftAt({ menu: 'billing', history: ['main'] }), 'back')).toEqual({ kind: 'navigate', where: 'back' });
    expect(interpret(draftAt({ menu: 'billing', history: ['main'] }), '8')).toEqual({ kind: 'navigate', where: 'back' });
  });

  it('an item of another menu, named by its title', () => {
    expect(interpret(draftAt(), 'Robot')).toMatchObject({ kind: 'item-elsewhere', ref: { menu: 'billing', id: 1 } });
  });

  it('while a question is pending: an answer, a refused answer, or a way out', () => {
    const asking = { menu: 'main', item: 2, depth: 0, tries: 0 };
    expect(interpret(draftAt({ asking }), 'it is ann@example.com')).toMatchObject({ kind: 'answer', value: 'ann@example.com', at: asking });
    expect(interpret(draftAt({ asking }), 'no idea')).toMatchObject({ kind: 'refused-answer', text: 'no idea', at: asking });
    const escaping = draftAt({ asking });
    expect(interpret(escaping, '0')).toEqual({ kind: 'operator', via: 'zero', item: item0 });
    expect(escaping.state.asking).toBeUndefined();
  });
});

describe('handOver: one function, a reason', () => {
  const run = (reason: Parameters<typeof handOver>[1], context = ctx()) => {
    const draft = draftAt({}, context);
    const need = handOver(draft, reason);
    return { need, decision: draft.finish() };
  };

  it('the operator word: the path says so, one card, the text, the queue', () => {
    const { need, decision } = run({ kind: 'operator', menuId: 'main' });
    expect(need).toBeUndefined();
    expect(decision).toMatchObject({ kind: 'act', state: { status: 'transferred', path: ['main:operator'] } });
    expect(decision.kind === 'act' && decision.effects.map((effect) => effect.type)).toEqual(['note', 'send', 'queue']);
  });

  it('a bare 0: Bitrix24 moves the dialog, so no session call and no menu; item 0 adds its text', () => {
    const { decision } = run({ kind: 'zero', menuId: 'main', item: item0 });
    expect(decision).toMatchObject({ kind: 'act', state: { status: 'transferred', path: ['main:0'] } });
    expect(decision.kind === 'act' && decision.effects.map((effect) => effect.type)).toEqual(['note', 'send']);
  });

  it('item 0 chosen by its title: the bot hands over itself; out of hours it promises no operator', () => {
    const { decision } = run({ kind: 'item-zero', menuId: 'main', item: item0 }, ctx({ open: false }));
    expect(decision.kind === 'act' && decision.effects.slice(1)).toEqual([
      { type: 'send', text: 'Our operators are offline now. Your message is saved and we will answer when we open.' },
      { type: 'queue' },
    ]);
  });

  it('retries ran out: what settings.onRetriesExceeded says (the queue by default)', () => {
    const { decision } = run({ kind: 'retries', menuId: 'main' });
    expect(decision).toMatchObject({ kind: 'act', state: { status: 'transferred', path: ['main:retries'] } });
  });

  it('a bot transfer without the bot list returns the need as a value', () => {
    const action = menu.menus.billing!.items[0]!.action;
    if (action.type !== 'bot') throw new Error('expected the bot item');
    expect(run({ kind: 'item', action, at: { menuId: 'billing', itemId: 1 } }).need).toEqual({ kind: 'need', need: 'bots' });
    const { decision } = run({ kind: 'item', action, at: { menuId: 'billing', itemId: 1 } }, ctx({ bots: { robo: 42 } }));
    expect(decision.kind === 'act' && decision.effects.slice(1)).toEqual([
      { type: 'send', text: 'To robot' },
      { type: 'addBot', botId: 42, leave: true },
    ]);
  });
});
