import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { extract } from '../src/pipeline.ts';
import { chunkBounds, estimateRows } from '../src/review/chunks.ts';
import { escapeHtml } from '../src/review/escape.ts';
import { type Highlight, renderHighlighted } from '../src/review/highlight.ts';
import { renderReviewPage } from '../src/review/index.ts';
import { detectScript } from '../src/review/labels.ts';
import type { PolicyDocument } from '../src/schema/index.ts';
import { loadFixtures, seedText } from './helpers.ts';
import { hostileText, traditionalText } from './review-documents.ts';

const seedDoc = extract(seedText, { path: 'seeds/shandong-2023-business-environment.txt' });
const measuresOf = (doc: PolicyDocument) => doc.domains.flatMap((domain) => domain.measures);
const count = (html: string, needle: string): number => html.split(needle).length - 1;

const tag = (name: string, start: number, end: number, depth: number): Highlight => ({ start, end, depth, open: `<${name}>`, cont: `<${name}+>` });
// The renderer closes every element with `</span>`; the tests name elements by their opening tag.
const closes = (html: string): string => html.replaceAll('</span>', '</>');

describe('renderHighlighted', () => {
  test('nests a unit inside a clause inside a measure', () => {
    const text = '推进改革。（牵头单位：省大数据局）';
    const highlights = [tag('m', 0, text.length, 1), tag('c', 5, text.length, 2), tag('u', 11, 16, 3)];
    expect(closes(renderHighlighted(text, highlights, 0, text.length))).toBe('<m>推进改革。<c>（牵头单位：<u>省大数据局</>）</></>');
  });

  test('puts the outer element first when two extents coincide, whatever their order in the list', () => {
    const text = '省政府办公厅';
    expect(closes(renderHighlighted(text, [tag('u', 0, 6, 3), tag('c', 0, 6, 2)], 0, 6))).toBe('<c><u>省政府办公厅</></>');
  });

  test('splits an extent that crosses the end of another into a first fragment and a continuation', () => {
    const text = '各市政府和省厅';
    expect(closes(renderHighlighted(text, [tag('c', 0, 4, 2), tag('u', 2, 7, 3)], 0, 7))).toBe('<c>各市<u>政府</></><u+>和省厅</>');
  });

  test('continues an element that began before the range, and closes one that goes on after it', () => {
    const text = '一二三四五六';
    expect(closes(renderHighlighted(text, [tag('m', 0, 6, 1)], 3, 5))).toBe('<m+>四五</>');
  });

  test('escapes the text between the tags', () => {
    expect(renderHighlighted('<b>&"', [], 0, 5)).toBe('&lt;b&gt;&amp;&quot;');
  });
});

describe('escapeHtml', () => {
  test.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onerror="x', '&quot; onerror=&quot;x'],
    ["'single'", '&#39;single&#39;'],
    ['a\u0000b', 'a\uFFFDb'],
    ['省政府办公厅', '省政府办公厅'],
  ])('escapes %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('chunkBounds', () => {
  test('cuts at a measure start within twice the target size', () => {
    const text = `${'甲'.repeat(120)}\n${'乙'.repeat(100)}`;
    expect(chunkBounds(text, [150], 100)).toEqual([0, 150, text.length]);
  });

  test('falls back to a line start, then to a hard cut outside a surrogate pair', () => {
    expect(chunkBounds(`${'甲'.repeat(110)}\n${'乙'.repeat(10)}`, [], 100)).toEqual([0, 111, 121]);
    const astral = '𠀀'.repeat(150);
    const bounds = chunkBounds(astral, [], 99);
    expect(bounds.slice(0, 2)).toEqual([0, 198]);
    expect(bounds.at(-1)).toBe(300);
  });

  test('keeps a text shorter than the target whole', () => {
    expect(chunkBounds('短文', [1], 100)).toEqual([0, 2]);
  });

  test('counts wrapped rows of a chunk, an empty line as one row', () => {
    expect(estimateRows(`${'字'.repeat(85)}\n\n短`, 0, 88, 40)).toBe(5);
  });
});

describe('detectScript', () => {
  test.each([
    ['simplified', seedText],
    ['traditional', traditionalText],
  ])('reads a %s document as such', (script, text) => {
    expect(detectScript(text)).toBe(script);
  });
});

/** The source text of a page: its chunks without tags, the references read back. */
function sourceOf(html: string): string {
  return html
    .split('<div class="chunk')
    .slice(1)
    .map((chunk) => chunk.slice(chunk.indexOf('>') + 1, chunk.indexOf('</div>')))
    .join('')
    .replace(/<[^>]*>/g, '')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

describe('renderReviewPage', () => {
  const page = renderReviewPage([{ doc: seedDoc, text: seedText }]);

  test('outlines every measure and highlights every unit, clause, deadline and target once', () => {
    const measures = measuresOf(seedDoc);
    expect(count(page, ' data-measure="') - count(page, 'data-field="')).toBe(measures.length);
    expect(count(page, 'data-field="unit"')).toBe(measures.reduce((n, m) => n + m.units.length, 0));
    expect(count(page, 'data-field="clause"')).toBe(measures.reduce((n, m) => n + m.clauses.length, 0));
    expect(count(page, 'data-field="deadline"')).toBe(measures.reduce((n, m) => n + m.deadlines.length, 0));
    expect(count(page, 'data-field="target"')).toBe(measures.reduce((n, m) => n + m.targets.length, 0));
    for (const role of ['lead', 'responsible', 'supporting'] as const) {
      expect(count(page, `data-role="${role}"`), role).toBe(measures.reduce((n, m) => n + m.units.filter((unit) => unit.role === role).length, 0));
    }
  });

  test('gives each deadline its resolved date and each ledger row the six columns', () => {
    expect(page).toContain('data-date="2023-06-30" data-kind="month-end" title="截止日期 2023-06-30"');
    expect(page).toContain('<th>序号</th><th>任务</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th><th>截止日期</th>');
    expect(count(page, '<tr data-row="')).toBe(measuresOf(seedDoc).length);
  });

  test('keeps the whole source text, escaped, in document order', () => {
    expect(sourceOf(page)).toBe(seedText);
  });

  test('marks a warning at its place, in its measure', () => {
    const fixture = loadFixtures().find((f) => f.name === 'measure-number-gap');
    const doc = extract(fixture?.input as string, fixture?.options);
    const html = renderReviewPage([{ doc, text: fixture?.input as string }]);
    expect(html).toMatch(/<span class="f warning" data-field="warning" data-measure="1\.3" data-code="measure-number-gap" title="measure-number-gap: [^"]+">4/);
  });

  test.each(loadFixtures().map((fixture) => [fixture.name, fixture] as const))(
    'renders fixture %s with its whole text, every unit, and balanced chunks',
    (_, fixture) => {
      const doc = extract(fixture.input, fixture.options);
      const html = renderReviewPage([{ doc, text: fixture.input }], { chunkSize: 200 });
      expect(sourceOf(html)).toBe(fixture.input.replaceAll('\u0000', '\uFFFD'));
      expect(count(html, 'data-field="unit"')).toBe(measuresOf(doc).reduce((n, m) => n + m.units.length, 0));
      // Each chunk opens and closes its own elements: no tag runs across a chunk.
      for (const chunk of html.match(/<div class="chunk[^"]*">.*?<\/div>/gs) ?? []) expect(count(chunk, '<span')).toBe(count(chunk, '</span>'));
    },
  );

  test('allows exactly its own inline script and style by their SHA-256', () => {
    const hash = (body: string) => `sha256-${createHash('sha256').update(body).digest('base64')}`;
    const script = page.slice(page.indexOf('<script>') + 8, page.indexOf('</script>'));
    const style = page.slice(page.indexOf('<style>') + 7, page.indexOf('</style>'));
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;${hash(script)}&#39;; style-src &#39;${hash(style)}&#39;;`,
    );
  });

  test('fetches nothing: no external address in the page', () => {
    expect(page).not.toMatch(/\b(?:src|href)="(?!#)/);
    expect(page).not.toMatch(/@import|url\(|https?:/);
  });

  test('renders the same bytes for the same inputs', () => {
    expect(renderReviewPage([{ doc: seedDoc, text: seedText }])).toBe(page);
  });

  test('shows markup from a document as text: one script, one style, no element of its own', () => {
    const doc = extract(hostileText, { path: 'hostile.txt' });
    const html = renderReviewPage([{ doc, text: hostileText }]);
    expect(count(html, '<script')).toBe(1);
    expect(count(html, '<style')).toBe(1);
    expect(html).not.toMatch(/<(?:img|svg|iframe|textarea)\b/);
    // Quoted attribute values may hold the words, never an attribute.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^<>]*\son[a-z]+=/i);
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('data-unit="省&quot;onmouseover=window.__pwned=3 x=&quot;办公厅"');
  });

  test('speaks the script of a Traditional document', () => {
    const doc = extract(traditionalText, { path: 'taichung.txt' });
    const html = renderReviewPage([{ doc, text: traditionalText }]);
    expect(html).toContain('<html lang="zh-Hant">');
    expect(html).toContain('<th>序號</th><th>任務</th><th>牽頭單位</th><th>責任單位</th><th>完成時限</th><th>截止日期</th>');
    expect(count(html, 'data-field="unit"')).toBe(measuresOf(doc).reduce((n, m) => n + m.units.length, 0));
  });

  test('offers a status filter only when the measures carry a status', () => {
    expect(page).not.toContain('status-filter"');
    const withStatus = structuredClone(seedDoc) as PolicyDocument;
    const first = withStatus.domains[0]?.measures[0] as PolicyDocument['domains'][number]['measures'][number] & { status?: string };
    first.status = 'overdue';
    const html = renderReviewPage([{ doc: withStatus, text: seedText }]);
    expect(html).toContain('<select id="status-filter"><option value="">全部状态</option><option value="overdue">已逾期</option></select>');
    expect(html).toContain('<tr data-row="1.1" data-units="省政府办公厅\n省大数据局" data-status="overdue"');
  });

  test('renders a batch as one page, one article per document, with a table of contents', () => {
    const doc = extract(traditionalText, { path: 'taichung.txt' });
    const html = renderReviewPage([
      { doc: seedDoc, text: seedText },
      { doc, text: traditionalText },
    ]);
    expect(count(html, '<article class="doc"')).toBe(2);
    expect(html).toContain('<article class="doc" id="doc-2" data-doc="2" lang="zh-Hant">');
    expect(html).toContain('<a href="#doc-2">臺中市113年度優化營商環境重點工作分工方案</a>');
  });

  test('cuts a long source into chunks at measure starts, each reserving its height', () => {
    const html = renderReviewPage([{ doc: seedDoc, text: seedText }], { chunkSize: 2_000 });
    const chunks = html.match(/<div class="chunk r(\d+)">/g) ?? [];
    expect(chunks.length).toBeGreaterThan(10);
    // Every cut falls at a measure start, so no chunk begins inside a measure.
    expect(html).not.toMatch(/<div class="chunk r\d+"><span class="m(?: alt)?" data-of=/);
    for (const bucket of new Set(chunks.map((chunk) => chunk.match(/r(\d+)/)?.[1]))) expect(html).toContain(`.chunk.r${bucket}{contain-intrinsic-size:auto`);
  });
});
