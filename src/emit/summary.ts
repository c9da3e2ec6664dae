import type { PolicyDocument } from '../schema/index.ts';
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
  return `${lines.join('\n')}\n`;
}

export function createSummaryEmitter(): TextEmitter {
  return textEmitter({ head: '', separator: (written) => (written === 0 ? '' : '\n'), tail: () => '', render: (doc) => [summarize(doc)] });
}
