import { CharClass } from '../../char-class.ts';
import type { Span } from '../../types.ts';
import { isoDate, isValidDate, lastDayOfMonth } from './calendar.ts';
import { type DeadlineKind, deadlineRules } from './rules.ts';

export { isoDate, lastDayOfMonth } from './calendar.ts';
export { type DeadlineKind, type DeadlineRule, deadlineRules } from './rules.ts';

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
  /** The rule's position in `deadlineRules`: the tie-breaker. */
  readonly order: number;
}

/** Every deadline phrase holds one of these: the rules only run near them. */
export const deadlineTriggerRe = /[月年季起]|长期|持续|長期|持續/g;
/** The one-character triggers; the others are two characters long. */
const singleCharTriggers = new CharClass('月年季起');
/** How far a deadline reaches before its trigger (`截止到二〇二三年十二月`) and after it (`月底以前完成`). */
const reachBefore = 16;
const reachAfter = 12;
/** Characters a rule's lookbehind may inspect before a match. */
const lookbehindMargin = 2;

/** Merged windows `[start, end)` around every trigger: the only places a deadline can be. */
function candidateRegions(text: string): [number, number][] {
  const regions: [number, number][] = [];
  deadlineTriggerRe.lastIndex = 0;
  // `test` moves `lastIndex` past the trigger without building a match object.
  while (deadlineTriggerRe.test(text)) {
    const triggerEnd = deadlineTriggerRe.lastIndex;
    const triggerStart = singleCharTriggers.has(text.charCodeAt(triggerEnd - 1)) ? triggerEnd - 1 : triggerEnd - 2;
    const start = Math.max(0, triggerStart - reachBefore);
    const end = Math.min(text.length, triggerEnd + reachAfter);
    const last = regions[regions.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else regions.push([start, end]);
  }
  return regions;
}

/**
 * The required literals by their last character, with the rule (as a bit) each belongs to.
 * One pass over a window then says which rules are worth running: a rule is tried only where
 * one of its literals occurs (what a search for each literal would say, without the searches).
 */
const literalsByLastChar = new Map<number, { literal: string; bit: number }[]>();
const endsSomeLiteral = new Uint8Array(0x10000);
if (deadlineRules.length > 32) throw new Error('deadline rules: at most 32 fit the bit set of possibleRules');
deadlineRules.forEach((rule, order) => {
  for (const literal of rule.requires) {
    const code = literal.charCodeAt(literal.length - 1);
    const entries = literalsByLastChar.get(code) ?? [];
    entries.push({ literal, bit: 1 << order });
    literalsByLastChar.set(code, entries);
    endsSomeLiteral[code] = 1;
  }
});

/** The rules (bits of their order) one of whose required literals lies inside `[start, end)`. */
function possibleRules(text: string, start: number, end: number): number {
  let rules = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (endsSomeLiteral[code] === 0) continue;
    for (const { literal, bit } of literalsByLastChar.get(code) as { literal: string; bit: number }[]) {
      const literalStart = i + 1 - literal.length;
      if (literalStart >= start && text.startsWith(literal, literalStart)) rules |= bit;
    }
  }
  return rules;
}

/**
 * Finds every deadline in `text`. Overlapping matches are settled by position, then length
 * (`2023年6月底前` wins over `6月底前`), then rule order. `referenceYear` fills a missing year.
 * The rules run only on short windows around trigger characters, which keeps the cost
 * proportional to the number of deadline-like places rather than to rules × text length.
 */
export function extractDeadlines(text: string, referenceYear: number | null): FoundDeadline[] {
  const candidates: Candidate[] = [];
  for (const [regionStart, regionEnd] of candidateRegions(text)) {
    const rules = possibleRules(text, regionStart, regionEnd);
    if (rules === 0) continue;
    const sliceStart = Math.max(0, regionStart - lookbehindMargin);
    const slice = text.slice(sliceStart, regionEnd);
    for (let order = 0; order < deadlineRules.length; order++) {
      if ((rules & (1 << order)) === 0) continue;
      const rule = deadlineRules[order] as (typeof deadlineRules)[number];
      rule.pattern.lastIndex = regionStart - sliceStart;
      for (let match = rule.pattern.exec(slice); match; match = rule.pattern.exec(slice)) {
        if (match[0].length === 0) {
          rule.pattern.lastIndex++;
          continue;
        }
        candidates.push({ rule, order, start: sliceStart + match.index, end: sliceStart + match.index + match[0].length, groups: match.groups ?? {} });
      }
    }
  }
  if (candidates.length > 1) candidates.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const found: FoundDeadline[] = [];
  let coveredUntil = 0;
  for (const candidate of candidates) {
    if (candidate.start < coveredUntil) continue;
    const parts = candidate.rule.extract(candidate.groups);
    if (!parts) continue;
    coveredUntil = candidate.end;
    const written = text.slice(candidate.start, candidate.end);
    const span = { start: candidate.start, end: candidate.end };
    if (parts.kind === 'ongoing') {
      found.push({
        text: written,
        span,
        kind: parts.kind,
        rule: candidate.rule.id,
        year: null,
        month: null,
        day: null,
        date: null,
        inferred: [],
        problem: null,
      });
      continue;
    }
    const year = parts.year ?? (referenceYear === null ? null : referenceYear + (parts.yearOffset ?? 0));
    const inferred: ('year' | 'day')[] = [];
    if (parts.year === null) inferred.push('year');
    if (parts.monthEnd) inferred.push('day');
    if (year === null) {
      found.push({
        text: written,
        span,
        kind: parts.kind,
        rule: candidate.rule.id,
        year: null,
        month: parts.month,
        day: parts.monthEnd ? null : parts.day,
        date: null,
        inferred,
        problem: 'year-unknown',
      });
      continue;
    }
    const month = parts.month as number;
    const day = parts.monthEnd ? lastDayOfMonth(year, month) : (parts.day as number);
    const valid = isValidDate(year, month, day);
    found.push({
      text: written,
      span,
      kind: parts.kind,
      rule: candidate.rule.id,
      year,
      month,
      day,
      date: valid ? isoDate(year, month, day) : null,
      inferred,
      problem: valid ? null : 'invalid-date',
    });
  }
  return found;
}
