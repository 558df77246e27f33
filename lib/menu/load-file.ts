/**
 * Reads a menu file (YAML or JSON), compiles it and reports every problem as
 * `file:line:column: message`. Used by the local stack, the menu CLI and the build
 * (which embeds the compiled menu in each Lambda bundle, so Lambdas never parse YAML).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { compileMenu, type Issue, type Path } from './compile.js';
import { MenuError } from './errors.js';
import { explainYamlErrors } from './yaml-errors.js';
import type { CompiledMenu } from './types.js';

export interface Located extends Issue {
  readonly line: number;
  readonly column: number;
}

export interface ParsedFile {
  readonly file: string;
  readonly raw: unknown;
  readonly document: Document;
  readonly position: (path: Path, atKey?: boolean) => { line: number; column: number };
  /** YAML/JSON syntax errors. */
  readonly syntax: readonly Located[];
}

export function parseMenuText(source: string, file: string): ParsedFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const found = [...document.errors, ...document.warnings.filter((warning) => warning.code === 'DUPLICATE_KEY')].map((error) => {
    const at = lineCounter.linePos(error.pos[0]);
    return { code: error.code, message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, ''), line: at.line, column: at.col };
  });
  // The parser's first error, in plain words (lib/menu/yaml-errors.ts): the rest follow from it.
  const first = explainYamlErrors(found, source);
  const syntax: Located[] = first ? [{ path: [], ...first }] : [];
  const position = (path: Path, atKey = false) => {
    // Walk down to the deepest node that exists, so a missing key points at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = atKey && depth === path.length ? undefined : document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const at = lineCounter.linePos(node.range[0]);
        return { line: at.line, column: at.col };
      }
      if (depth > 0) {
        // The key itself (for "x is required" on an existing mapping, or a bad key name).
        const parent = document.getIn(path.slice(0, depth - 1), true) as { items?: { key?: { value?: unknown; range?: number[] } }[] } | undefined;
        const key = parent?.items?.find((pair) => pair.key?.value === path[depth - 1])?.key;
        if (key?.range) {
          const at = lineCounter.linePos(key.range[0]!);
          return { line: at.line, column: at.col };
        }
      }
    }
    return { line: 1, column: 1 };
  };
  return { file, raw: syntax.length > 0 ? undefined : document.toJS({ maxAliasCount: 100 }), document, position, syntax };
}

export interface LoadResult {
  readonly menu: CompiledMenu | undefined;
  readonly issues: readonly Located[];
  readonly parsed: ParsedFile;
}

export function loadMenuSource(source: string, file: string): LoadResult {
  const parsed = parseMenuText(source, file);
  if (parsed.syntax.length > 0) return { menu: undefined, issues: parsed.syntax, parsed };
  const { menu, issues } = compileMenu(parsed.raw);
  const located = issues.map((issue) => ({ ...issue, ...parsed.position(issue.path, issue.atKey) }));
  if (!menu) return { menu: undefined, issues: located, parsed };
  try {
    return { menu: withAvatar(menu, file), issues: located, parsed };
  } catch (error) {
    const at = parsed.position(['bot', 'avatar']);
    const issue = { path: ['bot', 'avatar'], message: `bot.avatar: cannot read the image (${(error as NodeJS.ErrnoException).code ?? 'error'})`, ...at };
    return { menu: undefined, issues: [issue], parsed };
  }
}

/** bot.avatar may name an image next to the menu file; imbot.register wants it as base64. */
function withAvatar(menu: CompiledMenu, file: string): CompiledMenu {
  const avatar = menu.bot.avatar;
  if (!avatar || /^data:|^[A-Za-z0-9+/=]{200,}$/.test(avatar)) return menu;
  const data = readFileSync(resolve(dirname(file), avatar)).toString('base64');
  return { ...menu, bot: { ...menu.bot, avatar: data } };
}

export const formatIssue = (file: string, issue: Located): string => `${file}:${issue.line}:${issue.column}: ${issue.message}`;

/** Loads or throws a MenuError whose message lists every problem with its line and column. */
export function loadMenuFile(file: string): CompiledMenu {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    throw new MenuError([{ path: [], message: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}` }], file);
  }
  let result: LoadResult;
  try {
    result = loadMenuSource(source, file);
  } catch (error) {
    throw new MenuError([{ path: [], message: (error as Error).message }], file);
  }
  if (!result.menu) {
    throw new MenuError(
      result.issues.map((issue) => ({ path: issue.path, message: formatIssue(file, issue) })),
      file,
    );
  }
  return result.menu;
}
