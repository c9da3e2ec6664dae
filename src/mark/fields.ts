import { type FieldRole, labelRoles, labelWordsLongestFirst } from '../lexicon/labels.ts';
import type { Span } from '../types.ts';
import { findLabels } from './labels.ts';
import type { Positions } from './positions.ts';

/**
 * A field of a task written as a label and its value, outside brackets:
 * - `line`: `责任单位：市教委` (a paragraph that starts with a label; several labels on one line too);
 * - `alone`: the label alone on its line and the value on the lines under it, as a table row flattened
 *   into lines (`具体任务` / `…` / `责任单位` / `卫健局、文旅局`);
 * - `pipe`: a table row of label and value, `牵头单位： | 市城市管理综合执法局 |`.
 */
export interface FieldMark {
  readonly form: 'line' | 'alone' | 'pipe';
  readonly role: FieldRole | null;
  readonly label: Span;
  readonly value: Span;
  /** The first and last paragraph (indices) the field covers. */
  readonly paragraphs: readonly [number, number];
}

const pipes = (code: number): boolean => code === 0x7c || code === 0xff5c;

/**
 * Any label word; the alternation is longest first, so that at the leftmost match `牵头责任单位`
 * wins over `责任单位`: one scan of the text instead of one search per word.
 */
const labelWordRe = new RegExp(labelWordsLongestFirst.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** The role of a header text that may hold several words (`进展情况、存在问题及下一步工作建议`): its first known word's. */
export function headerRole(folded: string): FieldRole | null {
  const exact = labelRoles.get(folded);
  if (exact) return exact;
  const word = labelWordRe.exec(folded);
  return word ? (labelRoles.get(word[0]) as FieldRole) : null;
}

/** A label alone on its paragraph: a known word, with or without its colon. */
function aloneLabel(folded: string, span: Span): FieldRole | null {
  let end = span.end;
  const last = folded.charCodeAt(end - 1);
  if (last === 0xff1a || last === 0x3a) end--;
  if (end - span.start < 2 || end - span.start > 10) return null;
  return labelRoles.get(folded.slice(span.start, end)) ?? null;
}

/**
 * The fields of the document, paragraph by paragraph. `alone` labels need company: a value under
 * them, and another such label within a few paragraphs, since a lone word on a line is usually a
 * heading, not a field name.
 */
export function markFields(folded: string, labelEnds: Positions, paragraphs: readonly Span[], inTable: (index: number) => boolean): FieldMark[] {
  const fields: FieldMark[] = [];
  const alone = paragraphs.map((span, index) => (inTable(index) ? null : aloneLabel(folded, span)));
  for (let index = 0; index < paragraphs.length; index++) {
    const span = paragraphs[index] as Span;
    if (inTable(index)) continue;
    const role = alone[index];
    if (role !== null && role !== undefined) {
      const neighbours = alone.slice(Math.max(0, index - 6), index + 7).filter((other) => other !== null).length;
      let last = index;
      while (last + 1 < paragraphs.length && alone[last + 1] === null && !pipeLabel(folded, paragraphs[last + 1] as Span) && last - index < 40) last++;
      if (neighbours >= 2 && last > index) {
        fields.push({
          form: 'alone',
          role,
          label: span,
          value: { start: (paragraphs[index + 1] as Span).start, end: (paragraphs[last] as Span).end },
          paragraphs: [index, last],
        });
        index = last;
      }
      continue;
    }
    const pipe = pipeLabel(folded, span);
    if (pipe) {
      // The value goes on over the next paragraphs until the row's closing pipe.
      let last = index;
      let valueEnd = span.end;
      while (!closesRow(folded, pipe.valueStart, valueEnd) && last + 1 < paragraphs.length && !pipeLabel(folded, paragraphs[last + 1] as Span)) {
        last++;
        valueEnd = (paragraphs[last] as Span).end;
      }
      let end = valueEnd;
      while (end > pipe.valueStart && (pipes(folded.charCodeAt(end - 1)) || folded.charCodeAt(end - 1) === 0x20)) end--;
      let start = pipe.valueStart;
      while (start < end && (pipes(folded.charCodeAt(start)) || folded.charCodeAt(start) === 0x20)) start++;
      fields.push({ form: 'pipe', role: pipe.role, label: { start: span.start, end: pipe.labelEnd }, value: { start, end }, paragraphs: [index, last] });
      index = last;
      continue;
    }
    const found = findLabels(folded, labelEnds, span.start, span.end, false);
    const first = found[0];
    if (!first || first.start !== span.start) continue;
    // Each value runs to the next known label; read from the last label back to find it once.
    const line: FieldMark[] = [];
    let valueEnd = span.end;
    for (let i = found.length - 1; i >= 0; i--) {
      const label = found[i] as (typeof found)[number];
      // Later labels on the line count only after a separator: `牵头单位：A  责任单位：B`.
      if (i > 0 && label.role === null) continue;
      line.push({
        form: 'line',
        role: label.role,
        label: { start: label.start, end: label.end },
        value: { start: label.end, end: valueEnd },
        paragraphs: [index, index],
      });
      if (label.role !== null) valueEnd = label.start;
    }
    for (let i = line.length - 1; i >= 0; i--) fields.push(line[i] as FieldMark);
  }
  return fields;
}

/** `重点工作： | 135.统筹… |`: a paragraph whose first pipe cell is a label. */
function pipeLabel(folded: string, span: Span): { role: FieldRole | null; labelEnd: number; valueStart: number } | null {
  let pipe = -1;
  for (let i = span.start; i < Math.min(span.end, span.start + 40); i++) {
    if (pipes(folded.charCodeAt(i))) {
      pipe = i;
      break;
    }
  }
  if (pipe <= span.start) return null;
  let labelEnd = pipe;
  while (labelEnd > span.start && folded.charCodeAt(labelEnd - 1) === 0x20) labelEnd--;
  const colon = folded.charCodeAt(labelEnd - 1) === 0xff1a || folded.charCodeAt(labelEnd - 1) === 0x3a;
  const label = folded.slice(span.start, colon ? labelEnd - 1 : labelEnd);
  const role = headerRole(label);
  // Without a colon, only a known word is a label: `1 | 启动… |` is a data row.
  if (!colon && labelRoles.get(label) === undefined) return null;
  if (colon && role === null && label.length > 30) return null;
  return { role, labelEnd, valueStart: pipe + 1 };
}

/** Whether the row's value has its closing pipe: a pipe after some text. */
function closesRow(folded: string, start: number, end: number): boolean {
  let text = false;
  for (let i = start; i < end; i++) {
    const code = folded.charCodeAt(i);
    if (pipes(code)) {
      if (text) return true;
    } else if (code !== 0x20 && code !== 0x0a) text = true;
  }
  return false;
}
