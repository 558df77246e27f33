/**
 * The concept lexicon (lib/menu/lexicon.ts) and what the matcher does with it: a menu
 * with titles only still understands near-synonyms in en/ru/de; German separable verbs,
 * "X and Y", a problem the item does not match, the menu on screen named again, and a
 * cardinal that counts something.
 */
import { describe, expect, it } from 'vitest';
import { modelOf } from '../../lib/menu/candidates.js';
import { readInput } from '../../lib/menu/engine.js';
import { scoreItems } from '../../lib/menu/match.js';
import { isStopIn } from '../../lib/menu/stopwords.js';
import type { CompiledMenu } from '../../lib/menu/types.js';
import { compileMenuText } from '../helpers/menu.js';

const compile = (source: string): CompiledMenu => compileMenuText(source, 'shop.yaml');

// Titles only, no examples: whatever is understood beyond the titles comes from the lexicon.
const shop = compile(`
bot: { code: s, name: Shop }
start: main
menus:
  main:
    text: Welcome
    items:
      - { id: 1, title: { en: Opening hours, ru: Часы работы, de: Öffnungszeiten }, action: { type: text, text: "9 to 18" } }
      - { id: 2, title: { en: Prices, ru: Цены, de: Preise }, action: { type: text, text: "See the list" } }
      - { id: 3, title: { en: Returns, ru: Возврат, de: Rückgabe }, action: { type: text, text: "30 days" } }
      - { id: 4, title: { en: Orders, ru: Заказы, de: Bestellungen }, action: { type: menu, menu: orders } }
      - { id: 5, title: { en: Our address, ru: Наш адрес, de: Unsere Adresse }, action: { type: text, text: "Main street 1" } }
  orders:
    text: Orders
    items:
      - { id: 1, title: { en: Where is my parcel, ru: Где моя посылка, de: Wo ist mein Paket }, action: { type: text, text: "Tracking" } }
      - { id: 2, title: { en: Order payment, ru: Оплата заказа, de: Bezahlung der Bestellung }, action: { type: text, text: "Card or cash" } }
`);

describe('the concept lexicon', () => {
  it.each([
    ['what is the fee', 2],
    ['how much', 2],
    ['стоимость', 2],
    ['was kostet das', 2],
    ['when do you close', 1],
    ['график работы', 1],
    ['wann macht ihr zu', 1], // a separable verb: "zumachen"
    ['I want a refund', 3],
    ['ich gebe es zurück', 3], // "zurückgeben"
    ['верните деньги', 3], // "вернуть деньги", another form
    ['directions please', 5],
    ['где вы находитесь', 5],
  ])('%s → item %s', (text, id) => {
    expect(readInput(shop, 'main', text)).toMatchObject({ kind: 'choice', id });
  });

  it('reaches items of other menus by a concept', () => {
    expect(readInput(shop, 'main', 'wo bleibt mein Päckchen')).toMatchObject({ kind: 'choice', id: 1, menu: 'orders' });
    expect(readInput(shop, 'main', 'how do I pay for my order')).toMatchObject({ kind: 'choice', id: 2, menu: 'orders' });
  });

  it('asks which when each side of "and"/"or" names its own item', () => {
    expect(readInput(shop, 'main', 'the fee or the opening hours')).toMatchObject({ kind: 'doubt', options: [{ id: 2 }, { id: 1 }] });
    expect(readInput(shop, 'main', 'возврат и адрес')).toMatchObject({ kind: 'doubt', options: [{ id: 3 }, { id: 5 }] });
  });

  it('does not pick an item on its other words when the message names a problem it does not match', () => {
    expect(readInput(shop, 'main', 'where is my parcel')).toMatchObject({ kind: 'choice', id: 1, menu: 'orders' });
    expect(readInput(shop, 'main', 'my parcel arrived damaged, I am very unhappy').kind).not.toBe('choice');
  });

  it('does not force a message about what no support line is for onto an item', () => {
    for (const text of ['are you hiring?', 'do you have any job openings', 'habt ihr offene Stellen', 'хочу у вас работать', 'какая у вас погода завтра?'])
      expect(readInput(shop, 'main', text)).toEqual({ kind: 'none' });
    // Not an operator request either: "Mitarbeiter" is also the word for staff to talk to.
    expect(readInput(shop, 'main', 'sucht ihr Mitarbeiter?')).toEqual({ kind: 'none' });
    expect(readInput(shop, 'main', 'ich möchte mit einem Mitarbeiter sprechen')).toMatchObject({ kind: 'word', word: 'operator' });
  });

  it('understands the issue\'s dental clinic with titles only: a title that is all lexicon ("How to find us", "Prices") is its concept', () => {
    const dental = compile(`
bot: { code: d, name: Dental }
start: main
menus:
  main:
    text: { en: Hello, ru: Здравствуйте, de: Hallo }
    items:
      - { id: 1, title: { en: Book an appointment, ru: Записаться на приём, de: Termin vereinbaren }, action: { type: text, text: "ok" } }
      - { id: 2, title: { en: Prices, ru: Цены, de: Preise }, action: { type: text, text: "ok" } }
      - { id: 3, title: { en: Opening hours, ru: Часы работы, de: Öffnungszeiten }, action: { type: text, text: "ok" } }
      - { id: 4, title: { en: Toothache or emergency, ru: Острая зубная боль, de: Zahnschmerzen oder Notfall }, action: { type: text, text: "ok" } }
      - { id: 5, title: { en: How to find us, ru: Как нас найти, de: So finden Sie uns }, action: { type: text, text: "ok" } }
`);
    expect(readInput(dental, 'main', 'my tooth hurts really bad')).toMatchObject({ kind: 'choice', id: 4 });
    expect(readInput(dental, 'main', 'how much is a filling?')).toMatchObject({ kind: 'choice', id: 2 });
    expect(readInput(dental, 'main', 'wo sind Sie?')).toMatchObject({ kind: 'choice', id: 5 });
    expect(readInput(dental, 'main', 'is there parking')).toMatchObject({ kind: 'choice', id: 5 });
    expect(readInput(dental, 'main', 'где вы находитесь')).toMatchObject({ kind: 'choice', id: 5 });
    // A lexicon phrase with a stop word inside it: "tut weh".
    expect(readInput(dental, 'main', 'mein Zahn tut echt weh')).toMatchObject({ kind: 'choice', id: 4 });
  });

  it('takes no typo from a short word or a Latin word read as Russian', () => {
    const work = compile(`
bot: { code: w, name: W }
start: main
menus:
  main:
    text: Hi
    items:
      - { id: 1, title: { en: Working hours, ru: Часы работы }, action: { type: text, text: "9 to 18" } }
      - { id: 2, title: { en: What we offer, de: Was wir bieten }, action: { type: text, text: "Bikes" } }
`);
    const model = modelOf(work);
    expect(scoreItems(model, 'robot', () => true)).toEqual([]);
    expect(scoreItems(model, 'bist', () => true)).toEqual([]);
    expect(readInput(work, 'main', 'chasy raboty')).toMatchObject({ kind: 'choice', id: 1 });
    expect(readInput(work, 'main', 'workng hours')).toMatchObject({ kind: 'choice', id: 1 });
  });

  it('does not take a request for off-topic because of one word that also means something else', () => {
    expect(readInput(shop, 'main', 'where is my parcel, we had so much snow')).toMatchObject({ kind: 'choice', id: 1, menu: 'orders' });
    expect(readInput(shop, 'main', 'where is my parcel, it has been raining all week')).toMatchObject({ kind: 'choice', id: 1, menu: 'orders' });
    expect(isStopIn('total', 'en')).toBe(false);
    expect(isStopIn('totally', 'en')).toBe(true);
  });

  it('understands such a message when the menu has an item for it', () => {
    const careers = compile(`
bot: { code: c, name: C }
start: main
menus:
  main:
    text: Hi
    items:
      - { id: 1, title: Opening hours, action: { type: text, text: "9 to 18" } }
      - { id: 2, title: Careers, examples: ["job openings", "work for you"], action: { type: text, text: "See our jobs page" } }
`);
    expect(readInput(careers, 'main', 'are you hiring?')).toMatchObject({ kind: 'choice', id: 2 });
  });

  it('does not read a cardinal that counts something as an item number', () => {
    expect(readInput(shop, 'main', 'списали два раза').kind).not.toBe('choice');
    expect(readInput(shop, 'main', 'два')).toMatchObject({ kind: 'choice', id: 2, by: 'number' });
  });
});
