/** `npm run menu -- check` catches each mistake issue 4 lists, with file:line:column. */
import { describe, expect, it } from 'vitest';
import { checkMenu } from '../../infra/tools/menu.js';
import { loadMenuFile } from '../../lib/menu/load-file.js';
import { menuTree } from '../../lib/menu/tree.js';

const check = (source: string) => checkMenu('menu.yaml', source).output;

const HEAD = `bot: { code: b, name: Bot }
start: main
menus:
  main:
    text: Hi
    items:
      - { id: 1, title: Help, action: { type: menu, menu: help } }
      - { id: 0, title: Operator, action: { type: text, text: Wait, hideMenu: true } }
`;

describe('menu check', () => {
  it('a clean file: no errors, no warnings', () => {
    expect(check(`${HEAD}  help:\n    text: Help\n    items:\n      - { id: 9, title: Back, action: { type: back } }\n`)).toEqual([
      'menu.yaml: 0 error(s), 0 warning(s)',
    ]);
  });

  it('unreachable menus', () => {
    expect(
      check(
        `${HEAD}  help:\n    text: Help\n    items:\n      - { id: 9, title: Back, action: { type: back } }\n  orphan:\n    text: Nobody comes here\n    items:\n      - { id: 1, title: Back, action: { type: back } }\n`,
      ),
    ).toContain("menu.yaml:14:5: warning: menu 'orphan' can't be reached from the start menu");
  });

  it('menus with no way out', () => {
    expect(check(`${HEAD}  help:\n    text: Help\n    items:\n      - { id: 1, title: Info, action: { type: text, text: Info } }\n`)).toContain(
      "menu.yaml:10:5: warning: menu 'help' has no way out: no back or menu item, no operator (item 0), no transfer and no finish",
    );
  });

  it('id 0 used for anything but the operator', () => {
    const source = HEAD.replace(
      '{ id: 0, title: Operator, action: { type: text, text: Wait, hideMenu: true } }',
      '{ id: 0, title: Help, action: { type: menu, menu: help } }',
    );
    expect(check(`${source}  help:\n    text: Help\n    items:\n      - { id: 9, title: Back, action: { type: back } }\n`).join('\n')).toMatch(
      /menu\.yaml:8:15: warning: menu 'main', item 2: id 0 is Bitrix24's operator key/,
    );
  });

  it('duplicate ids (an error)', () => {
    expect(check(HEAD.replace('{ id: 0, title: Operator', '{ id: 1, title: Operator'))).toContain(
      "menu.yaml:8:15: error: menu 'main', item 2: id 1 is used twice in this menu",
    );
  });

  it('texts over the message limits', () => {
    const long = 'x'.repeat(4_100);
    const out = check(
      `${HEAD}  help:\n    text: Help\n    items:\n      - { id: 1, title: Long, action: { type: text, text: "${long}" } }\n      - { id: 9, title: Back, action: { type: back } }\n`,
    );
    expect(out.join('\n')).toMatch(
      /menu\.yaml:10:5: warning: menu 'help' \(en\) can produce a message of \d+ characters; Telegram and WhatsApp cut messages at 4096/,
    );
    const huge = 'y'.repeat(20_100);
    expect(
      check(
        `${HEAD}  help:\n    text: Help\n    items:\n      - { id: 1, title: Long, action: { type: text, text: "${huge}" } }\n      - { id: 9, title: Back, action: { type: back } }\n`,
      ).join('\n'),
    ).toMatch(/Bitrix24 cuts messages at 20000/);
  });

  it('syntax errors and invalid values are errors with their position', () => {
    expect(check('bot: { code: b\n')[0]).toMatch(/^menu\.yaml:\d+:\d+: error: /);
    expect(check(HEAD.replace('type: text, text: Wait', 'type: text'))).toContain("menu.yaml:8:43: error: menu 'main', item 2, action.text is required");
  });

  it('an unknown key under bot (colour) is an error, not a silent default colour', () => {
    const clean = `${HEAD}  help:\n    text: Help\n    items:\n      - { id: 9, title: Back, action: { type: back } }\n`;
    const out = check(clean.replace('bot: { code: b, name: Bot }', 'bot: { code: b, name: Bot, colour: GREEN }'));
    expect(out).toContain('menu.yaml:1:28: error: bot: "colour" is not a known key (did you mean color? known: code, name, workPosition, color, avatar)');
    expect(out.at(-1)).toBe('menu.yaml: 1 error(s), 0 warning(s)');
  });

  it('show prints the tree', () => {
    const tree = menuTree(loadMenuFile('test/fixtures/menus/first-version.yaml'));
    expect(tree.split('\n').slice(0, 4)).toEqual([
      'Support Bot (itr_support) — start: main',
      '[main] Hello, #USER_NAME#! How can we help?',
      '├─ 1. Opening hours  text "We work 9:00-18:00."',
      '├─ 2. Quiet note  text "Noted." (menu hidden)',
    ]);
    expect(tree).toContain('│  ├─ 4. Tracking bot  ⇒ bot tracker (bot leaves) "Meet the tracking bot."');
  });
});
