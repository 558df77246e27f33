/**
 * YAML syntax errors in words a support lead can act on. One slip (a line indented one
 * space too many) makes the parser report a cascade of errors in its own terms ("A block
 * sequence may not be used as an implicit map key"); only the first is real, and it is
 * said here as what to do: "line 49 is indented 5 spaces; the lines above at that level
 * use 6". Pure: the parser's error code and position, and the file's text.
 */

export interface SyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

const indentOf = (text: string): number => text.length - text.trimStart().length;

/** A list item (`- …`) or a key: a slipped line is compared with lines of its own kind. */
const kindOf = (text: string): 'item' | 'key' => (text.trimStart().startsWith('- ') ? 'item' : 'key');

/** The indentation of the nearest non-empty, non-comment lines above, of the same kind first. */
function indentsAbove(lines: readonly string[], line: number): number[] {
  const kind = kindOf(lines[line - 1] ?? '');
  const same: number[] = [];
  const other: number[] = [];
  for (let i = line - 2; i >= 0 && same.length + other.length < 12; i--) {
    const text = lines[i]!;
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    (kindOf(text) === kind ? same : other).push(indentOf(text));
  }
  return [...same, ...other];
}

function indentation(lines: readonly string[], line: number): { line: number; words: string } | undefined {
  const text = lines[line - 1];
  if (text === undefined) return undefined;
  if (/^\t| \t/.test(text)) return { line, words: `line ${line} is indented with a tab; YAML needs spaces` };
  const mine = indentOf(text);
  const above = indentsAbove(lines, line);
  // The closest indentation above that differs by one or two spaces: the level the line meant.
  const meant = above.find((other) => other !== mine && Math.abs(other - mine) <= 2);
  if (meant === undefined) return undefined;
  return { line, words: `line ${line} is indented ${mine} space${mine === 1 ? '' : 's'}; the lines above at that level use ${meant} — indent it like them` };
}

const BY_CODE: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'this key is written twice in the same place; keep one',
  TAB_AS_INDENT: 'a tab is used for indentation; YAML needs spaces',
  MISSING_CHAR: 'a closing bracket, brace or quote is missing',
  BAD_SCALAR_START: 'this value starts with a character YAML reserves (such as @, ` or %); put the text in quotes',
  MULTILINE_IMPLICIT_KEY: 'a key runs over more than one line; put a colon after the key and keep it on one line',
  UNEXPECTED_TOKEN: 'this character is not expected here; a text with a colon, # or brackets needs quotes',
  BLOCK_IN_FLOW: 'inside { … } or [ … ] everything stays on one line with commas; or write it as indented lines instead',
  TAG_RESOLVE_FAILED: 'this value cannot be read; put it in quotes',
};

/** Errors the parser words by what is missing rather than by a code of its own. */
const BY_MESSAGE: readonly (readonly [RegExp, string])[] = [
  [/end with a \]/, 'a [ … ] list is not closed: add the ] (a list in brackets stays on one line)'],
  [/end with a \}/, 'a { … } map is not closed: add the } (a map in braces stays on one line)'],
  [/Missing closing "?quote|must end with a quote/i, 'a quoted text is not closed: add the closing quote'],
];

/**
 * The first of the parser's errors, in plain words with its line; `null` when the parser
 * found none. Later errors usually follow from the first, so only it is reported.
 */
export function explainYamlErrors(errors: readonly { code: string; message: string; line: number; column: number }[], source: string): SyntaxProblem | null {
  const first = errors[0];
  if (!first) return null;
  const lines = source.split(/\r?\n/);
  const indentCodes = ['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'UNEXPECTED_TOKEN', 'MISSING_CHAR', 'BAD_DIRECTIVE', 'MULTILINE_IMPLICIT_KEY'];
  const unclosed = BY_MESSAGE.some(([pattern]) => pattern.test(first.message));
  // An indentation slip is reported on the slipped line or the one after it.
  const slip = indentCodes.includes(first.code) && !unclosed ? (indentation(lines, first.line) ?? indentation(lines, first.line - 1)) : undefined;
  const words = slip?.words ?? BY_MESSAGE.find(([pattern]) => pattern.test(first.message))?.[1] ?? BY_CODE[first.code] ?? first.message;
  const more = errors.length > 1 ? ' (fix this first: the other errors the parser sees may all follow from it)' : '';
  if (slip) return { line: slip.line, column: 1, message: `${words}${more}` };
  // The parser notices a missing ] or } where the next line starts: point at where it opened.
  const opened = unclosed ? openedAt(lines, first.line, first.message.includes('}') ? ['{', '}'] : ['[', ']']) : undefined;
  return { line: opened?.line ?? first.line, column: opened?.column ?? first.column, message: `${words}${more}` };
}

/** The nearest line at or above `line` that opens more brackets than it closes. */
function openedAt(lines: readonly string[], line: number, [open, close]: readonly [string, string]): { line: number; column: number } | undefined {
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const text = lines[i]!;
    if (text.split(open).length > text.split(close).length) return { line: i + 1, column: text.lastIndexOf(open) + 1 };
  }
  return undefined;
}
