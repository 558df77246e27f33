/** `npm run stats` as a table a support lead reads (the --json object is lib/stats/report.ts). */
import type { StatsReport } from '../../../lib/stats/report.js';

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—');
const pad = (value: string | number, width: number) => String(value).padStart(width);

export function statsTable(report: StatsReport): string {
  const out: string[] = [];
  out.push(
    `Statistics ${report.from} … ${report.to}${report.line !== undefined ? `, Open Line ${report.line}` : report.lines.length ? `, Open Lines ${report.lines.join(', ')}` : ''}`,
  );
  out.push('');
  out.push(`  Conversations      ${pad(report.conversations, 6)}`);
  out.push(`  Contained          ${pad(report.contained, 6)}  ${pct(report.contained, report.conversations)}  (finished, or answered without a hand-over)`);
  out.push(`  Handed over        ${pad(report.handedOver, 6)}  ${pct(report.handedOver, report.conversations)}`);
  for (const [reason, count] of Object.entries(report.byReason)) out.push(`    ${reason.padEnd(22)}${pad(count, 4)}`);
  out.push(`  Finished ${report.finished} · went silent ${report.abandoned} · misunderstood messages ${report.misreadTotal}`);
  const menus = Object.entries(report.menus);
  if (menus.length) {
    out.push('', `  ${'Menu'.padEnd(20)}${pad('shown', 7)}${pad('left', 7)}${pad('left %', 8)}`);
    for (const [menu, { shown, left }] of menus) out.push(`  ${menu.padEnd(20)}${pad(shown, 7)}${pad(left, 7)}${pad(pct(left, shown), 8)}`);
  }
  const items = Object.entries(report.items);
  if (items.length) {
    out.push('', '  Items chosen');
    for (const [item, count] of items.slice(0, 20)) out.push(`    ${item.padEnd(24)}${pad(count, 5)}`);
  }
  if (report.misread.length) {
    out.push('', '  Most misunderstood (redacted)');
    for (const { text, count } of report.misread.slice(0, 15)) out.push(`    ${pad(count, 4)}  ${text}`);
  }
  if (report.conversations === 0) out.push('', '  No conversations in these days.');
  return `${out.join('\n')}\n`;
}
