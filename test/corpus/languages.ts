/**
 * Which language the bot answers in: each corpus message with letters in it, as the first
 * message of a dialog the line opened on a portal in English, German and Russian (events
 * carry only the portal's language, contract §9.2), through the whole engine.
 */
import { decide } from '../../lib/menu/engine.js';
import type { CompiledMenu } from '../../lib/menu/types.js';
import type { CorpusCase } from './types.js';

export interface LanguageShare {
  readonly hits: number;
  readonly total: number;
  readonly portals: readonly string[];
  readonly misses: readonly string[];
}

const PORTALS = ['en', 'de', 'ru'] as const;
const customer = { id: '1', name: 'Ann' };

export function answeredInTheirLanguage(menu: CompiledMenu, corpus: readonly CorpusCase[]): LanguageShare {
  let hits = 0;
  let total = 0;
  const misses = new Map<string, string[]>();
  for (const c of corpus) {
    if (!/\p{L}/u.test(c.text)) continue;
    for (const portalLanguage of PORTALS) {
      const ctx = { now: 0, customer, portalLanguage, bots: {}, ...(c.menu === menu.hours?.closedStart ? { open: false } : {}) };
      const joined = decide(menu, undefined, { kind: 'join' }, ctx);
      if (joined.kind !== 'act') continue;
      const answer = decide(menu, { ...joined.state, menu: c.menu }, { kind: 'message', text: c.text }, ctx);
      if (answer.kind !== 'act') continue;
      total++;
      const language = answer.state.language ?? portalLanguage;
      if (language === c.lang) hits++;
      else misses.set(c.text, [...(misses.get(c.text) ?? []), `${portalLanguage}→${language}`]);
    }
  }
  const lines = [...misses].map(([text, how]) => `  language [${how.join(' ')}] ${JSON.stringify(text.slice(0, 60))}`);
  return { hits, total, portals: PORTALS, misses: lines };
}
