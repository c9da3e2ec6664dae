import { createHash } from 'node:crypto';
import type { Deadline, Domain, Measure, PolicyDocument, Position } from '../schema/index.ts';
import { buildStylesheet, clientScript, rowBucket } from './assets.ts';
import { chunkBounds, estimateRows } from './chunks.ts';
import { escapeHtml } from './escape.ts';
import { type Highlight, renderHighlighted } from './highlight.ts';
import { detectScript, type Labels, labelsFor, type Script } from './labels.ts';

/** One document of the page: its extraction and the text its offsets index (the text as read). */
export interface ReviewInput {
  readonly doc: PolicyDocument;
  readonly text: string;
}

export interface ReviewOptions {
  /** The page title; default: the document's title, or its path. */
  readonly title?: string;
  /** The script of the page's own words; default: detected for each document from its text. */
  readonly script?: Script;
  /** Characters of source per lazily laid-out chunk (default 16,000). */
  readonly chunkSize?: number;
}

const defaultChunkSize = 16_000;
/** Characters per row of the source pane, for the height a chunk reserves before layout. */
const rowColumns = 40;
const rowsPerLedgerChunk = 100;

/**
 * Ledger statuses come with `--as-of` (the status stage) and are not in every output: read them
 * where they are, never require them.
 */
type WithStatus = { readonly status?: unknown };
const statusOf = (value: WithStatus): string | undefined => (typeof value.status === 'string' && value.status !== '' ? value.status : undefined);

const attr = (name: string, value: string | number): string => ` ${name}="${escapeHtml(String(value))}"`;

interface Located {
  readonly measure: Measure;
  readonly domain: Domain;
}

/**
 * One self-contained HTML page for reviewing a batch: each document's source with every measure
 * outlined and every field highlighted in place, beside its ledger. Nothing is fetched; the
 * inline style and script are allowed by hash and nothing else is. Everything from a document
 * is escaped. Deterministic: the same inputs give the same bytes.
 *
 * Machine-findable: a measure's (first) element has `data-measure`; a field's has `data-field`
 * (`unit`, `deadline`, `clause`, `target`, `warning`) and the `data-measure` of its measure, a
 * unit also `data-role`. Fragments that continue an element split by nesting or by a chunk carry
 * `data-part` and `data-of` instead, so `[data-field="unit"]` counts each unit once.
 */
export function renderReviewPage(inputs: readonly ReviewInput[], options: ReviewOptions = {}): string {
  const scripts = inputs.map((input) => options.script ?? detectScript(input.text));
  const pageLabels = labelsFor(options.script ?? scripts[0] ?? 'simplified');
  const buckets = new Set<number>();
  const articles = inputs.map((input, index) => renderDocument(input, index, labelsFor(scripts[index] ?? 'simplified'), options, buckets));
  const units = countUnits(inputs.map((input) => input.doc));
  const statuses = [...new Set(inputs.flatMap((input) => measuresOf(input.doc).flatMap(({ measure }) => statusOf(measure as WithStatus) ?? [])))];
  const first = inputs[0]?.doc;
  const title = options.title ?? (inputs.length === 1 && first ? (first.title ?? first.source.path ?? pageLabels.review) : pageLabels.review);
  const style = buildStylesheet(buckets);
  const csp = `default-src 'none'; script-src '${sha256(clientScript)}'; style-src '${sha256(style)}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const toc =
    inputs.length > 1
      ? `<nav class="toc">${inputs.map((input, i) => `<a href="#doc-${i + 1}">${escapeHtml(input.doc.title ?? input.doc.source.path ?? `${i + 1}`)}</a>`).join('')}</nav>`
      : '';
  return [
    '<!doctype html>',
    `<html${attr('lang', pageLabels.lang)}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy"${attr('content', csp)}>`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<header class="top"><h1>${escapeHtml(title)}</h1>${renderLegend(pageLabels)}${renderFilters(pageLabels, units, statuses)}</header>`,
    toc,
    ...articles,
    `<script>${clientScript}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sha256(content: string): string {
  return `sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}`;
}

function measuresOf(doc: PolicyDocument): Located[] {
  return doc.domains.flatMap((domain) => domain.measures.map((measure) => ({ measure, domain })));
}

function countUnits(docs: readonly PolicyDocument[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    for (const { measure } of measuresOf(doc)) {
      for (const name of new Set(unitNames(measure))) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function unitNames(measure: Measure): string[] {
  return [...measure.leadUnits, ...measure.responsibleUnits, ...measure.supportingUnits];
}

function renderLegend(labels: Labels): string {
  const keys: [string, string][] = [
    ['unit lead', labels.lead],
    ['unit responsible', labels.responsible],
    ['unit supporting', labels.supporting],
    ['clause', labels.clause],
    ['deadline', labels.deadline],
    ['target', labels.target],
    ['warning', labels.warning],
  ];
  return `<div class="legend">${keys.map(([kind, label]) => `<span class="key ${kind}">${escapeHtml(label)}</span>`).join('')}</div>`;
}

function renderFilters(labels: Labels, units: readonly [string, number][], statuses: readonly string[]): string {
  const unitOptions = units.map(([name, count]) => `<option${attr('value', name)}>${escapeHtml(name)} (${count})</option>`).join('');
  const unitFilter = `<label>${escapeHtml(labels.unit)} <select id="unit-filter"><option value="">${escapeHtml(labels.allUnits)}</option>${unitOptions}</select></label>`;
  const statusFilter =
    statuses.length === 0
      ? ''
      : `<label>${escapeHtml(labels.status)} <select id="status-filter"><option value="">${escapeHtml(labels.allStatuses)}</option>${statuses
          .map((status) => `<option${attr('value', status)}>${escapeHtml(labels.statuses[status] ?? status)}</option>`)
          .join('')}</select></label>`;
  return `<div class="filters">${unitFilter} ${statusFilter} <output id="shown"></output></div>`;
}

function renderDocument(input: ReviewInput, index: number, labels: Labels, options: ReviewOptions, buckets: Set<number>): string {
  const { doc, text } = input;
  const measures = measuresOf(doc);
  const highlights = collectHighlights(doc, measures, text.length, labels);
  const unplaced = doc.warnings.filter((warning) => warning.position === null);
  const counts = [
    `${measures.length} ${labels.measures}`,
    `${new Set(measures.flatMap(({ measure }) => unitNames(measure))).size} ${labels.units}`,
    `${measures.reduce((n, { measure }) => n + measure.deadlines.length, 0)} ${labels.deadlines}`,
    `${doc.warnings.length} ${labels.warnings}`,
  ];
  const meta = [doc.source.path, doc.year === null ? null : String(doc.year), ...counts].filter((part): part is string => part !== null);
  return [
    `<article class="doc"${attr('id', `doc-${index + 1}`)}${attr('data-doc', index + 1)}${attr('lang', labels.lang)}>`,
    `<h2>${escapeHtml(doc.title ?? labels.noTitle)}</h2>`,
    `<p class="meta">${escapeHtml(meta.join(' · '))}</p>`,
    unplaced.length > 0 ? `<ul class="notes">${unplaced.map((w) => `<li>${escapeHtml(`${w.code}: ${w.message}`)}</li>`).join('')}</ul>` : '',
    '<div class="panes">',
    `<section class="pane src"${attr('aria-label', labels.source)}>`,
    renderSource(text, doc, highlights, options.chunkSize ?? defaultChunkSize, buckets),
    '</section>',
    `<section class="pane ledger"${attr('aria-label', labels.ledger)}>`,
    renderLedger(measures, labels),
    '</section>',
    '</div>',
    '</article>',
  ].join('\n');
}

/** Offsets clamped to the text, so that a stale or rough position never throws. */
function extent(position: Position, length: number): [number, number] {
  const start = Math.min(Math.max(position.start.offset, 0), length);
  return [start, Math.min(Math.max(position.end.offset, start), length)];
}

function fieldTags(kind: string, extraClass: string, measureId: string | null, attributes: string): { open: string; cont: string } {
  const className = attr('class', `f ${kind}${extraClass}`);
  const owner = measureId === null ? '' : attr('data-measure', measureId);
  const continued = measureId === null ? '' : attr('data-of', measureId);
  return { open: `<span${className}${attr('data-field', kind)}${owner}${attributes}>`, cont: `<span${className}${attr('data-part', kind)}${continued}>` };
}

function collectHighlights(doc: PolicyDocument, measures: readonly Located[], length: number, labels: Labels): Highlight[] {
  const highlights: Highlight[] = [];
  const add = (position: Position, depth: number, tags: { open: string; cont: string }): void => {
    const [start, end] = extent(position, length);
    if (end > start) highlights.push({ start, end, depth, ...tags });
  };
  const roleLabel = { lead: labels.lead, responsible: labels.responsible, supporting: labels.supporting } as const;
  for (const domain of doc.domains) {
    if (domain.position) add(domain.position, 0, { open: `<span class="dh"${attr('data-domain', domain.index)}>`, cont: '<span class="dh">' });
  }
  for (const [index, { measure }] of measures.entries()) {
    const id = measure.id;
    // Neighbouring measures alternate in tint, so that where one ends and the next begins shows.
    const className = attr('class', index % 2 === 0 ? 'm' : 'm alt');
    add(measure.position, 1, { open: `<span${className}${attr('data-measure', id)}>`, cont: `<span${className}${attr('data-of', id)}>` });
    for (const clause of measure.clauses) add(clause.position, 2, fieldTags('clause', '', id, attr('data-rule', clause.rule)));
    for (const unit of measure.units) {
      add(
        unit.position,
        3,
        fieldTags(
          'unit',
          ` ${unit.role}`,
          id,
          `${attr('data-role', unit.role)}${attr('data-unit', unit.name)}${attr('title', `${roleLabel[unit.role]}：${unit.name}`)}`,
        ),
      );
    }
    for (const deadline of measure.deadlines) add(deadline.position, 3, fieldTags('deadline', '', id, deadlineAttributes(deadline, labels)));
    for (const target of measure.targets) add(target.position, 3, fieldTags('target', '', id, attr('title', `${labels.target}：${target.text}`)));
  }
  const measureExtents = measures.map(({ measure }) => extent(measure.position, length));
  for (const warning of doc.warnings) {
    if (!warning.position) continue;
    const [start, end] = extent(warning.position, length);
    // A warning about a point still needs a character to stand on.
    const widened = end > start ? warning.position : { start: warning.position.start, end: { ...warning.position.start, offset: start + 1 } };
    const owner = measures[containing(measureExtents, start)]?.measure.id ?? null;
    add(widened, 4, fieldTags('warning', '', owner, `${attr('data-code', warning.code)}${attr('title', `${warning.code}: ${warning.message}`)}`));
  }
  return highlights.sort((a, b) => a.start - b.start);
}

/** Index of the extent that contains `offset`, in extents sorted by start; -1 when none does. */
function containing(extents: readonly [number, number][], offset: number): number {
  let low = 0;
  let high = extents.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((extents[middle] as [number, number])[0] <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found >= 0 && offset < (extents[found] as [number, number])[1] ? found : -1;
}

function deadlineAttributes(deadline: Deadline, labels: Labels): string {
  const status = statusOf(deadline as WithStatus);
  const hover = [`${labels.date} ${deadline.date ?? '—'}`, status === undefined ? null : (labels.statuses[status] ?? status)].filter((part) => part !== null);
  return [
    deadline.date === null ? '' : attr('data-date', deadline.date),
    attr('data-kind', deadline.kind),
    status === undefined ? '' : attr('data-status', status),
    attr('title', hover.join(' · ')),
  ].join('');
}

function renderSource(text: string, doc: PolicyDocument, highlights: readonly Highlight[], chunkSize: number, buckets: Set<number>): string {
  const cuts = [
    ...doc.domains.flatMap((domain) => (domain.position ? [domain.position.start.offset] : [])),
    ...doc.domains.flatMap((domain) => domain.measures.map((measure) => measure.position.start.offset)),
  ];
  const bounds = chunkBounds(text, cuts, chunkSize);
  const out: string[] = [];
  let active: Highlight[] = [];
  let next = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i] as number;
    const to = bounds[i + 1] as number;
    while (next < highlights.length && (highlights[next] as Highlight).start < to) active.push(highlights[next++] as Highlight);
    active = active.filter((highlight) => highlight.end > from);
    const rows = Math.ceil(estimateRows(text, from, to, rowColumns) / rowBucket) * rowBucket;
    buckets.add(rows);
    out.push(`<div${attr('class', `chunk r${rows}`)}>${renderHighlighted(text, active, from, to)}</div>`);
  }
  return out.join('\n');
}

function renderUnits(names: readonly string[], open: boolean, role: string): string {
  const spans = names.map((name) => `<span${attr('class', `u ${role}`)}>${escapeHtml(name)}</span>`);
  return spans.join('、') + (open && names.length > 0 ? '等' : '');
}

function renderLedger(measures: readonly Located[], labels: Labels): string {
  const columns =
    '<colgroup><col class="c-id"><col class="c-task"><col class="c-unit"><col class="c-unit"><col class="c-deadline"><col class="c-date"></colgroup>';
  const head = [labels.id, labels.task, labels.lead, labels.responsible, labels.deadline, labels.date].map((label) => `<th>${escapeHtml(label)}</th>`).join('');
  const rows = measures.map(({ measure }) => renderRow(measure, labels));
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += rowsPerLedgerChunk) {
    chunks.push(`<div class="rows"><table>${columns}<tbody>${rows.slice(i, i + rowsPerLedgerChunk).join('')}</tbody></table></div>`);
  }
  return [`<table class="head">${columns}<thead><tr>${head}</tr></thead></table>`, ...chunks].join('\n');
}

function renderRow(measure: Measure, labels: Labels): string {
  const status = statusOf(measure as WithStatus);
  const supporting =
    measure.supportingUnits.length > 0
      ? `<br>${escapeHtml(labels.supporting)}：${renderUnits(measure.supportingUnits, measure.supportingUnitsOpen, 'supporting')}`
      : '';
  const dates = measure.deadlines.map((deadline) => escapeHtml(deadline.date ?? '—')).join('<br>');
  const badge = status === undefined ? '' : `<br><span${attr('class', `st ${status}`)}>${escapeHtml(labels.statuses[status] ?? status)}</span>`;
  const cells = [
    escapeHtml(measure.id),
    escapeHtml(measure.title),
    renderUnits(measure.leadUnits, measure.leadUnitsOpen, 'lead'),
    renderUnits(measure.responsibleUnits, measure.responsibleUnitsOpen, 'responsible') + supporting,
    measure.deadlines.map((deadline) => escapeHtml(deadline.text)).join('<br>'),
    dates + badge,
  ];
  const units = [...new Set(unitNames(measure))].join('\n');
  return `<tr${attr('data-row', measure.id)}${attr('data-units', units)}${status === undefined ? '' : attr('data-status', status)} tabindex="0">${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
}
