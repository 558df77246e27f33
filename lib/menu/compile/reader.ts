/**
 * How a menu file is read: every problem is collected (not thrown) with the path to the
 * spot, so `menu check` lists them all at once with line:column (lib/menu/load-file.ts),
 * and the scalar readers every section shares say the same thing the same way.
 */
import { didYouMean } from '../edit-distance.js';
import type { LocalText, Visibility } from '../types.js';

export type Path = readonly (string | number)[];
export interface Issue {
  readonly path: Path;
  readonly message: string;
  /** Point at the key itself (an unknown key) rather than at its value. */
  readonly atKey?: boolean;
}

export type Obj = Record<string, unknown>;
export const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

export const LANG = /^[a-z]{2}$/;

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

export interface Reader {
  readonly issues: Issue[];
  /** Records a problem with the value at `path`; returns undefined for `return fail(…)`. */
  fail(path: Path, message: string): undefined;
  /** Records a problem with the key at the end of `path` (an unknown key). */
  failKey(path: Path, message: string): void;
  str(obj: Obj, key: string, path: Path, opts?: { required?: boolean; max?: number }): string | undefined;
  /**
   * A whole number from min to max. An absent or empty (`key:`, `key: null`) optional one
   * gives `fallback`; an empty required one is the wrong value (an absent one is for the
   * caller to report, in the words of the mapping it belongs to).
   */
  int(
    obj: Obj,
    key: string,
    path: Path,
    min: number,
    max: number,
    opts?: { fallback?: number | undefined; required?: boolean | undefined },
  ): number | undefined;
  bool(obj: Obj, key: string, path: Path, fallback: boolean): boolean;
  /** A text, or a map of language → text. */
  localText(obj: Obj, key: string, path: Path, required?: boolean): LocalText | undefined;
  /** Unknown keys are mistakes: a misspelt `hidemenu`, or a text cut at a comma in `{ … }`. */
  onlyKeys(obj: Obj, allowed: readonly string[], path: Path): void;
  visibility(obj: Obj, path: Path): Visibility;
}

export function createReader(): Reader {
  const issues: Issue[] = [];
  const where = describe;
  const fail = (path: Path, message: string): undefined => {
    issues.push({ path, message });
    return undefined;
  };
  return {
    issues,
    fail,
    failKey(path, message) {
      issues.push({ path, message, atKey: true });
    },
    str(obj, key, path, opts = {}) {
      const value = obj[key];
      if (value === undefined || value === null) return opts.required ? fail([...path, key], `${where([...path, key])} is required`) : undefined;
      if (typeof value !== 'string' && typeof value !== 'number') return fail([...path, key], `${where([...path, key])} must be text`);
      const text = String(value).trim();
      if (opts.required && text === '') return fail([...path, key], `${where([...path, key])} must not be empty`);
      if (opts.max && text.length > opts.max) return fail([...path, key], `${where([...path, key])} is longer than ${opts.max} characters`);
      return text;
    },
    int(obj, key, path, min, max, opts = {}) {
      const value = obj[key];
      const wrong = () => fail([...path, key], `${where([...path, key])} must be a whole number from ${min} to ${max}`);
      // `id:` or `id: null` is there with no number: treated as absent, a required key gave
      // no error at all and the item or setting it belongs to was dropped without a word.
      if (value === null && opts.required) return wrong();
      if (value === undefined || value === null) return opts.fallback;
      const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) return wrong();
      return number;
    },
    bool(obj, key, path, fallback) {
      const value = obj[key];
      if (value === undefined || value === null) return fallback;
      if (typeof value !== 'boolean') {
        fail([...path, key], `${where([...path, key])} must be true or false`);
        return fallback;
      }
      return value;
    },
    localText(obj, key, path, required = false) {
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
        if (!LANG.test(lang))
          fail([...at, lang], `${where(at)}: "${lang}" is not a two-letter language code (inside { … }, put texts with a comma or colon in quotes)`);
        else if (typeof text !== 'string' && typeof text !== 'number') fail([...at, lang], `${where([...at, lang])} must be text`);
        else out[lang] = String(text);
      }
      if (Object.keys(out).length === 0) return fail(at, `${where(at)} has no texts`);
      return out;
    },
    onlyKeys(obj, allowed, path) {
      for (const key of Object.keys(obj)) {
        if (!allowed.includes(key)) {
          issues.push({
            path: [...path, key],
            message: `${where(path)}: "${key}" is not a known key here${didYouMean(key, allowed)} (known: ${allowed.join(', ')}; inside { … }, put texts with a comma or colon in quotes)`,
            atKey: true,
          });
        }
      }
    },
    visibility(obj, path) {
      const value = obj.show ?? obj.when;
      if (value === undefined || value === null) return 'always';
      if (value === 'always' || value === 'open' || value === 'closed') return value;
      fail([...path, obj.show !== undefined ? 'show' : 'when'], `${where(path)}: show must be always, open or closed`);
      return 'always';
    },
  };
}
