import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMenuFile, loadMenuSource } from '../../lib/menu/load-file.js';
import { MenuError } from '../../lib/menu/errors.js';

const problems = (source: string) => loadMenuSource(source, 'menu.yaml').issues.map((issue) => `${issue.line}:${issue.column} ${issue.message}`);

const BASE = `bot: { code: b, name: Bot }
start: main
menus:
  main:
    text: Hi
    items:
      - { id: 1, title: One, action: { type: text, text: "1" } }
`;

describe('loading menu files', () => {
  it('the first-version file of issue 2 loads unchanged, with ITR defaults filled in', () => {
    const menu = loadMenuFile('test/fixtures/menus/first-version.yaml');
    expect(menu.start).toBe('main');
    expect(menu.bot).toEqual({ code: 'itr_support', name: 'Support Bot', workPosition: 'First line support', color: 'AQUA' });
    const delivery = menu.menus.delivery!.items;
    expect(delivery.map((item) => [item.id, item.action.type, 'hideMenu' in item.action ? item.action.hideMenu : '-'])).toEqual([
      [2, 'queue', true],
      [3, 'user', true],
      [4, 'bot', true],
      [5, 'finish', true],
      [9, 'menu', '-'],
    ]);
    expect(menu.menus.main!.items[0]!.action).toEqual({ type: 'text', text: 'We work 9:00-18:00.', hideMenu: false });
    expect(delivery[1]!.action).toMatchObject({ userId: 12, leave: false });
    expect(delivery[2]!.action).toMatchObject({ botCode: 'tracker', leave: true, errorText: 'The tracking bot is unavailable.' });
  });

  it('the shipped example loads', () => {
    expect(() => loadMenuFile('menus/example.yaml')).not.toThrow();
  });

  it('the same file always compiles to the same version; a change gives another', () => {
    const source = readFileSync('test/fixtures/menus/first-version.yaml', 'utf8');
    const a = loadMenuSource(source, 'a').menu!.version;
    expect(loadMenuSource(source, 'b').menu!.version).toBe(a);
    expect(loadMenuSource(source.replace('Delivery questions', 'Delivery'), 'c').menu!.version).not.toBe(a);
  });

  it('a JSON menu file works too', () => {
    const json = JSON.stringify({
      bot: { code: 'b', name: 'Bot' },
      start: 'main',
      menus: { main: { text: 'Hi', items: [{ id: 1, title: 'One', action: { type: 'finish' } }] } },
    });
    expect(loadMenuSource(json, 'menu.json').menu?.menus.main?.items[0]?.action).toEqual({ type: 'finish', hideMenu: true });
  });
});

describe('every problem, with line and column and a plain message', () => {
  it('names the menu, the item and the field', () => {
    const source = `bot: { code: b, name: Bot, color: TEAL }
start: home
menus:
  main:
    text: Hi
    items:
      - { id: 1, title: One, action: { type: txt, text: "1" } }
      - { id: 1, title: Two, action: { type: menu, menu: nowhere } }
      - { id: 3, title: Three, action: { type: user } }
      - { id: 4, title: Four, action: { type: ask, question: Q, var: email, validate: { type: regex, pattern: "([" } } }
`;
    expect(problems(source)).toEqual([
      '1:35 bot.color must be one of RED, GREEN, MINT, LIGHT_BLUE, DARK_BLUE, PURPLE, AQUA, PINK, LIME, BROWN, AZURE, KHAKI, SAND, MARENGO, GRAY, GRAPHITE',
      '7:46 menu \'main\', item 1, action: type must be one of void, text, menu, back, queue, user, line, bot, finish, function, ask, language (got "txt", did you mean text?)',
      "8:15 menu 'main', item 2: id 1 is used twice in this menu",
      '8:58 menu \'main\', item 2, action: menu "nowhere" does not exist',
      "9:40 menu 'main', item 3, action: userId is required for a user action",
      "10:70 menu 'main', item 4, action: var must be UPPER_CASE (used as #EMAIL#)",
      "10:111 menu 'main', item 4, action.validate: pattern is not a valid regular expression",
      '2:8 start names menu "home", which does not exist',
    ]);
  });

  it('YAML syntax errors point at the spot', () => {
    expect(problems('bot: { code: b\nstart: [')[0]).toMatch(/^\d+:\d+ /);
  });

  it('unknown keys are reported, not ignored', () => {
    expect(problems(`${BASE}colour: red\n`)).toEqual([
      '8:1 "colour" is not a known top-level key (known: bot, start, language, messages, settings, words, hours, menus)',
    ]);
  });

  it('unknown keys in menus, items and actions are errors (a misspelling, or a text cut at a comma)', () => {
    const source = BASE.replace('{ type: text, text: "1" }', '{ type: text, text: We open at 9:00, closed on Sundays, hidemenu: true }');
    expect(problems(source)).toEqual([
      '7:75 menu \'main\', item 1, action: "closed on Sundays" is not a known key here (known: type, text, hideMenu; inside { … }, put texts with a comma or colon in quotes)',
      '7:94 menu \'main\', item 1, action: "hidemenu" is not a known key here (did you mean hideMenu?) (known: type, text, hideMenu; inside { … }, put texts with a comma or colon in quotes)',
    ]);
  });

  it('unknown keys under bot are reported at the key, with the key it resembles', () => {
    expect(problems(BASE.replace('bot: { code: b, name: Bot }', 'bot: { code: b, name: Bot, colour: GREEN }'))).toEqual([
      '1:28 bot: "colour" is not a known key (did you mean color? known: code, name, workPosition, color, avatar)',
    ]);
    expect(
      problems(BASE.replace('bot: { code: b, name: Bot }', 'bot:\n  code: b\n  name: Bot\n  Avatar: bot.png\n  mood: happy\n').replace(/^start/m, 'start')),
    ).toEqual([
      '4:3 bot: "Avatar" is not a known key (did you mean avatar? known: code, name, workPosition, color, avatar)',
      '5:3 bot: "mood" is not a known key (known: code, name, workPosition, color, avatar)',
    ]);
  });

  it('a missing avatar image is reported, not thrown', () => {
    expect(problems(BASE.replace('bot: { code: b, name: Bot }', 'bot: { code: b, name: Bot, avatar: missing.png }'))).toEqual([
      '1:36 bot.avatar: cannot read the image (ENOENT)',
    ]);
  });

  it('a required whole number left empty or null is reported at its value, not a silently dropped item or setting', () => {
    const item = (line: string) => `${BASE}${line}\n`;
    expect(problems(item('      - { id: null, title: Two, action: { type: text, text: "2" } }'))).toEqual([
      "8:15 menu 'main', item 2, id must be a whole number from 0 to 99",
    ]);
    expect(problems(item('      - id:\n        title: Two\n        action: { type: text, text: "2" }'))).toEqual([
      "8:12 menu 'main', item 2, id must be a whole number from 0 to 99",
    ]);
    expect(problems(item('      - { id: 2, title: Two, action: { type: user, userId: null } }'))).toEqual([
      "8:60 menu 'main', item 2, action.userId must be a whole number from 1 to 2147483648",
    ]);
    expect(problems(item('      - { id: 2, title: Two, action: { type: line, lineId: ~ } }'))).toEqual([
      "8:60 menu 'main', item 2, action.lineId must be a whole number from 1 to 2147483648",
    ]);
    expect(problems(`${BASE}settings:\n  backItem: { id: null, title: Back }\n`)).toEqual(['9:19 settings.backItem.id must be a whole number from 1 to 99']);
    // An optional one left empty keeps its default, as an empty optional text or flag does.
    expect(problems(`${BASE}settings:\n  maxRetries: null\n`)).toEqual([]);
  });

  it('loadMenuFile throws one MenuError listing file:line:column for each problem', () => {
    expect(() => loadMenuFile('test/fixtures/menus/does-not-exist.yaml')).toThrow(MenuError);
  });
});
