import type { Measure, PolicyDocument } from '../schema/index.ts';
import { alignMeasures } from './align.ts';

/** Fields compared as lists: a change shows what was added and removed, not the whole list. */
const listFields = ['leadUnits', 'responsibleUnits', 'supportingUnits', 'section'] as const;
/** Fields compared as values. */
const valueFields = ['number', 'label', 'title', 'text', 'leadUnitsOpen', 'responsibleUnitsOpen', 'supportingUnitsOpen', 'line', 'endLine'] as const;

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function describeDeadline(deadline: Measure['deadlines'][number]): string {
  return `${deadline.text} (${deadline.date ?? 'no date'}, line ${deadline.line})`;
}

function describeTarget(target: Measure['targets'][number]): string {
  return `${target.text} (line ${target.line})`;
}

function diffList(prefix: string, expected: readonly string[], actual: readonly string[], out: string[]): void {
  const before = out.length;
  for (const item of expected) if (!actual.includes(item)) out.push(`${prefix}: - ${item}`);
  for (const item of actual) if (!expected.includes(item)) out.push(`${prefix}: + ${item}`);
  if (out.length === before && expected.join('\u0000') !== actual.join('\u0000')) out.push(`${prefix}: order ${expected.join('、')} → ${actual.join('、')}`);
}

/** Fields that only say where a measure stands in its domain: a renumbering line says it for them. */
const numberingFields = new Set<string>(['number', 'label']);

function diffMeasure(expected: Measure, actual: Measure, out: string[]): void {
  const id = actual.id;
  const renumbered = expected.id !== actual.id;
  if (renumbered) {
    const label = expected.label === actual.label ? '' : ` (label ${show(expected.label)} → ${show(actual.label)})`;
    out.push(`${expected.id} → ${actual.id}: renumbered${label}`);
  }
  for (const field of listFields) diffList(`${id} ${field}`, expected[field], actual[field], out);
  for (const field of valueFields) {
    if (renumbered && numberingFields.has(field)) continue;
    if (show(expected[field]) !== show(actual[field])) out.push(`${id} ${field}: - ${show(expected[field])} + ${show(actual[field])}`);
  }
  diffList(`${id} deadlines`, expected.deadlines.map(describeDeadline), actual.deadlines.map(describeDeadline), out);
  diffList(`${id} targets`, expected.targets.map(describeTarget), actual.targets.map(describeTarget), out);
}

/**
 * A readable, minimal difference between an expected and an actual extraction, by measure id
 * and field: `3.4 leadUnits: + 省财政厅`. Empty when they agree. `source.path` is not compared:
 * the same document may be checked from another folder. Measures are paired by content, as
 * `diffVersions` pairs them: a measure found or lost shifts no other, and the measures after
 * it read `1.5 → 1.6: renumbered` and nothing else unless more changed.
 */
export function diffDocuments(expected: PolicyDocument, actual: PolicyDocument): string[] {
  const out: string[] = [];
  if (expected.title !== actual.title) out.push(`title: - ${show(expected.title)} + ${show(actual.title)}`);
  if (expected.year !== actual.year) out.push(`year: - ${show(expected.year)} + ${show(actual.year)}`);
  const domainCount = Math.max(expected.domains.length, actual.domains.length);
  for (let i = 0; i < domainCount; i++) {
    const before = expected.domains[i];
    const after = actual.domains[i];
    if (!before && after) out.push(`+ domain ${after.index} ${after.name} (${after.measures.length} measures)`);
    else if (before && !after) out.push(`- domain ${before.index} ${before.name} (${before.measures.length} measures)`);
    if (!before || !after) continue;
    if (before.name !== after.name) out.push(`domain ${after.index} name: - ${before.name} + ${after.name}`);
    diffList(`domain ${after.index} leadUnits`, before.leadUnits, after.leadUnits, out);
  }
  const expectedMeasures = expected.domains.flatMap((d) => d.measures);
  const actualMeasures = actual.domains.flatMap((d) => d.measures);
  const alignment = alignMeasures(expectedMeasures, actualMeasures);
  for (const i of alignment.removed) {
    const measure = expectedMeasures[i] as Measure;
    out.push(`- ${measure.id} ${measure.title}`);
  }
  const partners = new Map(alignment.pairs.map(([i, j]) => [j, i]));
  actualMeasures.forEach((measure, j) => {
    const i = partners.get(j);
    if (i === undefined) out.push(`+ ${measure.id} ${measure.title}`);
    else diffMeasure(expectedMeasures[i] as Measure, measure, out);
  });
  const warningKey = (w: PolicyDocument['warnings'][number]): string => `${w.code} at line ${w.line ?? '-'}`;
  diffList('warnings', expected.warnings.map(warningKey), actual.warnings.map(warningKey), out);
  return out;
}
