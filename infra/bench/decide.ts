/**
 * How long the engine takes to decide one customer message (matcher included): decide()
 * over every message of the understanding corpus, each from a dialog at its menu, after a
 * warm-up; the figure is per decision.
 */
import { decide, type Context } from '../../lib/menu/engine.js';
import { loadMenuFile } from '../../lib/menu/load-file.js';
import { corpus } from '../../test/corpus/understanding.js';
import { median, percentile } from './stats.js';

export function measureDecide(rounds = 20): { count: number; p50: number; p99: number; mean: number } {
  const menu = loadMenuFile('menus/example.yaml');
  const ctx: Context = { now: 0, customer: { id: '1', name: 'Ann' }, portalLanguage: 'en', bots: {} };
  const joined = decide(menu, undefined, { kind: 'join' }, ctx);
  if (joined.kind !== 'act') throw new Error('join did not act');
  const turns = corpus.map((c) => ({
    state: { ...joined.state, menu: c.menu },
    turn: { kind: 'message', text: c.text } as const,
    ctx: c.menu === 'closed' ? { ...ctx, open: false } : ctx,
  }));
  for (const { state, turn, ctx: at } of turns) decide(menu, state, turn, at); // warm-up
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const { state, turn, ctx: at } of turns) {
      const start = process.hrtime.bigint();
      decide(menu, state, turn, at);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return { count: times.length, p50: median(times), p99: percentile(times, 99), mean: times.reduce((a, b) => a + b, 0) / times.length };
}
