/**
 * How a menu looks in the chat, exactly as the ITR reference draws it: the menu text,
 * then one line per item `[send=ID]ID. TITLE[/send]`, lines joined with `[br]`. The
 * number stays visible where a channel drops [send] (contract §7).
 */
import { pick } from './texts.js';
import type { CompiledMenu, GlobalItem, LocalText, MenuDef, MenuItem, Visibility } from './types.js';

/** Separator between blocks of one message (an item's answer, then the menu). */
export const BLOCK = '[br][br]';

/** `open: undefined` means no schedule (or none readable): always open, so closed-only items stay hidden. */
export const isVisible = (show: Visibility, open: boolean | undefined): boolean => show === 'always' || (show === 'open') === (open ?? true);

export interface Line {
  readonly id: number;
  readonly title: LocalText;
  readonly item: MenuItem | undefined;
  readonly global: 'back' | 'home' | undefined;
}

/** Items the customer can see now, then the global back/home items (not on the start menu). */
export function visibleLines(menu: CompiledMenu, def: MenuDef, open: boolean | undefined, isStart: boolean): Line[] {
  const lines: Line[] = def.items.filter((item) => isVisible(item.show, open)).map((item) => ({ id: item.id, title: item.title, item, global: undefined }));
  if (!isStart) {
    const add = (global: GlobalItem | undefined, kind: 'back' | 'home') => {
      if (global && !lines.some((line) => line.id === global.id)) lines.push({ id: global.id, title: global.title, item: undefined, global: kind });
    };
    add(menu.settings.backItem, 'back');
    add(menu.settings.homeItem, 'home');
  }
  return lines;
}

/** `format` fills placeholders (#USER_NAME#…) in the menu text and titles. */
export function renderMenu(menu: CompiledMenu, def: MenuDef, lines: readonly Line[], language: string, format: (text: string) => string): string {
  const out: string[] = [];
  const text = format(pick(def.text, language, menu.language)).trim();
  if (text) out.push(text);
  for (const line of lines) out.push(`[send=${line.id}]${line.id}. ${format(pick(line.title, language, menu.language)).trim()}[/send]`);
  return out.join('[br]');
}
