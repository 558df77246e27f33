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

/** What the last change of the file did (the playground shows it as a banner). */
export type MenuStatus =
  | { readonly kind: 'loaded'; readonly version: string; readonly at: number }
  | { readonly kind: 'reloaded'; readonly version: string; readonly at: number }
  | { readonly kind: 'rejected'; readonly version: string; readonly at: number; readonly problems: readonly string[] };

export interface WatchedMenu {
  readonly current: () => CompiledMenu;
  /** The last load's outcome: a rejected edit keeps the previous menu running. */
  readonly status: () => MenuStatus;
  /** Called after every load attempt of a changed file. */
  onChange(listener: (status: MenuStatus) => void): void;
  close(): void;
}

export function watchMenu(file: string, log: Logger, opts: { watch: boolean } = { watch: true }): WatchedMenu {
  let menu = loadMenuFile(file);
  let status: MenuStatus = { kind: 'loaded', version: menu.version, at: Date.now() };
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
      // on the replaced inode, and every later edit would go unnoticed.
      const name = basename(file);
      watcher = watch(dirname(file), (_event, changed) => {
        if (changed !== null && changed.toString() !== name) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          try {
            const next = loadMenuFile(file);
            if (next.version !== menu.version || status.kind === 'rejected') {
              menu = next;
              log.info('menu reloaded', { file, version: menu.version });
              report({ kind: 'reloaded', version: menu.version, at: Date.now() });
            }
          } catch (error) {
            log.error('menu file has errors; keeping the previous menu', { file, problems: (error as Error).message });
            const issues = (error as { issues?: readonly { message: string }[] }).issues;
            report({ kind: 'rejected', version: menu.version, at: Date.now(), problems: issues ? issues.map((issue) => issue.message) : [(error as Error).message] });
          }
        }, 150);
      });
    } catch {
      log.warn('cannot watch the menu file; restart to pick up changes', { file });
    }
  }
  return {
    current: () => menu,
    status: () => status,
    onChange: (listener) => void listeners.push(listener),
    close: () => {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
