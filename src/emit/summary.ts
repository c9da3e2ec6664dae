import type { Measure, PolicyDocument } from '../schema/index.ts';
import { summarizeUnitStatus, unitRows } from '../views/rows.ts';
import { createUnitNamer } from '../views/unit-names.ts';
import { type TextEmitter, textEmitter } from './types.ts';

/** East Asian characters take two columns in a terminal. */
const wideCharRe = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += wideCharRe.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A human summary of each document: counts, then one line per domain. Not a data format. */
export function summarize(doc: PolicyDocument): string {
  const measures = doc.domains.flatMap((domain) => domain.measures);
  const units = new Set(measures.flatMap((m) => [...m.leadUnits, ...m.responsibleUnits, ...m.supportingUnits]));
  const deadlines = measures.flatMap((m) => m.deadlines);
  const dated = deadlines.filter((d) => d.date !== null);
  const dates = dated.map((d) => d.date as string).sort();
  const lines = [
    `${doc.source.path ?? '(text)'} (${doc.source.encoding})`,
    `  ${doc.title ?? '(no title)'}${doc.year === null ? '' : ` · ${doc.year}`}`,
    `  ${doc.domains.length} domains · ${measures.length} measures · ${units.size} units · ${deadlines.length} deadlines (${dated.length} dated${dates.length > 0 ? `, ${dates[0]} to ${dates.at(-1)}` : ''}) · ${measures.reduce((n, m) => n + m.targets.length, 0)} targets · ${doc.warnings.filter((w) => w.severity !== 'info').length} warnings`,
  ];
  const nameWidth = Math.max(0, ...doc.domains.map((d) => displayWidth(d.name)));
  for (const domain of doc.domains) {
    const count = `${domain.measures.length}`.padStart(3);
    lines.push(
      `  ${`${domain.index}`.padStart(3)}  ${pad(domain.name || '(no domain)', nameWidth)}  ${count} measures  lead: ${domain.leadUnits.join('、') || '-'}`,
    );
  }
  if (doc.asOf) lines.push(...statusLines(doc, measures));
  return `${lines.join('\n')}\n`;
}

/** With `--as-of`: the overdue and due-soon tasks, in all and per unit (any role), most overdue first. */
function statusLines(doc: PolicyDocument, measures: readonly Measure[]): string[] {
  const asOf = doc.asOf as NonNullable<PolicyDocument['asOf']>;
  const overdue = measures.filter((m) => m.status === 'overdue').length;
  const dueSoon = measures.filter((m) => m.status === 'due-soon').length;
  const units = summarizeUnitStatus(unitRows(doc, createUnitNamer())).filter((unit) => unit.overdue + unit.dueSoon > 0);
  const width = Math.max(0, ...units.map((unit) => displayWidth(unit.unit)));
  return [
    `  as of ${asOf.date}: ${overdue} tasks overdue · ${dueSoon} due within ${asOf.dueSoonDays} days`,
    ...units.map((unit) => `       ${pad(unit.unit, width)}  ${`${unit.overdue}`.padStart(3)} overdue  ${`${unit.dueSoon}`.padStart(3)} due soon`),
  ];
}

export function createSummaryEmitter(): TextEmitter {
  return textEmitter({ head: '', separator: (written) => (written === 0 ? '' : '\n'), tail: () => '', render: (doc) => [summarize(doc)] });
}
