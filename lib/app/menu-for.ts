/**
 * The menu that serves a dialog: its portal's and Open Line's (lib/menu/menu-set.ts), or
 * the one menu when MENU_FILE is a file. Whatever is not per dialog (the bot's profile at
 * install, the chat app's titles) keeps using deps.menu(), the default menu.
 */
import type { CompiledMenu } from '../menu/types.js';
import type { MenuDeps } from './deps.js';

export const menuFor = (deps: MenuDeps, memberId: string | undefined, lineId: string | number | undefined): CompiledMenu =>
  deps.menus ? deps.menus().resolve(memberId, lineId) : deps.menu();
