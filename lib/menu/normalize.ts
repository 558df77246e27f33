/**
 * One normal form for comparing what a customer typed with titles and word lists:
 * compatibility forms folded (full-width digits, ligatures), accents dropped
 * ("Menü" = "menu", "ё" = "е"), case folded, punctuation and emoji removed,
 * keycap digits ("1️⃣") reduced to their digit, short hyphenated pieces joined
 * ("Wi-Fi" = "wifi", "e-mail" = "email"), whitespace collapsed.
 */

const COMBINING = /[\u0300-\u036f]/g;
const KEYCAP = /([0-9#*])\uFE0F?\u20E3/g;
/** "Wi-Fi", "e-mail" are typed as one word as often as not: a Latin piece of one or two letters, or two of up to three, join ("check-in", "по-русски" stay apart). */
const SHORT_HYPHENATED = /(?<![\p{L}\p{N}])([a-z]{1,2}|[a-z]{3}(?=-[a-z]{1,3}(?![\p{L}\p{N}])))[-‐–]([a-z]+)(?![\p{L}\p{N}])/gu;

export function normalize(text: string): string {
  return text
    .replace(KEYCAP, ' $1 ')
    .normalize('NFKD')
    .replace(COMBINING, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(SHORT_HYPHENATED, '$1$2')
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
