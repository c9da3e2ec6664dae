import type { ChangedMeasure, DiffMeasure, DiffReport, FieldChange } from '../schema/diff.ts';
import type { Measure, PolicyDocument } from '../schema/index.ts';
import { type AlignOptions, alignMeasures } from './align.ts';
import { normalizeForComparison } from './similarity.ts';

interface Placed {
  readonly measure: Measure;
  readonly domain: string;
}

const placed = (doc: PolicyDocument): Placed[] => doc.domains.flatMap((domain) => domain.measures.map((measure) => ({ measure, domain: domain.name })));

const describe = ({ measure, domain }: Placed): DiffMeasure => ({ id: measure.id, domain, title: measure.title });

const roles = ['leadUnits', 'responsibleUnits', 'supportingUnits'] as const;

/** Items of `a` not in `b`, each as often as it is missing (a multiset difference), in the order of `a`. */
function missingFrom<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): T[] {
  const left = new Map<string, number>();
  for (const item of b) left.set(key(item), (left.get(key(item)) ?? 0) + 1);
  return a.filter((item) => {
    const count = left.get(key(item)) ?? 0;
    if (count > 0) left.set(key(item), count - 1);
    return count === 0;
  });
}

/**
 * What differs in content between two versions of a measure: title and text (whitespace and
 * punctuation aside), units by role (order aside), deadlines (by text and date). Ids,
 * numbering and positions are not content: a measure that only moved has no field change.
 */
export function compareMeasures(before: Measure, after: Measure): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of ['title', 'text'] as const) {
    if (normalizeForComparison(before[field]) !== normalizeForComparison(after[field])) changes.push({ field, old: before[field], new: after[field] });
  }
  for (const field of roles) {
    const same = (name: string) => name;
    const added = missingFrom(after[field], before[field], same);
    const removed = missingFrom(before[field], after[field], same);
    if (added.length + removed.length > 0) changes.push({ field, added, removed });
  }
  const deadline = (d: Measure['deadlines'][number]) => ({ text: d.text, date: d.date });
  const deadlineKey = (d: { text: string; date: string | null }) => `${d.text}\u0000${d.date}`;
  const added = missingFrom(after.deadlines.map(deadline), before.deadlines.map(deadline), deadlineKey);
  const removed = missingFrom(before.deadlines.map(deadline), after.deadlines.map(deadline), deadlineKey);
  if (added.length + removed.length > 0) changes.push({ field: 'deadlines', added, removed });
  return changes;
}

/**
 * The difference between an old and a new version of a plan, measure by measure, measures
 * paired by content within and across domains: one inserted measure and the renumbering after
 * it are one `added` and a list of `renumbered`, nothing else.
 */
export function diffVersions(oldDoc: PolicyDocument, newDoc: PolicyDocument, options: AlignOptions = {}): DiffReport {
  const before = placed(oldDoc);
  const after = placed(newDoc);
  const alignment = alignMeasures(
    before.map((item) => item.measure),
    after.map((item) => item.measure),
    options,
  );
  const changed: ChangedMeasure[] = [];
  const renumbered: DiffReport['renumbered'] = [];
  let unchanged = 0;
  for (const [i, j, score] of alignment.pairs) {
    const old = before[i] as Placed;
    const next = after[j] as Placed;
    const fields = compareMeasures(old.measure, next.measure);
    if (fields.length > 0) changed.push({ old: describe(old), new: describe(next), similarity: Math.round(score * 1000) / 1000, fields });
    else if (old.measure.id !== next.measure.id) renumbered.push({ old: describe(old), new: describe(next) });
    else unchanged++;
  }
  const document: DiffReport['document'] = [];
  if (oldDoc.title !== newDoc.title) document.push({ field: 'title', old: oldDoc.title, new: newDoc.title });
  if (oldDoc.year !== newDoc.year) document.push({ field: 'year', old: oldDoc.year, new: newDoc.year });
  const added = alignment.added.map((j) => describe(after[j] as Placed));
  const removed = alignment.removed.map((i) => describe(before[i] as Placed));
  const summary = (doc: PolicyDocument, count: number) => ({ path: doc.source.path, title: doc.title, year: doc.year, measures: count });
  return {
    old: summary(oldDoc, before.length),
    new: summary(newDoc, after.length),
    equal: document.length + added.length + removed.length + changed.length + renumbered.length === 0,
    document,
    added,
    removed,
    changed,
    renumbered,
    unchanged,
  };
}

/** The exit status of `policy-extract diff`, as `diff` has it: 0 when the versions are equal, 1 when they differ. */
export function diffExitCode(report: DiffReport): 0 | 1 {
  return report.equal ? 0 : 1;
}
