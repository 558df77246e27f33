/**
 * The dashboard a support lead looks at (issue 19): conversations per day, containment,
 * hand-overs by reason, the funnel through the menu tree, the most misunderstood messages
 * with "add as example to item…" showing the YAML line to paste (docs/menu-format.md,
 * `examples`). One self-contained page: inline SVG and one inline script under a nonce,
 * nothing fetched. Served by the playground's Dashboard tab and, inside a portal, as the
 * app's own page (lib/handlers/dashboard.ts). A view per Open Line, switched in the page.
 */
import type { FunnelMenu } from '../../stats/funnel.js';
import type { StatsReport } from '../../stats/report.js';
import { dayBars, esc, hbars, ring, COLORS } from './charts.js';

export interface DashboardView {
  /** `all`, or the Open Line's id. */
  readonly key: string;
  readonly label: string;
  readonly report: StatsReport;
  readonly funnel: readonly FunnelMenu[];
  /** The language of the view's menu: the examples' language by default. */
  readonly language: string;
}

const pct = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—');

/** Embedded JSON: `<` escaped so no text can close the script element. */
const jsonScript = (id: string, value: unknown) => `<script type="application/json" id="${esc(id)}">${JSON.stringify(value).replace(/</g, '\\u003c')}</script>`;

function kpis(report: StatsReport): string {
  const tile = (key: string, label: string, value: number, note = '') =>
    `<div class="kpi"><div class="v" data-testid="kpi-${key}">${value}</div><div class="l">${esc(label)}${note ? ` <span class="muted">${esc(note)}</span>` : ''}</div></div>`;
  return (
    `<div class="kpis">${tile('conversations', 'conversations', report.conversations)}${tile('contained', 'contained', report.contained, pct(report.contained, report.conversations))}` +
    `${tile('handedOver', 'handed over', report.handedOver, pct(report.handedOver, report.conversations))}${tile('finished', 'finished', report.finished)}${tile('misread', 'misunderstood', report.misreadTotal)}</div>`
  );
}

function funnelHtml(menus: readonly FunnelMenu[]): string {
  if (menus.length === 0) return '<p class="muted">No menu.</p>';
  return menus
    .map((menu) => {
      const max = Math.max(1, menu.shown, ...menu.items.map((item) => item.chosen));
      const bar = (value: number, color: string) =>
        `<svg class="mini" viewBox="0 0 100 10" preserveAspectRatio="none"><rect width="100" height="10" fill="#eef1f4"/><rect width="${((value / max) * 100).toFixed(1)}" height="10" fill="${color}"/></svg>`;
      const items = menu.items
        .map(
          (item) =>
            `<li data-item="${esc(`${menu.id}:${item.id}`)}" data-chosen="${item.chosen}"><span class="n">${item.id}.</span><span>${esc(item.title)} <span class="muted">${esc(item.opens ? `→ ${item.opens}` : item.does)}</span></span>${bar(item.chosen, COLORS.bar)}<b>${item.chosen}</b></li>`,
        )
        .join('');
      return (
        `<div class="fmenu depth${Math.min(menu.depth, 4)}" data-menu="${esc(menu.id)}" data-shown="${menu.shown}" data-left="${menu.left}">` +
        `<div class="fhead"><b>${esc(menu.id)}</b> <span class="muted">${esc(menu.title)}</span> <span class="fcounts">shown <b>${menu.shown}</b> · left here <b class="left">${menu.left}</b> <span class="muted">${pct(menu.left, menu.shown)}</span></span></div><ul>${items}</ul></div>`
      );
    })
    .join('');
}

function misreadHtml(view: DashboardView): string {
  if (view.report.misread.length === 0) return '<p class="muted">Nothing misunderstood in these days.</p>';
  const rows = view.report.misread
    .map(
      (entry, index) =>
        `<tr data-misread="${esc(entry.text)}"><td class="count">${entry.count}</td><td>${esc(entry.text)}</td><td><button type="button" class="add" data-index="${index}">Add as example to item…</button></td></tr>`,
    )
    .join('');
  return `<table class="misread"><thead><tr><th>times</th><th>the customer wrote (digits and e-mails masked)</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

function viewHtml(view: DashboardView, hidden: boolean): string {
  const r = view.report;
  const items = view.funnel.flatMap((menu) => menu.items.map((item) => ({ menu: menu.id, id: item.id, title: item.title, examples: item.examples })));
  return `<section class="view" data-view="${esc(view.key)}"${hidden ? ' hidden' : ''}>${kpis(r)}
<div class="grid"><div class="card wide"><h2>Conversations per day <span class="legend"><i class="sw c"></i>contained <i class="sw h"></i>handed over</span></h2>${dayBars(r.days)}</div>
<div class="card"><h2>Containment</h2>${ring(r.contained, r.conversations)}<p class="muted">finished, or answered without a hand-over</p></div></div>
<div class="card"><h2>Hand-overs by reason</h2>${hbars(Object.entries(r.byReason), { attr: 'reason', color: COLORS.handedOver })}</div>
<div class="card"><h2>Through the menu</h2><p class="muted">How often each menu was entered, each item chosen, and how many conversations ended there (finished, handed over or went silent).</p>${funnelHtml(view.funnel)}</div>
<div class="card"><h2>Most misunderstood</h2>${misreadHtml(view)}<div class="picker" hidden><label>Item <select class="item"></select></label><p class="muted">Paste this line into the menu file, under the item (it replaces the item's <code>${esc(view.language)}:</code> examples line if it has one), then <code>npm run menu -- check</code>:</p><pre class="yaml"></pre></div></div>
${jsonScript(`items-${view.key}`, { language: view.language, items, misread: r.misread.map((entry) => entry.text) })}</section>`;
}

const STYLE = `body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2a36;background:#f3f5f7}
header{display:flex;gap:12px;align-items:center;flex-wrap:wrap;padding:10px 16px;background:#1f2a36;color:#fff}header h1{font-size:16px;margin:0}header .muted{color:#b9c4cf}
main{padding:14px 16px;max-width:1100px}.muted{color:#6b7785;font-size:12px}.kpis{display:flex;gap:10px;flex-wrap:wrap;margin-bottom:12px}
.kpi{background:#fff;border:1px solid #dde3e9;border-radius:8px;padding:10px 14px;min-width:120px}.kpi .v{font-size:26px;font-weight:600}.kpi .l{color:#6b7785}
.grid{display:grid;grid-template-columns:2fr 1fr;gap:12px}.card{background:#fff;border:1px solid #dde3e9;border-radius:8px;padding:10px 14px;margin-bottom:12px}
.card h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#6b7785;margin:0 0 8px}.chart{width:100%;height:auto;font-size:11px;fill:#1f2a36}.hb{max-width:640px;font-size:13px}
.ring{width:140px}.ring .big{font-size:24px;font-weight:600;fill:#1f2a36}.legend{float:right;text-transform:none;letter-spacing:0}.sw{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px}
.sw.c{background:${COLORS.contained}}.sw.h{background:${COLORS.handedOver}}.fmenu{border-left:3px solid #2fc6f6;padding:4px 8px;margin:6px 0}
.depth1{margin-left:20px}.depth2{margin-left:40px}.depth3{margin-left:60px}.depth4{margin-left:80px}.fcounts{float:right}.left{color:${COLORS.left}}
.fmenu ul{list-style:none;margin:4px 0;padding:0}.fmenu li{display:grid;grid-template-columns:auto 1fr 120px 40px;gap:6px;align-items:center}.mini{width:120px;height:10px}
table.misread{border-collapse:collapse;width:100%}table.misread td,table.misread th{border-bottom:1px solid #eef1f4;padding:4px 6px;text-align:left}.count{width:50px;font-weight:600}
pre.yaml{background:#f7f9fb;border:1px solid #dde3e9;padding:8px;white-space:pre-wrap}button{font:inherit;cursor:pointer;border-radius:4px;border:1px solid #dde3e9;background:#fff;padding:2px 8px}
@media (max-width:800px){.grid{grid-template-columns:1fr}}`;

/** Switches views; builds the YAML line for "add as example" from the embedded items (never from the page's HTML). */
const SCRIPT = `(() => {
  const select = document.getElementById('view');
  const show = () => document.querySelectorAll('section.view').forEach((s) => { s.hidden = s.dataset.view !== select.value; });
  if (select) select.addEventListener('change', show);
  const q = (s) => JSON.stringify(s);
  document.querySelectorAll('section.view').forEach((section) => {
    const data = JSON.parse(section.querySelector('script[type="application/json"]').textContent);
    const picker = section.querySelector('.picker');
    if (!picker) return;
    const list = picker.querySelector('select.item');
    const pre = picker.querySelector('pre.yaml');
    data.items.forEach((item, index) => { const o = document.createElement('option'); o.value = String(index); o.textContent = item.menu + ' › ' + item.id + '. ' + item.title; list.appendChild(o); });
    let text = '';
    const render = () => {
      const item = data.items[Number(list.value)];
      if (!item) return;
      const lang = data.language;
      const known = (item.examples && item.examples[lang]) || [];
      const head = '# menus › ' + item.menu + ' › items › id: ' + item.id + ' (' + item.title + ')\\n';
      pre.textContent = head + (known.length ? '        ' + lang + ': [' + known.concat([text]).map(q).join(', ') + ']' : '        examples: { ' + lang + ': [' + q(text) + '] }');
    };
    list.addEventListener('change', render);
    section.querySelectorAll('button.add').forEach((button) => button.addEventListener('click', () => { text = data.misread[Number(button.dataset.index)]; picker.hidden = false; render(); list.focus(); }));
  });
})();`;

export function renderDashboard(input: { views: readonly DashboardView[]; nonce: string; title: string; subtitle: string }): string {
  const [first] = input.views;
  const options = input.views.map((view) => `<option value="${esc(view.key)}">${esc(view.label)}</option>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(input.title)}</title><style nonce="${esc(input.nonce)}">${STYLE}</style></head>
<body><header><h1>${esc(input.title)}</h1><span class="muted">${esc(input.subtitle)}</span>${input.views.length > 1 ? `<label class="muted">Open Line <select id="view" aria-label="Open Line">${options}</select></label>` : ''}</header>
<main>${input.views.map((view) => viewHtml(view, view !== first)).join('\n')}</main><script nonce="${esc(input.nonce)}">${SCRIPT}</script></body></html>`;
}
