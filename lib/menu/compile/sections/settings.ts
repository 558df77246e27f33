/**
 * `settings:` — retries and what happens when they run out, idle restart, state lifetime,
 * the hand-over card, and the back/home items shown in every menu but the start menu.
 * Read in two steps: the global items before the menus (whose ids must not clash with
 * them), the rest after the messages (the default for running out of retries says
 * messages.retriesExceeded).
 */
import { DEFAULT_SETTINGS } from '../../defaults.js';
import type { GlobalItem, LocalText, MessageKey, Settings } from '../../types.js';
import { readAction, type ActionContext } from '../actions.js';
import { keyReader, type Keys } from '../keys.js';
import { isObj, type Obj } from '../reader.js';

const GLOBAL_ITEM = { id: { kind: 'integer', min: 1, max: 99, required: true }, title: { kind: 'text', required: true } } as const satisfies Keys;

export const SETTINGS_KEYS = {
  maxRetries: { kind: 'integer', min: 0, max: 100, default: DEFAULT_SETTINGS.maxRetries },
  onRetriesExceeded: { kind: 'action' },
  idleRestartMinutes: { kind: 'integer', min: 0, max: 525_600, default: DEFAULT_SETTINGS.idleRestartMinutes },
  stateTtlDays: { kind: 'integer', min: 1, max: 365, default: DEFAULT_SETTINGS.stateTtlDays },
  handoverCard: { kind: 'boolean', default: DEFAULT_SETTINGS.handoverCard },
  backItem: { kind: 'mapping', keys: GLOBAL_ITEM },
  homeItem: { kind: 'mapping', keys: GLOBAL_ITEM },
} as const satisfies Keys;

export interface GlobalItems {
  readonly settings: Obj;
  readonly backItem: GlobalItem | undefined;
  readonly homeItem: GlobalItem | undefined;
}

export function readGlobalItems(c: ActionContext, raw: unknown): GlobalItems {
  const { r } = c;
  const settings = isObj(raw) ? raw : {};
  if (raw !== undefined && !isObj(raw)) r.fail(['settings'], 'settings must be a mapping');
  const globalItem = (key: 'backItem' | 'homeItem'): GlobalItem | undefined => {
    const value = settings[key];
    if (value === undefined || value === null || value === false) return undefined;
    if (!isObj(value)) return r.fail(['settings', key], `settings.${key} must be { id, title }`);
    const id = r.int(value, 'id', ['settings', key], GLOBAL_ITEM.id.min, GLOBAL_ITEM.id.max, { required: GLOBAL_ITEM.id.required });
    const title = r.localText(value, 'title', ['settings', key], GLOBAL_ITEM.title.required);
    if (value.id === undefined) r.fail(['settings', key, 'id'], `settings.${key}.id is required`);
    return id === undefined || title === undefined ? undefined : { id, title };
  };
  return { settings, backItem: globalItem('backItem'), homeItem: globalItem('homeItem') };
}

export function readSettings(c: ActionContext, globals: GlobalItems, messages: Readonly<Record<MessageKey, LocalText>>): Settings {
  const { r } = c;
  const { settings: raw, backItem, homeItem } = globals;
  const onRetriesExceeded =
    raw.onRetriesExceeded === undefined
      ? ({ type: 'queue', text: messages.retriesExceeded, hideMenu: true } as const)
      : readAction(c, raw.onRetriesExceeded, ['settings', 'onRetriesExceeded']);
  const get = keyReader(c, raw, ['settings'], SETTINGS_KEYS, () => undefined);
  const settings: Settings = {
    maxRetries: get('maxRetries'),
    onRetriesExceeded: onRetriesExceeded ?? { type: 'queue', hideMenu: true },
    idleRestartMinutes: get('idleRestartMinutes'),
    stateTtlDays: get('stateTtlDays'),
    handoverCard: get('handoverCard'),
    ...(backItem ? { backItem } : {}),
    ...(homeItem ? { homeItem } : {}),
  };
  if (backItem && homeItem && backItem.id === homeItem.id) r.fail(['settings', 'homeItem', 'id'], 'settings.backItem and settings.homeItem use the same id');
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(SETTINGS_KEYS, key)) r.failKey(['settings', key], `settings.${key} is not a known setting`);
  }
  return settings;
}
