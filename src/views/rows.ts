import type { Measure, PolicyDocument, Unit } from '../schema/index.ts';
import type { DeadlineRow, MeasureRow, Milestone, UnitRow, UnitStatus } from '../schema/rows.ts';
import { createUnitNamer, unitKey } from './unit-names.ts';

/**
 * The ledger's row views: pure functions from a document to flat records, one per measure
 * (台账), per unit and measure (按单位) or per deadline (按时限). Status fields are copied from
 * the document when `withStatus` put them there (`--as-of`), and are absent otherwise.
 */

type Standing = Pick<Measure, 'daysLeft' | 'status'>;

/** `daysLeft` and `status` when present, so that rows without `--as-of` carry neither key. */
const standingOf = (value: Standing): Standing => ({
  ...(value.daysLeft === undefined ? {} : { daysLeft: value.daysLeft }),
  ...(value.status === undefined ? {} : { status: value.status }),
});

/** A date a measure must be done by: `2024年起` starts a duty, it ends none. */
const isDue = (deadline: Measure['deadlines'][number]): deadline is Measure['deadlines'][number] & { date: string } =>
  deadline.date !== null && deadline.kind !== 'start';

/** The last deadline date (截止日期) and the other dated milestones (阶段节点), one per date, earliest first. */
export function measureDates(measure: Measure): { deadline: string | null; milestones: Milestone[] } {
  const byDate = new Map<string, string>();
  for (const deadline of measure.deadlines) if (isDue(deadline) && !byDate.has(deadline.date)) byDate.set(deadline.date, deadline.text);
  const dates = [...byDate.keys()].sort();
  const deadline = dates.at(-1) ?? null;
  return { deadline, milestones: dates.slice(0, -1).map((date) => ({ date, text: byDate.get(date) as string })) };
}

/** One row per measure, in document order. */
export function measureRows(doc: PolicyDocument): MeasureRow[] {
  return doc.domains.flatMap((domain) =>
    domain.measures.map((measure) => ({
      id: measure.id,
      domain: domain.name,
      domainLeadUnits: domain.leadUnits,
      label: measure.label,
      section: measure.section,
      title: measure.title,
      text: measure.text,
      leadUnits: measure.leadUnits,
      leadUnitsOpen: measure.leadUnitsOpen,
      responsibleUnits: measure.responsibleUnits,
      responsibleUnitsOpen: measure.responsibleUnitsOpen,
      supportingUnits: measure.supportingUnits,
      supportingUnitsOpen: measure.supportingUnitsOpen,
      deadlines: measure.deadlines.map((deadline) => deadline.text),
      ...measureDates(measure),
      targets: measure.targets.map((target) => target.text),
      file: doc.source.path,
      line: measure.line,
      column: measure.column,
      ...standingOf(measure),
    })),
  );
}

const roles = ['lead', 'responsible', 'supporting'] as const;
const roleLists = { lead: 'leadUnits', responsible: 'responsibleUnits', supporting: 'supportingUnits' } as const;

/**
 * The units of a measure, one per unit: lead units first, then responsible, then supporting,
 * each list in the order written; a unit named twice (in two roles, or in two scripts) keeps its
 * first role. With its mention, when the measure has one, for the place.
 */
export function measureUnits(measure: Measure): { name: string; role: Unit['role']; mention: Unit | undefined }[] {
  const seen = new Set<string>();
  const units: { name: string; role: Unit['role']; mention: Unit | undefined }[] = [];
  for (const role of roles) {
    for (const name of measure[roleLists[role]]) {
      const key = unitKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      units.push({ name, role, mention: measure.units.find((unit) => unit.role === role && unit.name === name) });
    }
  }
  return units;
}

/**
 * One row per unit and measure, in document order (sort with `compareUnitRows`). `nameUnit`
 * merges names across scripts and spaces; pass one namer to every document of a batch so that
 * a unit keeps one name throughout.
 */
export function unitRows(doc: PolicyDocument, nameUnit: (name: string) => string = createUnitNamer()): UnitRow[] {
  return doc.domains.flatMap((domain) =>
    domain.measures.flatMap((measure) => {
      const deadlines = measure.deadlines.map((deadline) => deadline.text);
      const { deadline } = measureDates(measure);
      return measureUnits(measure).map(({ name, role, mention }) => ({
        unit: nameUnit(name),
        role,
        id: measure.id,
        title: measure.title,
        domain: domain.name,
        deadlines,
        deadline,
        file: doc.source.path,
        line: mention?.position.start.line ?? measure.line,
        column: mention?.position.start.column ?? measure.column,
        ...standingOf(measure),
      }));
    }),
  );
}

/** One row per deadline (every milestone of every measure), in document order (sort with `compareDeadlineRows`). */
export function deadlineRows(doc: PolicyDocument): DeadlineRow[] {
  return doc.domains.flatMap((domain) =>
    domain.measures.flatMap((measure) =>
      measure.deadlines.map((deadline) => ({
        date: deadline.date,
        text: deadline.text,
        kind: deadline.kind,
        id: measure.id,
        title: measure.title,
        domain: domain.name,
        leadUnits: measure.leadUnits,
        responsibleUnits: measure.responsibleUnits,
        supportingUnits: measure.supportingUnits,
        file: doc.source.path,
        line: deadline.line,
        column: deadline.column,
        ...standingOf(deadline),
      })),
    ),
  );
}

/**
 * Unit names in the order Chinese readers look them up: by pinyin (the collation Excel and
 * WPS use for Chinese), then by code point so that the order is total.
 */
const unitCollator = new Intl.Collator('zh-Hans-CN');
export function compareUnitNames(a: string, b: string): number {
  return unitCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Earlier dates first, undated last. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** By unit, then by deadline date (undated last); equal rows keep their order (document order). */
export function compareUnitRows(a: UnitRow, b: UnitRow): number {
  return compareUnitNames(a.unit, b.unit) || compareDates(a.deadline, b.deadline);
}

/** By date, undated last; equal dates keep their order (document order). */
export function compareDeadlineRows(a: DeadlineRow, b: DeadlineRow): number {
  return compareDates(a.date, b.date);
}

/**
 * Per unit, how many of its tasks are overdue or due soon: counted from unit rows of documents
 * that carry statuses (`withStatus`). Most overdue first, then most due soon, then by name.
 */
export function summarizeUnitStatus(rows: Iterable<UnitRow>): UnitStatus[] {
  const units = new Map<string, UnitStatus>();
  for (const row of rows) {
    const key = unitKey(row.unit);
    const entry = units.get(key) ?? { unit: row.unit, tasks: 0, lead: 0, overdue: 0, dueSoon: 0 };
    units.set(key, {
      unit: entry.unit,
      tasks: entry.tasks + 1,
      lead: entry.lead + (row.role === 'lead' ? 1 : 0),
      overdue: entry.overdue + (row.status === 'overdue' ? 1 : 0),
      dueSoon: entry.dueSoon + (row.status === 'due-soon' ? 1 : 0),
    });
  }
  return [...units.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || compareUnitNames(a.unit, b.unit));
}
