import type { NdjsonRecord, PolicyDocument } from '../schema/index.ts';
import { schemaVersion } from '../schema/version.ts';
import { type TextEmitter, textEmitter } from './types.ts';

/** One record per measure, carrying its document and domain, for streaming into other tools. */
export function toNdjsonRecords(doc: PolicyDocument): NdjsonRecord[] {
  const records: NdjsonRecord[] = [];
  for (const domain of doc.domains) {
    for (const measure of domain.measures) {
      records.push({
        schemaVersion,
        document: { path: doc.source.path, title: doc.title, year: doc.year },
        domain: { index: domain.index, name: domain.name, leadUnits: domain.leadUnits },
        ...measure,
      });
    }
  }
  return records;
}

/** Lines per part: few enough to bound memory, enough that writes stay few. */
const linesPerPart = 256;

/**
 * The lines of `toNdjsonRecords(doc)`, byte for byte, without building the records: the parts
 * a record shares with its document and domain are serialised once, and each measure's JSON
 * (whose keys follow them in a record) is appended to them. Batches spend a tenth of their
 * time here. Yields a domain, or a few hundred lines, at a time.
 */
export function* renderNdjson(doc: PolicyDocument): Generator<string> {
  const documentJson = JSON.stringify({ path: doc.source.path, title: doc.title, year: doc.year });
  for (const domain of doc.domains) {
    const domainJson = JSON.stringify({ index: domain.index, name: domain.name, leadUnits: domain.leadUnits });
    const head = `{"schemaVersion":${JSON.stringify(schemaVersion)},"document":${documentJson},"domain":${domainJson},`;
    let lines = '';
    for (const [i, measure] of domain.measures.entries()) {
      // A measure is never an empty object: its JSON is `{` and at least one key.
      lines += `${head}${JSON.stringify(measure).slice(1)}\n`;
      if ((i + 1) % linesPerPart === 0) {
        yield lines;
        lines = '';
      }
    }
    if (lines.length > 0) yield lines;
  }
}

export function createNdjsonEmitter(): TextEmitter {
  return textEmitter({ head: '', separator: () => '', tail: () => '', render: renderNdjson });
}
