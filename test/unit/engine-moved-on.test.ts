/**
 * The engine when the chat is taken from the bot (contract §9.1) and the customer's own
 * language (contract §9.2): pure rules, no I/O.
 */
import { describe, expect, it } from 'vitest';
import { decide, type Context, type Decision, type Turn } from '../../lib/menu/engine.js';
import { loadMenuFile } from '../../lib/menu/load-file.js';
import type { DialogState } from '../../lib/menu/state.js';

const menu = loadMenuFile('menus/example.yaml');
const T0 = Date.parse('2026-11-25T09:00:00Z');
const ctx = (over: Partial<Context> = {}): Context => ({ now: T0, customer: { id: '5', name: 'Ann' }, portalLanguage: 'en', sessionId: '77', ...over });
const say = (text: string): Turn => ({ kind: 'message', text });
const JOIN: Turn = { kind: 'join' };
const ELSEWHERE: Turn = { kind: 'elsewhere' };

function act(decision: Decision) {
  if (decision.kind !== 'act') throw new Error('expected act');
  return decision;
}
const after = (state: DialogState | undefined, turn: Turn, over: Partial<Context> = {}) => act(decide(menu, state, turn, ctx(over)));

describe('someone else has the chat', () => {
  const joined = after(undefined, JOIN).state;

  it("an operator's message: no effects, the state says why, later messages of the session are silent", () => {
    const aside = after(joined, ELSEWHERE, { now: T0 + 5_000 });
    expect(aside.effects).toEqual([]);
    expect(aside.state).toMatchObject({ status: 'transferred', movedOn: { reason: 'operator', at: T0 + 5_000 }, sessionId: '77' });
    expect(after(aside.state, say('1')).effects).toEqual([]);
    expect(after(aside.state, say('operator')).effects).toEqual([]);
  });

  it("an operator's message before any state (no join seen) still silences the session", () => {
    const aside = after(undefined, ELSEWHERE);
    expect(aside.state.status).toBe('transferred');
    expect(after(aside.state, say('1')).effects).toEqual([]);
  });

  it('a state that already says so is returned as it is (nothing to write)', () => {
    const aside = after(joined, ELSEWHERE).state;
    expect(after(aside, ELSEWHERE).state).toBe(aside);
  });

  it('a new session (new join, or a new session id) starts afresh', () => {
    const aside = after(joined, ELSEWHERE).state;
    expect(after(aside, JOIN).effects).toHaveLength(1);
    const next = after(aside, say('4'), { sessionId: '78' });
    expect(next.state.status).toBe('bot');
    expect(next.effects).not.toEqual([]);
  });

  it("the line's bot time: silent once it ran out (counted from the join), answered before", () => {
    expect(after(joined, say('4'), { now: T0 + 179_000, lineBotSeconds: 180 }).effects).not.toEqual([]);
    const late = after(joined, say('4'), { now: T0 + 180_000, lineBotSeconds: 180 });
    expect(late.effects).toEqual([]);
    expect(late.state.movedOn).toEqual({ reason: 'line-timeout', at: T0 + 180_000 });
    expect(after(joined, say('4'), { now: T0 + 3_600_000, lineBotSeconds: 0 }).effects).not.toEqual([]);
  });
});

describe("the customer's language", () => {
  const text = (decision: { effects: readonly { type: string }[] }) =>
    (decision.effects.find((effect) => effect.type === 'send') as { text: string } | undefined)?.text ?? '';

  it("the join greets in the portal's language; a Russian message on an English portal is answered in Russian", () => {
    const joined = after(undefined, JOIN);
    expect(text(joined)).toMatch(/^Hello, Ann!/);
    const reply = after(joined.state, say('Здравствуйте! Подскажите, когда вы открыты?'));
    expect(reply.state).toMatchObject({ language: 'ru', languageSource: 'detected' });
    expect(text(reply)).toMatch(/[а-я]/);
    expect(text(reply)).not.toMatch(/Sorry|Hello/);
  });

  it('a German sentence on a Russian portal is answered in German; short or ambiguous messages keep the language', () => {
    const joined = after(undefined, JOIN, { portalLanguage: 'ru' });
    // The tracking item hands over to a bot: the portal has none, so it says so.
    const german = after(joined.state, say('Wo ist meine Bestellung?'), { portalLanguage: 'ru', bots: {} });
    expect(german.state.language).toBe('de');
    for (const input of ['2', 'ok', 'PayPal', '👍']) expect(after(german.state, say(input), { portalLanguage: 'ru', bots: {} }).state.language).toBe('de');
  });

  it('a language the customer chose is kept whatever they write next', () => {
    const joined = after(undefined, JOIN).state;
    const chooser = after(joined, say('5')).state; // the language menu
    const chosen = after(chooser, say('3')).state; // Deutsch
    expect(chosen).toMatchObject({ language: 'de', languageSource: 'chosen' });
    expect(after(chosen, say('what are your opening hours please')).state.language).toBe('de');
  });
});
