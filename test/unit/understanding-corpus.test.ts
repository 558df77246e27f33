/**
 * How well the bot understands what customers really type: every message of the corpus
 * is read in its menu of menus/example.yaml and compared with what a support agent would
 * have understood. Prints the accuracy and the misses, and keeps the summary line in
 * docs/corpus-accuracy.txt for the README.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../lib/menu/engine.js';
import { loadMenuFile } from '../../lib/menu/load-file.js';
import { corpus, type CorpusCase } from '../corpus/understanding.js';

type Understood = ReturnType<typeof readInput>;

const LANGUAGES = ['en', 'ru', 'de'] as const;

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

describe('understanding corpus (menus/example.yaml)', () => {
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
  ) as Record<(typeof LANGUAGES)[number], { hits: number; total: number }>;
  const summary =
    `understanding corpus: ${hits}/${results.length} = ${percent(hits, results.length)} ` +
    `(${LANGUAGES.map((lang) => `${lang} ${percent(byLanguage[lang].hits, byLanguage[lang].total)}`).join(', ')})`;

  it('reports the accuracy and the misses', () => {
    console.log(summary);
    for (const { c, got } of results.filter((result) => !result.ok)) {
      console.log(`  miss [${c.lang} ${c.menu}] ${JSON.stringify(c.text.length > 80 ? `${c.text.slice(0, 77)}...` : c.text)}: want ${c.expect}, got ${show(got)}`);
    }
    mkdirSync('docs', { recursive: true });
    writeFileSync('docs/corpus-accuracy.txt', `${summary}\n`);
  });

  it('is big enough: 240+ messages, 80+ per language', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(240);
    for (const lang of LANGUAGES) expect(byLanguage[lang].total, lang).toBeGreaterThanOrEqual(80);
  });

  it('understands 90% overall and 85% in each language', () => {
    expect(hits / results.length).toBeGreaterThanOrEqual(0.9);
    for (const lang of LANGUAGES) expect(byLanguage[lang].hits / byLanguage[lang].total, lang).toBeGreaterThanOrEqual(0.85);
  });
});
