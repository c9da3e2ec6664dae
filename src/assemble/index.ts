import { CharClass } from '../char-class.ts';
import { type IssueCode, issueCodes, type Params } from '../issue-codes.ts';
import type { FieldRole, UnitRole } from '../lexicon/labels.ts';
import type { ClauseMark, FoundTarget, Marks, UnitMention } from '../mark/index.ts';
import { type ResolvedDeadline, resolveDeadline, type YearContext } from '../resolve/dates.ts';
import { applyFirstListedLeads } from '../resolve/leads.ts';
import type { Segmentation, SegmentedDomain, SegmentedMeasure } from '../segment/index.ts';
import { firstAtOrAfter } from '../sorted.ts';
import type { Severity, Span } from '../types.ts';

/** An issue found while assembling, placed on a span of the paragraph text. */
export interface PlacedIssue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly source: string;
  readonly message: string;
  readonly span: Span | null;
}

/** A unit mention with the clause it came from (its index among the measure's clauses). */
export interface MeasureUnit {
  readonly mention: UnitMention;
  readonly clause: number;
}

/** A measure with everything that belongs to it, still as spans of the paragraph text. */
export interface AssembledMeasure {
  readonly id: string;
  readonly segment: SegmentedMeasure;
  readonly title: string;
  readonly text: string;
  readonly clauses: readonly ClauseMark[];
  readonly units: readonly MeasureUnit[];
  readonly leadUnits: readonly string[];
  readonly responsibleUnits: readonly string[];
  readonly supportingUnits: readonly string[];
  readonly open: ReadonlySet<UnitRole>;
  readonly leadRule: 'marked' | 'first-listed' | null;
  readonly deadlines: readonly ResolvedDeadline[];
  readonly targets: readonly FoundTarget[];
}

export interface AssembledDomain {
  readonly index: number;
  readonly segment: SegmentedDomain;
  readonly leadUnits: readonly string[];
  readonly leadUnitsOpen: boolean;
  readonly measures: readonly AssembledMeasure[];
}

export interface AssembledDocument {
  readonly domains: readonly AssembledDomain[];
  readonly issues: readonly PlacedIssue[];
}

/** What a field or cell of this role holds is no deadline and no target: a person, progress, a place. */
const zoneRoles: ReadonlySet<FieldRole> = new Set(['progress', 'person', 'place', 'note', 'number']);

/** Sentence ends that close a measure's title. */
const titleEnders = new CharClass('。；！？');
/** Separators a title does not end with. */
const titleTrailers = new CharClass('，、：');

/**
 * The first sentence, or the text before the responsibility clause, whichever ends first; a
 * heading on a line of its own (`（一）深化改革`) within the first paragraph.
 */
function measureTitle(text: string, clauseStart: number | null): string {
  const limit = clauseStart !== null && clauseStart > 0 && clauseStart < text.length ? clauseStart : text.length;
  let end = limit;
  for (let i = 0; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (titleEnders.has(code) || (code === 0x0a && i > 0)) {
      end = i;
      break;
    }
  }
  const title = titleTrailers.has(text.charCodeAt(end - 1)) ? text.slice(0, end - 1) : text.slice(0, end);
  return title.trim();
}

/** Spans where deadlines and targets are not a task's: progress, persons, places (sorted, merged). */
function zonesOf(marks: Marks): Span[] {
  const zones: Span[] = [];
  for (const table of marks.tables) {
    if (table.header) zones.push(table.header);
    for (const row of table.rows) for (const cell of row.cells) if (cell.role && zoneRoles.has(cell.role)) zones.push(cell.span);
  }
  for (const field of marks.fields) if (field.role && zoneRoles.has(field.role)) zones.push({ start: field.label.start, end: field.value.end });
  for (const clause of marks.clauses) for (const field of clause.fields) if (zoneRoles.has(field.role)) zones.push(field.span);
  return zones.sort((a, b) => a.start - b.start);
}

function inZone(zones: readonly Span[], span: Span): boolean {
  // Zones are few per document; a linear scan from a binary-searched start keeps it cheap.
  let low = 0;
  let high = zones.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((zones[mid] as Span).end <= span.start) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < zones.length && (zones[i] as Span).start <= span.start; i++)
    if (span.start >= (zones[i] as Span).start && span.end <= (zones[i] as Span).end) return true;
  return false;
}

/** Where a measure's clauses and deadlines lie: its span, and for a table row the merged cells it shares with rows above. */
function measureSpans(measure: SegmentedMeasure): Span[] {
  const merged = measure.row?.cells.filter((cell) => cell.merged).map((cell) => cell.span) ?? [];
  return merged.length === 0 ? [measure.span] : [measure.span, ...merged];
}

/** Whether a table-cell clause's span is one of the row's own or merged cells (a cell's clause belongs to its row). */
function rowHasCell(measure: SegmentedMeasure, span: Span): boolean {
  if (!measure.row) return true;
  return measure.row.cells.some((cell) => cell.span.start === span.start && cell.span.end === span.end);
}

/** Marks in text order (a row's merged cells stand in rows above it). */
function sortedByStart<T extends { readonly span: Span }>(items: T[]): T[] {
  return items.length > 1 ? items.sort((a, b) => a.span.start - b.span.start) : items;
}

/** Items of `items` (sorted by start) that start inside `span`. */
function within<T extends { readonly span: Span }>(items: readonly T[], span: Span): T[] {
  const found: T[] = [];
  for (let i = firstAtOrAfter(items, (item) => item.span.start, span.start); i < items.length && (items[i] as T).span.start < span.end; i++)
    found.push(items[i] as T);
  return found;
}

/**
 * Gathers each measure's clauses, units, deadlines and targets by span containment, resolves the
 * deadlines, applies a stated positional-lead convention, and raises the document's warnings.
 */
export function assemble(marks: Marks, segmentation: Segmentation, years: YearContext): AssembledDocument {
  const text = marks.paragraphs.text.text;
  const issues: PlacedIssue[] = [];
  const report = (code: IssueCode, params: Params, span: Span | null): void => {
    const entry = issueCodes[code];
    issues.push({ code, severity: entry.severity, source: entry.source, message: entry.message(params), span });
  };
  const zones = zonesOf(marks);
  const clauses = marks.clauses.filter((clause) => !clause.domainLead);
  const domainLeadClauses = new Set(segmentation.domains.map((domain) => domain.lead).filter((lead): lead is ClauseMark => lead !== null));
  const deadlines = marks.deadlines.filter((mark) => !inZone(zones, mark.span));
  const targets = marks.targets.filter((target) => !inZone(zones, target.span));

  const drafts = segmentation.domains.map((domain, domainIndex) =>
    domain.measures.map((measure, measureIndex) => {
      const id = `${domainIndex + 1}.${measureIndex + 1}`;
      // A table row also holds what its merged cells hold, written in a row above.
      const own = sortedByStart(measureSpans(measure).flatMap((span) => within(clauses, span))).filter(
        (clause) => !domainLeadClauses.has(clause) && (clause.rule !== 'units/table-column' || rowHasCell(measure, clause.span)),
      );
      return { id, measure, clauses: own };
    }),
  );
  // `列第一位为牵头单位，下同`: from the clause that states it on, a list's first unit leads where the list marks none.
  const adjusted = applyFirstListedLeads(drafts.flat().map((draft) => draft.clauses));
  let flatIndex = 0;

  const domains: AssembledDomain[] = segmentation.domains.map((domain, domainIndex) => {
    const measures = (drafts[domainIndex] ?? []).map(({ id, measure, clauses: ownClauses }): AssembledMeasure => {
      const { clauses: measureClauses, firstListed } = adjusted[flatIndex++] as { clauses: ClauseMark[]; firstListed: boolean };
      const lists: Record<UnitRole, string[]> = { lead: [], responsible: [], supporting: [] };
      const open = new Set<UnitRole>();
      const units: MeasureUnit[] = [];
      measureClauses.forEach((clause, index) => {
        for (const mention of clause.units) {
          units.push({ mention, clause: index });
          const list = lists[mention.role];
          if (!list.includes(mention.name)) list.push(mention.name);
        }
        for (const role of clause.open) open.add(role);
      });
      void ownClauses;
      const measureDeadlines = sortedByStart(measureSpans(measure).flatMap((span) => within(deadlines, span))).map((mark) => resolveDeadline(mark, years));
      for (const deadline of measureDeadlines) {
        const written = text.slice(deadline.span.start, deadline.span.end);
        if (deadline.problem === 'year-unknown') report('deadline-year-unknown', { text: written, id }, deadline.span);
        else if (deadline.problem === 'invalid-date') report('deadline-invalid', { text: written, id, year: deadline.year ?? '' }, deadline.span);
      }
      const taskText = text.slice(measure.task.start, measure.span.end).trim();
      const firstClause = measureClauses.find((clause) => clause.span.start >= measure.task.start);
      const clauseOffset = firstClause ? firstClause.span.start - measure.task.start : null;
      // A table cell that wraps over lines (a cell per line) is one sentence: its title joins them.
      const titleSource = measure.row
        ? text.slice(measure.task.start, measure.task.end).replace(/\n/g, '')
        : measure.kind === 'record'
          ? text.slice(measure.task.start, measure.task.end)
          : taskText;
      return {
        id,
        segment: measure,
        title: measureTitle(titleSource, measure.row ? null : clauseOffset),
        text: measure.row ? text.slice(measure.task.start, measure.task.end).trim() : taskText,
        clauses: measureClauses,
        units,
        leadUnits: lists.lead,
        responsibleUnits: lists.responsible,
        supportingUnits: lists.supporting,
        open,
        leadRule: lists.lead.length === 0 ? null : firstListed ? 'first-listed' : 'marked',
        deadlines: measureDeadlines,
        targets: sortedByStart(measureSpans(measure).flatMap((span) => within(targets, span))),
      };
    });
    const lead = domain.lead;
    return {
      index: domainIndex + 1,
      segment: domain,
      leadUnits: lead ? [...new Set(lead.units.filter((unit) => unit.role === 'lead').map((unit) => unit.name))] : [],
      leadUnitsOpen: lead ? lead.open.has('lead') : false,
      measures,
    };
  });

  for (const domain of domains) {
    for (const measure of domain.measures) {
      const { segment } = measure;
      if (segment.expected !== null && segment.number !== null && segment.number !== segment.expected) {
        report('measure-number-gap', { label: segment.label, id: measure.id, expected: segment.expected }, { start: segment.start, end: segment.start });
      }
    }
  }
  if (domains.some((domain) => domain.measures.length > 0) && !segmentation.unsegmented) {
    for (const empty of segmentation.emptyDomains) report('domain-without-measures', { name: empty.name }, { start: empty.span.start, end: empty.span.start });
  }
  if (domains.length === 0 && marks.paragraphs.spans.length > 0) report('measures-none', {}, null);
  if (segmentation.unsegmented) {
    const first = segmentation.domains[0]?.measures[0];
    report('document-unsegmented', {}, first ? { start: first.span.start, end: first.span.start } : null);
  }
  // A measure without units is worth a warning only in a document whose measures name units.
  const anyUnits = domains.some((domain) => domain.measures.some((measure) => measure.leadUnits.length + measure.responsibleUnits.length > 0));
  if (anyUnits) {
    for (const domain of domains) {
      for (const measure of domain.measures) {
        if (measure.leadUnits.length + measure.responsibleUnits.length === 0) {
          report('unit-clause-missing', { id: measure.id }, { start: measure.segment.start, end: measure.segment.start });
        }
      }
    }
  }
  if (!segmentation.front.title && marks.paragraphs.spans.length > 0) report('title-missing', {}, { start: 0, end: 0 });
  return { domains, issues };
}
