/**
 * Validators for `ask` answers. The stored value is the trimmed answer (a phone
 * keeps the customer's formatting; the operator reads it as typed).
 */
import type { ValidatorSpec } from './types.js';

/** Without a maxLength, answers up to this long are taken (a message can be 20,000). */
const DEFAULT_MAX_ANSWER = 1000;

export type Checked = { readonly ok: true; readonly value: string } | { readonly ok: false };

export function checkAnswer(spec: ValidatorSpec, raw: string): Checked {
  const value = raw.trim();
  if (value === '' || value.length > (spec.maxLength ?? DEFAULT_MAX_ANSWER)) return { ok: false };
  if (spec.minLength !== undefined && value.length < spec.minLength) return { ok: false };
  switch (spec.type) {
    case 'any':
      return { ok: true, value };
    case 'email':
      return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/.test(value) && value.length <= 254 ? { ok: true, value } : { ok: false };
    case 'phone': {
      const digits = value.replace(/[\s\-().]/g, '');
      return /^\+?\d{7,15}$/.test(digits) ? { ok: true, value } : { ok: false };
    }
    case 'number': {
      const text = value.replace(/\s/g, '').replace(',', '.');
      if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return { ok: false };
      const number = Number(text);
      if (spec.min !== undefined && number < spec.min) return { ok: false };
      if (spec.max !== undefined && number > spec.max) return { ok: false };
      return { ok: true, value };
    }
    case 'regex':
      return new RegExp(spec.pattern, spec.flags ?? '').test(value) ? { ok: true, value } : { ok: false };
  }
}
