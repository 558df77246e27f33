/**
 * `menus:` — each menu's text and items; each item's id, title, examples, action and
 * when it is shown. Ids are unique within a menu and don't clash with the global
 * back/home items (shown in every menu but the start menus).
 */
import { readExamples } from '../../examples.js';
import type { GlobalItem, MenuDef, MenuItem } from '../../types.js';
import { readAction, type ActionContext } from '../actions.js';
import { describe as where, isObj, type Path } from '../reader.js';

/** Keys of a menu and of an item (`when` is the older name of `show`). */
export const MENU_KEYS = ['text', 'items', 'show', 'when'] as const;
export const ITEM_KEYS = ['id', 'title', 'examples', 'action', 'show', 'when'] as const;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface MenusInput {
  readonly raw: unknown;
  readonly language: string;
  /** The start menus as the file names them: they show no global items. */
  readonly starts: readonly (string | undefined)[];
  readonly globals: { readonly backItem: GlobalItem | undefined; readonly homeItem: GlobalItem | undefined };
}

export function readMenus(c: ActionContext, input: MenusInput): Record<string, MenuDef> {
  const { r } = c;
  const menus: Record<string, MenuDef> = {};
  if (!isObj(input.raw) || Object.keys(input.raw).length === 0) {
    r.fail(['menus'], 'menus is required and must contain at least one menu');
    return menus;
  }
  for (const [menuId, menuRaw] of Object.entries(input.raw)) {
    const path = ['menus', menuId];
    if (!ID.test(menuId)) r.fail(path, `menu id "${menuId}" may contain only letters, digits, _ and -`);
    if (!isObj(menuRaw)) {
      r.fail(path, `${where(path)} must be a mapping with text and items`);
      continue;
    }
    r.onlyKeys(menuRaw, MENU_KEYS, path);
    const text = r.localText(menuRaw, 'text', path) ?? '';
    const itemsRaw = menuRaw.items;
    const items: MenuItem[] = [];
    if (!Array.isArray(itemsRaw) || itemsRaw.length === 0) {
      r.fail([...path, 'items'], `${where(path)} needs a list of items`);
    } else {
      const seen = new Set<number>();
      const isStart = input.starts.includes(menuId);
      itemsRaw.forEach((itemRaw, index) => {
        const item = readItem(c, input, itemRaw, [...path, 'items', index], { seen, isStart });
        if (item) items.push(item);
      });
    }
    menus[menuId] = { id: menuId, text, show: r.visibility(menuRaw, path), items };
  }
  return menus;
}

function readItem(c: ActionContext, input: MenusInput, itemRaw: unknown, path: Path, menu: { seen: Set<number>; isStart: boolean }): MenuItem | undefined {
  const { r } = c;
  if (!isObj(itemRaw)) return r.fail(path, `${where(path)} must be a mapping { id, title, action }`);
  r.onlyKeys(itemRaw, ITEM_KEYS, path);
  const id = r.int(itemRaw, 'id', path, 0, 99, { required: true });
  if (itemRaw.id === undefined) r.fail([...path, 'id'], `${where(path)}: id is required`);
  if (id !== undefined && menu.seen.has(id)) r.fail([...path, 'id'], `${where(path)}: id ${id} is used twice in this menu`);
  if (id !== undefined) menu.seen.add(id);
  const { backItem, homeItem } = input.globals;
  for (const [global, name] of [
    [backItem, 'backItem'],
    [homeItem, 'homeItem'],
  ] as const) {
    if (global && id === global.id && !menu.isStart)
      r.fail([...path, 'id'], `${where(path)}: id ${id} is taken by settings.${name}, shown in every menu but the start menu`);
  }
  const title = r.localText(itemRaw, 'title', path, true);
  const examples = readExamples(itemRaw.examples, [...path, 'examples'], input.language, r.fail, where);
  const action = readAction(c, itemRaw.action, [...path, 'action']);
  if (id === undefined || title === undefined || !action) return undefined;
  return { id, title, ...(examples ? { examples } : {}), show: r.visibility(itemRaw, path), action };
}
