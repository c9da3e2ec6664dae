import type { AssembledDocument, AssembledMeasure } from '../assemble/index.ts';
import type { Paragraphs } from '../normalize/paragraphs.ts';
import type { LocatedRun } from '../read/types.ts';
import type { Domain, Measure, Point, PolicyDocument, Position, Warning } from '../schema/index.ts';
import { lastAtOrBefore } from '../sorted.ts';
import type { SourceFile } from '../source.ts';
import type { Span } from '../types.ts';

export type { LocatedRun } from '../read/types.ts';

export interface DocumentMeta {
  readonly path: string | null;
  readonly encoding: string;
  readonly format: 'text' | 'docx' | 'html' | 'pdf' | 'ofd';
  readonly title: Span | null;
  readonly year: number | null;
  readonly yearSource: PolicyDocument['yearSource'];
  readonly issued: string | null;
}

/**
 * The only place where offsets become positions: every span of the paragraph text is mapped to the
 * raw text once, then to line and column (and, for DOCX, HTML, PDF and OFD, to its page, paragraph
 * or table cell). Builds the output document.
 */
export function place(
  file: SourceFile,
  paragraphs: Paragraphs,
  assembled: AssembledDocument,
  meta: DocumentMeta,
  runs: readonly LocatedRun[] = [],
): PolicyDocument {
  const mapped = paragraphs.text;
  const text = mapped.text;
  const runStarts = runs.map((run) => run.start);
  const located = (raw: number): Point => {
    const point = file.place(raw);
    if (runs.length === 0) return point;
    const index = lastAtOrBefore(runStarts, raw, 0);
    const run = runs[index] as LocatedRun;
    return raw >= run.start && raw <= run.end ? { ...point, ...run.location } : point;
  };
  const rawSpan = (span: Span): Span => mapped.toRawSpan(span.start, span.end);
  const position = (span: Span): Position => {
    const raw = rawSpan(span);
    return { start: located(raw.start), end: located(raw.end) };
  };
  /** The flat start fields and the end line the output keeps beside `position`. */
  const flat = (span: Span) => {
    const pos = position(span);
    const raw = rawSpan(span);
    const lastLine = file.place(Math.max(raw.start, raw.end - 1)).line;
    return { line: pos.start.line, column: pos.start.column, offset: pos.start.offset, endLine: lastLine, position: pos };
  };

  const measureOut = (measure: AssembledMeasure): Measure => {
    const { segment } = measure;
    const whole = flat({ start: segment.start, end: Math.max(segment.start + 1, segment.span.end) });
    return {
      id: measure.id,
      number: segment.number,
      label: segment.label,
      section: [...segment.section],
      title: measure.title,
      text: measure.text,
      leadUnits: [...measure.leadUnits],
      leadUnitsOpen: measure.open.has('lead'),
      responsibleUnits: [...measure.responsibleUnits],
      responsibleUnitsOpen: measure.open.has('responsible'),
      supportingUnits: [...measure.supportingUnits],
      supportingUnitsOpen: measure.open.has('supporting'),
      leadRule: measure.leadRule,
      units: measure.units.map(({ mention, clause }) => ({
        name: mention.name,
        role: mention.role,
        text: text.slice(mention.span.start, mention.span.end),
        clause,
        position: position(mention.span),
      })),
      clauses: measure.clauses.map((clause) => {
        const where = flat(clause.span);
        return { text: text.slice(clause.span.start, clause.span.end), rule: clause.rule, ...where };
      }),
      deadlines: measure.deadlines.map((deadline) => {
        const where = flat(deadline.span);
        return {
          text: text.slice(deadline.span.start, deadline.span.end),
          kind: deadline.kind,
          year: deadline.year,
          month: deadline.month,
          day: deadline.day,
          date: deadline.date,
          inferred: [...deadline.inferred],
          rule: deadline.rule,
          line: where.line,
          column: where.column,
          offset: where.offset,
          position: where.position,
        };
      }),
      targets: measure.targets.map((target) => {
        const where = flat(target.span);
        return {
          text: target.text,
          value: target.value,
          unit: target.unit,
          qualifier: target.qualifier,
          line: where.line,
          column: where.column,
          offset: where.offset,
          position: where.position,
        };
      }),
      line: whole.line,
      column: whole.column,
      offset: whole.offset,
      endLine: whole.endLine,
      position: whole.position,
    };
  };

  const domains: Domain[] = assembled.domains
    .filter((domain) => domain.measures.length > 0)
    .map((domain, index) => {
      const heading = domain.segment.heading;
      const where = heading ? flat(heading) : null;
      return {
        index: index + 1,
        label: domain.segment.label,
        name: domain.segment.name,
        leadUnits: [...domain.leadUnits],
        leadUnitsOpen: domain.leadUnitsOpen,
        line: where?.line ?? null,
        position: where?.position ?? null,
        measures: domain.measures.map(measureOut),
      };
    });

  const warnings: Warning[] = assembled.issues
    .map((issue) => {
      const where = issue.span ? position(issue.span) : null;
      return {
        code: issue.code,
        severity: issue.severity,
        message: issue.message,
        source: issue.source,
        line: where?.start.line ?? null,
        column: where?.start.column ?? null,
        position: where,
      };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code));

  return {
    source: { path: meta.path, encoding: meta.encoding, format: meta.format },
    title: meta.title ? text.slice(meta.title.start, meta.title.end).replace(/\n/g, '') : null,
    year: meta.year,
    yearSource: meta.yearSource,
    issued: meta.issued,
    domains,
    warnings,
  };
}
