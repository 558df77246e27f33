/**
 * Menu file (already parsed from YAML/JSON) → CompiledMenu, or every problem at once.
 * Messages name the menu, the item and the field ("menu 'delivery', item 4: action.botCode
 * is required for a bot action"); the path lets lib/menu/load-file.ts add line:column.
 * Each section reads itself (compile/sections/*.ts); actions are one table of types →
 * keys and reader (compile/actions.ts). The order below is the order problems are listed.
 */
import { didYouMean } from './edit-distance.js';
import { buildModel } from './model.js';
import type { CompiledMenu } from './types.js';
import type { ActionContext } from './compile/actions.js';
import { createReader, isObj, LANG, type Issue } from './compile/reader.js';
import { readBot } from './compile/sections/bot.js';
import { readHours } from './compile/sections/hours.js';
import { readMenus } from './compile/sections/menus.js';
import { readMessages } from './compile/sections/messages.js';
import { readGlobalItems, readSettings } from './compile/sections/settings.js';
import { readWords } from './compile/sections/words.js';

export { describe, type Issue, type Path } from './compile/reader.js';
export { ACTIONS, ACTION_TYPES } from './compile/actions.js';

/** The top-level keys of a menu file, in the order the format documents them. */
export const TOP_LEVEL_KEYS = ['bot', 'start', 'language', 'messages', 'settings', 'words', 'hours', 'menus'] as const;

export function compileMenu(raw: unknown): { menu: CompiledMenu | undefined; issues: Issue[] } {
  if (!isObj(raw)) return { menu: undefined, issues: [{ path: [], message: 'the menu file must be a mapping with bot, start and menus' }] };
  const r = createReader();
  const menusRaw = raw.menus;
  // Whether a menu of the file has this id (unknowable, so no complaint, when menus is broken).
  const menuExists = (id: string): boolean => !isObj(menusRaw) || Object.hasOwn(menusRaw, id);
  const menuIds = (): readonly string[] => (isObj(menusRaw) ? Object.keys(menusRaw) : []);
  const c: ActionContext = { r, menuExists, menuIds };

  const bot = readBot(r, raw.bot);
  const language = r.str(raw, 'language', []) ?? 'en';
  if (!LANG.test(language)) r.fail(['language'], 'language must be a two-letter code such as en');

  // Global items first: menus must not reuse their ids.
  const globals = readGlobalItems(c, raw.settings);
  const closedStart = isObj(raw.hours) && typeof raw.hours.closedStart === 'string' ? raw.hours.closedStart : undefined;
  const starts = [typeof raw.start === 'string' ? raw.start : undefined, closedStart];
  const menus = readMenus(c, { raw: menusRaw, language, starts, globals });

  const start = r.str(raw, 'start', [], { required: true });
  if (start !== undefined && !menuExists(start)) r.fail(['start'], `start names menu "${start}", which does not exist${didYouMean(start, menuIds())}`);
  const messages = readMessages(r, raw.messages);
  const settings = readSettings(c, globals, messages);
  const words = readWords(r, raw.words, language);
  const hours = readHours(r, raw.hours, menuExists);

  for (const key of Object.keys(raw)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      r.failKey([key], `"${key}" is not a known top-level key (known: ${TOP_LEVEL_KEYS.join(', ')})`);
    }
  }

  if (r.issues.length > 0 || start === undefined) return { menu: undefined, issues: r.issues };
  const body = { bot, start, language, messages, settings, words, ...(hours ? { hours } : {}), menus };
  const model = buildModel({ language, menus, globals: [globals.backItem, globals.homeItem].filter((item) => item !== undefined) });
  return { menu: { ...body, model, version: hash(JSON.stringify(body)) }, issues: r.issues };
}

/** FNV-1a, 32 bit: a stable short fingerprint without node:crypto (the engine side stays pure). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
