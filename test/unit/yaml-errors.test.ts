/** YAML mistakes said in plain words with the right line (lib/menu/yaml-errors.ts through loadMenuSource). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadMenuSource } from '../../lib/menu/load-file.js';

const example = readFileSync('menus/example.yaml', 'utf8');
const lines = example.split('\n');

function check(source: string) {
  const { menu, issues } = loadMenuSource(source, 'menu.yaml');
  expect(menu).toBeUndefined();
  return issues;
}

describe('YAML syntax errors for people', () => {
  it('a one-space indentation slip: one sentence naming the line and the indentation around it', () => {
    const at = lines.findIndex((line) => /^ {6}- id: 2$/.test(line));
    expect(at).toBeGreaterThan(0);
    const broken = [...lines.slice(0, at), ` ${lines[at]}`, ...lines.slice(at + 1)].join('\n');
    const issues = check(broken);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.line).toBe(at + 1);
    expect(issues[0]!.message).toMatch(new RegExp(`^line ${at + 1} is indented 7 spaces; the lines above at that level use 6`));
    expect(issues[0]!.message).not.toMatch(/implicit map key|compact mappings/);
  });

  it('a tab for indentation', () => {
    const at = lines.findIndex((line) => /^ {6}- id: 2$/.test(line));
    const broken = [...lines.slice(0, at), lines[at]!.replace(/^ {6}/, '\t'), ...lines.slice(at + 1)].join('\n');
    expect(check(broken)[0]!.message).toMatch(/tab/);
  });

  it('an unclosed bracket is named as such, on its line', () => {
    const issues = check('bot: { code: b, name: B }\nstart: [main\nmenus:\n  main:\n    text: Hi\n    items: []\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 2, column: 8, message: expect.stringMatching(/^a \[ … \] list is not closed/) });
  });
});

describe('did you mean', () => {
  const menu = (over: string) =>
    `bot: { code: b, name: B }\nstart: main\nmenus:\n  main:\n    text: Hi\n    items:\n${over}\n  prices:\n    text: Prices\n    items: []\n`;

  it('an unknown menu names the closest one of the file', () => {
    const issues = check(menu('      - { id: 1, title: P, action: { type: menu, menu: pricing } }'));
    expect(issues[0]!.message).toMatch(/menu "pricing" does not exist \(did you mean prices\?\)/);
  });

  it('an unknown action type and an unknown key name the closest known one', () => {
    expect(check(menu('      - { id: 1, title: P, action: { type: txt, text: hi } }'))[0]!.message).toMatch(/got "txt", did you mean text\?/);
    expect(
      check(menu('      - { id: 1, title: P, acton: { type: text, text: hi } }'))
        .map((issue) => issue.message)
        .join('\n'),
    ).toMatch(/"acton" is not a known key here \(did you mean action\?\)/);
  });
});

describe('npm run menu: arguments', () => {
  it('takes flags in any position and defaults to MENU_FILE', async () => {
    const { menuArgs } = await import('../../infra/tools/menu.js');
    expect(menuArgs(['check', '--strict', 'a.yaml'], {})).toEqual({ command: 'check', target: 'a.yaml', rest: ['--strict'] });
    expect(menuArgs(['show', '--lang', 'de'], { MENU_FILE: 'menus/x.yaml' })).toEqual({ command: 'show', target: 'menus/x.yaml', rest: ['--lang', 'de'] });
    expect(menuArgs(['check'], {}).target).toBe('menus/example.yaml');
  });
});
