/**
 * The funnel through the menu tree, for the dashboard: from the start menu down, each
 * menu with how often it was entered and left, each item with how often it was chosen
 * and where it leads. Menus are walked as `npm run menu -- show` prints them (each once,
 * where first reached); menus the counters know but the menu file no longer has are
 * listed after them.
 */
import { pick } from '../menu/texts.js';
import type { Action, CompiledMenu } from '../menu/types.js';
import type { StatsReport } from './report.js';

export interface FunnelItem {
  readonly id: number;
  readonly title: string;
  readonly chosen: number;
  /** The menu it opens, if it opens one. */
  readonly opens?: string;
  /** What it does, in a word: menu, text, queue, user, line, bot, finish, ask, … */
  readonly does: string;
  /** Examples per language (for "add as example"). */
  readonly examples: Readonly<Record<string, readonly string[]>>;
}

export interface FunnelMenu {
  readonly id: string;
  readonly depth: number;
  readonly title: string;
  readonly shown: number;
  readonly left: number;
  readonly items: readonly FunnelItem[];
}

const finalAction = (action: Action): Action => (action.type === 'ask' ? finalAction(action.next) : action);

export function funnel(menu: CompiledMenu, report: Pick<StatsReport, 'menus' | 'items'>, lang = menu.language): FunnelMenu[] {
  const out: FunnelMenu[] = [];
  const seen = new Set<string>();
  const walk = (id: string, depth: number) => {
    const def = menu.menus[id];
    if (!def || seen.has(id)) return;
    seen.add(id);
    const items = def.items.map((item): FunnelItem => {
      const action = finalAction(item.action);
      return {
        id: item.id,
        title: pick(item.title, lang, menu.language),
        chosen: report.items[`${id}:${item.id}`] ?? 0,
        ...(action.type === 'menu' ? { opens: action.menu } : {}),
        does: item.action.type === 'ask' ? `ask → ${action.type}` : action.type,
        examples: item.examples ?? {},
      };
    });
    out.push({
      id,
      depth,
      title: pick(def.text, lang, menu.language).split('\n')[0]!.slice(0, 80),
      shown: report.menus[id]?.shown ?? 0,
      left: report.menus[id]?.left ?? 0,
      items,
    });
    for (const item of items) if (item.opens) walk(item.opens, depth + 1);
  };
  walk(menu.start, 0);
  if (menu.hours?.closedStart) walk(menu.hours.closedStart, 0);
  for (const id of Object.keys(menu.menus)) walk(id, 0);
  for (const [id, counts] of Object.entries(report.menus)) {
    if (!seen.has(id)) out.push({ id, depth: 0, title: '(no longer in the menu file)', shown: counts.shown, left: counts.left, items: [] });
  }
  return out;
}
