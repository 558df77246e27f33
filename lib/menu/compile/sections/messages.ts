/** `messages:` — the bot's own texts ("I did not understand"…), each overriding a default. */
import { DEFAULT_MESSAGES } from '../../defaults.js';
import type { LocalText, MessageKey } from '../../types.js';
import { isObj, type Reader } from '../reader.js';

export const MESSAGE_KEYS = Object.keys(DEFAULT_MESSAGES) as MessageKey[];

export function readMessages(r: Reader, value: unknown): Record<MessageKey, LocalText> {
  const messages: Record<MessageKey, LocalText> = { ...DEFAULT_MESSAGES };
  if (value === undefined || value === null) return messages;
  if (!isObj(value)) {
    r.fail(['messages'], 'messages must be a mapping such as { unknown: "…" }');
    return messages;
  }
  for (const key of Object.keys(value)) {
    if (!(MESSAGE_KEYS as string[]).includes(key)) r.failKey(['messages', key], `messages.${key} is not a known message (known: ${MESSAGE_KEYS.join(', ')})`);
    else {
      const text = r.localText(value, key, ['messages']);
      if (text !== undefined) messages[key as MessageKey] = text;
    }
  }
  return messages;
}
