import { type FieldRole, isUnitRole, labelRoles, labelWordsLongestFirst } from '../lexicon/labels.ts';
import { matchHeading } from '../lexicon/numbering.ts';
import { firstAtOrAfter } from '../sorted.ts';
import type { Span } from '../types.ts';
import type { DeadlineMark } from './deadlines/index.ts';
import { headerRole } from './fields.ts';
import { looksLikePerson, looksLikeUnit } from './units.ts';

/**
 * Tables, however they reached the text: tab-separated rows (Word's "save as text"), pipe rows
 * (`1 | 启动… | 进度… |`, Markdown), one cell per line between `|` lines, one cell per line under a
 * header of one word per line, or a header glued into one line (`实事内容工作任务责任单位进展情况`);
 * and the grids a reader rebuilt from DOCX, HTML, PDF or OFD. Each becomes rows of cells with the
 * role of their column, so one stage serves them all.
 */
export interface CellMark {
  readonly span: Span;
  /** What the column holds (from the header, or guessed from the cell when there is none). */
  readonly role: FieldRole | null;
  /**
   * True for the covered part of a merged cell: `span` is then the merged cell's own, in a row above
   * (or to the left), and the row's units and deadlines include what that cell holds.
   */
  readonly merged?: boolean;
}

export interface RowMark {
  readonly span: Span;
  readonly cells: readonly CellMark[];
  /** The row number as written (`89`, `1`), or null. */
  readonly number: { readonly span: Span; readonly value: number } | null;
}

export interface TableMark {
  readonly span: Span;
  /** The header's cells (column roles), or null for a table without a header. */
  readonly header: Span | null;
  readonly rows: readonly RowMark[];
  /** Domain rows between data rows (`一、政务服务` in a table saved as text): a line without cells. */
  readonly domainRows: readonly Span[];
  /** Paragraph indices the table covers. */
  readonly paragraphs: readonly [number, number];
}

/**
 * A table a reader rebuilt: rows of cell spans in the paragraph text, one cell per grid column; a
 * covered cell of a merge carries the merged cell's span and `continuation`.
 */
export interface GridInput {
  readonly rows: readonly { readonly span: Span; readonly cells: readonly { readonly span: Span; readonly continuation: boolean }[] }[];
}

const isPipe = (code: number): boolean => code === 0x7c || code === 0xff5c;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** Whether the cell `[start, end)` is a row number: 1 to 4 digits, perhaps with a dot (`12.`). */
function rowNumber(folded: string, span: Span): number | null {
  let end = span.end;
  if (end - span.start >= 2 && (folded.charCodeAt(end - 1) === 0x2e || folded.charCodeAt(end - 1) === 0x3001)) end--;
  if (end - span.start < 1 || end - span.start > 4) return null;
  for (let i = span.start; i < end; i++) if (!isDigit(folded.charCodeAt(i))) return null;
  return Number(folded.slice(span.start, end));
}

function trimSpan(folded: string, start: number, end: number): Span {
  let from = start;
  let to = end;
  while (from < to && (folded.charCodeAt(from) === 0x20 || folded.charCodeAt(from) === 0x0a)) from++;
  while (to > from && (folded.charCodeAt(to - 1) === 0x20 || folded.charCodeAt(to - 1) === 0x0a)) to--;
  return { start: from, end: to };
}

/** The role of a header cell: a known header word (`牵头单位`, `完成时限`, `进展情况`), else null. */
function columnRole(folded: string, span: Span): FieldRole | null {
  const text = folded.slice(span.start, span.end).replace(/[：:\s]/g, '');
  if (text.length === 0 || text.length > 24) return null;
  return headerRole(text);
}

/** Whether most cells of a row are header words, and one of them names the task. */
function isHeader(folded: string, cells: readonly Span[]): boolean {
  const roles = cells.map((cell) => columnRole(folded, cell));
  const known = roles.filter((role) => role !== null).length;
  return known >= 2 && known >= cells.length * 0.6 && roles.some((role) => role === 'task' || role === 'lead' || role === 'responsible');
}

/** Splits a paragraph into cells at a separator (tab, or pipe); a pipe row's outer pipes are dropped. */
function splitCells(folded: string, span: Span, separator: 'tab' | 'pipe'): Span[] {
  const cells: Span[] = [];
  let start = span.start;
  let end = span.end;
  if (separator === 'pipe') {
    while (start < end && folded.charCodeAt(start) === 0x20) start++;
    if (isPipe(folded.charCodeAt(start))) start++;
    while (end > start && folded.charCodeAt(end - 1) === 0x20) end--;
    if (isPipe(folded.charCodeAt(end - 1))) end--;
  }
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    const code = i < end ? folded.charCodeAt(i) : -1;
    const splits = code === -1 || (separator === 'tab' ? code === 0x09 : isPipe(code));
    if (!splits) continue;
    cells.push(separator === 'tab' ? { start: cellStart, end: i } : trimSpan(folded, cellStart, i));
    cellStart = i + 1;
  }
  return cells;
}

function countPipes(folded: string, span: Span): number {
  let count = 0;
  for (let i = span.start; i < span.end; i++) if (isPipe(folded.charCodeAt(i))) count++;
  return count;
}

function hasTab(folded: string, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) if (folded.charCodeAt(i) === 0x09) return true;
  return false;
}

/** `|---|:---:|`: a Markdown header rule. */
function isRule(folded: string, span: Span): boolean {
  const text = folded.slice(span.start, span.end);
  return /^[\s|｜:\-—]+$/.test(text) && text.includes('-');
}

/**
 * A row whose cells came without a header, or whose cells do not line up with it (cells that
 * wrap, merged cells left empty): each cell's role from what it holds. The first long cell is the
 * task; cells of unit names are units (the header's unit columns in order, else responsible); a
 * person's name is a person; a cell that is a deadline is the deadline; longer text after the
 * task is a schedule, or progress where the header has its progress columns after the units.
 */
function guessRoles(folded: string, cells: readonly Span[], header: readonly (FieldRole | null)[] | null, deadlines: readonly DeadlineMark[]): CellMark[] {
  const unitColumns = (header ?? []).filter(
    (role): role is 'lead' | 'responsible' | 'supporting' => role === 'lead' || role === 'responsible' || role === 'supporting',
  );
  const headerUnitsAt = header ? header.findIndex((role) => role === 'lead' || role === 'responsible' || role === 'supporting') : -1;
  const progressAfterUnits = header !== null && headerUnitsAt >= 0 && header.slice(headerUnitsAt).includes('progress');
  let taskSeen = false;
  let unitsSeen = 0;
  return cells.map((cell, index): CellMark => {
    const length = cell.end - cell.start;
    if (length === 0) return { span: cell, role: null };
    if (index === 0 && rowNumber(folded, cell) !== null) return { span: cell, role: 'number' };
    if (looksLikeUnitList(folded, cell)) {
      const role = unitColumns[Math.min(unitsSeen, Math.max(0, unitColumns.length - 1))] ?? 'responsible';
      unitsSeen++;
      return { span: cell, role };
    }
    // A deadline before a person: `年底前` and `长期坚持` are as short as a name.
    if (isDeadlineCell(folded, cell, deadlines)) return { span: cell, role: 'deadline' };
    if (looksLikePerson(folded, cell.start, cell.end)) return { span: cell, role: 'person' };
    if (!taskSeen) {
      taskSeen = true;
      return { span: cell, role: 'task' };
    }
    return { span: cell, role: unitsSeen > 0 && progressAfterUnits ? 'progress' : 'schedule' };
  });
}

/** What a cell holds, as far as its text tells, for lining it up with the header's columns. */
type CellKind = 'number' | 'units' | 'deadline' | 'person' | 'short' | 'text';

function cellKind(folded: string, cell: Span, index: number, deadlines: readonly DeadlineMark[]): CellKind {
  if (index === 0 && rowNumber(folded, cell) !== null) return 'number';
  if (looksLikeUnitList(folded, cell)) return 'units';
  if (isDeadlineCell(folded, cell, deadlines)) return 'deadline';
  if (looksLikePerson(folded, cell.start, cell.end)) return 'person';
  return cell.end - cell.start <= 15 && !/[。；;]/.test(folded.slice(cell.start, cell.end)) ? 'short' : 'text';
}

/** The cost of a cell of `kind` in a column of `role`: 0 where it belongs, more where it may stand, null where it cannot. */
function placementCost(kind: CellKind, role: FieldRole | null): number | null {
  if (role === null) return 3;
  switch (kind) {
    case 'number':
      return role === 'number' ? 0 : null;
    case 'units':
      return isUnitRole(role) ? 0 : null;
    case 'deadline':
      return role === 'deadline' ? 0 : role === 'schedule' ? 1 : null;
    case 'person':
      // Two to four characters that name no unit: a person, or a domain as short (`获得电力`).
      return role === 'person' ? 0 : role === 'domain' || role === 'place' || role === 'note' ? 1 : role === 'task' ? 2 : null;
    case 'short':
      return role === 'task' ? 0 : role === 'domain' || role === 'place' || role === 'note' || role === 'progress' || role === 'schedule' ? 1 : null;
    case 'text':
      return role === 'task' ? 0 : role === 'note' || role === 'progress' || role === 'schedule' ? 1 : null;
  }
}

/**
 * A row with fewer cells than its header, because merged or empty cells left no line (`一网通办` under
 * a 重点领域 cell written once for several rows, an empty 责任单位): each cell placed in order in the
 * column its text fits, at the least cost (a tie goes to the earlier column); null when no placement
 * fits every cell. The header has at most `maxColumns` columns, so the table of costs is small.
 */
function alignToHeader(folded: string, cells: readonly Span[], header: readonly (FieldRole | null)[], deadlines: readonly DeadlineMark[]): CellMark[] | null {
  const kinds = cells.map((cell, index) => cellKind(folded, cell, index, deadlines));
  const columns = header.length;
  // best[i][j]: least cost of placing cells i… in columns j…; Infinity where they cannot be placed.
  const best: number[][] = Array.from({ length: cells.length + 1 }, () => new Array<number>(columns + 1).fill(Number.POSITIVE_INFINITY));
  for (let j = 0; j <= columns; j++) (best[cells.length] as number[])[j] = 0;
  for (let i = cells.length - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      const cost = placementCost(kinds[i] as CellKind, header[j] ?? null);
      const here = cost === null ? Number.POSITIVE_INFINITY : cost + ((best[i + 1] as number[])[j + 1] as number);
      (best[i] as number[])[j] = Math.min(here, (best[i] as number[])[j + 1] as number);
    }
  }
  if (!Number.isFinite((best[0] as number[])[0] as number)) return null;
  const marks: CellMark[] = [];
  let column = 0;
  for (let i = 0; i < cells.length; i++) {
    const target = (best[i] as number[])[column] as number;
    while (column < columns) {
      const cost = placementCost(kinds[i] as CellKind, header[column] ?? null);
      if (cost !== null && cost + ((best[i + 1] as number[])[column + 1] as number) === target) break;
      column++;
    }
    marks.push({ span: cells[i] as Span, role: header[column] ?? null });
    column++;
  }
  return marks;
}

/** Every name of the cell looks like a unit's: `县卫健委`, `区教育局，各平台、镇街`. */
export function looksLikeUnitList(folded: string, cell: Span): boolean {
  if (cell.end - cell.start > 200 || cell.end - cell.start < 2) return false;
  let itemStart = cell.start;
  let items = 0;
  let depth = 0;
  for (let i = cell.start; i <= cell.end; i++) {
    const code = i < cell.end ? folded.charCodeAt(i) : -1;
    if (code === 0xff08 || code === 0x28) depth++;
    else if ((code === 0xff09 || code === 0x29) && depth > 0) depth--;
    if (code !== -1 && (depth > 0 || (code !== 0x3001 && code !== 0xff0c && code !== 0x2c && code !== 0xff1b && code !== 0x3b && code !== 0x0a))) continue;
    let end = i;
    while (end > itemStart && folded.startsWith('等', end - 1)) end--;
    if (end > itemStart) {
      if (!looksLikeUnit(folded, itemStart, end)) return false;
      items++;
    }
    itemStart = i + 1;
  }
  return items > 0;
}

/** A cell that is a deadline and little else: `2023年6月底前`, `6月`, `长期坚持`. */
function isDeadlineCell(folded: string, cell: Span, deadlines: readonly DeadlineMark[]): boolean {
  const text = folded.slice(cell.start, cell.end);
  if (/^(?:\d{4}年)?(?:\d{1,2}月)?$|^(?:长期坚持|持续推进|长期)$/.test(text) && text.length > 0) return true;
  let covered = 0;
  for (
    let i = firstAtOrAfter(deadlines, (mark) => mark.span.start, cell.start);
    i < deadlines.length && (deadlines[i] as DeadlineMark).span.start < cell.end;
    i++
  ) {
    const mark = deadlines[i] as DeadlineMark;
    if (mark.span.end <= cell.end) covered += mark.span.end - mark.span.start;
  }
  return covered > 0 && covered >= (cell.end - cell.start) * 0.5 && cell.end - cell.start <= 30;
}

/**
 * A row's cells with their roles: the header's, where the cells line up with it (a row with explicit
 * separators may also lack its last cells, cut off or merged); else guessed from each cell.
 */
function rowOf(
  folded: string,
  span: Span,
  cells: readonly Span[],
  header: readonly (FieldRole | null)[] | null,
  deadlines: readonly DeadlineMark[],
  separated = false,
): RowMark {
  const lined = header !== null && (cells.length === header.length || (separated && cells.length < header.length));
  const marks: CellMark[] = lined
    ? cells.map((cell, i) => ({ span: cell, role: header[i] ?? null }))
    : ((header !== null && cells.length < header.length ? alignToHeader(folded, cells, header, deadlines) : null) ??
      guessRoles(folded, cells, header, deadlines));
  const first = cells[0];
  const value = first ? rowNumber(folded, first) : null;
  return { span, cells: marks, number: first && value !== null ? { span: first, value } : null };
}

/** Splits a glued header (`实事内容工作任务责任单位进展情况`) into known words; null when it does not split. */
function gluedHeader(folded: string, span: Span): FieldRole[] | null {
  const roles: FieldRole[] = [];
  let at = span.start;
  while (at < span.end) {
    const word = labelWordsLongestFirst.find((candidate) => candidate.length >= 2 && folded.startsWith(candidate, at));
    if (!word) return null;
    roles.push(labelRoles.get(word) as FieldRole);
    at += word.length;
  }
  return roles.length >= 3 ? roles : null;
}

/** `一季度二季度三季度四季度`, `1月2月3月`: a row of period headings under a glued header. */
function isPeriodHeader(folded: string, span: Span): boolean {
  return /^(?:[一二三四1-4]季度){2,4}$|^(?:\d{1,2}月){2,12}$|^(?:上半年下半年)$/.test(folded.slice(span.start, span.end));
}

/** Finds the tables of the document (see `TableMark`). */
export function markTables(folded: string, paragraphs: readonly Span[], deadlines: readonly DeadlineMark[], grids: readonly GridInput[]): TableMark[] {
  const tables: TableMark[] = [];
  const taken = new Uint8Array(paragraphs.length);
  const paragraphAt = (offset: number): number => {
    let low = 0;
    let high = paragraphs.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((paragraphs[mid] as Span).start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  for (const grid of grids) {
    const rows = grid.rows;
    if (rows.length === 0) continue;
    const first = rows[0] as GridInput['rows'][number];
    const headerCells = first.cells.map((cell) => cell.span);
    const header = isHeader(folded, headerCells) ? headerCells.map((cell) => columnRole(folded, cell)) : null;
    const body = header ? rows.slice(1) : rows;
    const marks = body.map((row) => {
      const mark = rowOf(
        folded,
        row.span,
        row.cells.map((cell) => cell.span),
        header,
        deadlines,
        true,
      );
      if (!row.cells.some((cell) => cell.continuation)) return mark;
      return { ...mark, cells: mark.cells.map((cell, i) => (row.cells[i]?.continuation ? { ...cell, merged: true } : cell)) };
    });
    const start = first.span.start;
    const end = (rows[rows.length - 1] as GridInput['rows'][number]).span.end;
    const from = paragraphAt(start);
    const to = paragraphAt(Math.max(start, end - 1));
    for (let i = from; i <= to; i++) taken[i] = 1;
    tables.push({ span: { start, end }, header: header ? first.span : null, rows: marks, domainRows: [], paragraphs: [from, to] });
  }

  for (let index = 0; index < paragraphs.length; index++) {
    if (taken[index]) continue;
    const span = paragraphs[index] as Span;
    const table =
      tabTable(folded, paragraphs, index, taken, deadlines) ??
      pipeTable(folded, paragraphs, index, taken, deadlines) ??
      cellLineTable(folded, paragraphs, index, taken, deadlines) ??
      gluedTable(folded, paragraphs, index, taken);
    if (table) {
      tables.push(table);
      index = table.paragraphs[1];
    } else if (span.end === span.start) {
      // An empty paragraph is no table.
    }
  }
  return tables.sort((a, b) => a.span.start - b.span.start);
}

/** Rows with tabs between cells, a header row naming the columns; a line without tabs between rows is a domain row. */
function tabTable(folded: string, paragraphs: readonly Span[], index: number, taken: Uint8Array, deadlines: readonly DeadlineMark[]): TableMark | null {
  const first = paragraphs[index] as Span;
  if (!hasTab(folded, first)) return null;
  let header: (FieldRole | null)[] | null = null;
  let headerSpan: Span | null = null;
  const rows: RowMark[] = [];
  const domainRows: Span[] = [];
  let last = index;
  for (let i = index; i < paragraphs.length; i++) {
    const span = paragraphs[i] as Span;
    if (!hasTab(folded, span)) {
      // A short line between rows is a domain row; anything else ends the table.
      const next = paragraphs[i + 1];
      if (isDomainRow(span, rows.length > 0 || header !== null) && next && hasTab(folded, next)) {
        domainRows.push(span);
        continue;
      }
      break;
    }
    const cells = splitCells(folded, span, 'tab');
    if (isHeader(folded, cells)) {
      // The first header names the columns; one repeated (under a domain row, at a page break) goes on with them.
      header = cells.map((cell) => columnRole(folded, cell));
      if (headerSpan === null && rows.length === 0) headerSpan = span;
    } else {
      rows.push(rowOf(folded, span, cells, header, deadlines, true));
    }
    last = i;
  }
  if (rows.length === 0) return null;
  for (let i = index; i <= last; i++) taken[i] = 1;
  return { span: { start: first.start, end: (paragraphs[last] as Span).end }, header: headerSpan, rows, domainRows, paragraphs: [index, last] };
}

/** Rows with pipes between cells: `序号 | 工作事项 | 进度安排 |`, then `1 | … | … |`; Markdown's header rule is skipped. */
function pipeTable(folded: string, paragraphs: readonly Span[], index: number, taken: Uint8Array, deadlines: readonly DeadlineMark[]): TableMark | null {
  const first = paragraphs[index] as Span;
  if (countPipes(folded, first) < 2) return null;
  const firstCells = splitCells(folded, first, 'pipe');
  if (firstCells.length < 2) return null;
  let header: (FieldRole | null)[] | null = null;
  let headerSpan: Span | null = null;
  const rows: RowMark[] = [];
  const domainRows: Span[] = [];
  let last = index;
  for (let i = index; i < paragraphs.length; i++) {
    const span = paragraphs[i] as Span;
    if (countPipes(folded, span) < 1) {
      // A short line between rows is a domain row (`一、招标投标` under the header); anything else ends the table.
      const next = paragraphs[i + 1];
      if (isDomainRow(span, header !== null || rows.length > 0) && next && countPipes(folded, next) >= 2) {
        if (span.end > span.start) domainRows.push(span);
        continue;
      }
      break;
    }
    if (isRule(folded, span)) {
      last = i;
      continue;
    }
    const cells = splitCells(folded, span, 'pipe');
    if (isHeader(folded, cells)) {
      // The first header names the columns; one repeated under a domain row (each domain's table has its own) goes on with them.
      header = cells.map((cell) => columnRole(folded, cell));
      if (headerSpan === null && rows.length === 0) headerSpan = span;
    } else if (cells.length >= 2 && rowNumber(folded, cells[0] as Span) !== null) {
      rows.push(rowOf(folded, span, cells, header, deadlines, true));
    } else if (header === null && rows.length === 0) {
      // A pipe line that is neither a header nor a numbered row: a labelled field row (fields.ts).
      return null;
    } else if (rows.length > 0) {
      // A row continued on the next line: its text joins the last row's last cell.
      const previous = rows[rows.length - 1] as RowMark;
      const cellsSoFar = previous.cells.slice();
      const lastCell = cellsSoFar[cellsSoFar.length - 1] as CellMark;
      cellsSoFar[cellsSoFar.length - 1] = { ...lastCell, span: { start: lastCell.span.start, end: span.end } };
      rows[rows.length - 1] = { ...previous, span: { start: previous.span.start, end: span.end }, cells: cellsSoFar };
    }
    last = i;
  }
  if (rows.length === 0) return null;
  for (let i = index; i <= last; i++) taken[i] = 1;
  return {
    span: { start: first.start, end: (paragraphs[last] as Span).end },
    header: headerSpan,
    rows,
    domainRows: domainRows.filter((row) => row.end <= (paragraphs[last] as Span).end),
    paragraphs: [index, last],
  };
}

/** A line between a table's rows that names the domain of the rows under it: short, and after the header or a row. */
const isDomainRow = (span: Span, afterRows: boolean): boolean => afterRows && span.end - span.start <= 30;

const isSeparatorLine = (folded: string, span: Span): boolean => span.end - span.start === 1 && isPipe(folded.charCodeAt(span.start));

/**
 * One cell per line, cells between lines of a lone `|` (a web table copied as text); or one cell per
 * line under a header of one word per line (`序号` / `工作任务` / `牵头单位` / …). A row starts at a
 * cell that is a row number.
 */
/** The most columns a ledger's header has (序号 … 备注 with progress by quarter is about 12). */
const maxColumns = 16;
/** The most lines one cell between `|` lines wraps over (a long task cell copied from a web table is 3–6). */
const maxCellLines = 12;

function cellLineTable(folded: string, paragraphs: readonly Span[], index: number, taken: Uint8Array, deadlines: readonly DeadlineMark[]): TableMark | null {
  const first = paragraphs[index] as Span;
  let header: (FieldRole | null)[] | null = null;
  let headerSpan: Span | null = null;
  let cursor = index;
  let separated = false;
  if (isSeparatorLine(folded, first)) {
    let separators = 0;
    for (let i = index; i < Math.min(paragraphs.length, index + 12); i++) if (isSeparatorLine(folded, paragraphs[i] as Span)) separators++;
    if (separators < 3) return null;
    separated = true;
  } else {
    // A header of one word per line. A run of header words longer than any header is not one
    // (and stopping there keeps the scan from every line of such a run bounded).
    let end = index;
    while (
      end < paragraphs.length &&
      end - index <= maxColumns &&
      columnRole(folded, paragraphs[end] as Span) !== null &&
      (paragraphs[end] as Span).end - (paragraphs[end] as Span).start <= 10
    )
      end++;
    const words = paragraphs.slice(index, end);
    if (words.length < 3 || words.length > maxColumns || !isHeader(folded, words)) return null;
    // The first row, perhaps under a section line (`一、法治保障`).
    const next = paragraphs[isSectionLine(folded, paragraphs[end]) ? end + 1 : end];
    if (!next || rowNumber(folded, next) === null) return null;
    header = words.map((word) => columnRole(folded, word));
    headerSpan = { start: first.start, end: (paragraphs[end - 1] as Span).end };
    cursor = end;
  }
  // Cells: with separators, what lies between two `|` lines (one or more lines); else each line.
  const cells: { span: Span; readonly paragraph: number }[] = [];
  const domainRows: Span[] = [];
  let last = cursor;
  if (separated) {
    // The table ends where its rows stop: more cells since the last row number than a row has.
    let cellStart: number | null = null;
    let sinceNumber = 0;
    for (let i = cursor; i < paragraphs.length; i++) {
      const span = paragraphs[i] as Span;
      if (isSeparatorLine(folded, span)) {
        const cell =
          cellStart !== null ? { start: (paragraphs[cellStart] as Span).start, end: (paragraphs[i - 1] as Span).end } : { start: span.start, end: span.start };
        if (cell.end > cell.start && rowNumber(folded, cell) !== null) sinceNumber = 0;
        else if (++sinceNumber > 2 * maxColumns) {
          cellStart = null;
          break;
        }
        // A section line between rows (`|` / `二、纳税服务` / `|` / `29`) heads the rows under it.
        if (cellStart === i - 1 && isSectionLine(folded, cell)) domainRows.push(cell);
        else cells.push({ span: cell, paragraph: cellStart ?? i });
        cellStart = null;
        last = i;
      } else if (cellStart === null) {
        cellStart = i;
      } else if (i - cellStart >= maxCellLines) {
        // More lines than a cell wraps over: the table ended at the last `|`, and text follows it.
        cellStart = null;
        break;
      }
    }
    // After the last `|`: a last cell only when it is the document's last line (an excerpt cut
    // before the row's closing `|`); anything longer is the text after the table.
    if (cellStart !== null && cellStart === paragraphs.length - 1) {
      cells.push({ span: paragraphs[cellStart] as Span, paragraph: cellStart });
      last = cellStart;
    }
  } else {
    // Without separators a table ends where its rows stop: more lines since the last row number
    // than a row has cells, or a line too long to be a cell.
    const columns = (header as readonly unknown[]).length;
    let sinceNumber = 0;
    for (let i = cursor; i < paragraphs.length; i++) {
      const span = paragraphs[i] as Span;
      if (span.end - span.start > 400) break;
      // A section line before a row number heads the rows under it: a domain row.
      const following = paragraphs[i + 1];
      if (isSectionLine(folded, span) && following && rowNumber(folded, following) !== null) {
        domainRows.push(span);
        sinceNumber = 0;
        last = i;
        continue;
      }
      // A cell that wraps: its line ends in `，` `、` `；` and goes on in the next one.
      const previous = cells[cells.length - 1];
      if (previous && /[，、；,;]$/.test(folded.slice(previous.span.start, previous.span.end)) && rowNumber(folded, span) === null) {
        previous.span = { start: previous.span.start, end: span.end };
        last = i;
        continue;
      }
      if (rowNumber(folded, span) !== null) sinceNumber = 0;
      else if (++sinceNumber > columns + 2) break;
      cells.push({ span, paragraph: i });
      last = i;
    }
  }
  // Rows start at a row-number cell; the separators' empty cells between rows are dropped.
  const rows: RowMark[] = [];
  let current: Span[] = [];
  let rowStart = -1;
  const flush = (): void => {
    while (current.length > 0 && (current[current.length - 1] as Span).end === (current[current.length - 1] as Span).start) current.pop();
    if (current.length >= 2) {
      const span = { start: rowStart, end: (current[current.length - 1] as Span).end };
      rows.push(rowOf(folded, span, current, header === null ? null : header, deadlines));
    }
    current = [];
  };
  for (const cell of cells) {
    const number = rowNumber(folded, cell.span);
    if (number !== null && cell.span.end > cell.span.start) {
      flush();
      rowStart = cell.span.start;
      current = [cell.span];
    } else if (current.length > 0) {
      current.push(cell.span);
    }
  }
  flush();
  if (rows.length === 0) return null;
  // Rows were read with the header's column count only where the cells line up; guessRoles covers the rest.
  for (let i = index; i <= last; i++) taken[i] = 1;
  return { span: { start: first.start, end: (paragraphs[last] as Span).end }, header: headerSpan, rows, domainRows, paragraphs: [index, last] };
}

/** The numberings of a table's section lines (`一、法治保障`, `（二）审批服务`, `配套措施———纳税`). */
const sectionKinds: ReadonlySet<string> = new Set(['part', 'formal-comma', 'chinese-comma', 'dash-title', 'chinese-paren']);

/** A short numbered section line, which a table of one cell per line may hold between its rows. */
function isSectionLine(folded: string, span: Span | undefined): boolean {
  if (!span || span.end - span.start > 30 || span.end - span.start < 3) return false;
  const heading = matchHeading(folded.slice(span.start, span.end));
  return heading !== null && sectionKinds.has(heading.kind);
}

/**
 * A header glued into one line (`实事内容工作任务责任单位进展情况`), perhaps with a row of period
 * headings under it (`一季度二季度三季度四季度`); each row is its cells one per line: the task, the
 * line of units, then one line per column after the units.
 */
function gluedTable(folded: string, paragraphs: readonly Span[], index: number, taken: Uint8Array): TableMark | null {
  const first = paragraphs[index] as Span;
  const header = gluedHeader(folded, first);
  const namesUnits = (role: FieldRole) => role === 'lead' || role === 'responsible' || role === 'supporting';
  if (!header?.some((role) => role === 'task') || !header.some(namesUnits)) return null;
  let cursor = index + 1;
  let headerEnd = first.end;
  if (cursor < paragraphs.length && isPeriodHeader(folded, paragraphs[cursor] as Span)) {
    headerEnd = (paragraphs[cursor] as Span).end;
    cursor++;
  }
  const lastUnitColumn = header.reduce((at, role, i) => (role === 'lead' || role === 'responsible' || role === 'supporting' ? i : at), -1);
  const after = header.length - 1 - lastUnitColumn;
  const rows: RowMark[] = [];
  let last = cursor - 1;
  let i = cursor;
  while (i < paragraphs.length) {
    // The task: lines up to the line of units.
    let unitLine = i;
    while (unitLine < paragraphs.length && unitLine - i < 6 && !looksLikeUnitList(folded, paragraphs[unitLine] as Span)) unitLine++;
    if (unitLine >= paragraphs.length || unitLine === i || unitLine - i >= 6) break;
    const taskSpan = { start: (paragraphs[i] as Span).start, end: (paragraphs[unitLine - 1] as Span).end };
    const cells: CellMark[] = [
      { span: taskSpan, role: 'task' },
      { span: paragraphs[unitLine] as Span, role: header[lastUnitColumn] ?? 'responsible' },
    ];
    let end = unitLine;
    for (let k = 1; k <= after && end + 1 < paragraphs.length; k++) {
      end++;
      cells.push({ span: paragraphs[end] as Span, role: header[lastUnitColumn + k] ?? null });
    }
    rows.push({ span: { start: taskSpan.start, end: (paragraphs[end] as Span).end }, cells, number: null });
    last = end;
    i = end + 1;
  }
  if (rows.length === 0) return null;
  for (let k = index; k <= last; k++) taken[k] = 1;
  return {
    span: { start: first.start, end: (paragraphs[last] as Span).end },
    header: { start: first.start, end: headerEnd },
    rows,
    domainRows: [],
    paragraphs: [index, last],
  };
}
