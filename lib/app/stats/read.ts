/** A statistics report for one portal or several (the local stack, `npm run stats` without --portal). */
import { buildReport, type StatsReport } from '../../stats/report.js';
import { rangeOf } from '../../stats/range.js';
import type { StatsStore } from '../../store/stats.js';

export async function readStats(
  stats: StatsStore,
  memberIds: readonly string[],
  query: { from?: string | undefined; to?: string | undefined; line?: string | undefined },
  nowMs: number,
): Promise<StatsReport> {
  const range = rangeOf(query, nowMs);
  const rows = [];
  for (const memberId of memberIds) rows.push(...(await stats.read(memberId, range.from, range.to, query.line)));
  return buildReport(rows, { ...range, line: query.line });
}
