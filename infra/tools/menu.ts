/**
 * npm run menu -- check <file|folder> [--strict]   every error and warning with file:line:column,
 *                                                  and the conversation tests beside each menu
 * npm run menu -- show <file|folder> [--lang ru]   the menu tree as text
 * npm run menu -- test <file|folder>               the conversation tests (<menu>.test.yaml)
 *
 * A folder is a menu per Open Line (lib/menu/menu-set.ts): every file in it, in turn.
 */
import { readFileSync } from 'node:fs';
import { builtinFunctions } from '../../lib/app/functions.js';
import { loadMenuSource } from '../../lib/menu/load-file.js';
import { menuFiles } from '../../lib/menu/load-folder.js';
import { MenuError } from '../../lib/menu/errors.js';
import { lintMenu } from '../../lib/menu/lint.js';
import { menuTree } from '../../lib/menu/tree.js';
import { hasTests, runMenuTests } from './menu-test.js';

export function checkMenu(file: string, source: string): { output: string[]; errors: number; warnings: number } {
  const result = loadMenuSource(source, file);
  const output = result.issues.map((issue) => `${file}:${issue.line}:${issue.column}: error: ${issue.message}`);
  let warnings = 0;
  if (result.menu) {
    for (const warning of lintMenu(result.menu, Object.keys(builtinFunctions))) {
      const at = result.parsed.position(warning.path);
      output.push(`${file}:${at.line}:${at.column}: warning: ${warning.message}`);
      warnings++;
    }
  }
  output.push(`${file}: ${result.issues.length} error(s), ${warnings} warning(s)`);
  return { output, errors: result.issues.length, warnings };
}

const USAGE =
  'usage: npm run menu -- check [file|folder] [--strict]\n       npm run menu -- show [file|folder] [--lang xx]\n       npm run menu -- test [file|folder]\n(without a file: MENU_FILE, else menus/example.yaml; flags go anywhere)\n';

/** Flags anywhere ("check --strict file.yaml" as "check file.yaml --strict"); the file defaults to MENU_FILE. */
export function menuArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): { command: string | undefined; target: string; rest: string[] } {
  const words: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--lang') rest.push(word, argv[++i] ?? '');
    else if (word.startsWith('--')) rest.push(word);
    else words.push(word);
  }
  const [command, target] = words;
  return { command, target: target ?? (env.MENU_FILE || 'menus/example.yaml'), rest };
}

function main(argv: string[]): number {
  const { command, target, rest } = menuArgs(argv);
  if (command !== 'check' && command !== 'show' && command !== 'test') {
    process.stderr.write(USAGE);
    return 2;
  }
  let files: Record<string, string>;
  try {
    files = menuFiles(target);
  } catch (error) {
    if (!(error instanceof MenuError)) throw error;
    process.stderr.write(`${error.issues.map((issue) => issue.message).join('\n')}\n`);
    return 1;
  }
  const many = Object.keys(files).length > 1;
  let status = 0;
  for (const [key, file] of Object.entries(files)) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      process.stderr.write(`${file}: cannot read the file\n`);
      return 2;
    }
    if (many && command === 'show') process.stdout.write(`── ${key} (${file}) ──\n`);
    const result = loadMenuSource(source, file);
    if (command === 'check' || !result.menu) {
      const { output, errors, warnings } = checkMenu(file, source);
      (result.menu ? process.stdout : process.stderr).write(`${output.join('\n')}\n`);
      if (errors > 0 || (rest.includes('--strict') && warnings > 0)) status = 1;
      if (!result.menu) continue;
    }
    if (command === 'show') {
      const langAt = rest.indexOf('--lang');
      process.stdout.write(`${menuTree(result.menu, langAt >= 0 ? rest[langAt + 1] : undefined)}\n`);
      continue;
    }
    // check runs the conversation tests when the file has them; test insists on them.
    if (command === 'test' || hasTests(file)) {
      const run = runMenuTests(result.menu, file);
      process.stdout.write(`${run.output.join('\n')}\n`);
      if (run.failed > 0 || run.problems > 0) status = 1;
    }
  }
  return status;
}

if (process.argv[1]?.endsWith('infra/tools/menu.ts')) process.exitCode = main(process.argv.slice(2));
