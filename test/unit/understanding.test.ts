/**
 * Understanding customers in their own words: the matcher (stems, typos, compounds,
 * Latin-typed Russian, examples), every visible menu at once, the clarifying question.
 */
import { describe, expect, it } from 'vitest';
import { decide, readInput, type Context, type Decision } from '../../lib/menu/engine.js';
import type { DialogState } from '../../lib/menu/state.js';
import type { CompiledMenu } from '../../lib/menu/types.js';
import { compileMenuText } from '../helpers/menu.js';

const compile = (source: string): CompiledMenu => compileMenuText(source, 'clinic.yaml');

const clinic = compile(`
bot: { code: c, name: Clinic }
start: main
settings: { maxRetries: 2, backItem: { id: 8, title: Back } }
menus:
  main:
    text: Welcome
    items:
      - id: 1
        title: { en: Opening hours, ru: Часы работы, de: Öffnungszeiten }
        examples: { en: ["when are you open"], de: ["wann haben Sie geöffnet"] }
        action: { type: text, text: "8 to 20" }
      - id: 3
        title: { en: Prices, ru: Цены, de: Preise }
        examples:
          en: ["how much does it cost", "price list"]
          ru: ["сколько стоит", "стоимость лечения"]
          de: ["was kostet", "Preisliste"]
        action: { type: text, text: "See the list" }
      - id: 4
        title: { en: Toothache or emergency, ru: Острая зубная боль, de: Zahnschmerzen oder Notfall }
        examples: { en: ["toothache", "my tooth hurts"], de: ["mein Zahn tut weh"] }
        action: { type: text, text: "Call us now" }
      - id: 5
        title: { en: Services, ru: Услуги, de: Leistungen }
        action: { type: menu, menu: services }
  services:
    text: Services
    items:
      - id: 1
        title: { en: Teeth cleaning, ru: Чистка зубов, de: Zahnreinigung }
        examples: { en: ["remove tartar"] }
        action: { type: text, text: "45 minutes" }
      - id: 2
        title: { en: Whitening, ru: Отбеливание, de: Bleaching }
        action: { type: text, text: "One visit" }
`);

const ctx: Context = { now: 1_000, customer: { id: '1', name: 'Ann' } };
const act = (decision: Decision) => {
  if (decision.kind !== 'act') throw new Error('expected act');
  return decision;
};
const join = (): DialogState => act(decide(clinic, undefined, { kind: 'join' }, ctx)).state;
const say = (state: DialogState, text: string) => act(decide(clinic, state, { kind: 'message', text }, ctx));
const sent = (decision: Decision) =>
  decision.kind === 'act' ? decision.effects.flatMap((effect) => (effect.type === 'send' ? [effect.text] : [])).join('\n') : '';

describe('the matcher', () => {
  it.each([
    ['my tooth hurts really bad', 4],
    ['mein Zahn tut so weh', 4],
    ['Zahnschmerzen', 4],
    ['how much does a visit cost?', 3],
    ['сколько стоит лечение', 3], // other forms of the words: stems
    ['Preislsite', 3], // a typo in an example
    ['skolko stoit', 3], // Russian on a Latin keyboard
    ['wann habt ihr geöffnet?', 1],
  ])('%s → item %s', (text, id) => {
    expect(readInput(clinic, 'main', text)).toMatchObject({ kind: 'choice', id });
  });

  it.each(["what's the weather like", 'are you hiring?', 'asdfgh', 'ok'])('does not force "%s" onto an item', (text) => {
    expect(readInput(clinic, 'main', text).kind).toBe('none');
  });

  it('finds items of other menus, and the items on screen first', () => {
    expect(readInput(clinic, 'main', 'I want whiter teeth, whitening')).toMatchObject({ kind: 'choice', id: 2, menu: 'services' });
    expect(readInput(clinic, 'services', 'how much does it cost')).toMatchObject({ kind: 'choice', id: 3, menu: 'main' });
    expect(readInput(clinic, 'services', 'whitening')).toEqual({ kind: 'choice', id: 2, by: 'title' });
  });

  it('doubts between two items a message names both of', () => {
    expect(readInput(clinic, 'main', 'prices and opening hours')).toMatchObject({ kind: 'doubt', options: [{ menu: 'main' }, { menu: 'main' }] });
  });
});

describe('the engine with the matcher', () => {
  it('runs an item of a submenu and records the way there', () => {
    const decision = say(join(), 'remove tartar please');
    expect(sent(decision)).toContain('45 minutes');
    expect(decision.state).toMatchObject({ menu: 'services', history: ['main'], path: ['main:5', 'services:1'] });
    // "Back" returns along the way the customer was taken.
    expect(say(decision.state, 'back').state.menu).toBe('main');
  });

  it('asks one short question between two close items, and understands the answer as usual', () => {
    // Two items named with "and": offered in the order the customer named them.
    const asked = say(join(), 'prices and opening hours');
    expect(sent(asked)).toBe('Did you mean [send=3]3. Prices[/send] or [send=1]1. Opening hours[/send]?');
    expect(asked.state.misses).toBe(0);
    expect(sent(say(asked.state, '3'))).toContain('See the list');
    expect(sent(say(asked.state, 'the prices'))).toContain('See the list');
    expect(sent(say(asked.state, '1'))).toContain('8 to 20');
    // Anything else is read against the menu again.
    expect(sent(say(asked.state, 'toothache'))).toContain('Call us now');
  });

  it("asks in the customer's language", () => {
    expect(sent(say(join(), 'Preise und Öffnungszeiten'))).toBe('Meinten Sie [send=3]3. Preise[/send] oder [send=1]1. Öffnungszeiten[/send]?');
  });

  it('counts what it does not understand towards maxRetries', () => {
    const once = say(join(), 'what is the weather');
    expect(once.state.misses).toBe(1);
    expect(once.effects.some((effect) => effect.type === 'queue')).toBe(false);
    expect(say(once.state, 'are you hiring').effects.some((effect) => effect.type === 'queue')).toBe(true);
  });
});
