/**
 * What a key of the menu format holds, as data: enough to read and check it here, and to
 * describe it in a JSON Schema of the format later (the kinds map onto schema types; the
 * bounds, defaults and patterns are the schema's).
 */
import { didYouMean } from '../edit-distance.js';
import type { Action, LocalText, ValidatorSpec } from '../types.js';
import { readAction, type ActionContext } from './actions.js';
import { describe as where, type Obj, type Path } from './reader.js';
import { readValidator } from './validator.js';

export type KeySpec =
  /** A text, or a map of language → text (`{ en: …, ru: … }`). */
  | { readonly kind: 'text'; readonly required?: boolean; readonly requiredUnless?: string }
  | {
      readonly kind: 'string';
      readonly required?: boolean;
      readonly maxLength?: number;
      readonly pattern?: RegExp;
      /** What a value must be when the pattern refuses it ("an identifier"). */
      readonly mustBe?: string;
      /** The value names a #PLACEHOLDER#: the message shows how it will be written. */
      readonly placeholder?: boolean;
      /** The only values allowed (compared in upper case). */
      readonly oneOf?: readonly string[];
    }
  /** The id of a menu of this file. */
  | { readonly kind: 'menu'; readonly required: true }
  | {
      readonly kind: 'integer';
      readonly min: number;
      readonly max: number;
      readonly default?: number;
      readonly required?: boolean;
      /** Said when the key is missing: "lineId (the Open Line's config id) is required…". */
      readonly what?: string;
    }
  | { readonly kind: 'boolean'; readonly default: boolean }
  /** An answer validator: a name or `{ type, … }` (compile/validator.ts). */
  | { readonly kind: 'validator' }
  /** Another action (what follows a question). */
  | { readonly kind: 'action'; readonly default?: Action }
  /** A mapping of its own keys (settings.backItem: `{ id, title }`). */
  | { readonly kind: 'mapping'; readonly keys: Readonly<Record<string, KeySpec>> };

export type Keys = Readonly<Record<string, KeySpec>>;

type ValueOf<S extends KeySpec> = S extends { kind: 'text' }
  ? LocalText
  : S extends { kind: 'string' | 'menu' }
    ? string
    : S extends { kind: 'integer' }
      ? number
      : S extends { kind: 'boolean' }
        ? boolean
        : S extends { kind: 'validator' }
          ? ValidatorSpec
          : S extends { kind: 'action' }
            ? Action
            : never;

/** What reading a key gives: a boolean or a number with a default always has a value. */
export type Got<S extends KeySpec> = S extends { kind: 'boolean' } | { kind: 'integer'; default: number } ? ValueOf<S> : ValueOf<S> | undefined;

/** Reads a declared key of the mapping at hand (once; later calls give the same value). */
export type Get<K extends Keys> = <N extends keyof K & string>(name: N) => Got<K[N]>;

/** Says that a required key is missing, in the words of the mapping it belongs to. */
export type Missing = (key: string, what?: string) => undefined;

/**
 * A reader of the declared keys of one mapping, by their specs. Each key is read (and
 * checked) once, when first asked for, so the order of the problems follows the reader.
 */
export function keyReader<K extends Keys>(c: ActionContext, value: Obj, path: Path, keys: K, missing: Missing): Get<K> {
  const read = new Map<string, unknown>();
  return ((name: string) => {
    if (!read.has(name)) read.set(name, readKey(c, value, path, name, keys[name]!, missing));
    return read.get(name);
  }) as Get<K>;
}

function readKey(c: ActionContext, value: Obj, path: Path, name: string, spec: KeySpec, missing: Missing): unknown {
  const { r } = c;
  switch (spec.kind) {
    case 'text':
      return r.localText(value, name, path, spec.required ?? false);
    case 'string': {
      const text = r.str(value, name, path, { required: spec.required ?? false, ...(spec.maxLength ? { max: spec.maxLength } : {}) });
      if (text && spec.pattern && !spec.pattern.test(text)) {
        return r.fail([...path, name], `${where(path)}: ${name} must be ${spec.mustBe}${spec.placeholder ? ` (used as #${text.toUpperCase()}#)` : ''}`);
      }
      return text;
    }
    case 'menu': {
      const id = r.str(value, name, path, { required: true });
      if (id !== undefined && !c.menuExists(id)) return r.fail([...path, name], `${where(path)}: menu "${id}" does not exist${didYouMean(id, c.menuIds())}`);
      return id;
    }
    case 'integer': {
      const number = r.int(value, name, path, spec.min, spec.max, { fallback: spec.default, required: spec.required });
      if (spec.required && value[name] === undefined) return missing(name, spec.what);
      return number ?? spec.default;
    }
    case 'boolean':
      return r.bool(value, name, path, spec.default);
    case 'validator':
      return readValidator(r, value[name], [...path, name]);
    case 'action':
      return value[name] === undefined ? spec.default : readAction(c, value[name], [...path, name]);
    case 'mapping':
      // Mappings have readers of their own (their messages name the section).
      return value[name];
  }
}
