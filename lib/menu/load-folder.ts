/**
 * MENU_FILE as a folder of menus (lib/menu/menu-set.ts): which file serves which key, and
 * all of them loaded. A file with another name is an error, not ignored: `line-2.yml.bak`
 * is fine (not a menu extension), but `line2.yaml` or `Default.yaml` would silently serve
 * nothing. Conversation tests (`*.test.yaml`) and images (bot.avatar) may sit beside them.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadMenuFile } from './load-file.js';
import { MenuError } from './errors.js';
import { DEFAULT_KEY } from './menu-set.js';
import type { CompiledMenu } from './types.js';

const MENU_EXT = /\.(ya?ml|json)$/i;
const TEST_FILE = /\.test\.(ya?ml|json)$/i;
const MENU_NAME = /^(default|line-\d{1,10})\.(ya?ml|json)$/;
const MEMBER_DIR = /^[A-Za-z0-9_.-]{1,64}$/;

export const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** Menu files by key (`default`, `line-2`, `<member_id>/line-2`…); a single file is `default`. */
export function menuFiles(path: string): Record<string, string> {
  if (!isFolder(path)) return { [DEFAULT_KEY]: path };
  const files: Record<string, string> = {};
  const problems: string[] = [];
  const scan = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (prefix) problems.push(`${full}: only one level of folders (<member_id>/) is read`);
        else if (!MEMBER_DIR.test(entry.name)) problems.push(`${full}: a folder is named after a portal's member_id`);
        else scan(full, `${entry.name}/`);
        continue;
      }
      if (!MENU_EXT.test(entry.name) || TEST_FILE.test(entry.name)) continue;
      const name = MENU_NAME.exec(entry.name);
      if (!name) {
        problems.push(`${full}: a menu in a folder is default.yaml or line-<ID>.yaml (the Open Line's config id)`);
        continue;
      }
      const key = `${prefix}${name[1]}`;
      if (files[key]) problems.push(`${full}: ${files[key]} already serves ${key}`);
      else files[key] = full;
    }
  };
  scan(path, '');
  if (!files[DEFAULT_KEY])
    problems.push(`${join(path, 'default.yaml')}: a folder of menus needs a default menu (the bot's profile, and every line without its own)`);
  if (problems.length > 0)
    throw new MenuError(
      problems.map((message) => ({ path: [], message })),
      path,
    );
  return files;
}

/** Every menu of MENU_FILE compiled, or a MenuError listing every problem of every file. */
export function loadMenuFolder(path: string): Record<string, CompiledMenu> {
  if (!isFolder(path)) return { [DEFAULT_KEY]: loadMenuFile(path) };
  const menus: Record<string, CompiledMenu> = {};
  const problems: { path: []; message: string }[] = [];
  for (const [key, file] of Object.entries(menuFiles(path))) {
    try {
      menus[key] = loadMenuFile(file);
    } catch (error) {
      if (!(error instanceof MenuError)) throw error;
      problems.push(...error.issues.map((issue) => ({ path: [] as [], message: issue.message })));
    }
  }
  if (problems.length > 0) throw new MenuError(problems, path);
  return menus;
}
