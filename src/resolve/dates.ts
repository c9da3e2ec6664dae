import { foldScript } from '../lexicon/script.ts';
import { findDeadlines, isoDate, isValidDate, lastDayOfMonth } from '../mark/deadlines/index.ts';
import type { DeadlineKind, DeadlineMark } from '../mark/index.ts';
import type { Span } from '../types.ts';

/** A deadline with its date decided: chrono's "implied" parts are listed in `inferred`. */
export interface ResolvedDeadline {
  readonly span: Span;
  readonly rule: string;
  readonly kind: DeadlineKind;
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
  readonly date: string | null;
  readonly inferred: readonly ('year' | 'day')[];
  /** Why `date` is null where it should have one. */
  readonly problem: 'year-unknown' | 'invalid-date' | null;
}

/** The years a document's deadlines resolve in. */
export interface YearContext {
  /** For deadlines without a year (`6月底前`): --year, else the document's year; null when unknown. */
  readonly documentYear: number | null;
  /** For relative years (`明年`, `今年`): the year the document was written (its issue date), else the document year. */
  readonly relativeBase: number | null;
}

/**
 * Decides a deadline's date: the year written, else a relative year from the year the document was
 * written, else the document year; the day is the month's (or quarter's) last where the phrase
 * names none. Never the clock.
 */
export function resolveDeadline(mark: DeadlineMark, years: YearContext): ResolvedDeadline {
  const { parts, span, rule } = mark;
  const kind = parts.kind;
  // Object literals of one shape throughout (no spreads): this runs for every deadline of a batch.
  if (kind === 'ongoing') return { span, rule, kind, year: null, month: null, day: null, date: null, inferred: [], problem: null };
  if (kind === 'target-year') return { span, rule, kind, year: parts.year, month: null, day: null, date: null, inferred: [], problem: null };
  const relative = parts.yearOffset !== undefined;
  const year = parts.year ?? (relative ? (years.relativeBase === null ? null : years.relativeBase + (parts.yearOffset as number)) : years.documentYear);
  const inferred: ('year' | 'day')[] = [];
  if (parts.year === null) inferred.push('year');
  if (parts.monthEnd) inferred.push('day');
  if (year === null) {
    return { span, rule, kind, year: null, month: parts.month, day: parts.monthEnd ? null : parts.day, date: null, inferred, problem: 'year-unknown' };
  }
  const month = parts.month as number;
  const day = parts.monthEnd ? lastDayOfMonth(year, month) : (parts.day as number);
  const valid = isValidDate(year, month, day);
  return { span, rule, kind, year, month, day, date: valid ? isoDate(year, month, day) : null, inferred, problem: valid ? null : 'invalid-date' };
}

/**
 * The deadline rules alone on a piece of text (a clause, a cell, a test's example): every deadline
 * phrase found, resolved in `documentYear` (and relative years from `relativeBase`, by default the
 * same year), with the text as written.
 */
export function readDeadlines(
  text: string,
  documentYear: number | null,
  relativeBase: number | null = documentYear,
): (ResolvedDeadline & { readonly text: string })[] {
  return findDeadlines(foldScript(text)).map((mark) => ({
    ...resolveDeadline(mark, { documentYear, relativeBase }),
    text: text.slice(mark.span.start, mark.span.end),
  }));
}
