/**
 * One normal form for comparing what a customer typed with titles and word lists:
 * compatibility forms folded (full-width digits, ligatures), accents dropped
 * ("Menü" = "menu", "ё" = "е"), case folded, punctuation and emoji removed,
 * keycap digits ("1️⃣") reduced to their digit, whitespace collapsed.
 */

const COMBINING = /[\u0300-\u036f]/g;
const KEYCAP = /([0-9#*])\uFE0F?\u20E3/g;

export function normalize(text: string): string {
  return text
    .replace(KEYCAP, ' $1 ')
    .normalize('NFKD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
