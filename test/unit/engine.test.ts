/**
 * The pure engine: (menu, state, turn, context) → (effects, state). These read like the
 * product's rules; the integration tests show the same rules through HTTP.
 */
import { describe, expect, it } from 'vitest';
import { decide, type Context, type Decision, type Turn } from '../../lib/menu/engine.js';
import type { Effect } from '../../lib/menu/effects.js';
import type { DialogState } from '../../lib/menu/state.js';
import type { CompiledMenu } from '../../lib/menu/types.js';
import { compileMenuText } from '../helpers/menu.js';

const compile = (source: string): CompiledMenu => compileMenuText(source, 'test.yaml');

const menu = compile(`
bot: { code: b, name: Bot }
start: main
settings: { maxRetries: 3, idleRestartMinutes: 60, backItem: { id: 8, title: Back }, homeItem: { id: 9, title: Home } }
menus:
  main:
    text: "Hi #USER_NAME#"
    items:
      - { id: 1, title: Text, action: { type: text, text: "T1" } }
      - { id: 2, title: Quiet, action: { type: text, text: "T2", hideMenu: true } }
      - { id: 3, title: Billing, action: { type: menu, menu: billing } }
      - { id: 4, title: Nothing, action: { type: void } }
      - { id: 5, title: Email, action: { type: ask, question: "Your e-mail?", var: EMAIL, validate: email, retries: 1, next: { type: text, text: "Thanks, #EMAIL#" } } }
      - { id: 6, title: Russian, action: { type: language, language: ru } }
      - { id: 0, title: Operator, action: { type: text, text: "Wait", hideMenu: true } }
  billing:
    text: { en: Billing, ru: Оплата }
    items:
      - { id: 1, title: Queue, action: { type: queue, text: "To queue" } }
      - { id: 2, title: Person, action: { type: user, userId: 7, leave: true, text: "To Olga" } }
      - { id: 3, title: Robot, action: { type: bot, botCode: robo, leave: false, text: "To robot", errorText: "No robot" } }
      - { id: 4, title: Bye, action: { type: finish, text: "Bye" } }
      - { id: 5, title: Sales line, action: { type: line, lineId: 4, text: "To sales" } }
      - { id: 6, title: Fn, action: { type: function, name: ticketNumber, text: "Your number:" } }
`);

const MAIN =
  'Hi Ann[br][send=1]1. Text[/send][br][send=2]2. Quiet[/send][br][send=3]3. Billing[/send][br][send=4]4. Nothing[/send][br][send=5]5. Email[/send][br][send=6]6. Russian[/send][br][send=0]0. Operator[/send]';
const BILLING =
  'Billing[br][send=1]1. Queue[/send][br][send=2]2. Person[/send][br][send=3]3. Robot[/send][br][send=4]4. Bye[/send][br][send=5]5. Sales line[/send][br][send=6]6. Fn[/send][br][send=8]8. Back[/send][br][send=9]9. Home[/send]';

const ctx = (over: Partial<Context> = {}): Context => ({ now: 1_000_000, customer: { id: '5', name: 'Ann' }, ...over });
const say = (text: string): Turn => ({ kind: 'message', text });

function act(decision: Decision): { state: DialogState; effects: readonly Effect[] } {
  if (decision.kind !== 'act') throw new Error(`expected act, got ${decision.kind}`);
  return decision;
}

/** Runs turns in order from no state; returns the last decision and all effects. */
function dialog(turns: (Turn | string)[], over: Partial<Context> = {}, m = menu) {
  let state: DialogState | undefined;
  const all: Effect[][] = [];
  let now = over.now ?? 1_000_000;
  for (const turn of turns) {
    const result = act(decide(m, state, typeof turn === 'string' ? say(turn) : turn, ctx({ ...over, now })));
    state = result.state;
    all.push([...result.effects]);
    now += 1000;
  }
  return { state: state!, effects: all.at(-1)!, all };
}
const JOIN: Turn = { kind: 'join' };
const sends = (effects: readonly Effect[]) => effects.filter((e) => e.type === 'send').map((e) => (e as { text: string }).text);

describe('ITR semantics', () => {
  it('a join shows the start menu with the customer name', () => {
    expect(dialog([JOIN]).effects).toEqual([{ type: 'send', text: MAIN }]);
  });

  it('text shows the menu after it; hideMenu:true does not; void shows nothing', () => {
    expect(sends(dialog([JOIN, '1']).effects)).toEqual([`T1[br][br]${MAIN}`]);
    expect(sends(dialog([JOIN, '2']).effects)).toEqual(['T2']);
    expect(dialog([JOIN, '4']).effects).toEqual([]);
  });

  it('menu opens the submenu; the global back and home items are shown there and work', () => {
    const { state, effects } = dialog([JOIN, '3']);
    expect(sends(effects)).toEqual([BILLING]);
    expect(state).toMatchObject({ menu: 'billing', history: ['main'], path: ['main:3'] });
    expect(dialog([JOIN, '3', '8']).state.menu).toBe('main');
    expect(dialog([JOIN, '3', '9']).state).toMatchObject({ menu: 'main', history: [] });
  });

  it('queue / user / line / finish hide the menu and hand over, after an operator-only card', () => {
    expect(dialog([JOIN, '3', '1']).effects.map((e) => e.type)).toEqual(['note', 'send', 'queue']);
    expect(dialog([JOIN, '3', '2']).effects.slice(1)).toEqual([
      { type: 'send', text: 'To Olga' },
      { type: 'transferUser', userId: 7, leave: true },
    ]);
    expect(dialog([JOIN, '3', '5']).effects.slice(1)).toEqual([
      { type: 'send', text: 'To sales' },
      { type: 'transferLine', lineId: 4 },
    ]);
    const finish = dialog([JOIN, '3', '4']);
    expect(finish.effects).toEqual([{ type: 'send', text: 'Bye' }, { type: 'finish' }]);
    expect(finish.state.status).toBe('finished');
  });

  it('bot asks for the bot list first, then adds the bot; without it, errorText and the menu', () => {
    const { state } = dialog([JOIN, '3']);
    expect(decide(menu, state, say('3'), ctx())).toEqual({ kind: 'need', need: 'bots' });
    expect(act(decide(menu, state, say('3'), ctx({ bots: { robo: 42 } }))).effects.slice(1)).toEqual([
      { type: 'send', text: 'To robot' },
      { type: 'addBot', botId: 42, leave: false },
    ]);
    const missing = act(decide(menu, state, say('3'), ctx({ bots: {} })));
    expect(sends(missing.effects)).toEqual([`No robot[br][br]${BILLING}`]);
    expect(missing.state.status).toBe('bot');
  });

  it('function: its text, then the function, then the menu', () => {
    expect(dialog([JOIN, '3', '6']).effects).toEqual([
      { type: 'send', text: 'Your number:' },
      { type: 'function', name: 'ticketNumber' },
      { type: 'send', text: BILLING },
    ]);
  });

  it('unknown input: the unknown text and the current menu again', () => {
    expect(sends(dialog([JOIN, '3', 'xyzzy']).effects)).toEqual([`Sorry, I did not understand. Please choose an item.[br][br]${BILLING}`]);
  });

  it('the item is chosen by the first word after BB-codes are stripped', () => {
    expect(dialog([JOIN, '[b]3[/b] and more']).state.menu).toBe('billing');
  });

  it('0 runs item 0 and never re-shows the menu; without item 0 the bot stays silent', () => {
    const zero = dialog([JOIN, '0']);
    expect(sends(zero.effects)).toEqual(['Wait']);
    expect(zero.effects.map((e) => e.type)).toEqual(['note', 'send']); // the card, for the operator the platform picks
    expect(zero.state.status).toBe('transferred');
    expect(sends(dialog([JOIN, '3', '0']).effects)).toEqual([]);
  });

  it('after a hand-over the bot stays silent in that session; a new session starts over', () => {
    const handedOver = dialog([JOIN, '3', '1']).state;
    expect(act(decide(menu, handedOver, say('hello?'), ctx())).effects).toEqual([]);
    const next = act(decide(menu, { ...handedOver, sessionId: '1' }, say('hello?'), ctx({ sessionId: '2' })));
    expect(sends(next.effects)[0]).toContain('Welcome back, Ann!');
    expect(act(decide(menu, handedOver, { kind: 'join' }, ctx())).effects).toEqual([{ type: 'send', text: MAIN }]);
  });
});

describe('beyond ITR', () => {
  it('after maxRetries misunderstood inputs in a row, hands to the queue with an explanation', () => {
    const { effects, state } = dialog([JOIN, 'a', 'b', 'c']);
    expect(effects.map((e) => e.type)).toEqual(['note', 'send', 'queue']);
    expect(sends(effects)[0]).toContain('passing you to an operator');
    expect(state.missed).toEqual(['a', 'b', 'c']);
    const card = (effects[0] as { text: string }).text;
    expect(card).toContain('Not understood: "a", "b", "c"');
  });

  it('a greeting shows the current menu without "not understood"', () => {
    expect(sends(dialog([JOIN, '3', 'hello!']).effects)).toEqual([BILLING]);
  });

  it('ask: validates, stores the answer as #VAR#, goes on; escapes with operator words', () => {
    const ok = dialog([JOIN, '5', 'ann@example.com']);
    expect(sends(ok.effects)).toEqual([`Thanks, ann@example.com[br][br]${MAIN}`]);
    expect(ok.state.vars).toEqual({ EMAIL: 'ann@example.com' });
    const wrong = dialog([JOIN, '5', 'not an email']);
    expect(sends(wrong.effects)).toEqual(['That does not look right. Please try again.[br][br]Your e-mail?']);
    expect(dialog([JOIN, '5', 'nope', 'still nope']).effects.map((e) => e.type)).toEqual(['note', 'send', 'queue']);
    expect(dialog([JOIN, '5', 'human']).effects.map((e) => e.type)).toEqual(['note', 'send', 'queue']);
  });

  it('item 0 chosen by its title hands over itself (only a typed "0" makes the platform do it)', () => {
    const { effects, state } = dialog([JOIN, 'operator']);
    expect(effects).toEqual([expect.objectContaining({ type: 'note' }), { type: 'send', text: 'Wait' }, { type: 'queue' }]);
    expect(state.status).toBe('transferred');
  });

  it('only an exact "0" is left to the platform; "0." or "0️⃣" make the bot hand over itself', () => {
    expect(dialog([JOIN, '0.']).effects.map((e) => e.type)).toEqual(['note', 'send', 'queue']);
    expect(dialog([JOIN, '3', '0️⃣']).effects.map((e) => e.type)).toEqual(['note', 'send', 'queue']);
  });

  it('a question is left only by a whole-message word: "Back street 12" is an answer', () => {
    const asking = compile(`
bot: { code: b, name: Bot }
start: main
menus:
  main:
    text: Hi
    items:
      - { id: 1, title: Address, action: { type: ask, question: "Address?", var: ADDRESS, next: { type: text, text: "Got #ADDRESS#" } } }
`);
    expect(sends(dialog([JOIN, '1', 'Back street 12'], {}, asking).effects)[0]).toMatch(/^Got Back street 12/);
    expect(dialog([JOIN, '1', 'back'], {}, asking).state.asking).toBeUndefined();
  });

  it('out of hours without a closed start menu: the outOfHours text first; closed-only items need a schedule', () => {
    const hours = compile(`
bot: { code: b, name: Bot }
start: main
hours: { timezone: UTC, weekly: { mon-fri: "09:00-17:00" } }
menus:
  main:
    text: Hi
    items:
      - { id: 1, title: Leave a note, show: closed, action: { type: text, text: Noted } }
      - { id: 2, title: Call us, show: open, action: { type: text, text: Call } }
`);
    const closed = sends(dialog([JOIN], { open: false }, hours).effects)[0]!;
    expect(closed).toMatch(/^We are closed right now\./);
    expect(closed).toContain('1. Leave a note');
    expect(closed).not.toContain('2. Call us');
    expect(sends(dialog([JOIN], { open: undefined }, hours).effects)[0]).not.toContain('Leave a note');
  });

  it('customer data never becomes BB-code', () => {
    const evil = '[URL=https://evil.example]Support[/URL] [send=0]x[/send]';
    const text = sends(dialog([JOIN], { customer: { id: '5', name: evil } }).effects)[0]!.split('[br]')[0]!;
    expect(text).not.toMatch(/\[(url|send)=/i);
    expect(text.replace(/\u200B/g, '')).toContain(evil);
    const answer = dialog([JOIN, '5', '[b]x[/b]@evil.example.com']);
    expect(sends(answer.effects)[0]).not.toContain('[b]');
  });

  it("language: the portal language picks texts until the customer's is known; a language action switches", () => {
    const russian = dialog([JOIN, '3'], { portalLanguage: 'ru' });
    expect(sends(russian.effects)[0]).toMatch(/^Оплата\[br\]/);
    expect(dialog([JOIN, '6']).state.language).toBe('ru');
  });

  it('a returning customer after idleRestartMinutes starts over with a welcome back', () => {
    const { state } = dialog([JOIN, '3']);
    const later = act(decide(menu, state, say('1'), ctx({ now: state.lastAt + 61 * 60_000 })));
    expect(later.state.menu).toBe('main');
    expect(sends(later.effects)).toEqual([`Welcome back, Ann![br][br]${MAIN}`]);
  });

  it('a dialog whose menu disappeared from the file continues from the start with a note', () => {
    const { state } = dialog([JOIN, '3']);
    const edited = compile(`
bot: { code: b, name: Bot }
start: main
menus:
  main: { text: "New", items: [ { id: 1, title: One, action: { type: finish } } ] }
`);
    const next = act(decide(edited, state, say('1'), ctx()));
    expect(next.state).toMatchObject({ menu: 'main', menuVersion: edited.version });
    expect(sends(next.effects)[0]).toMatch(/^Our menu has changed/);
  });

  it('is pure: no input is modified and the same inputs give the same result', () => {
    const { state } = dialog([JOIN, '3']);
    const frozen = JSON.parse(JSON.stringify(state)) as DialogState;
    const first = decide(menu, Object.freeze(state), say('2'), ctx());
    expect(state).toEqual(frozen);
    expect(decide(menu, state, say('2'), ctx())).toEqual(first);
  });
});
