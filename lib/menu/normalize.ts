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

// After normalize() "й" is "и" and "ё" is "е", so those need no letters of their own.
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/**
 * A normalised Russian text as customers write it on a Latin keyboard ("oplata",
 * "vozvrat", "dostavka"): the common informal transliteration, not a standard one;
 * the matcher's typo tolerance absorbs the variants (sch/shch, h/kh, ya/ja).
 */
export function latin(normalized: string): string {
  return normalized.replace(/[\u0430-\u044f]/g, (letter) => CYRILLIC_TO_LATIN[letter] ?? letter);
}
