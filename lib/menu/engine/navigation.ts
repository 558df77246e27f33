/**
 * Where the dialog is and how it moves: the menu on screen (and its lines), showing it,
 * back, home, and walking down to an item of another menu the customer named.
 */
import { itemAt } from '../candidates.js';
import { reach, type ItemRef } from '../reach.js';
import { isVisible, renderMenu, visibleLines, type Line } from '../render.js';
import { HISTORY_LIMIT, PATH_LIMIT, pushBounded } from '../state.js';
import type { MenuDef } from '../types.js';
import { isStartMenu, startMenuId, type Draft } from './draft.js';

/** The menu on screen and the lines the customer sees in it. */
export function currentLines(draft: Draft): { def: MenuDef; lines: Line[] } {
  const { menu, state, ctx } = draft;
  let def = menu.menus[state.menu]!;
  if (!isVisible(def.show, ctx.open)) {
    // The current menu is for the other half of the day: fall back to the start menu.
    state.menu = startMenuId(menu, ctx);
    state.history = [];
    def = menu.menus[state.menu]!;
  }
  return { def, lines: visibleLines(menu, def, ctx.open, isStartMenu(menu, state.menu)) };
}

export function showMenu(draft: Draft): void {
  const { def, lines } = currentLines(draft);
  draft.say(renderMenu(draft.menu, def, lines, draft.language, (text) => draft.fill(text)));
}

/** Records a step of the path the hand-over card shows ("menu:item", or "menu:back"…). */
export function step(draft: Draft, menuId: string, what: string | number): void {
  draft.state.path = pushBounded(draft.state.path, `${menuId}:${what}`, PATH_LIMIT);
}

/** Back or home, then the menu there. */
export function navigate(draft: Draft, where: 'back' | 'home'): void {
  draft.state.misses = 0;
  step(draft, draft.state.menu, where);
  if (where === 'back') goBack(draft);
  else goHome(draft);
  showMenu(draft);
}

/** The previous menu that still exists, else the start menu. */
export function goBack(draft: Draft): void {
  const history = [...draft.state.history];
  let target = history.pop();
  while (target !== undefined && !draft.menu.menus[target]) target = history.pop();
  draft.state.menu = target ?? startMenuId(draft.menu, draft.ctx);
  draft.state.history = history;
}

export function goHome(draft: Draft): void {
  draft.state.menu = startMenuId(draft.menu, draft.ctx);
  draft.state.history = [];
}

/** Opens `menuId` from here: the menu on screen joins the history (unless it is the same). */
export function open(draft: Draft, menuId: string): void {
  const { state } = draft;
  if (menuId !== state.menu) state.history = pushBounded(state.history, state.menu, HISTORY_LIMIT);
  state.menu = menuId;
}

/**
 * Walks to the menu of an item the customer named elsewhere ("where is my parcel" at the
 * start menu), so path and history read as if they had chosen each item on the way, and
 * "back" returns along it.
 */
export function walkTo(draft: Draft, ref: ItemRef): void {
  const { state, menu } = draft;
  if (ref.menu === state.menu) return;
  const route = reach(menu, state.menu, startMenuId(menu, draft.ctx), draft.ctx.open).routes.get(ref.menu);
  if (route?.home) {
    step(draft, state.menu, 'home');
    goHome(draft);
  }
  for (const link of route?.items ?? []) {
    const action = itemAt(menu, link)?.action;
    step(draft, link.menu, link.id);
    if (action?.type !== 'menu') continue;
    state.history = pushBounded(state.history, state.menu, HISTORY_LIMIT);
    state.menu = action.menu;
  }
}
