/**
 * `bot:` — the bot's profile for imbot.register (contract §4.1): code, name, work
 * position, colour and avatar. Unknown keys are reported, with the likely one when a
 * key is a typo of it (`colour` → `color`).
 */
import { nearest } from '../../edit-distance.js';
import type { BotProfile } from '../../types.js';
import type { Keys } from '../keys.js';
import { isObj, type Obj, type Reader } from '../reader.js';

/** Bitrix24's bot colours (imbot.register PROPERTIES[COLOR]). */
export const COLORS = [
  'RED',
  'GREEN',
  'MINT',
  'LIGHT_BLUE',
  'DARK_BLUE',
  'PURPLE',
  'AQUA',
  'PINK',
  'LIME',
  'BROWN',
  'AZURE',
  'KHAKI',
  'SAND',
  'MARENGO',
  'GRAY',
  'GRAPHITE',
];

export const BOT_KEYS = {
  code: { kind: 'string', required: true, maxLength: 50, pattern: /^[A-Za-z0-9_]+$/, mustBe: 'latin letters, digits and _' },
  name: { kind: 'string', required: true, maxLength: 100 },
  workPosition: { kind: 'string', maxLength: 255 },
  color: { kind: 'string', oneOf: COLORS },
  /** Base64, or an image file next to the menu file (lib/menu/load-file.ts reads it). */
  avatar: { kind: 'string' },
} as const satisfies Keys;

const DEFAULT_BOT: BotProfile = { code: 'itr_bot', name: 'Support bot' };

export function readBot(r: Reader, value: unknown): BotProfile {
  if (!isObj(value)) {
    r.fail(['bot'], 'bot is required: { code, name, workPosition, color }');
    return DEFAULT_BOT;
  }
  unknownKeys(r, value);
  const { code: codeKey, name: nameKey, workPosition: positionKey, color: colorKey } = BOT_KEYS;
  const code = r.str(value, 'code', ['bot'], { required: codeKey.required, max: codeKey.maxLength });
  if (code && !codeKey.pattern.test(code)) r.fail(['bot', 'code'], `bot.code may contain only ${codeKey.mustBe}`);
  const name = r.str(value, 'name', ['bot'], { required: nameKey.required, max: nameKey.maxLength });
  const color = r.str(value, 'color', ['bot'])?.toUpperCase();
  if (color && !colorKey.oneOf.includes(color)) r.fail(['bot', 'color'], `bot.color must be one of ${colorKey.oneOf.join(', ')}`);
  const workPosition = r.str(value, 'workPosition', ['bot'], { max: positionKey.maxLength });
  const avatar = r.str(value, 'avatar', ['bot']);
  return {
    code: code ?? DEFAULT_BOT.code,
    name: name ?? DEFAULT_BOT.name,
    ...(workPosition ? { workPosition } : {}),
    ...(color ? { color } : {}),
    ...(avatar ? { avatar } : {}),
  };
}

/** `colour: GREEN` would otherwise pass silently and the bot stay the default colour. */
function unknownKeys(r: Reader, value: Obj): void {
  const known = Object.keys(BOT_KEYS);
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = nearest(key, known);
    const hint = near ? `did you mean ${near}? ` : '';
    r.failKey(['bot', key], `bot: "${key}" is not a known key (${hint}known: ${known.join(', ')})`);
  }
}
