import { CharClass } from '../../char-class.ts';
import type { Span } from '../../types.ts';
import { type DeadlineParts, deadlineRules } from './rules.ts';

export { isoDate, isValidDate, lastDayOfMonth } from './calendar.ts';
export { type DeadlineKind, type DeadlineParts, type DeadlineRule, deadlineRules } from './rules.ts';

/**
 * A deadline phrase found in the text: what it says, not yet resolved to a date (the year may be
 * missing or relative; resolve/ decides it from the document).
 */
export interface DeadlineMark {
  readonly span: Span;
  readonly rule: string;
  readonly parts: DeadlineParts;
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

/** Words that make what follows a rhythm, not a deadline: `每年12月底前报送`, `每季度末`. */
const recurrenceWords = ['每年', '每月', '每季度', '每半年', '每周', '每', '定期于', '按月', '按季度'];

/** What joins the two ends of a range (`2021年5月1日至2022年4月30日`): the first end is a start. */
const rangeJoinersRe = /^(?:至|到|—|－|-|～|~)(?=\d|[〇○零一二三四五六七八九十今明])/;

/**
 * Finds every deadline phrase in `text` (the folded paragraph text). Overlapping matches are
 * settled by position, then length (`2023年6月底前` wins over `6月底前`), then rule order. A start
 * (`2024年起`) is read and dropped, so that no other rule reads the date inside it; so is the first
 * end of a range and a date after a word of rhythm (`每年`). The rules run only on short windows
 * around trigger characters, which keeps the cost proportional to the number of deadline-like
 * places rather than to rules × text length.
 */
export function findDeadlines(text: string): DeadlineMark[] {
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
  const found: DeadlineMark[] = [];
  let coveredUntil = 0;
  for (const candidate of candidates) {
    if (candidate.start < coveredUntil) continue;
    const parts = candidate.rule.extract(candidate.groups);
    if (!parts) continue;
    coveredUntil = candidate.end;
    if (parts.kind === 'start') continue;
    const before = text.slice(Math.max(0, candidate.start - 3), candidate.start);
    if (recurrenceWords.some((word) => before.endsWith(word))) continue;
    if ((parts.kind === 'date' || parts.kind === 'month-end') && rangeJoinersRe.test(text.slice(candidate.end, candidate.end + 2))) continue;
    // `年内持续推进`: the ongoing word qualifies the deadline before it, it is no deadline of its own.
    const previous = found[found.length - 1];
    if (parts.kind === 'ongoing' && previous && candidate.start - previous.span.end <= 1) continue;
    found.push({ span: { start: candidate.start, end: candidate.end }, rule: candidate.rule.id, parts });
  }
  return found;
}

/**
 * The deadline a table cell or a field value holds when it is only a month, a year or `长期坚持`
 * (`2024年6月`, `110年`): in a deadline column or after a deadline label that means by its end. The
 * value is read as a cell of its own, so the same cell rules serve tab rows, pipe rows, grids and
 * fields. Null when the value is anything else.
 */
export function cellDeadline(folded: string, span: Span): DeadlineMark | null {
  let start = span.start;
  let end = span.end;
  while (start < end && /[\s：:|｜]/.test(folded.charAt(start))) start++;
  while (end > start && /[\s。；;|｜]/.test(folded.charAt(end - 1))) end--;
  if (end - start < 2 || end - start > 12) return null;
  // A year alone in a deadline cell (`2024`): by its end.
  if (end - start === 4 && /^(?:19|20)\d{2}$/.test(folded.slice(start, end))) {
    return {
      span: { start, end },
      rule: 'deadline/cell-year',
      parts: { kind: 'year-end', year: Number(folded.slice(start, end)), month: 12, day: 31, monthEnd: false },
    };
  }
  const cell = `\t${folded.slice(start, end)}\t`;
  const [only] = findDeadlines(cell);
  if (only?.span.start !== 1 || only.span.end !== cell.length - 1) return null;
  return { ...only, span: { start: start + only.span.start - 1, end: start + only.span.end - 1 } };
}
