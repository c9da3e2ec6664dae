import { isUnitRole } from '../lexicon/labels.ts';
import type { Paragraphs } from '../normalize/paragraphs.ts';
import { lastAtOrBefore } from '../sorted.ts';
import type { Span } from '../types.ts';
import { bracketRe, type ClauseMark, type ClauseSource, markClauses } from './clauses.ts';
import { cellDeadline, type DeadlineMark, findDeadlines } from './deadlines/index.ts';
import { type FieldMark, markFields } from './fields.ts';
import { type FrameMark, markFrame } from './frame.ts';
import { type HeadingMark, markHeadings } from './headings.ts';
import { labelEndRe } from './labels.ts';
import { Positions } from './positions.ts';
import { type GridInput, markTables, type TableMark } from './tables.ts';
import { extractTargets, type FoundTarget } from './targets.ts';
import { parseUnitList } from './units.ts';

export type { ClauseMark } from './clauses.ts';
export type { DeadlineKind, DeadlineMark } from './deadlines/index.ts';
export type { FieldMark } from './fields.ts';
export type { FrameMark } from './frame.ts';
export type { HeadingMark } from './headings.ts';
export type { GridInput, RowMark, TableMark } from './tables.ts';
export type { FoundTarget } from './targets.ts';
export type { UnitMention } from './units.ts';

/**
 * Everything the document says, found in one pass before any decision: candidate headings,
 * clauses with their units, labelled fields, tables, deadlines, targets and the frame. Spans
 * are offsets in the paragraph text; segmentation and assembly only read these marks.
 */
export interface Marks {
  readonly paragraphs: Paragraphs;
  readonly headings: readonly HeadingMark[];
  readonly clauses: readonly ClauseMark[];
  readonly fields: readonly FieldMark[];
  readonly tables: readonly TableMark[];
  readonly deadlines: readonly DeadlineMark[];
  readonly targets: readonly FoundTarget[];
  readonly frame: readonly FrameMark[];
}

/** What may stand beside a deadline in a clause part that is only a time: `6月底前完成`, `年内持续推进`. */
const timeFillerRe =
  /^(?:前|以前|之前|止|完成|完成任务|并|及|见效|落地|实施|推进|持续推进|长期坚持|持续|长期|取得明显成效|取得成效|基本完成|全面完成|初步完成|启动|开展)*$/;

/** A test for clause parts that are times, over the document's deadlines (sorted by start). */
function timePartTest(folded: string, deadlines: readonly DeadlineMark[]): (start: number, end: number) => boolean {
  const starts = deadlines.map((mark) => mark.span.start);
  return (start, end) => {
    if (end - start > 40) return false;
    let rest = '';
    let at = start;
    let covered = false;
    let index = starts.length === 0 ? -1 : lastAtOrBefore(starts, start, 0);
    if (index < 0 || (starts[index] as number) < start) index++;
    for (; index < deadlines.length; index++) {
      const mark = deadlines[index] as DeadlineMark;
      if (mark.span.start >= end) break;
      if (mark.span.end > end) return false;
      rest += folded.slice(at, mark.span.start);
      at = mark.span.end;
      covered = true;
    }
    rest += folded.slice(at, end);
    return (covered || rest.length > 0) && timeFillerRe.test(rest) && (covered || /持续|长期/.test(rest));
  };
}

/** Marks a document (see `Marks`). `grids` are the tables a reader rebuilt, as spans of this text. */
export function mark(paragraphs: Paragraphs, grids: readonly GridInput[] = []): Marks {
  const { folded, spans } = paragraphs;
  const text = paragraphs.text.text;
  const found = findDeadlines(folded);
  const targets = extractTargets(folded).map((target) => ({ ...target, text: text.slice(target.span.start, target.span.end) }));
  const frame = markFrame(folded, spans);
  const tables = markTables(folded, spans, found, grids);
  const inTable = new Uint8Array(spans.length);
  for (const table of tables) for (let i = table.paragraphs[0]; i <= table.paragraphs[1]; i++) inTable[i] = 1;
  const labelEnds = new Positions(folded, labelEndRe);
  const fields = markFields(folded, labelEnds, spans, (index) => inTable[index] === 1);
  // A deadline column's cell or a deadline field that is only a month or a year (`2024年6月`, `110年`).
  const deadlineValues = [
    ...tables.flatMap((table) => table.rows.flatMap((row) => row.cells.filter((cell) => cell.role === 'deadline' && !cell.merged).map((cell) => cell.span))),
    ...fields.filter((field) => field.role === 'deadline').map((field) => field.value),
  ];
  const starts = found.map((mark) => mark.span.start);
  const extra = deadlineValues
    .filter((value) => {
      const at = starts.length === 0 ? -1 : lastAtOrBefore(starts, value.end - 1, 0);
      return !(at >= 0 && (found[at] as DeadlineMark).span.start >= value.start && (found[at] as DeadlineMark).span.start < value.end);
    })
    .map((value) => cellDeadline(folded, value))
    .filter((mark): mark is DeadlineMark => mark !== null);
  const deadlines = extra.length === 0 ? found : [...found, ...extra].sort((a, b) => a.span.start - b.span.start);
  const source: ClauseSource = { text, folded, isTimePart: timePartTest(folded, deadlines), labelEnds, brackets: new Positions(folded, bracketRe) };

  const clauses: ClauseMark[] = [];
  const last = spans.length - 1;
  spans.forEach((span, index) => {
    markClauses(source, span, index === last, clauses);
  });
  // Units of table cells and of fields written outside brackets, read with the role of their column or label.
  const cellClauses: ClauseMark[] = [];
  const listClause = (span: Span, role: 'lead' | 'responsible' | 'supporting', rule: 'units/table-column' | 'units/field'): void => {
    if (span.end <= span.start) return;
    const parsed = parseUnitList(source, span.start, span.end, { role, isTimePart: source.isTimePart });
    if (parsed.units.length === 0) return;
    cellClauses.push({
      span,
      rule,
      units: parsed.units,
      open: parsed.open,
      firstListedLead: parsed.firstListedLead,
      domainLead: false,
      truncated: false,
      fields: [],
    });
  };
  // A merged cell's units are read once, in the row that holds it; the rows it covers share them.
  for (const table of tables) {
    for (const row of table.rows)
      for (const cell of row.cells) if (cell.role && isUnitRole(cell.role) && !cell.merged) listClause(cell.span, cell.role, 'units/table-column');
  }
  for (const field of fields) if (field.form !== 'line' && field.role && isUnitRole(field.role)) listClause(field.value, field.role, 'units/field');
  const allClauses = [...clauses, ...cellClauses].sort((a, b) => a.span.start - b.span.start);

  const headings = markHeadings(folded, text, spans, (index) => inTable[index] === 1);
  return { paragraphs, headings, clauses: allClauses, fields, tables, deadlines, targets, frame };
}
