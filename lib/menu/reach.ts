/**
 * Where a customer can get from here: every menu visible now (working hours, `show`)
 * that the current menu or the start menu leads to, each with the route of items that
 * leads there. The matcher considers the items of all of them, so "where is my parcel"
 * at the start menu finds the tracking item one level down, and the dialog's path and
 * history record the way there as if the customer had walked it.
 */
import { isVisible } from './render.js';
import type { CompiledMenu } from './types.js';

export interface ItemRef {
  readonly menu: string;
  readonly id: number;
}

export interface Reach {
  /** Menu id → the items that open it, in order, from `from` (or from the start menu: `home`). */
  readonly routes: ReadonlyMap<string, { readonly home: boolean; readonly items: readonly ItemRef[] }>;
}

function walk(menu: CompiledMenu, from: string, open: boolean | undefined): Map<string, ItemRef[]> {
  const routes = new Map<string, ItemRef[]>([[from, []]]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const item of menu.menus[id]?.items ?? []) {
      if (!isVisible(item.show, open) || item.action.type !== 'menu') continue;
      const target = menu.menus[item.action.menu];
      if (!target || routes.has(target.id) || !isVisible(target.show, open)) continue;
      routes.set(target.id, [...routes.get(id)!, { menu: id, id: item.id }]);
      queue.push(target.id);
    }
  }
  return routes;
}

export function reach(menu: CompiledMenu, current: string, start: string, open: boolean | undefined): Reach {
  const routes = new Map<string, { home: boolean; items: readonly ItemRef[] }>();
  for (const [id, items] of walk(menu, current, open)) routes.set(id, { home: false, items });
  if (start !== current) for (const [id, items] of walk(menu, start, open)) if (!routes.has(id)) routes.set(id, { home: true, items });
  return { routes };
}

/** Is `link` (an item that opens a menu) on the way to `target`'s menu? */
export const leadsTo = (routes: Reach['routes'], link: ItemRef, target: ItemRef): boolean =>
  routes.get(target.menu)?.items.some((step) => step.menu === link.menu && step.id === link.id) ?? false;
