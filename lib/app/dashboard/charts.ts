/**
 * Hand-written SVG charts for the dashboard: no chart library, no CDN, nothing fetched by
 * the page (issue 19). Each function returns markup; every label is escaped.
 */
export const esc = (value: unknown): string =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const COLORS = { contained: '#2e9e5b', handedOver: '#f0a020', bar: '#2fc6f6', left: '#d64545', muted: '#9aa5b1' } as const;

/** Conversations per day: stacked bars, contained (green) under handed over (orange). */
export function dayBars(days: readonly { day: string; contained: number; handedOver: number }[]): string {
  if (days.length === 0) return '<p class="muted">No conversations in these days.</p>';
  const width = 640;
  const height = 180;
  const pad = { left: 34, bottom: 22, top: 10 };
  const max = Math.max(1, ...days.map((day) => day.contained + day.handedOver));
  const slot = (width - pad.left) / days.length;
  const bar = Math.max(4, Math.min(40, slot * 0.7));
  const y = (value: number) => ((height - pad.bottom - pad.top) * value) / max;
  const bars = days.map((day, index) => {
    const x = pad.left + index * slot + (slot - bar) / 2;
    const contained = y(day.contained);
    const handed = y(day.handedOver);
    const base = height - pad.bottom;
    const label =
      days.length <= 14 || index % Math.ceil(days.length / 14) === 0
        ? `<text x="${x + bar / 2}" y="${height - 6}" text-anchor="middle">${esc(day.day.slice(5))}</text>`
        : '';
    return (
      `<g data-day="${esc(day.day)}"><title>${esc(day.day)}: ${day.contained} contained, ${day.handedOver} handed over</title>` +
      `<rect x="${x}" y="${base - contained}" width="${bar}" height="${contained}" fill="${COLORS.contained}"/>` +
      `<rect x="${x}" y="${base - contained - handed}" width="${bar}" height="${handed}" fill="${COLORS.handedOver}"/>${label}</g>`
    );
  });
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="Conversations per day">` +
    `<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width}" y2="${height - pad.bottom}" stroke="#ccd"/>` +
    `<text x="${pad.left - 6}" y="${pad.top + 8}" text-anchor="end">${max}</text><text x="${pad.left - 6}" y="${height - pad.bottom}" text-anchor="end">0</text>` +
    `${bars.join('')}</svg>`
  );
}

/** Containment as a ring: the contained share in green. */
export function ring(contained: number, total: number): string {
  const share = total > 0 ? contained / total : 0;
  const r = 52;
  const c = 2 * Math.PI * r;
  return (
    `<svg class="ring" viewBox="0 0 140 140" role="img" aria-label="Containment ${Math.round(share * 100)}%">` +
    `<circle cx="70" cy="70" r="${r}" fill="none" stroke="${total > 0 ? COLORS.handedOver : '#e3e8ee'}" stroke-width="18"/>` +
    `<circle cx="70" cy="70" r="${r}" fill="none" stroke="${COLORS.contained}" stroke-width="18" stroke-dasharray="${(c * share).toFixed(2)} ${c.toFixed(2)}" transform="rotate(-90 70 70)"/>` +
    `<text x="70" y="76" text-anchor="middle" class="big">${total > 0 ? `${Math.round(share * 100)}%` : '—'}</text></svg>`
  );
}

/** Horizontal bars with a label and a count per row (hand-overs by reason). SVG: the page's CSP allows no style attributes. */
export function hbars(rows: readonly (readonly [string, number])[], opts: { attr: string; color?: string }): string {
  if (rows.length === 0) return '<p class="muted">None.</p>';
  const max = Math.max(1, ...rows.map(([, value]) => value));
  const row = 24;
  const labelWidth = 190;
  const track = 360;
  const body = rows
    .map(([label, value], index) => {
      const y = index * row;
      return (
        `<g data-${opts.attr}="${esc(label)}" data-count="${value}"><text x="0" y="${y + 16}">${esc(label)}</text>` +
        `<rect x="${labelWidth}" y="${y + 4}" width="${track}" height="14" fill="#eef1f4"/>` +
        `<rect x="${labelWidth}" y="${y + 4}" width="${((value / max) * track).toFixed(1)}" height="14" fill="${opts.color ?? COLORS.bar}"/>` +
        `<text x="${labelWidth + track + 8}" y="${y + 16}">${value}</text></g>`
      );
    })
    .join('');
  return `<svg class="chart hb" viewBox="0 0 ${labelWidth + track + 50} ${rows.length * row}" role="img">${body}</svg>`;
}
