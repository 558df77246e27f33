/**
 * Bitrix24 posts events as application/x-www-form-urlencoded built by PHP
 * http_build_query (contract §1.1): `data[BOT][571][access_token]=…`, every scalar a string.
 * Keys are nested the way PHP reads them, and numeric keys stay keys (`data[BOT][571]`
 * is the bot with id 571, never an array slot).
 *
 * This was `qs.parse(…, { parseArrays: false })` first; it cost 10 % of the CPU of a
 * whole customer turn in `npm run bench` and 38 KB of every bundle, for generality we
 * don't use. Same rules here: objects without a prototype (so `__proto__` is just a
 * key), a depth and a field limit (400 beyond them), the last of repeated keys wins (as
 * in PHP), malformed percent-escapes kept as written.
 */
import { badPayload } from './errors.js';

export interface Form {
  readonly [key: string]: string | Form;
}

type MutableForm = { [key: string]: string | MutableForm };

const MAX_FIELDS = 2000;
/** Deepest real payload: data[BOT][571][AUTH][access_token] (5 levels). */
const MAX_DEPTH = 8;

function decode(text: string): string {
  if (text.indexOf('%') < 0 && text.indexOf('+') < 0) return text; // most values: ids, tokens, Y/N
  const spaced = text.indexOf('+') < 0 ? text : text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced.replace(/%[0-9a-f]{2}/gi, (encoded) => {
      try {
        return decodeURIComponent(encoded);
      } catch {
        return encoded;
      }
    });
  }
}

/** `data[PARAMS][DIALOG_ID]` → ['data', 'PARAMS', 'DIALOG_ID']; text after the last `]` is ignored, as PHP does. */
function segments(key: string): string[] {
  let open = key.indexOf('[');
  if (open <= 0) return [key];
  const parts = [key.slice(0, open)];
  while (open >= 0 && key.charCodeAt(open) === 91 /* [ */) {
    const close = key.indexOf(']', open + 1);
    if (close < 0) break;
    const inner = key.slice(open + 1, close);
    if (inner.includes('[')) break;
    if (parts.length > MAX_DEPTH) throw badPayload('MALFORMED_BODY', `form body could not be parsed: a key is nested deeper than ${MAX_DEPTH} levels`);
    parts.push(inner);
    open = close + 1 < key.length ? close + 1 : -1;
  }
  return parts.length === 1 ? [key] : parts;
}

export function parseForm(raw: string): Form {
  const root: MutableForm = Object.create(null);
  let fields = 0;
  let start = 0;
  while (start <= raw.length) {
    let end = raw.indexOf('&', start);
    if (end < 0) end = raw.length;
    if (end > start) {
      if (++fields > MAX_FIELDS) throw badPayload('MALFORMED_BODY', `form body could not be parsed: more than ${MAX_FIELDS} fields`);
      const at = raw.indexOf('=', start);
      const hasValue = at >= 0 && at < end;
      const path = segments(decode(raw.slice(start, hasValue ? at : end)));
      const value = hasValue ? decode(raw.slice(at + 1, end)) : '';
      let node = root;
      for (let i = 0; i < path.length - 1; i++) {
        const name = path[i] === '' ? String(Object.keys(node).length) : path[i]!;
        const next = node[name];
        if (typeof next === 'object') node = next;
        else node = node[name] = Object.create(null) as MutableForm; // a later nested key replaces a scalar, as in PHP
      }
      const last = path[path.length - 1]!;
      node[last === '' ? String(Object.keys(node).length) : last] = value;
    }
    start = end + 1;
  }
  return root;
}

/** Path like ['data', 'PARAMS', 'DIALOG_ID'] rendered the way Bitrix names the field. */
export const fieldName = (path: readonly string[]): string => path.map((part, index) => (index === 0 ? part : `[${part}]`)).join('');

export function child(form: Form | undefined, key: string): Form | undefined {
  const value = form === undefined || !Object.hasOwn(form, key) ? undefined : form[key];
  return typeof value === 'object' ? value : undefined;
}

/** A scalar field, or undefined when absent. A nested object where a string belongs is a 400. */
export function text(form: Form | undefined, path: readonly string[]): string | undefined {
  let node: string | Form | undefined = form;
  for (const key of path) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = Object.hasOwn(node, key) ? node[key] : undefined;
  }
  if (node === undefined || typeof node === 'string') return node;
  throw badPayload('WRONG_TYPE', `${fieldName(path)} must be a value, not a list`);
}

export function required(form: Form | undefined, path: readonly string[]): string {
  const value = text(form, path);
  if (value === undefined || value.trim() === '') throw badPayload('MISSING_FIELD', `${fieldName(path)} is required`);
  return value;
}
