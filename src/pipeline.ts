import { CharClass } from './char-class.ts';
import { extractDeadlines } from './extract/deadlines/index.ts';
import { extractTargets } from './extract/targets/index.ts';
import { findUnitClauses, readUnitList, type UnitClause, type UnitRole } from './extract/units/index.ts';
import { inferDocumentYear, type YearSource } from './extract/year.ts';
import { joinLines, type NormalizedText, normalize } from './normalize/index.ts';
import type { Clause, Deadline, Domain, Measure, PolicyDocument, Target, Unit, Warning } from './schema/index.ts';
import { type SegmentedMeasure, segment } from './segment/index.ts';
import type { TableColumn } from './segment/table.ts';
import { SourceFile } from './source.ts';
import type { MappedText } from './text-map.ts';
import type { ExtractOptions, Issue } from './types.ts';

/** Sentence ends that close a measure's title. */
const titleEnders = new CharClass('。；！？');
/** Separators a title does not end with. */
const titleTrailers = new CharClass('，、：');

/**
 * The first sentence, or the text before the responsibility clause, whichever ends first;
 * within the first paragraph, a heading on a line of its own (`（一）深化改革`). One scan that
 * stops at the first of them.
 */
function measureTitle(text: string, clauseStart: number | null): string {
  const limit = clauseStart !== null && clauseStart < text.length ? clauseStart : text.length;
  let end = limit;
  let seenLineEnd = false;
  for (let i = 0; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (titleEnders.has(code)) {
      end = i;
      break;
    }
    // Only the first line end counts, and not at the very start.
    if (code === 0x0a && !seenLineEnd) {
      seenLineEnd = true;
      if (i > 0) {
        end = i;
        break;
      }
    }
  }
  const title = titleTrailers.has(text.charCodeAt(end - 1)) ? text.slice(0, end - 1) : text.slice(0, end);
  return title.trim();
}

/** What may stand between a measure's number and its text (`1、`, `1．`, `1:`): not part of the text. */
const numberTrailers = new CharClass(' 、.．:：');

interface MeasureContext {
  readonly file: SourceFile;
  readonly normalized: NormalizedText;
  readonly table: Partial<Record<TableColumn, number>> | null;
  readonly year: number | null;
  readonly id: string;
}

/** Where the derived span `[start, end)` of `mapped` came from in the raw text, start and end. */
function rawPlace(file: SourceFile, mapped: MappedText, start: number, end: number) {
  const rawStart = mapped.toRaw(start);
  const rawEnd = end <= start ? rawStart : Math.max(rawStart, mapped.toRaw(end - 1) + 1);
  return { ...file.lines.placeSpan(rawStart, rawEnd), position: { start: file.place(rawStart), end: file.place(rawEnd) } };
}

/** Cells of a table row after its number cell: `[start, end)` in the row's text. */
function tableCells(text: string): { start: number; end: number }[] {
  const cells: { start: number; end: number }[] = [];
  let start = 0;
  for (let tab = text.indexOf('\t'); tab >= 0; tab = text.indexOf('\t', start)) {
    cells.push({ start, end: tab });
    start = tab + 1;
  }
  cells.push({ start, end: text.length });
  return cells;
}

/** Appends the names not yet in `target`, keeping the order written. */
function mergeUnits(target: string[], names: readonly string[]): void {
  for (const name of names) if (!target.includes(name)) target.push(name);
}

const unitColumns: ReadonlyArray<readonly [TableColumn, UnitRole]> = [
  ['lead', 'lead'],
  ['responsible', 'responsible'],
  ['supporting', 'supporting'],
];

/** Units from a table row's unit columns, as clauses whose span is the cell. */
function tableClauses(text: string, table: Partial<Record<TableColumn, number>>): { clauses: UnitClause[]; task: { start: number; end: number } | null } {
  // The row's text starts after its number cell, so column n is cell n - 1 when the number comes first.
  const shift = table.number === 0 ? 1 : 0;
  const cells = tableCells(text);
  const cellOf = (column: TableColumn) => (table[column] === undefined ? undefined : cells[(table[column] as number) - shift]);
  const clauses: UnitClause[] = [];
  for (const [column, role] of unitColumns) {
    const cell = cellOf(column);
    if (!cell || cell.end <= cell.start) continue;
    const parsed = readUnitList(role, text.slice(cell.start, cell.end));
    clauses.push({ span: cell, rule: 'units/table-column', units: parsed.units, open: parsed.open });
  }
  return { clauses, task: cellOf('task') ?? null };
}

function buildMeasure(segmented: SegmentedMeasure, context: MeasureContext): Measure {
  const { file, normalized, year, id } = context;
  const mapped = joinLines(normalized, segmented.firstLine, segmented.lastLine, segmented.contentStart);
  const isTableRow = context.table !== null && mapped.text.includes('\t');
  const row = isTableRow ? tableClauses(mapped.text, context.table as Partial<Record<TableColumn, number>>) : null;
  // A table row's text is its task cell; other measures are their whole text.
  const textStart = row?.task ? row.task.start : 0;
  const textEnd = row?.task ? row.task.end : mapped.text.length;
  const cell = mapped.text.slice(textStart, textEnd);
  let textFrom = 0;
  while (textFrom < cell.length && numberTrailers.has(cell.charCodeAt(textFrom))) textFrom++;
  const text = textFrom === 0 ? cell : cell.slice(textFrom);
  // Where `text` starts in the mapped text: a clause's offset minus this is its offset in `text`.
  const textOffset = textStart + cell.length - text.length;

  const units: Record<UnitRole, string[]> = { lead: [], responsible: [], supporting: [] };
  const open: Record<UnitRole, boolean> = { lead: false, responsible: false, supporting: false };
  const clauses: Clause[] = [];
  const unitMentions: Unit[] = [];
  const textClauses = findUnitClauses(mapped.text);
  // findUnitClauses returns its clauses in text order; a table row's cell clauses join them.
  const found = row ? [...row.clauses, ...textClauses].sort((a, b) => a.span.start - b.span.start) : textClauses;
  for (const clause of found) {
    // One line per role rather than a loop over role names: property access by a variable name is slow here.
    mergeUnits(units.lead, clause.units.lead);
    mergeUnits(units.responsible, clause.units.responsible);
    mergeUnits(units.supporting, clause.units.supporting);
    open.lead ||= clause.open.lead;
    open.responsible ||= clause.open.responsible;
    open.supporting ||= clause.open.supporting;
    const place = rawPlace(file, mapped, clause.span.start, clause.span.end);
    const clauseText = mapped.text.slice(clause.span.start, clause.span.end);
    let searchFrom = 0;
    for (const role of ['lead', 'responsible', 'supporting'] as const) {
      for (const name of clause.units[role]) {
        const at = clauseText.indexOf(name, searchFrom);
        const start = clause.span.start + (at >= 0 ? at : 0);
        const end = at >= 0 ? start + name.length : clause.span.end;
        if (at >= 0) searchFrom = at + name.length;
        unitMentions.push({ name, role, text: name, clause: clauses.length, position: rawPlace(file, mapped, start, end).position });
      }
    }
    clauses.push({
      text: clauseText,
      rule: clause.rule,
      line: place.line,
      column: place.column,
      offset: place.offset,
      endLine: place.endLine,
      position: place.position,
    });
  }

  const deadlines: Deadline[] = extractDeadlines(mapped.text, year).map((deadline) => {
    const place = rawPlace(file, mapped, deadline.span.start, deadline.span.end);
    if (deadline.problem === 'year-unknown') {
      file.report({
        code: 'deadline-year-unknown',
        severity: 'warning',
        source: 'extract/deadlines',
        message: `Deadline \`${deadline.text}\` of measure ${id} has no year and the document year is unknown; pass --year`,
        span: mapped.toRawSpan(deadline.span.start, deadline.span.end),
      });
    } else if (deadline.problem === 'invalid-date') {
      file.report({
        code: 'deadline-invalid',
        severity: 'warning',
        source: 'extract/deadlines',
        message: `Deadline \`${deadline.text}\` of measure ${id} is not a date in ${deadline.year}`,
        span: mapped.toRawSpan(deadline.span.start, deadline.span.end),
      });
    }
    return {
      text: deadline.text,
      kind: deadline.kind,
      year: deadline.year,
      month: deadline.month,
      day: deadline.day,
      date: deadline.date,
      inferred: [...deadline.inferred],
      rule: deadline.rule,
      line: place.line,
      column: place.column,
      offset: place.offset,
      position: place.position,
    };
  });

  const targets: Target[] = extractTargets(mapped.text).map((target) => {
    const place = rawPlace(file, mapped, target.span.start, target.span.end);
    return {
      text: target.text,
      value: target.value,
      unit: target.unit,
      qualifier: target.qualifier,
      line: place.line,
      column: place.column,
      offset: place.offset,
      position: place.position,
    };
  });

  const start = rawPlace(
    file,
    normalized.text,
    (normalized.lines[segmented.firstLine] as { start: number }).start,
    (normalized.lines[segmented.firstLine] as { start: number }).start + 1,
  );
  const lastLine = normalized.lines[segmented.lastLine] as { start: number; end: number };
  const end = rawPlace(file, normalized.text, Math.max(lastLine.start, lastLine.end - 1), lastLine.end);
  const firstClause = row ? undefined : found[0];
  return {
    id,
    number: segmented.number,
    label: segmented.label.trim(),
    section: [...segmented.section],
    title: measureTitle(text, firstClause ? firstClause.span.start - textOffset : null),
    text,
    leadUnits: units.lead,
    leadUnitsOpen: open.lead,
    responsibleUnits: units.responsible,
    responsibleUnitsOpen: open.responsible,
    supportingUnits: units.supporting,
    supportingUnitsOpen: open.supporting,
    leadRule: units.lead.length > 0 ? 'marked' : null,
    units: unitMentions.sort((a, b) => a.position.start.offset - b.position.start.offset),
    clauses,
    deadlines,
    targets,
    line: start.line,
    column: start.column,
    offset: start.offset,
    endLine: end.endLine,
    position: { start: start.position.start, end: end.position.end },
  };
}

function toWarning(file: SourceFile, issue: Issue): Warning {
  const place = issue.span ? file.place(issue.span.start) : null;
  const position = issue.span ? { start: file.place(issue.span.start), end: file.place(Math.max(issue.span.start, issue.span.end)) } : null;
  return {
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    source: issue.source,
    line: place?.line ?? null,
    column: place?.column ?? null,
    position,
  };
}

/**
 * Extracts the structured ledger from one policy document's text. Pure: no filesystem, no
 * clock, no console; the same text and options always give the same result.
 */
export function extract(text: string, options: ExtractOptions = {}): PolicyDocument {
  const file = new SourceFile(text);
  const normalized = normalize(text);
  const segmentation = segment(normalized, file);
  const title = segmentation.title ? joinLines(normalized, segmentation.title[0], segmentation.title[1]).text.replace(/\n/g, '') : null;

  let year: number | null = null;
  let yearSource: YearSource | null = null;
  if (options.year !== undefined) {
    year = options.year;
    yearSource = 'option';
  } else {
    const inferred = inferDocumentYear(title, normalized.text.text);
    if (inferred) ({ year, source: yearSource } = inferred);
  }

  const anyUnits = { value: false };
  const domains: Domain[] = segmentation.domains.map((domain, domainIndex) => {
    const measures = domain.measures.map((measure, measureIndex) => {
      const built = buildMeasure(measure, { file, normalized, table: segmentation.table, year, id: `${domainIndex + 1}.${measureIndex + 1}` });
      if (built.leadUnits.length + built.responsibleUnits.length > 0) anyUnits.value = true;
      if (measure.expected !== null && measure.number !== null && measure.number !== measure.expected) {
        file.report({
          code: 'measure-number-gap',
          severity: 'warning',
          source: 'segment',
          message: `Measure \`${measure.label}\` (${built.id}) follows number ${measure.expected - 1}; expected ${measure.expected}`,
          span: normalized.text.toRawSpan(
            (normalized.lines[measure.firstLine] as { start: number }).start,
            (normalized.lines[measure.firstLine] as { start: number }).start,
          ),
        });
      }
      return { built, firstLine: measure.firstLine };
    });
    const headingLine = domain.line === null ? null : file.place(normalized.text.toRaw((normalized.lines[domain.line] as { start: number }).start)).line;
    const headingSpan = domain.line === null ? null : (normalized.lines[domain.line] as { start: number; end: number });
    const headingPosition = headingSpan ? rawPlace(file, normalized.text, headingSpan.start, headingSpan.end).position : null;
    return {
      index: domainIndex + 1,
      label: domain.label,
      name: domain.name,
      leadUnits: [...domain.leadUnits],
      leadUnitsOpen: domain.leadUnitsOpen,
      line: headingLine,
      position: headingPosition,
      measures: measures.map(({ built }) => built),
    };
  });

  // A measure without units is worth a warning only in a document whose measures name units.
  if (anyUnits.value) {
    for (const domain of domains) {
      for (const measure of domain.measures) {
        if (measure.leadUnits.length + measure.responsibleUnits.length === 0) {
          file.report({
            code: 'unit-clause-missing',
            severity: 'warning',
            source: 'extract/units',
            message: `Measure ${measure.id} names no lead or responsible unit`,
            span: { start: measure.offset, end: measure.offset },
          });
        }
      }
    }
  }

  const warnings = file.issues
    .map((issue) => toWarning(file, issue))
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code));

  return {
    source: { path: options.path ?? null, encoding: options.encoding ?? 'utf-8', format: options.format ?? 'text' },
    title,
    year,
    yearSource,
    issued: null,
    domains,
    warnings,
  };
}
