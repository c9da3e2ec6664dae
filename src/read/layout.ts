import type { DocumentBuilder, PlacedCell } from './render.ts';

/**
 * Pages of positioned text (PDF, OFD) to paragraphs and tables in reading order: lines
 * rebuilt from baselines, the columns of a two-column page read one after the other, wrapped
 * lines joined (CJK without a space, a Latin hyphen dropped), running headers and page
 * numbers left out, ruled tables rebuilt from their ruling lines and tables without rules from
 * the gaps between their columns where those are clear. Coordinates run from
 * the top left of the page, in any unit (points, millimetres); tolerances scale with the font.
 */

/** Characters drawn on one baseline from `x` to `x + width`. */
export interface TextPiece {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/** A straight horizontal or vertical line drawn on the page (a table's ruling). */
export interface RuleLine {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface PositionedPage {
  readonly width: number;
  readonly height: number;
  readonly pieces: readonly TextPiece[];
  readonly rules: readonly RuleLine[];
}

interface Line {
  text: string;
  x0: number;
  x1: number;
  readonly y: number;
  readonly size: number;
  readonly pieces: TextPiece[];
}

const cjkRe = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
const isCjk = (char: string | undefined): boolean => char !== undefined && cjkRe.test(char);
/** A single space after a CJK character and before a CJK character or a digit (`压 缩`, `年 6`); the lookahead leaves the next pair to match. */
const cjkSpaceRe =
  /([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d]) (?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d0-9])/g;
/** A single space after a digit and before a CJK character (`2024 年`): the gap writers put between scripts. */
const digitCjkSpaceRe = /([0-9]) (?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f])/g;

/** Joins two pieces of one line: CJK text touches, other text keeps a space where the gap shows one. */
function joinOnLine(left: string, right: string, gap: number, size: number): string {
  if (left.length === 0) return right;
  if (right.length === 0) return left;
  const last = left.at(-1) as string;
  const first = right[0] as string;
  if (last === ' ' || first === ' ') return left + right;
  // Writers put a quarter-em between CJK and Latin text (autospace); that gap is no space.
  const cjk = isCjk(last) || isCjk(first);
  if (gap > (cjk ? 1.5 : 0.2) * size) return `${left} ${right}`;
  return left + right;
}

/** Joins a wrapped line to the line before it: no space between CJK, a hyphen at a Latin break dropped. */
export function joinWrapped(before: string, after: string): string {
  if (before.length === 0) return after;
  if (after.length === 0) return before;
  if (/[A-Za-z]-$/.test(before) && /^[a-z]/.test(after)) return before.slice(0, -1) + after;
  if (isCjk(before.at(-1)) || isCjk(after[0]) || before.endsWith(' ')) return before + after;
  // A number or name wrapped inside CJK text (`202` / `4年`) is one word; only Latin text breaks at spaces.
  if (cjkRe.test(before.slice(-24))) return before + after;
  return `${before} ${after}`;
}

/** One space for any run of white space, none where pdfjs or a writer's autospace put one between scripts. */
const tidy = (text: string): string => text.replace(/\s+/g, ' ').replace(cjkSpaceRe, '$1').replace(digitCjkSpaceRe, '$1').trim();

/** Groups pieces into lines by baseline, pieces of a line in x order; a large gap splits a line into segments. */
function buildLines(pieces: readonly TextPiece[]): Line[] {
  // pdfjs marks a wide gap with a space item as wide as the gap; the gap itself is what tells columns apart.
  // A space no wider than an ideographic one is a space written in the text, and stays.
  const sorted = [...pieces]
    .filter((piece) => piece.text.length > 0 && (piece.text.trim().length > 0 || piece.width <= 1.1 * piece.size))
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: TextPiece[][] = [];
  for (const piece of sorted) {
    const row = rows.at(-1);
    const anchor = row?.[0];
    if (row && anchor && Math.abs(piece.y - anchor.y) <= 0.4 * Math.max(anchor.size, piece.size)) row.push(piece);
    else rows.push([piece]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let line: Line | null = null;
    for (const piece of row) {
      const gap = line ? piece.x - line.x1 : 0;
      // A gap of most of a character separates segments: the columns of a page, or of a table.
      if (!line || gap > 0.8 * Math.max(line.size, piece.size)) {
        line = { text: piece.text, x0: piece.x, x1: piece.x + piece.width, y: piece.y, size: piece.size, pieces: [piece] };
        lines.push(line);
        continue;
      }
      line.text = joinOnLine(line.text, piece.text, gap, piece.size);
      line.x1 = Math.max(line.x1, piece.x + piece.width);
      line.pieces.push(piece);
    }
  }
  // pdfjs marks wide gaps with a space; between CJK characters that is justification, not a space.
  for (const line of lines) line.text = tidy(line.text);
  return lines.filter((line) => line.text.length > 0);
}

// Running headers and page numbers --------------------------------------------------------

/** `— 1 —`, `- 12 -`, `第 3 页`, `3/85`, `３`: a page number on a line of its own. */
const pageNumberRe = /^[\s\-—–_·.]*(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?(?:\s*[/／]\s*[0-9０-９]{1,4})?(?:\s*页)?[\s\-—–_·.]*$/;
/** `第 3 页 共 85 页`, `Page 3 of 85`. */
const pageOfRe = /^(?:第\s*[0-9０-９]{1,4}\s*页\s*[，,]?\s*共\s*[0-9０-９]{1,4}\s*页|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)$/i;

/** Lines in the top or bottom band of the page (a tenth of its height). */
const inMargin = (line: Line, page: PositionedPage): boolean => line.y < page.height * 0.1 || line.y - line.size > page.height * 0.9;

/** Drops page numbers and the lines repeated in the margins of several pages (running headers and footers); `kept` lines (in tables) stay. */
function dropFrame(pages: Line[][], sources: readonly PositionedPage[], kept: ReadonlySet<Line>): Line[][] {
  const key = (line: Line) => line.text.replace(/[0-9０-９]+/g, '#');
  const counts = new Map<string, number>();
  pages.forEach((lines, p) => {
    const seen = new Set<string>();
    for (const line of lines) if (!kept.has(line) && inMargin(line, sources[p] as PositionedPage)) seen.add(key(line));
    for (const text of seen) counts.set(text, (counts.get(text) ?? 0) + 1);
  });
  const repeatedOn = Math.max(2, Math.ceil(pages.length / 2));
  const bodySizes = pages.map((lines) => {
    const sizes = lines.map((line) => line.size).sort((a, b) => a - b);
    return sizes[Math.floor(sizes.length / 2)] ?? 0;
  });
  return pages.map((lines, p) =>
    lines.filter((line) => {
      if (kept.has(line) || !inMargin(line, sources[p] as PositionedPage)) return true;
      // A page number stands alone on its baseline; a number with neighbours is a table's cell.
      const alone = !lines.some((other) => other !== line && Math.abs(other.y - line.y) <= 0.5 * line.size);
      if (alone && (pageNumberRe.test(line.text) || pageOfRe.test(line.text))) return false;
      // A running header in a smaller type than the body, even on a page of its own.
      if (alone && line.size < 0.9 * (bodySizes[p] as number)) return false;
      return pages.length < 2 || (counts.get(key(line)) ?? 0) < repeatedOn;
    }),
  );
}

// Ruled tables ----------------------------------------------------------------------------

interface RuledTable {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly xs: number[];
  readonly ys: number[];
  readonly horizontal: RuleLine[];
  readonly vertical: RuleLine[];
}

/** Sorted distinct values, those closer than `tolerance` merged. */
function distinct(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const value of sorted) if (out.length === 0 || value - (out.at(-1) as number) > tolerance) out.push(value);
  return out;
}

/** Tables drawn with ruling lines: groups of horizontal and vertical lines that touch one another. */
function findRuledTables(rules: readonly RuleLine[], tolerance: number): RuledTable[] {
  const horizontal = rules.filter((rule) => Math.abs(rule.y1 - rule.y2) <= tolerance / 2 && Math.abs(rule.x2 - rule.x1) > tolerance);
  const vertical = rules.filter((rule) => Math.abs(rule.x1 - rule.x2) <= tolerance / 2 && Math.abs(rule.y2 - rule.y1) > tolerance);
  const all = [...horizontal, ...vertical].map((rule) => ({
    x1: Math.min(rule.x1, rule.x2),
    x2: Math.max(rule.x1, rule.x2),
    y1: Math.min(rule.y1, rule.y2),
    y2: Math.max(rule.y1, rule.y2),
  }));
  const parent = all.map((_rule, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    parent[i] = root;
    return root;
  };
  const touch = (a: RuleLine, b: RuleLine) => a.x1 <= b.x2 + tolerance && b.x1 <= a.x2 + tolerance && a.y1 <= b.y2 + tolerance && b.y1 <= a.y2 + tolerance;
  // Sorted by top edge, so the inner loop stops at the first line wholly below.
  const order = all.map((_rule, i) => i).sort((a, b) => (all[a] as RuleLine).y1 - (all[b] as RuleLine).y1);
  for (let i = 0; i < order.length; i++) {
    const a = all[order[i] as number] as RuleLine;
    for (let j = i + 1; j < order.length; j++) {
      const b = all[order[j] as number] as RuleLine;
      if (b.y1 > a.y2 + tolerance) break;
      if (touch(a, b)) parent[find(order[i] as number)] = find(order[j] as number);
    }
  }
  const groups = new Map<number, RuleLine[]>();
  all.forEach((rule, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), rule]);
  });
  const tables: RuledTable[] = [];
  for (const group of groups.values()) {
    const h = group.filter((rule) => rule.y2 - rule.y1 <= tolerance / 2);
    const v = group.filter((rule) => rule.x2 - rule.x1 <= tolerance / 2);
    const xs = distinct(
      v.map((rule) => rule.x1),
      tolerance,
    );
    const ys = distinct(
      h.map((rule) => rule.y1),
      tolerance,
    );
    // Two columns and one row at least: a table's last row can stand alone at the top of a page.
    if (xs.length < 3 || ys.length < 2) continue;
    tables.push({ top: ys[0] as number, bottom: ys.at(-1) as number, left: xs[0] as number, right: xs.at(-1) as number, xs, ys, horizontal: h, vertical: v });
  }
  return tables.sort((a, b) => a.top - b.top);
}

/** Cells of a ruled table: grid squares joined where the line between them is not drawn, each holding the lines inside it. */
function readRuledTable(table: RuledTable, lines: readonly Line[], tolerance: number): { rows: number; columns: number; cells: PlacedCell[] } {
  const rows = table.ys.length - 1;
  const columns = table.xs.length - 1;
  const covers = (rules: RuleLine[], at: number, from: number, to: number, axis: 'x' | 'y') =>
    rules.some((rule) =>
      axis === 'y'
        ? Math.abs(rule.y1 - at) <= tolerance && rule.x1 <= from + tolerance && rule.x2 >= to - tolerance
        : Math.abs(rule.x1 - at) <= tolerance && rule.y1 <= from + tolerance && rule.y2 >= to - tolerance,
    );
  const owner: number[] = Array.from({ length: rows * columns }, (_v, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (owner[root] !== root) root = owner[root] as number;
    owner[i] = root;
    return root;
  };
  const join = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) owner[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const top = table.ys[r] as number;
      const bottom = table.ys[r + 1] as number;
      const left = table.xs[c] as number;
      const right = table.xs[c + 1] as number;
      if (c + 1 < columns && !covers(table.vertical, right, top + tolerance, bottom - tolerance, 'x')) join(r * columns + c, r * columns + c + 1);
      if (r + 1 < rows && !covers(table.horizontal, bottom, left + tolerance, right - tolerance, 'y')) join(r * columns + c, (r + 1) * columns + c);
    }
  }
  const extents = new Map<number, { r0: number; c0: number; r1: number; c1: number; lines: Line[] }>();
  for (let i = 0; i < rows * columns; i++) {
    const root = find(i);
    const r = Math.floor(i / columns);
    const c = i % columns;
    const extent = extents.get(root) ?? { r0: r, c0: c, r1: r, c1: c, lines: [] };
    extent.r0 = Math.min(extent.r0, r);
    extent.c0 = Math.min(extent.c0, c);
    extent.r1 = Math.max(extent.r1, r);
    extent.c1 = Math.max(extent.c1, c);
    extents.set(root, extent);
  }
  const cellAt = (x: number, y: number) => {
    const c = table.xs.findIndex((edge, i) => i < columns && x >= edge && x < (table.xs[i + 1] as number));
    const r = table.ys.findIndex((edge, i) => i < rows && y >= edge && y < (table.ys[i + 1] as number));
    return r < 0 || c < 0 ? undefined : extents.get(find(r * columns + c));
  };
  for (const line of lines) {
    // Pieces of one line can fall in different cells when their gap was small.
    for (const piece of line.pieces) {
      const extent = cellAt(piece.x + Math.min(piece.size, piece.width) / 2, piece.y - piece.size / 3);
      if (!extent) continue;
      const last = extent.lines.at(-1);
      if (last && Math.abs(last.y - piece.y) <= 0.4 * piece.size) {
        last.text = joinOnLine(last.text, piece.text, piece.x - last.x1, piece.size);
        last.x1 = piece.x + piece.width;
      } else extent.lines.push({ text: piece.text, x0: piece.x, x1: piece.x + piece.width, y: piece.y, size: piece.size, pieces: [piece] });
    }
  }
  const cells: PlacedCell[] = [];
  for (const extent of extents.values()) {
    const right = table.xs[extent.c1 + 1] as number;
    const paragraphs: string[] = [];
    let open = false;
    for (const line of extent.lines.sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
      const text = tidy(line.text);
      if (open && paragraphs.length > 0) paragraphs[paragraphs.length - 1] = joinWrapped(paragraphs.at(-1) as string, text);
      else paragraphs.push(text);
      // A line that stops short of the cell's right edge ends its paragraph.
      open = line.x1 >= right - 2.5 * line.size;
    }
    cells.push({ row: extent.r0, column: extent.c0, rowSpan: extent.r1 - extent.r0 + 1, colSpan: extent.c1 - extent.c0 + 1, paragraphs });
  }
  return { rows, columns, cells };
}

// Columns and paragraphs ------------------------------------------------------------------

/**
 * The gutter of a two-column page: an x in the middle half of the page that no line crosses
 * but a few spanning ones (a title), with lines on both sides. Null on a one-column page.
 */
function findGutter(lines: readonly Line[], width: number): number | null {
  if (lines.length < 6) return null;
  const size = lines.reduce((sum, line) => sum + line.size, 0) / lines.length;
  let best: { x: number; crossing: number } | null = null;
  for (let x = width * 0.3; x <= width * 0.7; x += size / 2) {
    let crossing = 0;
    for (const line of lines) if (line.x0 < x && line.x1 > x) crossing++;
    if (!best || crossing < best.crossing) best = { x, crossing };
  }
  if (!best || best.crossing > lines.length * 0.15) return null;
  const gutter = best.x;
  const left = lines.filter((line) => line.x1 <= gutter).length;
  const right = lines.filter((line) => line.x0 >= gutter).length;
  return left >= 3 && right >= 3 ? gutter : null;
}

/** A line of the page in reading order, with the edges of the column it stands in. */
interface FlowLine extends Line {
  readonly page: number;
  readonly left: number;
  readonly right: number;
  /** The first line of a column or page: the vertical gap to the line before says nothing. */
  readonly first: boolean;
}

type TableBlock = {
  readonly kind: 'table';
  readonly page: number;
  /** The x of each column edge: a table that goes on over a page break has the same. */
  readonly edges: readonly number[];
  readonly tolerance: number;
  readonly table: { rows: number; columns: number; cells: PlacedCell[] };
};
type Block = { readonly kind: 'line'; readonly line: FlowLine } | TableBlock;

/**
 * Joins a table's part on a new page to its part on the page before: a repeated header row
 * is dropped, and a first row with an empty first cell is the rest of a row split by the break.
 */
function continueTable(before: TableBlock, after: TableBlock): boolean {
  if (after.page !== before.page + 1 || after.edges.length !== before.edges.length) return false;
  if (after.edges.some((edge, i) => Math.abs(edge - (before.edges[i] as number)) > 2 * after.tolerance)) return false;
  const rowTexts = (block: TableBlock, row: number) =>
    block.table.cells
      .filter((cell) => cell.row === row)
      .sort((a, b) => a.column - b.column)
      .map((cell) => cell.paragraphs.join(''));
  let skip = 0;
  if (before.table.rows > 0 && rowTexts(after, 0).join('\t') === rowTexts(before, 0).join('\t')) skip = 1;
  const first = after.table.cells.filter((cell) => cell.row === skip);
  const split = first.length > 0 && (first.find((cell) => cell.column === 0)?.paragraphs.join('') ?? '') === '';
  const lastRow = before.table.rows - 1;
  for (const cell of after.table.cells) {
    if (cell.row < skip) continue;
    if (split && cell.row === skip) {
      const target = before.table.cells.find((other) => other.row <= lastRow && other.row + other.rowSpan > lastRow && other.column === cell.column);
      if (target && cell.paragraphs.length > 0) {
        const paragraphs = [...target.paragraphs];
        const [head = '', ...rest] = cell.paragraphs;
        if (paragraphs.length > 0) paragraphs[paragraphs.length - 1] = joinWrapped(paragraphs.at(-1) as string, head);
        else paragraphs.push(head);
        before.table.cells[before.table.cells.indexOf(target)] = { ...target, paragraphs: [...paragraphs, ...rest] };
      }
      continue;
    }
    before.table.cells.push({ ...cell, row: cell.row - skip - (split ? 1 : 0) + before.table.rows });
  }
  before.table.rows += after.table.rows - skip - (split ? 1 : 0);
  return true;
}

function columnLines(lines: Line[], page: number): FlowLine[] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((line) => line.x0));
  const right = Math.max(...lines.map((line) => line.x1));
  return lines.sort((a, b) => a.y - b.y || a.x0 - b.x0).map((line, i) => ({ ...line, page, left, right, first: i === 0 }));
}

/**
 * A table drawn without rules, where its columns are clear: a header row of three segments or
 * more, then rows none of whose segments crosses the gaps between the header's cells. Each line
 * with text in the first column (the 序号) anchors a table row; other lines join the row they
 * belong to: the row above when cells are aligned to the top, the nearest row when they are
 * centred (as Writer and Word centre them). Only the first such table of a band is taken.
 */
function findUnruledTable(
  lines: readonly Line[],
): { lines: Line[]; top: number; starts: number[]; table: { rows: number; columns: number; cells: PlacedCell[] } } | null {
  const rows: Line[][] = [];
  for (const line of [...lines].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    const row = rows.at(-1);
    if (row && Math.abs((row[0] as Line).y - line.y) <= 0.4 * line.size) row.push(line);
    else rows.push([line]);
  }
  for (let first = 0; first < rows.length; first++) {
    const header = rows[first] as Line[];
    if (header.length < 3) continue;
    const size = header[0]?.size ?? 10;
    // Column c runs up to where header cell c + 1 starts: cells are written from their left edge, and a long one runs past its header.
    const bounds = header.slice(1).map((segment) => segment.x0 - 0.5 * size);
    const columnOf = (segment: Line) => bounds.filter((bound) => segment.x0 > bound).length;
    const crosses = (segment: Line) => bounds.some((bound) => segment.x0 < bound && segment.x1 > bound + 0.5 * size);
    const taken: Line[][] = [header];
    for (let next = first + 1; next < rows.length; next++) {
      const row = rows[next] as Line[];
      if ((row[0] as Line).y - ((taken.at(-1) as Line[])[0] as Line).y > 3 * size) break;
      if (row.some(crosses)) break;
      taken.push(row);
    }
    const anchors: number[] = [];
    let lastFirstColumn = Number.NEGATIVE_INFINITY;
    for (const row of taken) {
      const inFirst = row.filter((segment) => columnOf(segment) === 0);
      if (inFirst.length === 0) continue;
      const y = (row[0] as Line).y;
      // A first-column line right under another, alone on its line, is the first cell wrapped (序 / 号).
      if (!(inFirst.length === row.length && y - lastFirstColumn < 1.8 * size)) anchors.push(y);
      lastFirstColumn = y;
    }
    if (anchors.length < 3) continue;
    const segments = taken.flat();
    // Centred cells put the lines of a tall cell above its row's 序号.
    const centred = segments.some(
      (segment) => columnOf(segment) > 0 && segment.y > (anchors[0] as number) + 0.5 * size && segment.y < (anchors[1] as number) - 0.5 * size,
    );
    const rowOf = (segment: Line) => {
      let best = 0;
      anchors.forEach((anchor, i) => {
        if (centred ? Math.abs(segment.y - anchor) < Math.abs(segment.y - (anchors[best] as number)) : anchor <= segment.y + 0.4 * size) best = i;
      });
      return best;
    };
    const cells: Array<{ row: number; column: number; rowSpan: number; colSpan: number; paragraphs: string[] }> = [];
    for (const segment of segments) {
      const row = rowOf(segment);
      const column = columnOf(segment);
      const cell = cells.find((one) => one.row === row && one.column === column);
      if (cell) cell.paragraphs[cell.paragraphs.length - 1] = joinWrapped(cell.paragraphs.at(-1) as string, segment.text);
      else cells.push({ row, column, rowSpan: 1, colSpan: 1, paragraphs: [segment.text] });
    }
    const starts = header.map((segment) => segment.x0);
    return { lines: segments, top: (header[0] as Line).y, starts, table: { rows: anchors.length, columns: header.length, cells } };
  }
  return null;
}

interface PageTables {
  readonly tolerance: number;
  readonly placed: ReadonlyArray<{ readonly table: RuledTable; readonly lines: readonly Line[] }>;
}

/** A page's ruled tables, each with the lines inside it. */
function locateTables(lines: readonly Line[], page: PositionedPage): PageTables {
  const size = lines.length > 0 ? lines.reduce((sum, line) => sum + line.size, 0) / lines.length : 10;
  const tolerance = Math.max(0.5, size / 4);
  const inside = (line: Line, table: RuledTable) =>
    line.y - line.size / 3 >= table.top && line.y - line.size / 3 <= table.bottom && line.x0 >= table.left - tolerance && line.x1 <= table.right + tolerance;
  return { tolerance, placed: findRuledTables(page.rules, tolerance).map((table) => ({ table, lines: lines.filter((line) => inside(line, table)) })) };
}

/** One page's lines and tables in reading order. */
function readPage(lines: Line[], page: PositionedPage, pageNumber: number, tables: PageTables): Block[] {
  const { placed, tolerance } = tables;
  const taken = new Set(placed.flatMap((table) => table.lines));
  const flow = lines.filter((line) => !taken.has(line));
  // Blocks between tables are read column by column; each table stands where its top is.
  const blocks: Block[] = [];
  const bands: Array<{ top: number; bottom: number }> = [];
  let from = Number.NEGATIVE_INFINITY;
  for (const { table } of placed) {
    bands.push({ top: from, bottom: table.top });
    from = table.bottom;
  }
  bands.push({ top: from, bottom: Number.POSITIVE_INFINITY });
  const pushColumns = (bandLines: Line[]): void => {
    const gutter = findGutter(bandLines, page.width);
    if (gutter === null) {
      for (const line of columnLines(bandLines, pageNumber)) blocks.push({ kind: 'line', line });
      return;
    }
    // Lines that span the gutter (a title, a closing paragraph) cut the page into bands of two columns.
    const spanning = bandLines.filter((line) => line.x0 < gutter && line.x1 > gutter).sort((a, b) => a.y - b.y);
    const spanLeft = Math.min(...spanning.map((line) => line.x0));
    const spanRight = Math.max(...spanning.map((line) => line.x1));
    let top = Number.NEGATIVE_INFINITY;
    for (const cut of [...spanning, null]) {
      const bottom = cut ? cut.y : Number.POSITIVE_INFINITY;
      const within = bandLines.filter((line) => line.y > top && line.y < bottom && !(line.x0 < gutter && line.x1 > gutter));
      for (const line of columnLines(
        within.filter((line) => line.x1 <= gutter),
        pageNumber,
      ))
        blocks.push({ kind: 'line', line });
      for (const line of columnLines(
        within.filter((line) => line.x0 >= gutter),
        pageNumber,
      ))
        blocks.push({ kind: 'line', line });
      if (cut) blocks.push({ kind: 'line', line: { ...cut, page: pageNumber, left: spanLeft, right: spanRight, first: true } });
      top = bottom;
    }
  };
  bands.forEach((band, i) => {
    const bandLines = flow.filter((line) => line.y >= band.top && line.y < band.bottom);
    const unruled = findUnruledTable(bandLines);
    if (unruled) {
      // A table without rules: the lines above it, the table, the lines below it; no gutter sought (its columns would look like one).
      const inTable = new Set(unruled.lines);
      const rest = bandLines.filter((line) => !inTable.has(line));
      for (const line of columnLines(
        rest.filter((line) => line.y < unruled.top),
        pageNumber,
      ))
        blocks.push({ kind: 'line', line });
      blocks.push({ kind: 'table', page: pageNumber, edges: unruled.starts, tolerance, table: unruled.table });
      for (const line of columnLines(
        rest.filter((line) => line.y > unruled.top),
        pageNumber,
      ))
        blocks.push({ kind: 'line', line });
    } else pushColumns(bandLines);
    const table = placed[i];
    if (table) blocks.push({ kind: 'table', page: pageNumber, edges: table.table.xs, tolerance, table: readRuledTable(table.table, table.lines, tolerance) });
  });
  return blocks;
}

/** Whether `line` goes on with the paragraph `previous` ended: previous reached its column's right edge, this one is not indented, no gap between. */
function continues(previous: FlowLine, line: FlowLine): boolean {
  const size = Math.max(previous.size, line.size);
  if (Math.abs(previous.size - line.size) > 0.15 * size) return false;
  if (previous.x1 < previous.right - 1.5 * size) return false;
  if (line.x0 > line.left + 0.8 * size) return false;
  if (!line.first && line.page === previous.page && line.y - previous.y > 2.2 * size) return false;
  return true;
}

/** Renders positioned pages into the builder: paragraphs located by page, tables as grids. */
export function renderPages(pages: readonly PositionedPage[], builder: DocumentBuilder): void {
  const built = pages.map((page) => buildLines(page.pieces));
  const tables = pages.map((page, p) => locateTables(built[p] as Line[], page));
  const lines = dropFrame(built, pages, new Set(tables.flatMap((table) => table.placed.flatMap((one) => one.lines))));
  const blocks = pages.flatMap((page, p) => readPage(lines[p] as Line[], page, p + 1, tables[p] as PageTables));
  let parts: Array<{ text: string; location: { page: number } }> = [];
  let previous: FlowLine | null = null;
  let pendingTable: TableBlock | null = null;
  const flushTable = () => {
    if (pendingTable) builder.table(pendingTable.table, { page: pendingTable.page });
    pendingTable = null;
  };
  const flush = () => {
    if (parts.length > 0) builder.paragraphParts(parts);
    parts = [];
    previous = null;
  };
  for (const block of blocks) {
    if (block.kind === 'table') {
      flush();
      if (pendingTable && continueTable(pendingTable, block)) continue;
      flushTable();
      pendingTable = { ...block, table: { ...block.table, cells: [...block.table.cells] } };
      continue;
    }
    flushTable();
    const { line } = block;
    if (previous && continues(previous, line)) {
      const last = parts.at(-1) as { text: string; location: { page: number } };
      if (last.location.page === line.page) last.text = joinWrapped(last.text, line.text);
      else {
        // The paragraph runs over a page break: the join goes on the new page's part.
        const joined = joinWrapped(last.text, line.text);
        parts.push({ text: joined.slice(last.text.length), location: { page: line.page } });
      }
    } else {
      flush();
      parts = [{ text: line.text, location: { page: line.page } }];
    }
    previous = line;
  }
  flush();
  flushTable();
}
