/**
 * The menu as a tree of text, for `npm run menu -- show`: every menu once, items with
 * what they do, submenus nested where they are first reached.
 */
import { pick } from './texts.js';
import type { Action, CompiledMenu, MenuItem } from './types.js';

function describeAction(menu: CompiledMenu, action: Action, lang: string): string {
  const text = (value: Parameters<typeof pick>[0]) => (value === undefined ? '' : ` "${pick(value, lang, menu.language).slice(0, 60)}"`);
  switch (action.type) {
    case 'void':
      return 'nothing';
    case 'text':
      return `text${text(action.text)}${action.hideMenu ? ' (menu hidden)' : ''}`;
    case 'menu':
      return `→ menu ${action.menu}`;
    case 'back':
      return '← back';
    case 'queue':
      return `⇒ operator queue${text(action.text)}`;
    case 'user':
      return `⇒ operator ${action.userId}${action.leave ? ' (bot leaves)' : ''}${text(action.text)}`;
    case 'line':
      return `⇒ Open Line ${action.lineId}${text(action.text)}`;
    case 'bot':
      return `⇒ bot ${action.botCode}${action.leave ? ' (bot leaves)' : ''}${text(action.text)}`;
    case 'finish':
      return `■ finish${text(action.text)}`;
    case 'function':
      return `ƒ ${action.name}()${text(action.text)}`;
    case 'ask':
      return `? #${action.var}# (${action.validate.type})${text(action.question)}, then ${describeAction(menu, action.next, lang)}`;
    case 'language':
      return `language ${action.language}`;
  }
}

const shown = (item: MenuItem) => (item.show === 'always' ? '' : ` [${item.show} only]`);

export function menuTree(menu: CompiledMenu, lang = menu.language): string {
  const out: string[] = [
    `${menu.bot.name} (${menu.bot.code}) — start: ${menu.start}${menu.hours?.closedStart ? `, when closed: ${menu.hours.closedStart}` : ''}`,
  ];
  const printed = new Set<string>();
  const walk = (id: string, indent: string) => {
    const def = menu.menus[id];
    if (!def) return;
    printed.add(id);
    out.push(`${indent}[${id}] ${pick(def.text, lang, menu.language).split('\n')[0]!.slice(0, 70)}${def.show === 'always' ? '' : ` [${def.show} only]`}`);
    def.items.forEach((item, index) => {
      const last = index === def.items.length - 1;
      out.push(`${indent}${last ? '└─' : '├─'} ${item.id}. ${pick(item.title, lang, menu.language)}${shown(item)}  ${describeAction(menu, item.action, lang)}`);
      let action: Action | undefined = item.action;
      while (action?.type === 'ask') action = action.next;
      if (action?.type === 'menu' && !printed.has(action.menu)) walk(action.menu, `${indent}${last ? '   ' : '│  '}`);
    });
  };
  walk(menu.start, '');
  if (menu.hours?.closedStart && !printed.has(menu.hours.closedStart)) walk(menu.hours.closedStart, '');
  for (const id of Object.keys(menu.menus))
    if (!printed.has(id)) {
      out.push(`(unreachable)`);
      walk(id, '');
    }
  const globals = [
    menu.settings.backItem && `${menu.settings.backItem.id}. ${pick(menu.settings.backItem.title, lang, menu.language)} (back)`,
    menu.settings.homeItem && `${menu.settings.homeItem.id}. ${pick(menu.settings.homeItem.title, lang, menu.language)} (start menu)`,
  ].filter(Boolean);
  if (globals.length > 0) out.push(`In every menu but the start: ${globals.join(', ')}`);
  return out.join('\n');
}
