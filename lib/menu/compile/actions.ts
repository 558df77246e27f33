/**
 * Every action type of the menu format in one table: the keys it takes (as data, see
 * keys.ts) and how its value is built from them. The allowed keys of an action are the
 * keys of its entry, and its reader can read no other, so a key list is written once.
 * Every action may carry a `text`; it is read first, whatever the type does with it.
 */
import { didYouMean } from '../edit-distance.js';
import type { Action, LocalText } from '../types.js';
import { keyReader, type Get, type Keys, type KeySpec, type Missing } from './keys.js';
import { describe as where, isObj, LANG, type Path, type Reader } from './reader.js';

type ActionType = Action['type'];
type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

export interface ActionSpec<T extends ActionType = ActionType> {
  readonly keys: Keys;
  readonly read: (get: Get<Keys>, missing: Missing) => ActionOf<T> | undefined;
}

/** Types each entry's reader by its own keys; the table keeps the plain shape. */
const action = <T extends ActionType, const K extends Keys & { readonly text: KeySpec }>(
  _type: T,
  keys: K,
  read: (get: Get<K>, missing: Missing) => ActionOf<T> | undefined,
): ActionSpec<T> => ({ keys, read: read as ActionSpec<T>['read'] });

const TEXT = { kind: 'text' } as const;
const hideMenu = (fallback: boolean) => ({ kind: 'boolean', default: fallback }) as const;
const withText = (text: LocalText | undefined) => (text === undefined ? {} : { text });

export const ACTIONS: { readonly [T in ActionType]: ActionSpec<T> } = {
  void: action('void', { text: TEXT, hideMenu: hideMenu(true) }, (get) => ({ type: 'void', hideMenu: get('hideMenu') })),
  text: action('text', { text: { kind: 'text', required: true }, hideMenu: hideMenu(false) }, (get) => {
    const text = get('text');
    return text === undefined ? undefined : { type: 'text', text, hideMenu: get('hideMenu') };
  }),
  menu: action('menu', { text: TEXT, menu: { kind: 'menu', required: true } }, (get) => {
    const menu = get('menu');
    return menu === undefined ? undefined : { type: 'menu', menu, ...withText(get('text')) };
  }),
  back: action('back', { text: TEXT }, (get) => ({ type: 'back', ...withText(get('text')) })),
  queue: action('queue', { text: TEXT, hideMenu: hideMenu(true) }, (get) => ({ type: 'queue', ...withText(get('text')), hideMenu: get('hideMenu') })),
  user: action(
    'user',
    { text: TEXT, userId: { kind: 'integer', min: 1, max: 2 ** 31, required: true }, leave: { kind: 'boolean', default: false }, hideMenu: hideMenu(true) },
    (get) => {
      const userId = get('userId');
      return userId === undefined ? undefined : { type: 'user', userId, leave: get('leave'), ...withText(get('text')), hideMenu: get('hideMenu') };
    },
  ),
  line: action(
    'line',
    { text: TEXT, lineId: { kind: 'integer', min: 1, max: 2 ** 31, required: true, what: "the Open Line's config id" }, hideMenu: hideMenu(true) },
    (get) => {
      const lineId = get('lineId');
      return lineId === undefined ? undefined : { type: 'line', lineId, ...withText(get('text')), hideMenu: get('hideMenu') };
    },
  ),
  // A bot transfer always hides the menu: the other bot answers next (no hideMenu key).
  bot: action(
    'bot',
    { text: TEXT, botCode: { kind: 'string', required: true, maxLength: 50 }, leave: { kind: 'boolean', default: true }, errorText: TEXT },
    (get) => {
      const botCode = get('botCode');
      const errorText = get('errorText');
      if (botCode === undefined) return undefined;
      return { type: 'bot', botCode, leave: get('leave'), ...withText(get('text')), ...(errorText === undefined ? {} : { errorText }), hideMenu: true };
    },
  ),
  finish: action('finish', { text: TEXT, hideMenu: hideMenu(true) }, (get) => ({ type: 'finish', ...withText(get('text')), hideMenu: get('hideMenu') })),
  function: action(
    'function',
    { text: TEXT, name: { kind: 'string', required: true, pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, mustBe: 'an identifier' }, hideMenu: hideMenu(false) },
    (get) => {
      const name = get('name');
      return name === undefined ? undefined : { type: 'function', name, ...withText(get('text')), hideMenu: get('hideMenu') };
    },
  ),
  ask: action(
    'ask',
    {
      text: TEXT,
      question: { kind: 'text', requiredUnless: 'text' },
      var: { kind: 'string', required: true, pattern: /^[A-Z][A-Z0-9_]{0,39}$/, mustBe: 'UPPER_CASE', placeholder: true },
      validate: { kind: 'validator' },
      hint: TEXT,
      retries: { kind: 'integer', min: 0, max: 20, default: 2 },
      next: { kind: 'action', default: { type: 'void', hideMenu: false } },
    },
    (get, missing) => {
      // `text` stands in for the question: `{ type: ask, text: "Your e-mail?", var: EMAIL }`.
      const question = get('question') ?? get('text') ?? missing('question');
      const variable = get('var');
      const validate = get('validate');
      const hint = get('hint');
      const retries = get('retries');
      const next = get('next');
      if (question === undefined || variable === undefined || !validate || !next) return undefined;
      return { type: 'ask', question, var: variable, validate, ...(hint === undefined ? {} : { hint }), retries, next };
    },
  ),
  language: action('language', { text: TEXT, language: { kind: 'string', required: true, pattern: LANG, mustBe: 'a two-letter code' } }, (get) => {
    const language = get('language');
    return language === undefined ? undefined : { type: 'language', language, ...withText(get('text')) };
  }),
};

export const ACTION_TYPES = Object.keys(ACTIONS) as ActionType[];

export interface ActionContext {
  readonly r: Reader;
  /** Whether a `menu` action may open this menu (unknowable when the file has no menus). */
  readonly menuExists: (id: string) => boolean;
  /** The menus the file defines (for "did you mean …?"). */
  readonly menuIds: () => readonly string[];
}

export function readAction(c: ActionContext, value: unknown, path: Path): Action | undefined {
  const { r } = c;
  if (!isObj(value)) return r.fail(path, `${where(path)} is required: { type: ${ACTION_TYPES.join(' | ')}, … }`);
  const type = value.type;
  if (typeof type !== 'string' || !Object.hasOwn(ACTIONS, type)) {
    return r.fail(
      [...path, 'type'],
      `${where(path)}: type must be one of ${ACTION_TYPES.join(', ')}${typeof type === 'string' ? ` (got "${type}"${didYouMean(type, ACTION_TYPES).replace(/^ \(/, ', ').replace(/\)$/, '')})` : ''}`,
    );
  }
  // Extract<> makes TypeScript treat ActionSpec as invariant: each entry is one of the union.
  const spec = ACTIONS[type as ActionType] as ActionSpec;
  r.onlyKeys(value, ['type', ...Object.keys(spec.keys)], path);
  // "an ask action", "a user action": the article goes by the sound, not the letter.
  const article = /^[aeio]/.test(type) ? 'an' : 'a';
  const missing: Missing = (key, what) => r.fail([...path, key], `${where(path)}: ${key}${what ? ` (${what})` : ''} is required for ${article} ${type} action`);
  const get = keyReader(c, value, path, spec.keys, missing);
  get('text');
  return spec.read(get, missing);
}
