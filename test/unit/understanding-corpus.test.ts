/**
 * How well the bot understands what customers really type (test/corpus). Quiet when
 * green; `npm run corpus` prints the figure and the misses.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCorpus, LANGUAGES } from '../corpus/evaluate.js';

describe('understanding corpus (menus/example.yaml)', () => {
  const report = evaluateCorpus();

  it('is big enough: 240+ messages, 80+ per language', () => {
    expect(report.total).toBeGreaterThanOrEqual(240);
    for (const lang of LANGUAGES) expect(report.byLanguage[lang].total, lang).toBeGreaterThanOrEqual(80);
  });

  it('understands 90% overall and 85% in each language', () => {
    expect(report.hits / report.total, `${report.summary}\n${report.misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
    for (const lang of LANGUAGES) expect(report.byLanguage[lang].hits / report.byLanguage[lang].total, lang).toBeGreaterThanOrEqual(0.85);
  });
});
