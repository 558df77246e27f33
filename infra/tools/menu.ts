/**
 * npm run menu -- check <file> [--strict]   every error and warning with file:line:column
 * npm run menu -- show <file> [--lang ru]   the menu tree as text
 */
import { readFileSync } from 'node:fs';
import { builtinFunctions } from '../../lib/app/functions.js';
import { loadMenuSource } from '../../lib/menu/load-file.js';
import { lintMenu } from '../../lib/menu/lint.js';
import { menuTree } from '../../lib/menu/tree.js';

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

function main(argv: string[]): number {
  const [command, file, ...rest] = argv;
  if ((command !== 'check' && command !== 'show') || !file) {
    process.stderr.write('usage: npm run menu -- check <file> [--strict]\n       npm run menu -- show <file> [--lang xx]\n');
    return 2;
  }
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`${file}: cannot read the file\n`);
    return 2;
  }
  if (command === 'check') {
    const { output, errors, warnings } = checkMenu(file, source);
    process.stdout.write(`${output.join('\n')}\n`);
    return errors > 0 || (rest.includes('--strict') && warnings > 0) ? 1 : 0;
  }
  const result = loadMenuSource(source, file);
  if (!result.menu) {
    process.stderr.write(`${checkMenu(file, source).output.join('\n')}\n`);
    return 1;
  }
  const langAt = rest.indexOf('--lang');
  process.stdout.write(`${menuTree(result.menu, langAt >= 0 ? rest[langAt + 1] : undefined)}\n`);
  return 0;
}

if (process.argv[1]?.endsWith('infra/tools/menu.ts')) process.exitCode = main(process.argv.slice(2));
