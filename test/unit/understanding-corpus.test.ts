/**
 * How well the bot understands what customers really type (test/corpus), against the
 * issue's targets. Quiet when green; `npm run corpus` prints the figures and the misses.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCorpus, LANGUAGES } from '../corpus/evaluate.js';
import { evaluateHeldOut } from '../corpus/held-out.js';

describe('understanding corpus (menus/example.yaml)', () => {
  const report = evaluateCorpus();
  const details = `${report.summary}\n${report.misses.join('\n')}`;

  it('is big enough: 600+ messages, 250+ paraphrases, every language', () => {
    expect(report.total).toBeGreaterThanOrEqual(600);
    expect(report.byCategory.paraphrase?.total).toBeGreaterThanOrEqual(250);
    for (const lang of LANGUAGES) expect(report.byLanguage[lang]?.total, lang).toBeGreaterThanOrEqual(180);
  });

  it('understands 97% overall and never runs an item the customer did not mean', () => {
    expect(report.hits / report.total, details).toBeGreaterThanOrEqual(0.97);
    expect(report.wrongPicks, details).toBe(0);
  });

  it('answers 95% of messages in the customer\'s language on portals in en, de and ru', () => {
    expect(report.languages.hits / report.languages.total, details).toBeGreaterThanOrEqual(0.95);
  });
});

describe('held-out dental clinic corpus (never tuned on)', () => {
  it('understands most of it and never runs an item the patient did not mean', () => {
    const report = evaluateHeldOut();
    const details = `${report.summary}\n${report.misses.join('\n')}`;
    expect(report.hits / report.total, details).toBeGreaterThanOrEqual(0.8);
    expect(report.wrongPicks, details).toBe(0);
  });
});
