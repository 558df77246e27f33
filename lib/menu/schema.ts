/**
 * A JSON Schema of the menu format, generated from the compiler's own tables (the action
 * table, the bot and settings keys, the menu, item, message and top-level key lists), so
 * it cannot drift from what `menu check` accepts. Editors that read JSON Schema (VS Code
 * with the YAML extension, JetBrains) then complete and underline keys as a support lead
 * types. menus/menu.schema.json is this, written by `npm run menu-schema`; a test keeps
 * the file equal to the generator. The compiler stays the judge: the schema only helps.
 */
import { ACTIONS } from './compile/actions.js';
import type { KeySpec, Keys } from './compile/keys.js';
import { BOT_KEYS } from './compile/sections/bot.js';
import { ITEM_KEYS, MENU_KEYS } from './compile/sections/menus.js';
import { MESSAGE_KEYS } from './compile/sections/messages.js';
import { SETTINGS_KEYS } from './compile/sections/settings.js';
import { WORD_KINDS } from './compile/sections/words.js';
import { TOP_LEVEL_KEYS } from './compile.js';

type Schema = Record<string, unknown>;

const LANG = '^[a-z]{2}$';
/** A text, or a map of two-letter language → text. */
const TEXT: Schema = { anyOf: [{ type: 'string' }, { type: 'object', propertyNames: { pattern: LANG }, additionalProperties: { type: 'string' } }] };
const VISIBILITY: Schema = { enum: ['always', 'open', 'closed'] };
const PHRASES: Schema = {
  anyOf: [
    { type: 'array', items: { type: 'string' } },
    { type: 'object', propertyNames: { pattern: LANG }, additionalProperties: { type: 'array', items: { type: 'string' } } },
  ],
};

function keySchema(spec: KeySpec): Schema {
  switch (spec.kind) {
    case 'text':
      return TEXT;
    case 'string':
      return { type: 'string', ...(spec.maxLength ? { maxLength: spec.maxLength } : {}), ...(spec.oneOf ? { enum: [...spec.oneOf] } : {}) };
    case 'menu':
      return { type: 'string', description: 'the id of a menu of this file' };
    case 'integer':
      return { type: 'integer', minimum: spec.min, maximum: spec.max, ...(spec.default !== undefined ? { default: spec.default } : {}) };
    case 'boolean':
      return { type: 'boolean', default: spec.default };
    case 'validator':
      return { anyOf: [{ type: 'string' }, { type: 'object', properties: { type: { type: 'string' } }, required: ['type'] }] };
    case 'action':
      return { $ref: '#/$defs/action' };
    case 'mapping':
      return mapping(spec.keys);
  }
}

function mapping(keys: Keys, extra: Schema = {}): Schema {
  const required = Object.entries(keys)
    .filter(([, spec]) => 'required' in spec && spec.required === true)
    .map(([name]) => name);
  return {
    type: 'object',
    properties: { ...Object.fromEntries(Object.entries(keys).map(([name, spec]) => [name, keySchema(spec)])), ...extra },
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

export function menuSchema(): Schema {
  const actions = Object.entries(ACTIONS).map(([type, spec]) => mapping(spec.keys, { type: { const: type } }));
  for (const action of actions) (action.required as string[] | undefined) ? (action.required as string[]).push('type') : (action.required = ['type']);
  const item: Schema = {
    type: 'object',
    properties: { id: { type: 'integer', minimum: 0 }, title: TEXT, examples: PHRASES, action: { $ref: '#/$defs/action' }, show: VISIBILITY, when: VISIBILITY },
    required: ['id', 'title', 'action'],
    additionalProperties: false,
  };
  const menu: Schema = {
    type: 'object',
    properties: { text: TEXT, items: { type: 'array', items: item }, show: VISIBILITY, when: VISIBILITY },
    required: ['text', 'items'],
    additionalProperties: false,
  };
  const properties: Schema = {
    bot: mapping(BOT_KEYS),
    start: { type: 'string', description: 'the id of the menu shown first' },
    language: { type: 'string', pattern: LANG },
    messages: { type: 'object', properties: Object.fromEntries(MESSAGE_KEYS.map((key) => [key, TEXT])), additionalProperties: false },
    settings: mapping(SETTINGS_KEYS),
    words: { type: 'object', properties: Object.fromEntries(WORD_KINDS.map((kind) => [kind, PHRASES])), additionalProperties: false },
    hours: {
      type: 'object',
      properties: {
        source: { enum: ['file', 'line'] },
        timezone: { type: 'string' },
        weekly: { type: 'object' },
        holidays: { type: 'array', items: { type: 'string' } },
        closedStart: { type: 'string' },
      },
    },
    menus: { type: 'object', additionalProperties: menu },
  };
  // The key lists the compiler checks are the schema's: a key the compiler knows is never refused here.
  if (MENU_KEYS.some((key) => !(key in (menu.properties as Schema))) || ITEM_KEYS.some((key) => !(key in (item.properties as Schema)))) {
    throw new Error('the menu schema misses a key the compiler knows');
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Bitrix24 Open Lines bot menu (docs/menu-format.md)',
    type: 'object',
    properties: Object.fromEntries(TOP_LEVEL_KEYS.map((key) => [key, properties[key]])),
    required: ['bot', 'start', 'menus'],
    additionalProperties: false,
    $defs: { action: { oneOf: actions } },
  };
}
