/**
 * The page's one stylesheet and one script, inline: the page fetches nothing. Fonts are the
 * reader's own (CJK families by script through `:lang`). The Content-Security-Policy names both
 * by their SHA-256, so nothing else can run or style the page, not even markup that slipped
 * through escaping.
 */

/** Rows of source a chunk's reserved height is rounded up to: fewer distinct classes in the stylesheet. */
export const rowBucket = 20;

const lineHeight = 1.7;

const baseStyle = `
:root{color-scheme:light;--lead:#c2410c;--lead-bg:#ffedd5;--resp:#1d4ed8;--resp-bg:#dbeafe;--supp:#15803d;--supp-bg:#dcfce7;--clause-bg:#eef2f7;--deadline:#6d28d9;--deadline-bg:#ede9fe;--target:#0f766e;--target-bg:#ccfbf1;--warn:#dc2626;--sel:#fef08a;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 system-ui,"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2937;background:#f8fafc}
:lang(zh-Hant){font-family:system-ui,"Noto Sans CJK TC","Source Han Sans TC","PingFang TC","Microsoft JhengHei",sans-serif}
.top{position:sticky;top:0;z-index:3;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;padding:.45rem 1rem;background:#fff;border-bottom:1px solid var(--line)}
.top h1{font-size:1rem;margin:0}
.top label{font-size:.85rem;color:#4b5563}
.top select{font:inherit;font-size:.85rem;max-width:16rem}
.legend{font-size:.8rem;display:flex;gap:.5rem;flex-wrap:wrap}
.toc{margin:.5rem 1rem;font-size:.85rem}
.toc a{margin-right:1rem}
.doc{padding:.4rem 1rem 1rem}
.doc>h2{font-size:1.05rem;margin:.4rem 0 .1rem}
.meta{font-size:.8rem;color:#6b7280;margin:0 0 .4rem}
.notes{font-size:.8rem;color:var(--warn);margin:0 0 .4rem;padding-left:1.2rem}
.panes{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,1fr);gap:.8rem}
.pane{height:calc(100vh - 8.5rem);min-height:20rem;overflow:auto;background:#fff;border:1px solid var(--line);border-radius:6px}
.src{padding:.4rem .9rem}
.chunk{margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;line-height:${lineHeight};content-visibility:auto;contain-intrinsic-size:auto 40em}
.m{border-radius:3px;background:rgba(59,130,246,.07);-webkit-box-decoration-break:clone;box-decoration-break:clone;cursor:pointer}
.m.alt{background:rgba(234,88,12,.06)}
.m.sel{background:var(--sel)}
.m.dim{opacity:.3}
.dh{font-weight:700;color:#0f172a;border-bottom:2px solid #94a3b8}
.clause{background:var(--clause-bg);border-radius:3px}
.unit{border-bottom:2px solid;border-radius:2px}
.unit.lead{background:var(--lead-bg);border-color:var(--lead)}
.unit.responsible{background:var(--resp-bg);border-color:var(--resp)}
.unit.supporting{background:var(--supp-bg);border-color:var(--supp)}
.unit.hit{outline:2px solid #111827}
.deadline{color:var(--deadline);background:var(--deadline-bg);border-bottom:2px dotted var(--deadline)}
.deadline[data-date]::after{content:" " attr(data-date);font-size:.72em;font-weight:600;vertical-align:super;white-space:nowrap}
.target{background:var(--target-bg);border-bottom:2px solid var(--target)}
.warning{text-decoration:underline wavy var(--warn);text-underline-offset:3px}
.warning::before{content:"\\26A0";color:var(--warn);font-size:.8em}
.key{padding:0 .3em;border-radius:3px}
.ledger table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:.82rem}
.ledger .head{position:sticky;top:0;z-index:1;background:#f1f5f9}
.ledger th,.ledger td{padding:.25rem .4rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top;overflow-wrap:anywhere}
.ledger col.c-id{width:3.6rem}.ledger col.c-unit{width:22%}.ledger col.c-deadline{width:14%}.ledger col.c-date{width:6.6rem}
.rows{content-visibility:auto;contain-intrinsic-size:auto 240em}
tr[data-row]{cursor:pointer}
tr[data-row]:hover{background:#f8fafc}
tr.sel,tr.sel:hover{background:var(--sel)}
td .u{white-space:nowrap}
td .u.lead{color:var(--lead)}td .u.responsible{color:var(--resp)}td .u.supporting{color:var(--supp)}
td .st{font-size:.75em;padding:0 .3em;border-radius:3px;background:#e5e7eb}
td .st.overdue{background:#fecaca}td .st.due-soon{background:#fef08a}td .st.pending{background:#bbf7d0}
@media (max-width:900px){.panes{grid-template-columns:1fr}.pane{height:60vh}}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{background:#fff;font-size:10.5pt}
.top{position:static;border:0}.top .filters{display:none}
.panes{display:block}
.pane{height:auto;min-height:0;overflow:visible;border:0}
.chunk,.rows{content-visibility:visible}
.ledger{margin-top:1rem}
.ledger .head{position:static}
tr{break-inside:avoid}
.m{outline:0;background:none}
.doc+.doc{break-before:page}
}
`;

/** The stylesheet, with the reserved heights of the row buckets the page uses. */
export function buildStylesheet(rowBuckets: Iterable<number>): string {
  const sizes = [...new Set(rowBuckets)].sort((a, b) => a - b).map((rows) => `.chunk.r${rows}{contain-intrinsic-size:auto ${rows * lineHeight}em}`);
  return `${baseStyle.trim()}\n${sizes.join('\n')}`;
}

/**
 * Selection and filters. Rows and highlights find each other by measure id within their
 * document: a measure's first fragment has `data-measure`, its continuations `data-of`.
 */
export const clientScript = `
(() => {
  'use strict';
  const doc = document;
  const idOf = (element) => element.getAttribute('data-measure') || element.getAttribute('data-of');
  const quoted = (value) => '"' + CSS.escape(value) + '"';
  const fragments = (article, id) => article.querySelectorAll('.m[data-measure=' + quoted(id) + '],.m[data-of=' + quoted(id) + ']');

  function select(article, id, from) {
    for (const element of doc.querySelectorAll('.sel')) element.classList.remove('sel');
    for (const element of doc.querySelectorAll('tr[aria-selected]')) element.removeAttribute('aria-selected');
    const parts = fragments(article, id);
    for (const element of parts) element.classList.add('sel');
    const row = article.querySelector('tr[data-row=' + quoted(id) + ']');
    if (row) {
      row.classList.add('sel');
      row.setAttribute('aria-selected', 'true');
    }
    if (from === 'row' && parts[0]) parts[0].scrollIntoView({ block: 'center' });
    if (from === 'source' && row) row.scrollIntoView({ block: 'nearest' });
  }

  doc.addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const article = target.closest('article.doc');
    if (!article) return;
    const row = target.closest('tr[data-row]');
    if (row) return select(article, row.getAttribute('data-row'), 'row');
    const source = article.querySelector('.src');
    const hit = target.closest('[data-measure],[data-of]');
    if (hit && source && source.contains(hit)) select(article, idOf(hit), 'source');
  });

  doc.addEventListener('keydown', (event) => {
    const target = event.target;
    if ((event.key !== 'Enter' && event.key !== ' ') || !(target instanceof Element) || !target.matches('tr[data-row]')) return;
    event.preventDefault();
    const article = target.closest('article.doc');
    if (article) select(article, target.getAttribute('data-row'), 'row');
  });

  const unitFilter = doc.getElementById('unit-filter');
  const statusFilter = doc.getElementById('status-filter');
  const shown = doc.getElementById('shown');

  function applyFilters() {
    const unit = unitFilter ? unitFilter.value : '';
    const status = statusFilter ? statusFilter.value : '';
    let visible = 0;
    for (const article of doc.querySelectorAll('article.doc')) {
      const hidden = new Set();
      for (const row of article.querySelectorAll('tr[data-row]')) {
        const units = (row.getAttribute('data-units') || '').split('\\n');
        const keep = (!unit || units.includes(unit)) && (!status || row.getAttribute('data-status') === status);
        row.hidden = !keep;
        if (keep) visible++;
        else hidden.add(row.getAttribute('data-row'));
      }
      for (const element of article.querySelectorAll('.m')) element.classList.toggle('dim', hidden.has(idOf(element)));
    }
    for (const element of doc.querySelectorAll('.unit.hit')) element.classList.remove('hit');
    if (unit) for (const element of doc.querySelectorAll('.unit[data-unit=' + quoted(unit) + ']')) element.classList.add('hit');
    if (shown) shown.textContent = unit || status ? String(visible) : '';
  }

  if (unitFilter) unitFilter.addEventListener('change', applyFilters);
  if (statusFilter) statusFilter.addEventListener('change', applyFilters);
})();
`.trim();
