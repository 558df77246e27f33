/**
 * Reads an item's `examples`: phrases customers use for it, as a list (in the file's
 * language) or a map of language → list:
 *
 *   examples: ["where is my parcel", "track my order"]
 *   examples: { en: ["toothache"], de: ["Zahnschmerzen", "mein Zahn tut weh"] }
 *
 * Problems are reported like every other compile error, with the path to the phrase.
 */
import type { Path } from './compile.js';

const LANG = /^[a-z]{2}$/;
export const MAX_EXAMPLE_LENGTH = 200;
export const MAX_EXAMPLES = 100;

export type ExampleLists = Readonly<Record<string, readonly string[]>>;

export function readExamples(
  value: unknown,
  path: Path,
  fileLanguage: string,
  fail: (path: Path, message: string) => void,
  where: (path: Path) => string,
): ExampleLists | undefined {
  if (value === undefined || value === null) return undefined;
  const lists: Record<string, unknown> = Array.isArray(value) ? { [fileLanguage]: value } : typeof value === 'object' ? (value as Record<string, unknown>) : {};
  if (!Array.isArray(value) && typeof value !== 'object') {
    fail(path, `${where(path)} must be a list of phrases, or a map of language to a list ({ en: [...], de: [...] })`);
    return undefined;
  }
  const out: Record<string, string[]> = {};
  for (const [lang, list] of Object.entries(lists)) {
    const at = Array.isArray(value) ? path : [...path, lang];
    if (!LANG.test(lang)) {
      fail(at, `${where(path)}: "${lang}" is not a two-letter language code`);
      continue;
    }
    if (!Array.isArray(list)) {
      fail(at, `${where(at)} must be a list of phrases`);
      continue;
    }
    if (list.length > MAX_EXAMPLES) fail(at, `${where(at)} has ${list.length} phrases; at most ${MAX_EXAMPLES} (a handful per item is enough)`);
    const phrases: string[] = [];
    list.forEach((phrase, index) => {
      const here = [...at, index];
      if (typeof phrase !== 'string' && typeof phrase !== 'number') fail(here, `${where(at)}, phrase ${index + 1} must be text`);
      else if (String(phrase).trim() === '') fail(here, `${where(at)}, phrase ${index + 1} is empty`);
      else if (String(phrase).length > MAX_EXAMPLE_LENGTH) fail(here, `${where(at)}, phrase ${index + 1} is longer than ${MAX_EXAMPLE_LENGTH} characters`);
      else phrases.push(String(phrase).trim());
    });
    if (phrases.length > 0) out[lang] = [...(out[lang] ?? []), ...phrases];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
