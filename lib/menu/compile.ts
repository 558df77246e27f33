/**
 * Menu file (already parsed from YAML/JSON) → CompiledMenu, or every problem at once.
 * Messages name the menu, the item and the field ("menu 'delivery', item 4: action.botCode
 * is required for a bot action"); the path lets lib/menu/load-file.ts add line:column.
 */
import { DEFAULT_MESSAGES, DEFAULT_SETTINGS, DEFAULT_WORDS } from './defaults.js';
import { readExamples } from './examples.js';
import { buildModel } from './model.js';
import { normalize } from './normalize.js';
import { parseWeekly } from './hours.js';
import type {
  Action,
  CompiledMenu,
  GlobalItem,
  Hours,
  LocalText,
  MenuDef,
  MenuItem,
  MessageKey,
  Settings,
  ValidatorSpec,
  Visibility,
  WordKind,
} from './types.js';

export type Path = readonly (string | number)[];
export interface Issue {
  readonly path: Path;
  readonly message: string;
  /** Point at the key itself (an unknown key) rather than at its value. */
  readonly atKey?: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

const ACTION_TYPES = ['void', 'text', 'menu', 'back', 'queue', 'user', 'line', 'bot', 'finish', 'function', 'ask', 'language'] as const;
const VALIDATORS = ['any', 'email', 'phone', 'number', 'regex'] as const;
/** Keys each action type takes besides `type` and `text`. */
const ACTION_KEYS: Readonly<Record<(typeof ACTION_TYPES)[number], readonly string[]>> = {
  void: ['hideMenu'],
  text: ['hideMenu'],
  menu: ['menu'],
  back: [],
  queue: ['hideMenu'],
  user: ['userId', 'leave', 'hideMenu'],
  line: ['lineId', 'hideMenu'],
  bot: ['botCode', 'leave', 'errorText'],
  finish: ['hideMenu'],
  function: ['name', 'hideMenu'],
  ask: ['question', 'var', 'validate', 'hint', 'retries', 'next'],
  language: ['language'],
};
const COLORS = ['RED', 'GREEN', 'MINT', 'LIGHT_BLUE', 'DARK_BLUE', 'PURPLE', 'AQUA', 'PINK', 'LIME', 'BROWN', 'AZURE', 'KHAKI', 'SAND', 'MARENGO', 'GRAY', 'GRAPHITE'];
const MESSAGE_KEYS = Object.keys(DEFAULT_MESSAGES) as MessageKey[];
const WORD_KINDS: WordKind[] = ['menu', 'back', 'operator', 'greeting'];
const ID = /^[A-Za-z0-9_\-]{1,64}$/;
const LANG = /^[a-z]{2}$/;

export function compileMenu(raw: unknown): { menu: CompiledMenu | undefined; issues: Issue[] } {
  const issues: Issue[] = [];
  const fail = (path: Path, message: string): undefined => {
    issues.push({ path, message });
    return undefined;
  };
  const failKey = (path: Path, message: string): void => {
    issues.push({ path, message, atKey: true });
  };
  if (!isObj(raw)) return { menu: undefined, issues: [{ path: [], message: 'the menu file must be a mapping with bot, start and menus' }] };

  const where = (path: Path): string => describe(path);

  // ── scalar readers ──
  const str = (obj: Obj, key: string, path: Path, opts: { required?: boolean; max?: number } = {}): string | undefined => {
    const value = obj[key];
    if (value === undefined || value === null) return opts.required ? fail([...path, key], `${where([...path, key])} is required`) : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return fail([...path, key], `${where([...path, key])} must be text`);
    const text = String(value).trim();
    if (opts.required && text === '') return fail([...path, key], `${where([...path, key])} must not be empty`);
    if (opts.max && text.length > opts.max) return fail([...path, key], `${where([...path, key])} is longer than ${opts.max} characters`);
    return text;
  };
  const int = (obj: Obj, key: string, path: Path, min: number, max: number, fallback?: number): number | undefined => {
    const value = obj[key];
    if (value === undefined || value === null) return fallback;
    const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
      return fail([...path, key], `${where([...path, key])} must be a whole number from ${min} to ${max}`);
    }
    return number;
  };
  const bool = (obj: Obj, key: string, path: Path, fallback: boolean): boolean => {
    const value = obj[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') {
      fail([...path, key], `${where([...path, key])} must be true or false`);
      return fallback;
    }
    return value;
  };
  const localText = (obj: Obj, key: string, path: Path, required = false): LocalText | undefined => {
    const value = obj[key];
    const at = [...path, key];
    if (value === undefined || value === null) return required ? fail(at, `${where(at)} is required`) : undefined;
    if (typeof value === 'string' || typeof value === 'number') {
      const text = String(value);
      if (required && text.trim() === '') return fail(at, `${where(at)} must not be empty`);
      return text;
    }
    if (!isObj(value)) return fail(at, `${where(at)} must be text or a map of language to text ({ en: …, ru: … })`);
    const out: Record<string, string> = {};
    for (const [lang, text] of Object.entries(value)) {
      if (!LANG.test(lang)) fail([...at, lang], `${where(at)}: "${lang}" is not a two-letter language code (inside { … }, put texts with a comma or colon in quotes)`);
      else if (typeof text !== 'string' && typeof text !== 'number') fail([...at, lang], `${where([...at, lang])} must be text`);
      else out[lang] = String(text);
    }
    if (Object.keys(out).length === 0) return fail(at, `${where(at)} has no texts`);
    return out;
  };
  /** Unknown keys are mistakes: a misspelt `hidemenu`, or a text cut at a comma in `{ … }`. */
  const onlyKeys = (obj: Obj, allowed: readonly string[], path: Path): void => {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) {
        failKey([...path, key], `${where(path)}: "${key}" is not a known key here (known: ${allowed.join(', ')}; inside { … }, put texts with a comma or colon in quotes)`);
      }
    }
  };
  const visibility = (obj: Obj, path: Path): Visibility => {
    const value = obj.show ?? obj.when;
    if (value === undefined || value === null) return 'always';
    if (value === 'always' || value === 'open' || value === 'closed') return value;
    fail([...path, obj.show !== undefined ? 'show' : 'when'], `${where(path)}: show must be always, open or closed`);
    return 'always';
  };

  // ── bot ──
  const botRaw = raw.bot;
  let bot: CompiledMenu['bot'] = { code: 'itr_bot', name: 'Support bot' };
  if (!isObj(botRaw)) fail(['bot'], 'bot is required: { code, name, workPosition, color }');
  else {
    const code = str(botRaw, 'code', ['bot'], { required: true, max: 50 });
    if (code && !/^[A-Za-z0-9_]+$/.test(code)) fail(['bot', 'code'], 'bot.code may contain only latin letters, digits and _');
    const name = str(botRaw, 'name', ['bot'], { required: true, max: 100 });
    const color = str(botRaw, 'color', ['bot'])?.toUpperCase();
    if (color && !COLORS.includes(color)) fail(['bot', 'color'], `bot.color must be one of ${COLORS.join(', ')}`);
    const workPosition = str(botRaw, 'workPosition', ['bot'], { max: 255 });
    const avatar = str(botRaw, 'avatar', ['bot']);
    bot = {
      code: code ?? 'itr_bot',
      name: name ?? 'Support bot',
      ...(workPosition ? { workPosition } : {}),
      ...(color ? { color } : {}),
      ...(avatar ? { avatar } : {}),
    };
  }

  const language = str(raw, 'language', []) ?? 'en';
  if (!LANG.test(language)) fail(['language'], 'language must be a two-letter code such as en');

  // Global items first: menus must not reuse their ids.
  const settingsRaw = isObj(raw.settings) ? raw.settings : {};
  if (raw.settings !== undefined && !isObj(raw.settings)) fail(['settings'], 'settings must be a mapping');
  const globalItem = (key: string): GlobalItem | undefined => {
    const value = settingsRaw[key];
    if (value === undefined || value === null || value === false) return undefined;
    if (!isObj(value)) return fail(['settings', key], `settings.${key} must be { id, title }`);
    const id = int(value, 'id', ['settings', key], 1, 99);
    const title = localText(value, 'title', ['settings', key], true);
    if (value.id === undefined) fail(['settings', key, 'id'], `settings.${key}.id is required`);
    return id === undefined || title === undefined ? undefined : { id, title };
  };
  const backItem = globalItem('backItem');
  const homeItem = globalItem('homeItem');
  const startRaw = typeof raw.start === 'string' ? raw.start : undefined;
  const closedStartRaw = isObj(raw.hours) && typeof raw.hours.closedStart === 'string' ? raw.hours.closedStart : undefined;

  // ── menus ──
  const menusRaw = raw.menus;
  const menus: Record<string, MenuDef> = {};
  if (!isObj(menusRaw) || Object.keys(menusRaw).length === 0) {
    fail(['menus'], 'menus is required and must contain at least one menu');
  } else {
    for (const [menuId, menuRaw] of Object.entries(menusRaw)) {
      const path = ['menus', menuId];
      if (!ID.test(menuId)) fail(path, `menu id "${menuId}" may contain only letters, digits, _ and -`);
      if (!isObj(menuRaw)) {
        fail(path, `${where(path)} must be a mapping with text and items`);
        continue;
      }
      onlyKeys(menuRaw, ['text', 'items', 'show', 'when'], path);
      const text = localText(menuRaw, 'text', path) ?? '';
      const itemsRaw = menuRaw.items;
      const items: MenuItem[] = [];
      if (!Array.isArray(itemsRaw) || itemsRaw.length === 0) {
        fail([...path, 'items'], `${where(path)} needs a list of items`);
      } else {
        const seen = new Set<number>();
        itemsRaw.forEach((itemRaw, index) => {
          const itemPath = [...path, 'items', index];
          if (!isObj(itemRaw)) {
            fail(itemPath, `${where(itemPath)} must be a mapping { id, title, action }`);
            return;
          }
          onlyKeys(itemRaw, ['id', 'title', 'examples', 'action', 'show', 'when'], itemPath);
          const id = int(itemRaw, 'id', itemPath, 0, 99);
          if (itemRaw.id === undefined) fail([...itemPath, 'id'], `${where(itemPath)}: id is required`);
          if (id !== undefined && seen.has(id)) fail([...itemPath, 'id'], `${where(itemPath)}: id ${id} is used twice in this menu`);
          if (id !== undefined) seen.add(id);
          const isStartMenu = menuId === startRaw || menuId === closedStartRaw;
          for (const [global, name] of [[backItem, 'backItem'], [homeItem, 'homeItem']] as const) {
            if (global && id === global.id && !isStartMenu) fail([...itemPath, 'id'], `${where(itemPath)}: id ${id} is taken by settings.${name}, shown in every menu but the start menu`);
          }
          const title = localText(itemRaw, 'title', itemPath, true);
          const examples = readExamples(itemRaw.examples, [...itemPath, 'examples'], language, fail, where);
          const action = readAction(itemRaw.action, [...itemPath, 'action']);
          if (id !== undefined && title !== undefined && action) {
            items.push({ id, title, ...(examples ? { examples } : {}), show: visibility(itemRaw, itemPath), action });
          }
        });
      }
      menus[menuId] = { id: menuId, text, show: visibility(menuRaw, path), items };
    }
  }

  function readAction(value: unknown, path: Path): Action | undefined {
    if (!isObj(value)) return fail(path, `${where(path)} is required: { type: ${ACTION_TYPES.join(' | ')}, … }`);
    const type = value.type;
    if (typeof type !== 'string' || !(ACTION_TYPES as readonly string[]).includes(type)) {
      return fail([...path, 'type'], `${where(path)}: type must be one of ${ACTION_TYPES.join(', ')}${typeof type === 'string' ? ` (got "${type}")` : ''}`);
    }
    onlyKeys(value, ['type', 'text', ...(ACTION_KEYS[type as (typeof ACTION_TYPES)[number]] ?? [])], path);
    const text = localText(value, 'text', path);
    const withText = text === undefined ? {} : { text };
    const hide = (fallback: boolean) => bool(value, 'hideMenu', path, fallback);
    switch (type) {
      case 'void':
        return { type, hideMenu: hide(true) };
      case 'text': {
        const required = localText(value, 'text', path, true);
        return required === undefined ? undefined : { type, text: required, hideMenu: hide(false) };
      }
      case 'menu': {
        const menu = str(value, 'menu', path, { required: true });
        if (menu !== undefined && isObj(menusRaw) && !Object.hasOwn(menusRaw, menu)) return fail([...path, 'menu'], `${where(path)}: menu "${menu}" does not exist`);
        return menu === undefined ? undefined : { type, menu, ...withText };
      }
      case 'back':
        return { type, ...withText };
      case 'queue':
        return { type, ...withText, hideMenu: hide(true) };
      case 'user': {
        const userId = int(value, 'userId', path, 1, 2 ** 31);
        if (value.userId === undefined) return fail([...path, 'userId'], `${where(path)}: userId is required for a user action`);
        return userId === undefined ? undefined : { type, userId, leave: bool(value, 'leave', path, false), ...withText, hideMenu: hide(true) };
      }
      case 'line': {
        const lineId = int(value, 'lineId', path, 1, 2 ** 31);
        if (value.lineId === undefined) return fail([...path, 'lineId'], `${where(path)}: lineId (the Open Line's config id) is required for a line action`);
        return lineId === undefined ? undefined : { type, lineId, ...withText, hideMenu: hide(true) };
      }
      case 'bot': {
        const botCode = str(value, 'botCode', path, { required: true, max: 50 });
        const errorText = localText(value, 'errorText', path);
        return botCode === undefined
          ? undefined
          : { type, botCode, leave: bool(value, 'leave', path, true), ...withText, ...(errorText === undefined ? {} : { errorText }), hideMenu: true };
      }
      case 'finish':
        return { type, ...withText, hideMenu: hide(true) };
      case 'function': {
        const name = str(value, 'name', path, { required: true });
        if (name && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return fail([...path, 'name'], `${where(path)}: name must be an identifier`);
        return name === undefined ? undefined : { type, name, ...withText, hideMenu: hide(false) };
      }
      case 'ask': {
        const question = localText(value, 'question', path) ?? text;
        if (question === undefined) fail([...path, 'question'], `${where(path)}: question is required for an ask action`);
        const variable = str(value, 'var', path, { required: true });
        if (variable && !/^[A-Z][A-Z0-9_]{0,39}$/.test(variable)) fail([...path, 'var'], `${where(path)}: var must be UPPER_CASE (used as #${variable.toUpperCase()}#)`);
        const validate = readValidator(value.validate, [...path, 'validate']);
        const hint = localText(value, 'hint', path);
        const retries = int(value, 'retries', path, 0, 20, 2) ?? 2;
        const next = value.next === undefined ? ({ type: 'void', hideMenu: false } as const) : readAction(value.next, [...path, 'next']);
        if (question === undefined || variable === undefined || !validate || !next) return undefined;
        return { type, question, var: variable, validate, ...(hint === undefined ? {} : { hint }), retries, next };
      }
      case 'language': {
        const lang = str(value, 'language', path, { required: true });
        if (lang && !LANG.test(lang)) return fail([...path, 'language'], `${where(path)}: language must be a two-letter code`);
        return lang === undefined ? undefined : { type, language: lang, ...withText };
      }
    }
    return undefined;
  }

  function readValidator(value: unknown, path: Path): ValidatorSpec | undefined {
    if (value === undefined || value === null) return { type: 'any' };
    const spec: Obj = typeof value === 'string' ? { type: value } : isObj(value) ? value : {};
    const type = spec.type ?? 'any';
    if (typeof type !== 'string' || !(VALIDATORS as readonly string[]).includes(type)) {
      return fail(path, `${where(path)}: type must be one of ${VALIDATORS.join(', ')}`);
    }
    const lengths = {
      ...(spec.minLength !== undefined ? { minLength: int(spec, 'minLength', path, 0, 10_000) ?? 0 } : {}),
      ...(spec.maxLength !== undefined ? { maxLength: int(spec, 'maxLength', path, 1, 10_000) ?? 10_000 } : {}),
    };
    if (type === 'regex') {
      const pattern = str(spec, 'pattern', path, { required: true });
      const flags = str(spec, 'flags', path) ?? '';
      if (pattern === undefined) return undefined;
      try {
        new RegExp(pattern, flags.replace(/[^imsu]/g, ''));
      } catch {
        return fail([...path, 'pattern'], `${where(path)}: pattern is not a valid regular expression`);
      }
      return { type, pattern, ...(flags ? { flags: flags.replace(/[^imsu]/g, '') } : {}), ...lengths };
    }
    if (type === 'number') {
      const num = (key: string): number | undefined => {
        const v = spec[key];
        if (v === undefined) return undefined;
        if (typeof v !== 'number' || !Number.isFinite(v)) return fail([...path, key], `${where([...path, key])} must be a number`);
        return v;
      };
      const min = num('min');
      const max = num('max');
      return { type, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), ...lengths };
    }
    return { type: type as 'any' | 'email' | 'phone', ...lengths };
  }

  // ── start, messages, settings, words, hours ──
  const start = str(raw, 'start', [], { required: true });
  if (start !== undefined && isObj(menusRaw) && !(start in menus) && !(start in menusRaw)) {
    fail(['start'], `start names menu "${start}", which does not exist`);
  }

  const messagesRaw = raw.messages;
  const messages: Record<MessageKey, LocalText> = { ...DEFAULT_MESSAGES };
  if (messagesRaw !== undefined && messagesRaw !== null) {
    if (!isObj(messagesRaw)) fail(['messages'], 'messages must be a mapping such as { unknown: "…" }');
    else {
      for (const key of Object.keys(messagesRaw)) {
        if (!(MESSAGE_KEYS as string[]).includes(key)) failKey(['messages', key], `messages.${key} is not a known message (known: ${MESSAGE_KEYS.join(', ')})`);
        else {
          const value = localText(messagesRaw, key, ['messages']);
          if (value !== undefined) messages[key as MessageKey] = value;
        }
      }
    }
  }

  const onRetriesExceeded =
    settingsRaw.onRetriesExceeded === undefined
      ? ({ type: 'queue', text: messages.retriesExceeded, hideMenu: true } as const)
      : readAction(settingsRaw.onRetriesExceeded, ['settings', 'onRetriesExceeded']);
  const settings: Settings = {
    maxRetries: int(settingsRaw, 'maxRetries', ['settings'], 0, 100, DEFAULT_SETTINGS.maxRetries) ?? DEFAULT_SETTINGS.maxRetries,
    onRetriesExceeded: onRetriesExceeded ?? { type: 'queue', hideMenu: true },
    idleRestartMinutes: int(settingsRaw, 'idleRestartMinutes', ['settings'], 0, 525_600, DEFAULT_SETTINGS.idleRestartMinutes) ?? DEFAULT_SETTINGS.idleRestartMinutes,
    stateTtlDays: int(settingsRaw, 'stateTtlDays', ['settings'], 1, 365, DEFAULT_SETTINGS.stateTtlDays) ?? DEFAULT_SETTINGS.stateTtlDays,
    handoverCard: bool(settingsRaw, 'handoverCard', ['settings'], DEFAULT_SETTINGS.handoverCard),
    ...(backItem ? { backItem } : {}),
    ...(homeItem ? { homeItem } : {}),
  };
  if (backItem && homeItem && backItem.id === homeItem.id) fail(['settings', 'homeItem', 'id'], 'settings.backItem and settings.homeItem use the same id');
  for (const key of Object.keys(settingsRaw)) {
    if (!['maxRetries', 'onRetriesExceeded', 'idleRestartMinutes', 'stateTtlDays', 'handoverCard', 'backItem', 'homeItem'].includes(key)) {
      failKey(['settings', key], `settings.${key} is not a known setting`);
    }
  }

  const words: Record<WordKind, Record<string, string[]>> = { menu: {}, back: {}, operator: {}, greeting: {} };
  for (const kind of WORD_KINDS) for (const [lang, list] of Object.entries(DEFAULT_WORDS[kind])) words[kind][lang] = list.map(normalize);
  if (raw.words !== undefined && raw.words !== null) {
    if (!isObj(raw.words)) fail(['words'], 'words must be a mapping such as { operator: { en: [human] } }');
    else {
      for (const [kind, perLang] of Object.entries(raw.words)) {
        if (!(WORD_KINDS as string[]).includes(kind)) {
          failKey(['words', kind], `words.${kind} is not known (known: ${WORD_KINDS.join(', ')})`);
          continue;
        }
        const lists = Array.isArray(perLang) ? { [language]: perLang } : perLang;
        if (!isObj(lists)) {
          fail(['words', kind], `words.${kind} must map a language to a list of words`);
          continue;
        }
        for (const [lang, list] of Object.entries(lists)) {
          if (!LANG.test(lang) || !Array.isArray(list) || list.some((word) => typeof word !== 'string')) {
            fail(['words', kind, lang], `words.${kind}.${lang} must be a list of words for a two-letter language`);
            continue;
          }
          const target = (words[kind as WordKind][lang] ??= []);
          for (const word of list as string[]) if (!target.includes(normalize(word))) target.push(normalize(word));
        }
      }
    }
  }

  let hours: Hours | undefined;
  if (raw.hours !== undefined && raw.hours !== null) hours = readHours(raw.hours);

  function readHours(value: unknown): Hours | undefined {
    if (!isObj(value)) return fail(['hours'], 'hours must be a mapping { timezone, weekly, holidays }');
    const source = value.source ?? 'file';
    if (source !== 'file' && source !== 'line') fail(['hours', 'source'], 'hours.source must be file or line');
    const timezone = str(value, 'timezone', ['hours']) ?? 'UTC';
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      fail(['hours', 'timezone'], `hours.timezone "${timezone}" is not a known IANA time zone (e.g. Europe/Berlin)`);
    }
    const weekly = parseWeekly(value.weekly, (key, message) => fail(['hours', 'weekly', ...(key ? [key] : [])], message));
    if (source === 'file' && value.weekly === undefined) fail(['hours', 'weekly'], 'hours.weekly is required when hours.source is file');
    const holidays: string[] = [];
    if (value.holidays !== undefined) {
      if (!Array.isArray(value.holidays)) fail(['hours', 'holidays'], 'hours.holidays must be a list of dates');
      else
        value.holidays.forEach((day, index) => {
          const text = day instanceof Date ? day.toISOString().slice(0, 10) : String(day);
          if (!/^(\d{4}-)?\d{2}-\d{2}$/.test(text)) fail(['hours', 'holidays', index], `hours.holidays[${index}] must be YYYY-MM-DD or MM-DD`);
          else holidays.push(text);
        });
    }
    const closedStart = str(value, 'closedStart', ['hours']);
    if (closedStart && isObj(menusRaw) && !(closedStart in menusRaw)) fail(['hours', 'closedStart'], `hours.closedStart names menu "${closedStart}", which does not exist`);
    return { source: source === 'line' ? 'line' : 'file', timezone, weekly, holidays, ...(closedStart ? { closedStart } : {}) };
  }

  for (const key of Object.keys(raw)) {
    if (!['bot', 'start', 'language', 'messages', 'settings', 'words', 'hours', 'menus'].includes(key)) {
      failKey([key], `"${key}" is not a known top-level key (known: bot, start, language, messages, settings, words, hours, menus)`);
    }
  }

  if (issues.length > 0 || start === undefined) return { menu: undefined, issues };
  const body = { bot, start, language, messages, settings, words, ...(hours ? { hours } : {}), menus };
  const globals = [backItem, homeItem].filter((item) => item !== undefined);
  const model = buildModel({ language, menus, globals });
  return { menu: { ...body, model, version: hash(JSON.stringify(body)) }, issues };
}

/** "menu 'delivery', item 3, action.botCode" — how a person would point at the spot. */
export function describe(path: Path): string {
  if (path.length === 0) return 'the file';
  const [head, ...rest] = path;
  if (head === 'menus' && rest.length > 0) {
    let out = `menu '${String(rest[0])}'`;
    const tail = rest.slice(1);
    if (tail[0] === 'items' && typeof tail[1] === 'number') {
      out += `, item ${tail[1] + 1}`;
      const field = tail.slice(2).join('.');
      return field ? `${out}, ${field}` : out;
    }
    return tail.length > 0 ? `${out}, ${tail.join('.')}` : out;
  }
  return path.map(String).join('.');
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
