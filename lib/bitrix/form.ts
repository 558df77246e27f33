/**
 * Bitrix24 posts events as application/x-www-form-urlencoded built by PHP
 * http_build_query (contract §1.1): `data[BOT][571][access_token]=…`, every scalar a string.
 * qs nests the brackets; `parseArrays: false` keeps numeric keys such as the bot id
 * (with defaults qs would compact `data[COMMAND][14]` into an array and lose 14).
 */
import qs from 'qs';
import { badRequest } from '../http/errors.js';

export interface Form {
  readonly [key: string]: string | Form;
}

const MAX_FIELDS = 2000;

export function parseForm(raw: string): Form {
  let parsed: unknown;
  try {
    parsed = qs.parse(raw, {
      parseArrays: false,
      depth: 8,
      strictDepth: true,
      parameterLimit: MAX_FIELDS,
      throwOnLimitExceeded: true,
      allowPrototypes: false,
      plainObjects: true,
      duplicates: 'last', // PHP keeps the last of repeated keys; so do we
      charset: 'utf-8',
    });
  } catch (error) {
    throw badRequest('MALFORMED_BODY', `form body could not be parsed: ${(error as Error).message}`);
  }
  return parsed as Form;
}

/** Path like ['data', 'PARAMS', 'DIALOG_ID'] rendered the way Bitrix names the field. */
export const fieldName = (path: readonly string[]): string =>
  path.map((part, index) => (index === 0 ? part : `[${part}]`)).join('');

export function child(form: Form | undefined, key: string): Form | undefined {
  const value = form?.[key];
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
  throw badRequest('WRONG_TYPE', `${fieldName(path)} must be a value, not a list`);
}

export function required(form: Form | undefined, path: readonly string[]): string {
  const value = text(form, path);
  if (value === undefined || value.trim() === '') throw badRequest('MISSING_FIELD', `${fieldName(path)} is required`);
  return value;
}
