/**
 * Language choice and placeholders. Any text may be a map of language → text; the
 * customer's language wins, then the file's default, then whatever the map has.
 * Placeholders (#USER_NAME#, #EMAIL#…) are filled in one pass with values made
 * plain (lib/bitrix/bbcode.ts), so customer data never turns into markup and a
 * value that itself looks like #PLACEHOLDER# is not expanded again.
 */
import { plain } from './bbcode.js';
import type { LocalText } from './types.js';

export function pick(text: LocalText | undefined, language: string, fallback: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

/** Languages a text is available in (a plain string counts for every language). */
export function languagesOf(text: LocalText): readonly string[] {
  return typeof text === 'string' ? [] : Object.keys(text);
}

/** #NAME# → plain(values[NAME]); unknown placeholders (and Bitrix's own #BR#) stay as written. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/#([A-Z][A-Z0-9_]{0,39})#/g, (whole, name: string) => (Object.hasOwn(values, name) ? plain(values[name]!) : whole));
}
