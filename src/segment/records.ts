import { isUnitRole } from '../lexicon/labels.ts';
import type { ClauseMark, FieldMark, Marks } from '../mark/index.ts';
import type { Span } from '../types.ts';

/**
 * A task written without a number: paragraphs closed by their own labelled fields
 * (`建成台湖公租房配套小学…` / `责任单位：区教委` / `完成期限：2023年12月底前`), or a row of fields
 * (`具体任务` / `…` / `责任单位` / `…`). One record, one measure.
 */
export interface Record {
  /** From its first paragraph to the end of its last field. */
  readonly span: Span;
  /** The task's text: its paragraphs, or the value of its task field. */
  readonly task: Span;
  /** Paragraph indices `[first, last]`. */
  readonly paragraphs: readonly [number, number];
}

/** Paragraphs that close a task: labelled fields, and clauses that fill a paragraph of their own. */
export interface FieldGroups {
  /** For each paragraph, whether it belongs to a field group. */
  readonly inGroup: Uint8Array;
  /** The groups, as paragraph ranges, in order. */
  readonly groups: readonly (readonly [number, number])[];
}

/** Which fields close a task: units or a deadline (a person or progress field alone does not). */
const closes = (field: FieldMark): boolean => field.role !== null && (isUnitRole(field.role) || field.role === 'deadline' || field.role === 'task');

export function findFieldGroups(marks: Marks): FieldGroups {
  const { spans } = marks.paragraphs;
  const kind = new Uint8Array(spans.length); // 0: text, 1: field that closes, 2: other field
  for (const field of marks.fields) {
    for (let i = field.paragraphs[0]; i <= field.paragraphs[1]; i++) {
      if (closes(field)) kind[i] = 1;
      else if (kind[i] === 0) kind[i] = 2;
    }
  }
  // A clause that fills its paragraph: `（责任单位：市直各有关单位）` under a measure's sub-items.
  let paragraph = 0;
  for (const clause of marks.clauses) {
    if (clause.units.length === 0 || clause.rule === 'units/table-column' || clause.rule === 'units/field') continue;
    while (paragraph + 1 < spans.length && (spans[paragraph + 1] as Span).start <= clause.span.start) paragraph++;
    const span = spans[paragraph] as Span;
    if (fills(marks.paragraphs.folded, span, clause)) kind[paragraph] = 1;
  }
  const inGroup = new Uint8Array(spans.length);
  const groups: [number, number][] = [];
  for (let i = 0; i < spans.length; i++) {
    if (kind[i] === 0) continue;
    let end = i;
    while (end + 1 < spans.length && kind[end + 1] !== 0) end++;
    let closing = false;
    for (let k = i; k <= end; k++) if (kind[k] === 1) closing = true;
    if (closing) {
      groups.push([i, end]);
      for (let k = i; k <= end; k++) inGroup[k] = 1;
    }
    i = end;
  }
  return { inGroup, groups };
}

/** Whether the clause is all its paragraph holds (a sentence end after it aside). */
function fills(folded: string, paragraph: Span, clause: ClauseMark): boolean {
  if (clause.span.start !== paragraph.start) return false;
  const rest = folded.slice(clause.span.end, paragraph.end);
  return /^[。；;.\s]*$/.test(rest);
}

/** An intro to a list (`…详情见下：`) or a preamble (`为…，制定本方案。`): not a task. */
function introduces(folded: string, span: Span): boolean {
  const text = folded.slice(span.start, span.end);
  return /[：:]$/.test(text) || (/^(?:为|根据|按照|依据)/.test(text) && /(?:制定|提出|如下|方案|意见|通知|计划)/.test(text) && text.length < 400);
}

/**
 * The records among paragraphs `[first, last]`: each field group closes the task written in the
 * paragraphs since the previous group (intros and preambles left out), or, when no paragraph stands
 * before it, the group's task field (`具体任务` / `…`).
 */
export function findRecords(marks: Marks, groups: FieldGroups, first: number, last: number, skip: (paragraph: number) => boolean): Record[] {
  const { spans, folded } = marks.paragraphs;
  const records: Record[] = [];
  let pending: number[] = [];
  for (const [groupStart, groupEnd] of groups.groups) {
    if (groupEnd < first || groupStart > last) continue;
    for (let i = Math.max(first, records.length > 0 ? (records[records.length - 1] as Record).paragraphs[1] + 1 : first); i < groupStart; i++) {
      if (!skip(i) && groups.inGroup[i] === 0) pending.push(i);
    }
    // An intro or preamble before the first task is not part of it.
    while (pending.length > 0 && introduces(folded, spans[pending[0] as number] as Span)) pending.shift();
    const taskField = marks.fields.find((field) => field.role === 'task' && field.paragraphs[0] >= groupStart && field.paragraphs[1] <= groupEnd);
    const groupSpan = { start: (spans[groupStart] as Span).start, end: (spans[Math.min(groupEnd, last)] as Span).end };
    if (pending.length > 0) {
      const from = pending[0] as number;
      const to = pending[pending.length - 1] as number;
      records.push({
        span: { start: (spans[from] as Span).start, end: groupSpan.end },
        task: { start: (spans[from] as Span).start, end: (spans[to] as Span).end },
        paragraphs: [from, Math.min(groupEnd, last)],
      });
    } else if (taskField) {
      records.push({ span: groupSpan, task: taskField.value, paragraphs: [groupStart, Math.min(groupEnd, last)] });
    }
    pending = [];
  }
  return records;
}
