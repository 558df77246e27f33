/**
 * Reads every corpus message in its menu of menus/example.yaml and compares what the bot
 * understood with what a support agent would have: shared by the test (thresholds,
 * quiet) and `npm run corpus` (the summary and the misses, and --write for the README).
 */
import { readInput } from '../../lib/menu/engine.js';
import { loadMenuFile } from '../../lib/menu/load-file.js';
import { corpus, type CorpusCase } from './understanding.js';

type Understood = ReturnType<typeof readInput>;

export const LANGUAGES = ['en', 'ru', 'de'] as const;

function matches(got: Understood, want: CorpusCase['expect']): boolean {
  if (typeof want === 'number') return got.kind === 'choice' && got.id === want;
  if (want === 'zero') return got.kind === 'zero';
  if (want === 'none') return got.kind === 'none';
  return got.kind === 'word' && got.word === want;
}

function show(got: Understood): string {
  switch (got.kind) {
    case 'choice':
      return `${got.id} (by ${got.by})`;
    case 'word':
      return got.word;
    default:
      return got.kind;
  }
}

const percent = (hits: number, total: number): string => `${((100 * hits) / Math.max(total, 1)).toFixed(1)}%`;

export interface CorpusReport {
  readonly total: number;
  readonly hits: number;
  readonly byLanguage: Record<(typeof LANGUAGES)[number], { hits: number; total: number }>;
  readonly summary: string;
  readonly misses: readonly string[];
}

export function evaluateCorpus(): CorpusReport {
  const menu = loadMenuFile('menus/example.yaml');
  const results = corpus.map((c) => {
    // The closed start menu is what customers see out of hours: read it with the office closed.
    const got = readInput(menu, c.menu, c.text, c.menu === 'closed' ? false : undefined);
    return { c, got, ok: matches(got, c.expect) };
  });
  const hits = results.filter((result) => result.ok).length;
  const byLanguage = Object.fromEntries(
    LANGUAGES.map((lang) => {
      const mine = results.filter((result) => result.c.lang === lang);
      return [lang, { hits: mine.filter((result) => result.ok).length, total: mine.length }];
    }),
  ) as CorpusReport['byLanguage'];
  const summary =
    `understanding corpus: ${hits}/${results.length} = ${percent(hits, results.length)} ` +
    `(${LANGUAGES.map((lang) => `${lang} ${percent(byLanguage[lang].hits, byLanguage[lang].total)}`).join(', ')})`;
  const misses = results
    .filter((result) => !result.ok)
    .map(({ c, got }) => `  miss [${c.lang} ${c.menu}] ${JSON.stringify(c.text.length > 80 ? `${c.text.slice(0, 77)}...` : c.text)}: want ${c.expect}, got ${show(got)}`);
  return { total: results.length, hits, byLanguage, summary, misses };
}
