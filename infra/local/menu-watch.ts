/**
 * The local stack's menu: loaded from MENU_FILE at start (an invalid file stops the
 * start with every problem listed) and reloaded when the file changes. A broken edit
 * keeps the last good menu running and prints what is wrong.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { loadMenuFile } from '../../lib/menu/load-file.js';
import type { CompiledMenu } from '../../lib/menu/types.js';
import type { Logger } from '../../lib/log.js';

export interface WatchedMenu {
  readonly current: () => CompiledMenu;
  close(): void;
}

export function watchMenu(file: string, log: Logger, opts: { watch: boolean } = { watch: true }): WatchedMenu {
  let menu = loadMenuFile(file);
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (opts.watch) {
    try {
      // The folder, not the file: editors that save by writing a new file and renaming it
      // over the old one (vim, JetBrains, sed -i, git checkout) would leave a file watch
      // on the replaced inode, and every later edit would go unnoticed.
      const name = basename(file);
      watcher = watch(dirname(file), (_event, changed) => {
        if (changed !== null && changed.toString() !== name) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          try {
            const next = loadMenuFile(file);
            if (next.version !== menu.version) {
              menu = next;
              log.info('menu reloaded', { file, version: menu.version });
            }
          } catch (error) {
            log.error('menu file has errors; keeping the previous menu', { file, problems: (error as Error).message });
          }
        }, 150);
      });
    } catch {
      log.warn('cannot watch the menu file; restart to pick up changes', { file });
    }
  }
  return {
    current: () => menu,
    close: () => {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
