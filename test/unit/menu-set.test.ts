/** A menu per Open Line (lib/menu/menu-set.ts, lib/menu/load-folder.ts): which file serves which dialog. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MenuError } from '../../lib/menu/errors.js';
import { loadMenuFolder, menuFiles } from '../../lib/menu/load-folder.js';
import { lazyMenus, menuSet } from '../../lib/menu/menu-set.js';

const FOLDER = 'test/fixtures/menus/per-portal';
const startText = (menu: ReturnType<ReturnType<typeof menuSet>['resolve']>) => String(menu.menus[menu.start]!.text);

describe('a folder of menus', () => {
  const menus = loadMenuFolder(FOLDER);
  const set = menuSet({ keys: Object.keys(menus), entry: (key) => menus[key] });

  it('finds every file by its key', () => {
    expect(set.keys).toEqual(['default', 'abc123/default', 'line-2']);
    expect(menuFiles(FOLDER)['abc123/default']).toBe(join(FOLDER, 'abc123', 'default.yaml'));
  });

  it('serves a line its own menu, every other line the default', () => {
    expect(startText(set.resolve('other', '2'))).toMatch(/wholesale/);
    expect(startText(set.resolve('other', '1'))).toMatch(/How can we help/);
    expect(startText(set.resolve(undefined, undefined))).toMatch(/How can we help/);
    expect(set.keyOf('other', 7)).toBe('default');
  });

  it("a portal's own files come before the shared ones, on every line", () => {
    expect(set.keyOf('abc123', '2')).toBe('abc123/default');
    expect(startText(set.resolve('abc123', '1'))).toMatch(/portal abc123/);
  });

  it('the bot profile comes from the default menu', () => {
    expect(set.default.bot.workPosition).toBe('First line support');
  });

  it('a single file is a set of one', () => {
    expect(Object.keys(loadMenuFolder('menus/example.yaml'))).toEqual(['default']);
  });

  it('the bundle form parses each menu once, on first use', () => {
    const source = lazyMenus({ default: JSON.stringify(menus.default), 'line-2': JSON.stringify(menus['line-2']) });
    const lazy = menuSet(source);
    expect(lazy.resolve('x', '2')).toBe(lazy.resolve('y', 2));
    expect(lazy.resolve('x', '2').version).toBe(menus['line-2']!.version);
  });
});

describe('mistakes in a folder are errors, each named', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'menus-'));
  const minimal =
    'bot: { code: b, name: Bot }\nstart: main\nmenus:\n  main:\n    text: Hi\n    items:\n      - { id: 1, title: A, action: { type: text, text: a } }\n';

  it('no default menu', () => {
    const dir = folder();
    writeFileSync(join(dir, 'line-1.yaml'), minimal);
    expect(() => menuFiles(dir)).toThrow(/needs a default menu/);
  });

  it('a file with another name, and a bad file inside', () => {
    const dir = folder();
    writeFileSync(join(dir, 'default.yaml'), minimal);
    writeFileSync(join(dir, 'line2.yaml'), minimal);
    writeFileSync(join(dir, 'default.test.yaml'), '[]'); // tests and images sit beside menus
    writeFileSync(join(dir, 'avatar.png'), '');
    expect(() => menuFiles(dir)).toThrow(/line2\.yaml: a menu in a folder is default\.yaml or line-<ID>\.yaml/);
    const other = folder();
    writeFileSync(join(other, 'default.yaml'), minimal);
    mkdirSync(join(other, 'm1'));
    writeFileSync(join(other, 'm1', 'line-3.yaml'), 'bot: { code: b }\nstart: nowhere\n');
    try {
      loadMenuFolder(other);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MenuError);
      expect((error as Error).message).toContain(join(other, 'm1', 'line-3.yaml'));
    }
  });
});
