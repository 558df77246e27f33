/**
 * How well the bot understands what customers really type (test/corpus), against the
 * issue's targets. Quiet when green; `npm run corpus` prints the figures and the misses.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCorpus, LANGUAGES } from '../corpus/evaluate.js';
import { evaluateHeldOut } from '../corpus/held-out.js';
import { evaluateHeldOutBike } from '../corpus/held-out-bike.js';
import { evaluateHeldOutGuesthouse } from '../corpus/held-out-guesthouse.js';
import { evaluateHeldOutSaas } from '../corpus/held-out-saas.js';
import { evaluateHeldOutTelecom } from '../corpus/held-out-telecom.js';
import { evaluateOffTopic } from '../corpus/off-topic.js';

describe('understanding corpus (menus/example.yaml)', () => {
  const report = evaluateCorpus();
  const details = `${report.summary}\n${report.misses.join('\n')}`;

  it('is big enough: 600+ messages, 250+ paraphrases, every language', () => {
    expect(report.total).toBeGreaterThanOrEqual(600);
    expect(report.byCategory.paraphrase?.total).toBeGreaterThanOrEqual(250);
    for (const lang of LANGUAGES) expect(report.byLanguage[lang]?.total, lang).toBeGreaterThanOrEqual(180);
  });

  // Issue 16's targets are 97 % and no wrong pick; these floors are what the matcher
  // measures now (README), so a change that loses ground fails here.
  it('understands 93% overall and never runs an item the customer did not mean', () => {
    expect(report.hits / report.total, details).toBeGreaterThanOrEqual(0.93);
    expect(report.wrongPicks, details).toBe(0);
  });

  it("answers 95% of messages in the customer's language on portals in en, de and ru", () => {
    expect(report.languages.hits / report.languages.total, details).toBeGreaterThanOrEqual(0.95);
  });
});

describe('held-out dental clinic corpus (never tuned on)', () => {
  it('understands 88% of it and runs an item the patient did not mean at most once', () => {
    const report = evaluateHeldOut();
    const details = `${report.summary}\n${report.misses.join('\n')}`;
    expect(report.hits / report.total, details).toBeGreaterThanOrEqual(0.88);
    expect(report.wrongPicks, details).toBeLessThanOrEqual(1);
  });
});

describe('held-out bike shop corpus (never tuned on)', () => {
  it('understands 73% of it and never runs an item the customer did not mean', () => {
    const report = evaluateHeldOutBike();
    const details = `${report.summary}\n${report.misses.join('\n')}`;
    expect(report.hits / report.total, details).toBeGreaterThanOrEqual(0.73);
    expect(report.wrongPicks, details).toBe(0);
  });
});

describe('held-out SaaS helpdesk corpus (never tuned on)', () => {
  it('understands 81% of it and never runs an item the user did not mean', () => {
    const report = evaluateHeldOutSaas();
    const details = `${report.summary}\n${report.misses.join('\n')}`;
    expect(report.hits / report.total, details).toBeGreaterThanOrEqual(0.81);
    expect(report.wrongPicks, details).toBe(0);
  });
});

describe('off-topic probe (every menu above)', () => {
  // Issue 16: off-topic input is not understood, not forced onto an item. What is left is
  // a price asked for something the business does not sell ("bitcoin price") and "how old are you".
  it('runs an item for at most 5 of its checks', () => {
    const report = evaluateOffTopic();
    expect(report.checks).toBeGreaterThanOrEqual(200);
    expect(report.picks.length, `${report.summary}\n${report.picks.join('\n')}`).toBeLessThanOrEqual(5);
  });
});

// Written blind to the matcher by another session (test/corpus/guesthouse.yaml, telecom.yaml);
// they have been read since, so they now guard against losing ground, as the others do.
describe('blind corpora: a guesthouse and an internet and mobile provider', () => {
  it('understand 33% and 38% of them, with at most 2 and 4 wrong picks', () => {
    const guesthouse = evaluateHeldOutGuesthouse();
    const telecom = evaluateHeldOutTelecom();
    expect(guesthouse.hits / guesthouse.total, guesthouse.summary).toBeGreaterThanOrEqual(0.33);
    expect(guesthouse.wrongPicks, guesthouse.misses.join('\n')).toBeLessThanOrEqual(2);
    expect(telecom.hits / telecom.total, telecom.summary).toBeGreaterThanOrEqual(0.38);
    expect(telecom.wrongPicks, telecom.misses.join('\n')).toBeLessThanOrEqual(4);
  });
});
