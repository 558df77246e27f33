/** Detecting the customer's language from what they write (lib/menu/language.ts). */
import { describe, expect, it } from 'vitest';
import { detectLanguage, menuLanguages } from '../../lib/menu/language.js';
import { loadMenuFile, loadMenuSource } from '../../lib/menu/load-file.js';

const shop = loadMenuFile('menus/example.yaml');

describe('detectLanguage', () => {
  it("knows the example menu's languages", () => {
    expect([...menuLanguages(shop)].sort()).toEqual(['de', 'en', 'ru']);
  });

  it.each([
    ['Здравствуйте! Подскажите, когда вы открыты?', 'ru'],
    ['где мой заказ', 'ru'],
    ['where is my parcel', 'en'],
    ['How can I pay for the order?', 'en'],
    ['Wo ist meine Bestellung?', 'de'],
    ['Kann ich mit PayPal bezahlen?', 'de'],
    ['Rückgabe', 'de'],
  ])('%s → %s', (input, language) => {
    expect(detectLanguage(input, shop)).toBe(language);
  });

  it.each(['2', 'ok', 'PayPal', '👍', 'Telegram', '', '1048576'])('"%s" says nothing', (input) => {
    expect(detectLanguage(input, shop)).toBeUndefined();
  });

  it('answers only with a language the menu has', () => {
    const englishOnly = loadMenuSource(
      'bot: { code: b, name: B }\nstart: m\nmenus:\n  m:\n    text: Hi\n    items:\n      - { id: 1, title: Prices, action: { type: text, text: x } }\n',
      'm.yaml',
    ).menu!;
    expect(detectLanguage('Здравствуйте, сколько стоит?', englishOnly)).toBeUndefined();
    expect(detectLanguage('Wo ist meine Bestellung?', englishOnly)).toBe('en'); // the only Latin-script language it has
  });
});

describe("detectLanguage with the menu's examples", () => {
  it.each([
    ['Lieferung', 'de'],
    ['Rechnungskopie', 'de'],
    ['shipping', 'en'],
    ['oplata', 'ru'], // Russian on a Latin keyboard
    ['apple pay принимаете?', 'ru'], // a Latin brand name in a Russian sentence
  ])('%s → %s', (input, language) => {
    expect(detectLanguage(input, shop)).toBe(language);
  });

  it.each(['hi', 'operator', 'menu'])('"%s", a word of several of the menu\'s languages, says nothing', (input) => {
    expect(detectLanguage(input, shop)).toBeUndefined();
  });
});
