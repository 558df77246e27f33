/**
 * The local stack's menus: loaded from MENU_FILE at start (an invalid file stops the
 * start with every problem listed) and reloaded when a file changes. MENU_FILE may be one
 * file or a folder of menus, one per Open Line (lib/menu/menu-set.ts). A broken edit keeps
 * the last good menus running, prints what is wrong and says so to listeners (the
 * playground's banner) until a good save.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { isFolder, loadMenuFolder } from '../../lib/menu/load-folder.js';
import { menuSet, type MenuSet } from '../../lib/menu/menu-set.js';
import type { CompiledMenu } from '../../lib/menu/types.js';
import type { Logger } from '../../lib/log.js';

/** What the last change of the files did (the playground shows it as a banner). */
export type MenuStatus =
  | { readonly kind: 'loaded'; readonly version: string; readonly at: number }
  | { readonly kind: 'reloaded'; readonly version: string; readonly at: number }
  | { readonly kind: 'rejected'; readonly version: string; readonly at: number; readonly problems: readonly string[] };

export interface WatchedMenu {
  /** The default menu (the only one when MENU_FILE is a file). */
  readonly current: () => CompiledMenu;
  /** Every menu, by portal and line. */
  readonly set: () => MenuSet;
  /** The last load's outcome: a rejected edit keeps the previous menus running. */
  readonly status: () => MenuStatus;
  /** Called after every load attempt of a changed file. */
  onChange(listener: (status: MenuStatus) => void): void;
  close(): void;
}

const versions = (menus: Record<string, CompiledMenu>): string =>
  Object.entries(menus)
    .map(([key, menu]) => `${key}=${menu.version}`)
    .sort()
    .join(',');

const setOf = (menus: Record<string, CompiledMenu>): MenuSet => menuSet({ keys: Object.keys(menus), entry: (key) => menus[key] });

export function watchMenu(path: string, log: Logger, opts: { watch: boolean } = { watch: true }): WatchedMenu {
  let menus = loadMenuFolder(path);
  let set = setOf(menus);
  let status: MenuStatus = { kind: 'loaded', version: set.default.version, at: Date.now() };
  const listeners: ((status: MenuStatus) => void)[] = [];
  const report = (next: MenuStatus) => {
    status = next;
    for (const listener of listeners) listener(next);
  };
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
            if (versions(next) !== versions(menus) || status.kind === 'rejected') {
              menus = next;
              set = setOf(menus);
              log.info('menu reloaded', { file: path, version: versions(menus) });
              report({ kind: 'reloaded', version: set.default.version, at: Date.now() });
            }
          } catch (error) {
            log.error('menu file has errors; keeping the previous menu', { file: path, problems: (error as Error).message });
            const issues = (error as { issues?: readonly { message: string }[] }).issues;
            report({
              kind: 'rejected',
              version: set.default.version,
              at: Date.now(),
              problems: issues ? issues.map((issue) => issue.message) : [(error as Error).message],
            });
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
    status: () => status,
    onChange: (listener) => void listeners.push(listener),
    close: () => {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
