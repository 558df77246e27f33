/**
 * Reads every corpus message in its menu of menus/example.yaml and compares what the bot
 * understood with what a support agent would have: shared by the test (thresholds,
 * quiet) and `npm run corpus` (the figures and the misses, and --write for the README).
 */
import { readInput } from '../../lib/menu/engine.js';
import { loadMenuFile } from '../../lib/menu/load-file.js';
import type { CompiledMenu } from '../../lib/menu/types.js';
import { answeredInTheirLanguage, type LanguageShare } from './languages.js';
import type { Category, CorpusCase, CorpusExpectation } from './types.js';
import { corpus as shopCorpus } from './understanding.js';

type Understood = ReturnType<typeof readInput>;

export const LANGUAGES = ['en', 'ru', 'de'] as const;
export const CATEGORIES: readonly Category[] = ['number', 'title', 'paraphrase', 'word', 'two items', 'off-topic'];

function matches(got: Understood, want: CorpusExpectation, at: string): boolean {
  if (typeof want === 'number') return got.kind === 'choice' && got.id === want && got.menu === undefined;
  if (want.includes(':')) {
    const [menu, id] = want.split(':');
    if (menu === at) return matches(got, Number(id), at);
    return got.kind === 'choice' && got.menu === menu && got.id === Number(id);
  }
  if (want === 'zero' || want === 'none' || want === 'doubt') return got.kind === want;
  // Item 0 of the menu on screen is its way to a person, as the platform's `0` key is.
  if (want === 'operator' && got.kind === 'choice' && got.id === 0 && got.menu === undefined) return true;
  return got.kind === 'word' && got.word === want;
}

function show(got: Understood): string {
  switch (got.kind) {
    case 'choice':
      return `${got.menu ? `${got.menu}:` : ''}${got.id} (by ${got.by})`;
    case 'word':
      return got.word;
    case 'doubt':
      return `doubt ${got.options.map((option) => `${option.menu}:${option.id}`).join(' / ')}`;
    default:
      return got.kind;
  }
}

/** Is `got` an item that opens a menu on the way to the item `c` expects? */
function onTheWay(menu: CompiledMenu, c: CorpusCase, got: Understood): boolean {
  if (got.kind !== 'choice' || typeof c.expect !== 'string' || !c.expect.includes(':')) return false;
  const item = menu.menus[got.menu ?? c.menu]?.items.find((candidate) => candidate.id === got.id);
  return item?.action.type === 'menu' && item.action.menu === c.expect.split(':')[0];
}

const percent = (hits: number, total: number): string => `${((100 * hits) / Math.max(total, 1)).toFixed(1)}%`;

export interface Tally {
  hits: number;
  total: number;
}

export interface CorpusReport {
  readonly total: number;
  readonly hits: number;
  readonly byLanguage: Record<string, Tally>;
  readonly byCategory: Record<string, Tally>;
  /** Messages on which the bot ran an item the customer did not mean. */
  readonly wrongPicks: number;
  readonly languages: LanguageShare;
  readonly summary: string;
  readonly misses: readonly string[];
}

const tally = <T,>(results: readonly { c: CorpusCase; ok: boolean }[], keys: readonly T[], key: (c: CorpusCase) => T): Record<string, Tally> =>
  Object.fromEntries(keys.map((k) => [String(k), { hits: results.filter((r) => key(r.c) === k && r.ok).length, total: results.filter((r) => key(r.c) === k).length }]));

export function evaluateCorpus(name = 'understanding corpus', menu: CompiledMenu = loadMenuFile('menus/example.yaml'), corpus: readonly CorpusCase[] = shopCorpus): CorpusReport {
  const results = corpus.map((c) => {
    // The closed start menu is what customers see out of hours: read it with the office closed.
    const got = readInput(menu, c.menu, c.text, c.menu === menu.hours?.closedStart ? false : undefined);
    return { c, got, ok: matches(got, c.expect, c.menu) };
  });
  const hits = results.filter((result) => result.ok).length;
  const byLanguage = tally(results, LANGUAGES, (c) => c.lang);
  const byCategory = tally(results, CATEGORIES, (c) => c.category);
  // Opening the menu that holds the item meant ("invoice" → "Payment and invoices") is a miss, not a wrong pick.
  const wrong = (result: (typeof results)[number]) => !result.ok && result.got.kind === 'choice' && !onTheWay(menu, result.c, result.got);
  const wrongPicks = results.filter(wrong).length;
  const languages = answeredInTheirLanguage(menu, corpus);
  const line = (tallies: Record<string, Tally>) => Object.entries(tallies).filter(([, t]) => t.total > 0).map(([k, t]) => `${k} ${percent(t.hits, t.total)} (${t.total})`).join(', ');
  const summary = [
    `${name}: ${hits}/${results.length} = ${percent(hits, results.length)}; wrong picks: ${wrongPicks}`,
    `  by language: ${line(byLanguage)}`,
    `  by category: ${line(byCategory)}`,
    `  answered in the customer's language: ${percent(languages.hits, languages.total)} of ${languages.total} (messages with letters × portals in ${languages.portals.join(', ')})`,
  ].join('\n');
  const misses = results
    .filter((result) => !result.ok)
    .map((result) => ({ ...result, label: wrong(result) ? 'WRONG' : 'miss' }))
    .map(({ c, got, label }) => `  ${label} [${c.lang} ${c.menu} ${c.category}] ${JSON.stringify(c.text.length > 80 ? `${c.text.slice(0, 77)}...` : c.text)}: want ${c.expect}, got ${show(got)}`);
  return { total: results.length, hits, byLanguage, byCategory, wrongPicks, languages, summary, misses: [...misses, ...languages.misses] };
}
