/**
 * Imports run one way: the pure engine (lib/menu) and the Bitrix24 protocol (lib/bitrix)
 * know nothing of the use cases, HTTP, storage or AWS; storage knows nothing of the use
 * cases; the use cases know nothing of HTTP or of how a Lambda is built; functions/ only
 * wires a handler to its runtime. Fails naming the file and the import that runs the
 * wrong way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = normalize(join(import.meta.dirname, '../..'));

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Every module a file imports: repo-relative paths for relative imports, package names otherwise. */
function importsOf(file: string): string[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|import\('([^']+)'\)/gm)].map(
    (match) => match[1] ?? match[2] ?? match[3]!,
  );
  return specifiers.map((specifier) => (specifier.startsWith('.') ? relative(ROOT, join(ROOT, dirname(file), specifier)).replace(/\.js$/, '.ts') : specifier));
}

const LAYER_RULES: readonly { readonly layer: string; readonly forbidden: RegExp; readonly why: string }[] = [
  {
    layer: 'lib/menu/',
    forbidden: /^(lib\/(app|http|handlers|runtime|store|queue|bitrix)\/|@aws-sdk|@middy)/,
    why: 'the engine is pure: menus, state and text only',
  },
  {
    layer: 'lib/bitrix/',
    forbidden: /^(lib\/(app|http|handlers|runtime|store|queue|menu)\/|@aws-sdk|@middy)/,
    why: 'the Bitrix24 protocol knows no use case, storage or transport',
  },
  { layer: 'lib/store/', forbidden: /^(lib\/(app|http|handlers|runtime)\/|@middy)/, why: 'storage knows no use case or HTTP' },
  { layer: 'lib/queue/', forbidden: /^(lib\/(app|http|handlers|runtime)\/|@middy)/, why: 'the queue knows no use case or HTTP' },
  { layer: 'lib/app/', forbidden: /^(lib\/(http|handlers|runtime)\/|@middy|@aws-sdk\/client-sqs)/, why: 'use cases know no HTTP and no composition root' },
];

describe('architecture', () => {
  const all = [...files('lib'), ...files('functions')];

  it.each(LAYER_RULES)('$layer imports nothing it must not ($why)', ({ layer, forbidden }) => {
    const wrong = all
      .filter((file) => file.startsWith(layer))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => forbidden.test(target))
          .map((target) => `${file} → ${target}`),
      );
    expect(wrong).toEqual([]);
  });

  it('functions/ holds only wiring: a handler built from lib/runtime or lib/handlers, nothing else', () => {
    const wrong = files('functions').flatMap((file) => {
      const source = readFileSync(join(ROOT, file), 'utf8');
      const problems = importsOf(file)
        .filter((target) => !/^(lib\/(runtime|handlers|app|queue|http)\/|virtual:|aws-lambda$)/.test(target))
        .map((target) => `${file} imports ${target}`);
      if (/\b(if|for|while|switch)\s*\(/.test(source)) problems.push(`${file} has control flow: move it to lib/runtime`);
      if (source.split('\n').length > 20) problems.push(`${file} is over 20 lines`);
      return problems;
    });
    expect(wrong).toEqual([]);
  });

  it('no production module imports the in-memory stores (they are for tests: the bundles stay small)', () => {
    const wrong = all
      .filter((file) => !file.startsWith('lib/store/memory/'))
      .flatMap((file) =>
        importsOf(file)
          .filter((target) => target.startsWith('lib/store/memory/'))
          .map((target) => `${file} → ${target}`),
      );
    expect(wrong).toEqual([]);
  });

  it('the rules see real imports (a check that cannot pass vacuously)', () => {
    expect(importsOf('lib/app/process-dialog.ts')).toContain('lib/app/turn/send-outbox.ts');
    expect(importsOf('lib/store/memory/index.ts')).toContain('lib/store/memory/portals.ts');
    expect(all.length).toBeGreaterThan(50);
  });
});
