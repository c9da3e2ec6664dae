import { CharClass, isHan } from '../char-class.ts';
import { type FieldRole, isUnitRole, type UnitRole } from '../lexicon/labels.ts';
import { proseAssignment, roleVerbs, verbTails } from '../lexicon/verbs.ts';
import type { Span } from '../types.ts';
import { findLabels, type LabelMark, labelValues } from './labels.ts';
import type { Positions } from './positions.ts';
import { type ListSource, looksLikeUnit, type ParsedList, parseUnitList, roleVerbAt, type UnitMention } from './units.ts';

export type ClauseRule = 'units/labelled' | 'units/role-verbs' | 'units/labelled-line' | 'units/prose' | 'units/table-column' | 'units/field';

/** A field inside a clause that is not a list of units: its deadline, or a person left out. */
export interface FieldValue {
  readonly role: FieldRole;
  readonly span: Span;
}

/** A responsibility clause: where it is, the units it names with their roles, and its other fields. */
export interface ClauseMark {
  readonly span: Span;
  readonly rule: ClauseRule;
  readonly units: readonly UnitMention[];
  readonly open: ReadonlySet<UnitRole>;
  /** The clause states that the first unit of a list leads (`列第一位为牵头单位，下同`). */
  readonly firstListedLead: boolean;
  /** Its lead is a domain's (`领域牵头单位：`). */
  readonly domainLead: boolean;
  /** The text ends before the clause's closing bracket: it was read to the end. */
  readonly truncated: boolean;
  readonly fields: readonly FieldValue[];
}

/** The text clauses are read from, and a test for parts that are times (`6月底完成`). */
export interface ClauseSource extends ListSource {
  readonly isTimePart: (start: number, end: number) => boolean;
  /** Where labels end (`labelEndRe`) and where brackets stand (`bracketRe`) in `folded`. */
  readonly labelEnds: Positions;
  readonly brackets: Positions;
}

const openers = new CharClass('（(【〔[');
/** Every bracket the pairing looks at. */
export const bracketRe = /[（(【〔[）)】〕\]]/g;
const closerOf: Readonly<Record<number, number>> = { 65288: 0xff09, 40: 0x29, 12304: 0x3011, 12308: 0x3015, 91: 0x5d };
const closers = new CharClass('）)】〕]');
/** Clauses longer than this are prose in brackets, not a list of units. */
const maxClauseLength = 800;
const sentenceEnds = new CharClass('。；;！？!?');
/**
 * A Han character at `at`: a `.` after one is a full stop, as text taken from a PDF may write it
 * (`由市财政局牵头.`), where after a digit it is a number's (`1.`, `2.5`).
 */
const isHanAt = (folded: string, at: number): boolean => isHan(folded.charCodeAt(at));
const partSeparators = new CharClass('；;，,、 ');

/**
 * A person's value is a name or two (`责任领导：张明、李华`): it ends at the first separator of clause
 * parts, so what follows without a label of its own (`（责任领导：张明；长期坚持；牵头单位：A）`) stays a
 * part of the clause and is read, not left out with the person.
 */
function nameValue(folded: string, value: Span): Span {
  for (let i = value.start; i < value.end; i++) if (nameValueEnds.has(folded.charCodeAt(i))) return { start: value.start, end: i };
  return value;
}
const nameValueEnds = new CharClass('；;，,。');

/** Units of a labelled content: `牵头单位：A、B；责任单位：C等部门；完成时限：6月底前`. */
function readLabelled(source: ClauseSource, found: readonly LabelMark[], end: number): Omit<ClauseMark, 'span' | 'rule' | 'truncated'> | null {
  const units: UnitMention[] = [];
  const open = new Set<UnitRole>();
  const fields: FieldValue[] = [];
  let firstListedLead = false;
  let domainLead = false;
  let unitLabels = 0;
  for (const { label, value } of labelValues(found, end)) {
    if (label.role === null) continue;
    if (isUnitRole(label.role)) {
      unitLabels++;
      domainLead ||= label.domain;
      const parsed: ParsedList = parseUnitList(source, value.start, value.end, { role: label.role, isTimePart: source.isTimePart });
      units.push(...parsed.units);
      for (const role of parsed.open) open.add(role);
      firstListedLead ||= parsed.firstListedLead;
    } else {
      fields.push({ role: label.role, span: label.role === 'person' ? nameValue(source.folded, value) : value });
    }
  }
  if (unitLabels === 0) return null;
  return { units, open, firstListedLead, domainLead, fields };
}

/**
 * The clause in the brackets `[open, close)` (content between them), or null when the content
 * is no clause: labels (`（牵头单位：A；责任单位：B）`), a deadline first (`（2024年底前完成；责任单位：A）`),
 * or role verbs (`（A牵头，B配合）`).
 */
function readBracketed(source: ClauseSource, contentStart: number, contentEnd: number): Omit<ClauseMark, 'span' | 'truncated'> | null {
  const { folded } = source;
  const found = findLabels(folded, source.labelEnds, contentStart, contentEnd);
  if (found.length > 0) {
    let before = (found[0] as LabelMark).start;
    while (before > contentStart && partSeparators.has(folded.charCodeAt(before - 1))) before--;
    // Before the first label: nothing, a time (`2024年底前完成；责任单位：…`), or a short remark (`另行通知；`).
    const remark = before - contentStart <= 8 && before < (found[0] as LabelMark).start;
    if (before === contentStart || remark || source.isTimePart(contentStart, before)) {
      const labelled = readLabelled(source, found, contentEnd);
      if (labelled) return { ...labelled, rule: 'units/labelled' };
    }
  }
  const parsed = parseUnitList(source, contentStart, contentEnd, { role: null, isTimePart: source.isTimePart });
  if (parsed.units.length === 0 && !(parsed.verbGroups > 0 && parsed.open.size > 0)) return null;
  return { rule: 'units/role-verbs', units: parsed.units, open: parsed.open, firstListedLead: parsed.firstListedLead, domainLead: false, fields: [] };
}

/**
 * Pairs the brackets of a paragraph with one stack (so nested brackets inside names, `省政府有关部门
 * （单位）`, and unclosed ones cost linear time) and reads each outermost pair that holds a clause.
 * A bracket still open at the end of the document is read to the end: the excerpt was cut there.
 */
function bracketClauses(source: ClauseSource, paragraph: Span, atDocumentEnd: boolean, clauses: ClauseMark[]): void {
  const { folded } = source;
  const stack: number[] = [];
  const pairs: [number, number][] = [];
  for (const i of source.brackets.within(paragraph.start, paragraph.end)) {
    const code = folded.charCodeAt(i);
    if (openers.has(code)) stack.push(i);
    else {
      // Pop to the matching opener: an unclosed `〔` inside `（…）` does not hold the pair.
      for (let depth = stack.length - 1; depth >= 0; depth--) {
        if (closerOf[folded.charCodeAt(stack[depth] as number)] === code) {
          pairs.push([stack[depth] as number, i]);
          stack.length = depth;
          break;
        }
      }
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  let coveredUntil = -1;
  for (const [open, close] of pairs) {
    if (open < coveredUntil || close - open > maxClauseLength || !mayHoldClause(folded, open + 1, close)) continue;
    const clause = readBracketed(source, open + 1, close);
    if (!clause) continue;
    clauses.push({ ...clause, span: { start: open, end: close + 1 }, truncated: false });
    coveredUntil = close + 1;
  }
  const unclosed = stack[0];
  if (atDocumentEnd && unclosed !== undefined && unclosed >= coveredUntil && paragraph.end - unclosed <= maxClauseLength) {
    const clause = readBracketed(source, unclosed + 1, paragraph.end);
    if (clause) clauses.push({ ...clause, span: { start: unclosed, end: paragraph.end }, truncated: true });
  }
}

/**
 * Whether brackets may hold a clause: a label's colon, or one of the characters role verbs end
 * with. Most brackets (`（单位）`, `（2023年）`, `（含）`) hold neither and are passed over at once.
 */
function mayHoldClause(folded: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (clauseChars.has(folded.charCodeAt(i))) return true;
  return false;
}

const clauseChars = new CharClass('：:】', roleVerbs.map((entry) => entry.verb.slice(-1)).join(''), verbTails.map((tail) => tail.slice(-1)).join(''));

/**
 * Whether positions lie inside one of the clauses found so far in a paragraph. Clauses may nest (a
 * labelled run holds bracketed clauses), so a position is covered when the furthest end among
 * the clauses that start at or before it lies past it: a binary search, however many clauses a
 * paragraph has.
 */
class Coverage {
  readonly #starts: number[] = [];
  readonly #reach: number[] = [];

  constructor(clauses: readonly ClauseMark[], from: number) {
    const spans = clauses.slice(from).map((clause) => clause.span);
    spans.sort((a, b) => a.start - b.start);
    let reach = -1;
    for (const span of spans) {
      reach = Math.max(reach, span.end);
      this.#starts.push(span.start);
      this.#reach.push(reach);
    }
  }

  covers(position: number): boolean {
    let low = 0;
    let high = this.#starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#starts[middle] as number) <= position) low = middle + 1;
      else high = middle;
    }
    return low > 0 && (this.#reach[low - 1] as number) > position;
  }
}

/**
 * Labels outside brackets: `责任单位：市发展改革委` on a line of its own, after a sentence end
 * (`…完成。责任单位：A`) or after a cell separator. A run of labels is one clause (`牵头单位：A；责任单位：B`);
 * it ends at the paragraph's end, at a `。`, or at a cell separator.
 */
function labelledRuns(source: ClauseSource, paragraph: Span, clauses: ClauseMark[], firstOfParagraph: number): void {
  const { folded } = source;
  const bracketed = new Coverage(clauses, firstOfParagraph);
  const found = findLabels(folded, source.labelEnds, paragraph.start, paragraph.end).filter((label) => !bracketed.covers(label.start));
  let i = 0;
  while (i < found.length) {
    const first = found[i] as LabelMark;
    const before = first.start === paragraph.start ? -1 : folded.charCodeAt(first.start - 1);
    const starts =
      before === -1 || sentenceEnds.has(before) || closers.has(before) || before === 0x09 || before === 0x7c || before === 0xff5c || before === 0x20;
    if (!starts || first.role === null) {
      i++;
      continue;
    }
    // The run ends at `。`, a tab or a pipe, or the paragraph's end.
    let runEnd = paragraph.end;
    for (let j = first.end; j < paragraph.end; j++) {
      const code = folded.charCodeAt(j);
      if (code === 0x3002 || code === 0x09 || code === 0x7c || code === 0xff5c) {
        runEnd = j;
        break;
      }
    }
    const run: LabelMark[] = [];
    while (i < found.length && (found[i] as LabelMark).start < runEnd) run.push(found[i++] as LabelMark);
    const labelled = readLabelled(source, run, runEnd);
    if (labelled) clauses.push({ ...labelled, rule: 'units/labelled-line', span: { start: first.start, end: runEnd }, truncated: false });
  }
}

/**
 * Sentences that assign the task in prose: `此项工作由市市场监管局负责，市公安局配合。`, `由A会同B、C负责落实`,
 * or a sentence of role-verb groups alone (`省大数据局牵头，省政务服务中心配合。`). Precision first:
 * every name must look like a unit, `由` must open the sentence or follow a short subject, and the
 * sentence must end right after the groups.
 */
function proseClauses(source: ClauseSource, paragraph: Span, clauses: ClauseMark[], firstOfParagraph: number): void {
  const { folded } = source;
  const found = new Coverage(clauses, firstOfParagraph);
  let sentenceStart = paragraph.start;
  for (let i = paragraph.start; i <= paragraph.end; i++) {
    const code = i < paragraph.end ? folded.charCodeAt(i) : -1;
    if (i < paragraph.end && !sentenceEnds.has(code) && !(code === 0x2e && isHanAt(folded, i - 1))) continue;
    const start = sentenceStart;
    sentenceStart = i + 1;
    // Every form ends with a role verb (`…配合`, `…负责落实`): most sentences are rejected here at once.
    if (i - start < 4 || i - start > 160 || roleVerbAt(folded, start, i) === null) continue;
    if (found.covers(start) || found.covers(i - 1)) continue;
    // `由` opens the assignment: at the sentence's start, after a short subject (`此项工作由`), or
    // after a comma within it (`…出台操作指引，由A会同B负责落实`).
    let from = start;
    for (let at = i - 2; at >= start; at--) {
      if (!folded.startsWith(proseAssignment.opener, at)) continue;
      const before = folded.charCodeAt(at - 1);
      if (at - start <= 8 || before === 0xff0c || before === 0x2c) {
        from = at + 1;
        break;
      }
    }
    const parsed = readProse(source, from, i);
    if (parsed)
      clauses.push({
        span: { start: from === start ? start : from - 1, end: i },
        rule: 'units/prose',
        truncated: false,
        domainLead: false,
        fields: [],
        ...parsed,
      });
  }
}

/** `A负责，B配合` or `A会同B、C负责落实`, every name a unit's; null otherwise. */
function readProse(source: ClauseSource, start: number, end: number): Pick<ClauseMark, 'units' | 'open' | 'firstListedLead'> | null {
  const { folded } = source;
  for (const joiner of proseAssignment.joiners) {
    const at = indexWithin(folded, joiner, start, end);
    if (at <= start) continue;
    // `由A会同B、C负责`: A has the verb's role, B and C support it.
    const groupEnd = firstGroupEnd(folded, at, end);
    const verb = roleVerbAt(folded, at + joiner.length, groupEnd);
    if (!verb || !looksLikeUnit(folded, start, at)) return null;
    const main = parseUnitList(source, start, at, { role: verb.role, isTimePart: source.isTimePart });
    const rest = parseUnitList(source, at + joiner.length, verb.index, { role: 'supporting', isTimePart: source.isTimePart });
    if (rest.rejectedGroups > 0) return null;
    const after = groupEnd < end ? parseUnitList(source, groupEnd + 1, end, { role: null, isTimePart: source.isTimePart }) : null;
    if (after && (after.rejectedGroups > 0 || after.units.length === 0)) return null;
    return {
      units: [...main.units, ...rest.units, ...(after?.units ?? [])],
      open: new Set([...main.open, ...rest.open, ...(after?.open ?? [])]),
      firstListedLead: false,
    };
  }
  const parsed = parseUnitList(source, start, end, { role: null, isTimePart: source.isTimePart });
  if (parsed.units.length === 0 || parsed.rejectedGroups > 0) return null;
  return { units: parsed.units, open: parsed.open, firstListedLead: false };
}

/** `text.indexOf(word, start)` that does not search past `end`; -1 when absent there. */
function indexWithin(text: string, word: string, start: number, end: number): number {
  const last = end - word.length;
  for (let i = start; i <= last; i++) if (text.startsWith(word, i)) return i;
  return -1;
}

function firstGroupEnd(folded: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const code = folded.charCodeAt(i);
    if (code === 0xff0c || code === 0x2c || code === 0xff1b || code === 0x3b) return i;
  }
  return end;
}

/** Every clause of a paragraph, in text order: bracketed ones, labelled runs, then prose. */
export function markClauses(source: ClauseSource, paragraph: Span, atDocumentEnd: boolean, clauses: ClauseMark[]): void {
  const first = clauses.length;
  bracketClauses(source, paragraph, atDocumentEnd, clauses);
  labelledRuns(source, paragraph, clauses, first);
  proseClauses(source, paragraph, clauses, first);
  const added = clauses.splice(first).sort((a, b) => a.span.start - b.span.start);
  clauses.push(...added);
}
