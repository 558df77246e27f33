/**
 * Validators for `ask` answers. A customer writes sentences ("order 1048576", "my email is
 * ann@example.com", "мой телефон 8 (912) 345-67-89"): when the whole answer is not a valid
 * value, the one valid value inside it is taken and stored alone; a sentence with none,
 * or with two different ones, is refused. A phone keeps the customer's formatting (the
 * operator reads it as typed).
 */
import type { ValidatorSpec } from './types.js';

/** Without a maxLength, answers up to this long are taken (a message can be 20,000). */
const DEFAULT_MAX_ANSWER = 1000;

export type Checked = { readonly ok: true; readonly value: string } | { readonly ok: false };

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;
const EMAIL_IN = /[^\s@<>()[\]\\,;:"'«»]+@[^\s@<>()[\]\\,;:"'«»]+\.[^\s@<>()[\]\\,;:"'«».]{2,}/g;
/** A run of digits with the separators people put in phone numbers. */
const PHONE_IN = /\+?\(?\d[\d\s\-().]{5,}\d/g;
const NUMBER_IN = /[-+]?\d[\d\s]*(?:[.,]\d+)?/g;

function whole(spec: ValidatorSpec, value: string): boolean {
  if (value === '' || value.length > (spec.maxLength ?? DEFAULT_MAX_ANSWER)) return false;
  if (spec.minLength !== undefined && value.length < spec.minLength) return false;
  switch (spec.type) {
    case 'any':
      return true;
    case 'email':
      return EMAIL.test(value) && value.length <= 254;
    case 'phone':
      return /^\+?\d{7,15}$/.test(value.replace(/[\s\-().]/g, ''));
    case 'number': {
      const text = value.replace(/\s/g, '').replace(',', '.');
      if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return false;
      const number = Number(text);
      return (spec.min === undefined || number >= spec.min) && (spec.max === undefined || number <= spec.max);
    }
    case 'regex':
      return new RegExp(spec.pattern, spec.flags ?? '').test(value);
  }
}

/** Pieces of a sentence that could be the value, trimmed of the punctuation around them. */
function pieces(spec: ValidatorSpec, text: string): string[] {
  const trim = (piece: string) => piece.trim().replace(/^[\s([{«"'#№]+|[\s.,;:!?)\]}»"']+$/g, '');
  switch (spec.type) {
    case 'email':
      return (text.match(EMAIL_IN) ?? []).map(trim);
    case 'phone':
      return (text.match(PHONE_IN) ?? []).map((piece) => piece.trim().replace(/[\s.-]+$/, ''));
    case 'number':
      return (text.match(NUMBER_IN) ?? []).map(trim);
    case 'regex': {
      // Single words and runs of up to four words: "order 1048576", "plate AB 1234".
      const words = text.split(/\s+/).map(trim).filter(Boolean);
      const out: string[] = [];
      for (let size = 1; size <= 4; size++) for (let at = 0; at + size <= words.length; at++) out.push(words.slice(at, at + size).join(' '));
      return out;
    }
    case 'any':
      return [];
  }
}

/** Two pieces are one value when they differ only in formatting ("8 912 345-67-89" twice). */
const sameValue = (spec: ValidatorSpec, a: string, b: string): boolean =>
  spec.type === 'phone' || spec.type === 'number' ? a.replace(/[^\d.,+-]/g, '') === b.replace(/[^\d.,+-]/g, '') : a.toLowerCase() === b.toLowerCase();

export function checkAnswer(spec: ValidatorSpec, raw: string): Checked {
  const value = raw.trim();
  if (whole(spec, value)) return { ok: true, value };
  if (value === '' || value.length > DEFAULT_MAX_ANSWER) return { ok: false };
  const found: string[] = [];
  for (const piece of pieces(spec, value)) if (whole(spec, piece) && !found.some((other) => sameValue(spec, other, piece))) found.push(piece);
  // For a pattern, a shorter match inside a longer one is the same value ("1048576" in "#1048576").
  const distinct = spec.type === 'regex' ? found.filter((piece) => !found.some((other) => other !== piece && other.includes(piece))) : found;
  return distinct.length === 1 ? { ok: true, value: distinct[0]! } : { ok: false };
}
