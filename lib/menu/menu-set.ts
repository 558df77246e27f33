/**
 * A menu per Open Line (docs/menu-format.md "A menu per Open Line"): MENU_FILE may name a
 * folder of menus, each file compiled on its own. A dialog's menu is found by the portal
 * (member_id) and the Open Line's config id (CHAT_ENTITY_ID `connector|<lineId>|…`), most
 * specific first:
 *
 *   <member_id>/line-<ID>   this portal's line <ID>
 *   <member_id>/default     every other line of this portal
 *   line-<ID>               line <ID> of any portal (a single-portal deploy's usual case)
 *   default                 everything else, and the bot's profile (name, colour, avatar)
 *
 * A portal's own files come before the shared ones: line ids are a portal's own numbering,
 * so a portal that has a folder of its own means all of it. One file is a set of one.
 */
import type { CompiledMenu } from './types.js';

/** What the build embeds (infra/build/esbuild-plugins.cjs) or a folder load yields: menus by key, compiled on demand. */
export interface MenuSource {
  readonly keys: readonly string[];
  readonly entry: (key: string) => CompiledMenu | undefined;
}

export interface MenuSet {
  /** The default menu: the bot's profile, and whatever is not per line. */
  readonly default: CompiledMenu;
  /** The menu that serves this portal's line (either may be unknown: then the default). */
  resolve(memberId: string | undefined, lineId: string | number | undefined): CompiledMenu;
  /** The key of the file that serves it (`default`, `line-2`, `<member_id>/line-2`…). */
  keyOf(memberId: string | undefined, lineId: string | number | undefined): string;
  readonly keys: readonly string[];
  get(key: string): CompiledMenu | undefined;
}

export const DEFAULT_KEY = 'default';

/** `default`, `line-<digits>`, `<member_id>/default`, `<member_id>/line-<digits>`. */
export const MENU_KEY = /^(?:([A-Za-z0-9_.-]{1,64})\/)?(default|line-\d{1,10})$/;

export function menuSet(source: MenuSource): MenuSet {
  const keys = new Set(source.keys);
  if (!keys.has(DEFAULT_KEY)) throw new Error('a menu set needs a default menu');
  const keyOf = (memberId: string | undefined, lineId: string | number | undefined): string => {
    const line = lineId !== undefined && /^\d+$/.test(String(lineId)) ? `line-${lineId}` : undefined;
    const candidates = [memberId && line ? `${memberId}/${line}` : undefined, memberId ? `${memberId}/${DEFAULT_KEY}` : undefined, line, DEFAULT_KEY];
    return candidates.find((key): key is string => key !== undefined && keys.has(key)) ?? DEFAULT_KEY;
  };
  const get = (key: string) => (keys.has(key) ? source.entry(key) : undefined);
  return {
    get default() {
      return source.entry(DEFAULT_KEY)!;
    },
    resolve: (memberId, lineId) => get(keyOf(memberId, lineId)) ?? source.entry(DEFAULT_KEY)!,
    keyOf,
    keys: [...keys].sort((a, b) => (a === DEFAULT_KEY ? -1 : b === DEFAULT_KEY ? 1 : a.localeCompare(b))),
    get,
  };
}

/** One menu file: a set of one. */
export const singleMenu = (menu: () => CompiledMenu): MenuSource => ({ keys: [DEFAULT_KEY], entry: (key) => (key === DEFAULT_KEY ? menu() : undefined) });

/** Parsed once per key, on first use (a Lambda bundle carries each menu as a JSON string). */
export function lazyMenus(texts: Readonly<Record<string, string>>): MenuSource {
  const parsed = new Map<string, CompiledMenu>();
  return {
    keys: Object.keys(texts),
    entry: (key) => {
      const text = texts[key];
      if (text === undefined) return undefined;
      let menu = parsed.get(key);
      if (!menu) parsed.set(key, (menu = JSON.parse(text) as CompiledMenu));
      return menu;
    },
  };
}
