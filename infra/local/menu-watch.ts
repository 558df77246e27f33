/**
 * The local stack's menus: loaded from MENU_FILE at start (an invalid file stops the
 * start with every problem listed) and reloaded when a file changes. MENU_FILE may be one
 * file or a folder of menus, one per Open Line (lib/menu/menu-set.ts). A broken edit keeps
 * the last good menus running and prints what is wrong.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { isFolder, loadMenuFolder } from '../../lib/menu/load-folder.js';
import { menuSet, type MenuSet } from '../../lib/menu/menu-set.js';
import type { CompiledMenu } from '../../lib/menu/types.js';
import type { Logger } from '../../lib/log.js';

export interface WatchedMenu {
  /** The default menu (the only one when MENU_FILE is a file). */
  readonly current: () => CompiledMenu;
  /** Every menu, by portal and line. */
  readonly set: () => MenuSet;
  close(): void;
}

const versions = (menus: Record<string, CompiledMenu>): string => Object.entries(menus).map(([key, menu]) => `${key}=${menu.version}`).sort().join(',');

const setOf = (menus: Record<string, CompiledMenu>): MenuSet => menuSet({ keys: Object.keys(menus), entry: (key) => menus[key] });

export function watchMenu(path: string, log: Logger, opts: { watch: boolean } = { watch: true }): WatchedMenu {
  let menus = loadMenuFolder(path);
  let set = setOf(menus);
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (opts.watch) {
    try {
      // The folder, not the file: editors that save by writing a new file and renaming it
      // over the old one (vim, JetBrains, sed -i, git checkout) would leave a file watch
      // on the replaced inode, and every later edit would go unnoticed. A folder of menus
      // is watched with its <member_id>/ subfolders.
      const folder = isFolder(path);
      const name = basename(path);
      watcher = watch(folder ? path : dirname(path), { recursive: folder }, (_event, changed) => {
        if (!folder && changed !== null && changed.toString() !== name) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          try {
            const next = loadMenuFolder(path);
            if (versions(next) !== versions(menus)) {
              menus = next;
              set = setOf(menus);
              log.info('menu reloaded', { file: path, version: versions(menus) });
            }
          } catch (error) {
            log.error('menu file has errors; keeping the previous menu', { file: path, problems: (error as Error).message });
          }
        }, 150);
      });
    } catch {
      log.warn('cannot watch the menu file; restart to pick up changes', { file: path });
    }
  }
  return {
    current: () => set.default,
    set: () => set,
    close: () => {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
