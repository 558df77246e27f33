/**
 * Daily counter rows (lib/store/stats.ts) as the one object `npm run stats -- --json`
 * prints and the dashboard draws (docs/operations.md "Statistics"):
 *
 *   conversations   conversations the bot started
 *   handedOver      of them, handed to people (or another bot), by the bot or taken from it
 *   contained       conversations − handedOver: finished, or answered without a hand-over
 *   byReason        hand-overs by reason
 *   menus           per menu: shown (entered), left (the chat ended or went silent there)
 *   items           chosen per item, "menu:id"
 *   misread         misunderstood messages (redacted), most frequent first
 *   days            the same totals per day, for the chart
 */
import type { StatsRow } from '../store/stats.js';

export interface StatsReport {
  readonly from: string;
  readonly to: string;
  readonly line?: string;
  readonly lines: readonly string[];
  readonly conversations: number;
  readonly handedOver: number;
  readonly contained: number;
  /** contained / conversations (0 when there were none). */
  readonly containment: number;
  readonly finished: number;
  readonly abandoned: number;
  readonly misreadTotal: number;
  readonly byReason: Readonly<Record<string, number>>;
  readonly menus: Readonly<Record<string, { readonly shown: number; readonly left: number }>>;
  readonly items: Readonly<Record<string, number>>;
  readonly misread: readonly { readonly text: string; readonly count: number }[];
  readonly days: readonly { readonly day: string; readonly conversations: number; readonly handedOver: number; readonly contained: number }[];
}

export const MISREAD_TOP = 50;

const sorted = (record: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(record).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));

export function buildReport(rows: readonly StatsRow[], range: { from: string; to: string; line?: string | undefined }): StatsReport {
  const total: Record<string, number> = {};
  const misread: Record<string, number> = {};
  const perDay = new Map<string, Record<string, number>>();
  const lines = new Set<string>();
  for (const row of rows) {
    lines.add(row.lineId);
    const day = perDay.get(row.day) ?? {};
    perDay.set(row.day, day);
    for (const [name, value] of Object.entries(row.counters)) {
      total[name] = (total[name] ?? 0) + value;
      day[name] = (day[name] ?? 0) + value;
    }
    for (const [text, count] of Object.entries(row.misread)) misread[text] = (misread[text] ?? 0) + count;
  }
  const n = (record: Record<string, number>, name: string) => record[name] ?? 0;
  const withPrefix = (prefix: string) =>
    Object.fromEntries(
      Object.entries(total)
        .filter(([name]) => name.startsWith(prefix))
        .map(([name, value]) => [name.slice(prefix.length), value]),
    );
  const menus: Record<string, { shown: number; left: number }> = {};
  for (const [menu, shown] of Object.entries(withPrefix('shown:'))) menus[menu] = { shown, left: 0 };
  for (const [menu, left] of Object.entries(withPrefix('left:'))) menus[menu] = { shown: menus[menu]?.shown ?? 0, left };
  const conversations = n(total, 'conversations');
  const handedOver = n(total, 'handedOver');
  const contained = Math.max(0, conversations - handedOver);
  return {
    from: range.from,
    to: range.to,
    ...(range.line !== undefined ? { line: range.line } : {}),
    lines: [...lines].sort(),
    conversations,
    handedOver,
    contained,
    containment: conversations > 0 ? Math.round((contained / conversations) * 1000) / 1000 : 0,
    finished: n(total, 'finished'),
    abandoned: n(total, 'abandoned'),
    misreadTotal: n(total, 'misread'),
    byReason: sorted(withPrefix('reason:')),
    menus: Object.fromEntries(Object.entries(menus).sort(([a], [b]) => a.localeCompare(b))),
    items: sorted(withPrefix('item:')),
    misread: Object.entries(misread)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, MISREAD_TOP)
      .map(([text, count]) => ({ text, count })),
    days: [...perDay.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, values]) => ({
        day,
        conversations: n(values, 'conversations'),
        handedOver: n(values, 'handedOver'),
        contained: Math.max(0, n(values, 'conversations') - n(values, 'handedOver')),
      })),
  };
}

/** The same for several portals (the local stack, `npm run stats -- --stage` without --portal). */
export const mergeRows = (perPortal: readonly (readonly StatsRow[])[]): StatsRow[] => perPortal.flat();
