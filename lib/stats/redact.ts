/**
 * What is kept of a misunderstood message beyond the dialog's TTL (issue 19): the text,
 * with what identifies a customer or an order masked. Digits of phone-, order- and
 * card-like runs (three digits or more, spaces and dashes between them) become `#`, an
 * e-mail address becomes `…@…`, links lose everything but their host. Short texts keep
 * their small numbers ("option 2", "24/7"), which is what a menu writer needs to see.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const URL_PATH = /\b(https?:\/\/[^\s/?#]+)[^\s]*/gi;
const DIGIT_RUN = /\+?\d(?:[\s\-().]*\d){2,}/g;

export const MISREAD_MAX = 100;

export function redact(text: string): string {
  return text
    .replace(EMAIL, '…@…')
    .replace(URL_PATH, '$1/…')
    .replace(DIGIT_RUN, (run) => run.replace(/\d/g, '#'))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MISREAD_MAX);
}
