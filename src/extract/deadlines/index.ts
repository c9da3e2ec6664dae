import type { Span } from '../../types.ts';
import { isValidDate, isoDate, lastDayOfMonth } from './calendar.ts';
import { deadlineRules, type DeadlineKind } from './rules.ts';

export { deadlineRules, type DeadlineKind, type DeadlineRule } from './rules.ts';
export { lastDayOfMonth, isoDate } from './calendar.ts';

/** A deadline found in a text, resolved against a reference year. */
export interface FoundDeadline {
  readonly text: string;
  /** Span in the text searched. */
  readonly span: Span;
  readonly kind: DeadlineKind;
  readonly rule: string;
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
  /** ISO date of the last day the deadline allows (the first day, for `start`); null when unknown. */
  readonly date: string | null;
  /** Parts not written in the text but supplied: `year` from the document, `day` from the month's end. */
  readonly inferred: readonly ('year' | 'day')[];
  /** Why `date` is null when it should have one: `year-unknown` or `invalid-date`. */
  readonly problem: 'year-unknown' | 'invalid-date' | null;
}

interface Candidate {
  readonly rule: (typeof deadlineRules)[number];
  readonly start: number;
  readonly end: number;
  readonly groups: Record<string, string | undefined>;
}

/**
 * Finds every deadline in `text`. Overlapping matches are settled by position, then length
 * (`2023年6月底前` wins over `6月底前`), then rule order. `referenceYear` fills a missing year.
 */
export function extractDeadlines(text: string, referenceYear: number | null): FoundDeadline[] {
  const candidates: Candidate[] = [];
  for (const rule of deadlineRules) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      if (match[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      candidates.push({ rule, start: match.index, end: match.index + match[0].length, groups: { ...match.groups } });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end || deadlineRules.indexOf(a.rule) - deadlineRules.indexOf(b.rule));
  const found: FoundDeadline[] = [];
  let coveredUntil = 0;
  for (const candidate of candidates) {
    if (candidate.start < coveredUntil) continue;
    const parts = candidate.rule.extract(candidate.groups);
    if (!parts) continue;
    coveredUntil = candidate.end;
    const base = { text: text.slice(candidate.start, candidate.end), span: { start: candidate.start, end: candidate.end }, kind: parts.kind, rule: candidate.rule.id };
    if (parts.kind === 'ongoing') {
      found.push({ ...base, year: null, month: null, day: null, date: null, inferred: [], problem: null });
      continue;
    }
    const year = parts.year ?? referenceYear;
    const inferred: ('year' | 'day')[] = [];
    if (parts.year === null) inferred.push('year');
    if (parts.monthEnd) inferred.push('day');
    if (year === null) {
      found.push({ ...base, year: null, month: parts.month, day: parts.monthEnd ? null : parts.day, date: null, inferred, problem: 'year-unknown' });
      continue;
    }
    const month = parts.month as number;
    const day = parts.monthEnd ? lastDayOfMonth(year, month) : (parts.day as number);
    const valid = isValidDate(year, month, day);
    found.push({ ...base, year, month, day, date: valid ? isoDate(year, month, day) : null, inferred, problem: valid ? null : 'invalid-date' });
  }
  return found;
}
