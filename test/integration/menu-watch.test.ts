/**
 * `npm start` picks up menu edits — also from editors that save by writing a new file and
 * renaming it over the old one (vim, JetBrains, sed -i, git checkout): after such a save,
 * the next edit must be picked up too. A broken edit keeps the last good menu.
 */
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { watchMenu } from '../../infra/local/menu-watch.js';
import { createLogger, setLogSink } from '../../lib/log.js';

const until = async (check: () => boolean, ms = 5_000) => {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > ms) throw new Error('the menu was not reloaded');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

it('reloads after in-place writes and after rename-over saves, and keeps the last good menu on a broken edit', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'menu-watch-'));
  const file = join(folder, 'menu.yaml');
  const original = readFileSync('menus/example.yaml', 'utf8');
  const withName = (name: string) => original.replace(/^ {2}name: .*$/m, `  name: ${name}`);
  writeFileSync(file, withName('First'));
  // The broken edit's error line is expected: captured and checked, not printed (a green run is quiet).
  const lines: string[] = [];
  const previousSink = setLogSink((line) => lines.push(line));
  const menu = watchMenu(file, createLogger(), { watch: true });
  try {
    expect(menu.current().bot.name).toBe('First');
    const saveByRename = (text: string) => {
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
    };
    saveByRename(withName('Second'));
    await until(() => menu.current().bot.name === 'Second');
    saveByRename(withName('Third'));
    await until(() => menu.current().bot.name === 'Third');
    writeFileSync(file, withName('Fourth'));
    await until(() => menu.current().bot.name === 'Fourth');
    writeFileSync(file, 'menus: [not a menu');
    await until(() => lines.some((line) => line.includes('menu file has errors')));
    expect(menu.current().bot.name).toBe('Fourth');
  } finally {
    menu.close();
    setLogSink(previousSink);
  }
});
