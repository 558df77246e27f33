/**
 * An ask action's `validate`: a validator name (`validate: email`) or a mapping
 * (`{ type: regex, pattern: …, minLength: … }`); lib/menu/answers.ts applies it.
 */
import type { ValidatorSpec } from '../types.js';
import { describe as where, isObj, type Obj, type Path, type Reader } from './reader.js';

export const VALIDATORS = ['any', 'email', 'phone', 'number', 'regex'] as const;

export function readValidator(r: Reader, value: unknown, path: Path): ValidatorSpec | undefined {
  if (value === undefined || value === null) return { type: 'any' };
  const spec: Obj = typeof value === 'string' ? { type: value } : isObj(value) ? value : {};
  const type = spec.type ?? 'any';
  if (typeof type !== 'string' || !(VALIDATORS as readonly string[]).includes(type)) {
    return r.fail(path, `${where(path)}: type must be one of ${VALIDATORS.join(', ')}`);
  }
  const lengths = {
    ...(spec.minLength !== undefined ? { minLength: r.int(spec, 'minLength', path, 0, 10_000) ?? 0 } : {}),
    ...(spec.maxLength !== undefined ? { maxLength: r.int(spec, 'maxLength', path, 1, 10_000) ?? 10_000 } : {}),
  };
  if (type === 'regex') {
    const pattern = r.str(spec, 'pattern', path, { required: true });
    const flags = r.str(spec, 'flags', path) ?? '';
    if (pattern === undefined) return undefined;
    try {
      new RegExp(pattern, flags.replace(/[^imsu]/g, ''));
    } catch {
      return r.fail([...path, 'pattern'], `${where(path)}: pattern is not a valid regular expression`);
    }
    return { type, pattern, ...(flags ? { flags: flags.replace(/[^imsu]/g, '') } : {}), ...lengths };
  }
  if (type === 'number') {
    const num = (key: string): number | undefined => {
      const v = spec[key];
      if (v === undefined) return undefined;
      if (typeof v !== 'number' || !Number.isFinite(v)) return r.fail([...path, key], `${where([...path, key])} must be a number`);
      return v;
    };
    const min = num('min');
    const max = num('max');
    return { type, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), ...lengths };
  }
  return { type: type as 'any' | 'email' | 'phone', ...lengths };
}
