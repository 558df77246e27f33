/**
 * Which items a message may mean right now, for the matcher (lib/menu/choose.ts): the
 * items on screen (and the global back/home items off the start menu), and the visible
 * items of every menu reachable from here or from the start menu — but not another
 * menu's way back, its item 0 (operator words cover that), its finish or a link back here.
 */
import { buildModel, type MatchModel, type ModelItem } from './model.js';
import type { Candidates } from './choose.js';
import { reach, type ItemRef } from './reach.js';
import { isVisible } from './render.js';
import type { CompiledMenu, MenuItem } from './types.js';

const models = new WeakMap<CompiledMenu, MatchModel>();

/** The compiled model; built here only for a menu made without compileMenu (older JSON). */
export function modelOf(menu: CompiledMenu): MatchModel {
  if (menu.model) return menu.model;
  let model = models.get(menu);
  if (!model) {
    const globals = [menu.settings.backItem, menu.settings.homeItem].filter((item) => item !== undefined);
    model = buildModel({ language: menu.language, menus: menu.menus, globals });
    models.set(menu, model);
  }
  return model;
}

export const itemAt = (menu: CompiledMenu, ref: ItemRef): MenuItem | undefined => menu.menus[ref.menu]?.items.find((item) => item.id === ref.id);

export function candidatesFor(menu: CompiledMenu, current: string, start: string, open: boolean | undefined, isStart: boolean): Candidates {
  const reached = reach(menu, current, start, open);
  const onScreen = new Set((menu.menus[current]?.items ?? []).filter((item) => isVisible(item.show, open)).map((item) => item.id));
  const include = (entry: ModelItem): boolean => {
    if (entry.menu === '') return !isStart && !onScreen.has(entry.id);
    if (entry.menu === current) return onScreen.has(entry.id);
    if (!reached.routes.has(entry.menu)) return false;
    const item = itemAt(menu, entry);
    // Closing the conversation ("That is all, thank you") only from the menu that shows it.
    if (!item || !isVisible(item.show, open) || item.id === 0 || item.action.type === 'back' || item.action.type === 'finish') return false;
    return !(item.action.type === 'menu' && item.action.menu === current);
  };
  // The items that open the menu on screen: what its whole topic is called.
  const topic = (entry: ModelItem): boolean => {
    const action = entry.menu === '' ? undefined : itemAt(menu, entry)?.action;
    return action?.type === 'menu' && action.menu === current && current !== start;
  };
  return { current, include, reach: reached, linkOf: (ref) => itemAt(menu, ref)?.action.type === 'menu', topic };
}
