import { extract } from '../src/pipeline.ts';
import type { Measure, PolicyDocument } from '../src/schema/index.ts';
import { seedText } from './helpers.ts';

/**
 * Versions of the seed for the diff's tests, made by editing its text at the places the
 * extraction gives: what a revised draft of the plan would change.
 */

const fullWidth = (n: number): string => [...String(n)].map((digit) => String.fromCharCode(0xff10 + Number(digit))).join('');

export const seedDoc: PolicyDocument = extract(seedText, { path: 'old.txt' });

export function measure(doc: PolicyDocument, id: string): Measure {
  const found = doc.domains.flatMap((domain) => domain.measures).find((m) => m.id === id);
  if (!found) throw new Error(`no measure ${id}`);
  return found;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Applies edits from the end backwards; at one place, a replacement before an insertion in front of it. */
function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Renumbers the measures of a domain from `from` on by `shift`, as the document writes numbers (full-width). */
function renumber(doc: PolicyDocument, domainIndex: number, from: number, shift: number): Edit[] {
  const domain = doc.domains[domainIndex - 1] as PolicyDocument['domains'][number];
  return domain.measures
    .filter((m) => (m.number ?? 0) >= from)
    .map((m) => ({ start: m.position.start.offset, end: m.position.start.offset + m.label.length, text: fullWidth((m.number as number) + shift) }));
}

/** A new measure 1.4 in the seed's style, written in the project's own words. */
export const insertedMeasure =
  '４推行政务服务“免证办”.依托电子证照库,推动高频事项申请材料免于提交,实现“免证办”事项不少于２００项.\n\n(牵头单位:省大数据局)\n\n';

/** One measure inserted after 1.3 (the rest of the domain renumbered), and 2.3's lead unit changed. */
export function insertedAndUnitChanged(): string {
  const before = measure(seedDoc, '1.4');
  const changed = measure(seedDoc, '2.3');
  const lead = changed.units.find((unit) => unit.role === 'lead');
  if (!lead) throw new Error('2.3 has no lead unit');
  return applyEdits(seedText, [
    { start: before.position.start.offset, end: before.position.start.offset, text: insertedMeasure },
    ...renumber(seedDoc, 1, 4, 1),
    { start: lead.position.start.offset, end: lead.position.end.offset, text: '省商务厅' },
  ]);
}

/** Measure 2.3 moved to the end of domain 5; domain 2 closes up behind it. */
export function movedAcrossDomains(): string {
  const moved = measure(seedDoc, '2.3');
  const domain5 = seedDoc.domains[4] as PolicyDocument['domains'][number];
  const last = domain5.measures.at(-1) as Measure;
  const body = seedText.slice(moved.position.start.offset + moved.label.length, moved.position.end.offset);
  return applyEdits(seedText, [
    { start: moved.position.start.offset, end: measure(seedDoc, '2.4').position.start.offset, text: '' },
    ...renumber(seedDoc, 2, 4, -1),
    { start: last.position.end.offset, end: last.position.end.offset, text: `\n\n${fullWidth(domain5.measures.length + 1)}${body}` },
  ]);
}

/** Measures 3.1 and 3.2 swapped, each keeping its new place's number. */
export function swapped(): string {
  const first = measure(seedDoc, '3.1');
  const second = measure(seedDoc, '3.2');
  const bodyOf = (m: Measure) => seedText.slice(m.position.start.offset + m.label.length, m.position.end.offset);
  return applyEdits(seedText, [
    { start: first.position.start.offset + first.label.length, end: first.position.end.offset, text: bodyOf(second) },
    { start: second.position.start.offset + second.label.length, end: second.position.end.offset, text: bodyOf(first) },
  ]);
}
