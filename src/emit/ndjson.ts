import type { NdjsonRecord, PolicyDocument } from '../schema/index.ts';
import { schemaVersion } from '../schema/version.ts';
import type { Emitter } from './types.ts';

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

/**
 * The lines of `toNdjsonRecords(doc)`, byte for byte, without building the records: the parts
 * a record shares with its document and domain are serialised once, and each measure's JSON
 * (whose keys follow them in a record) is appended to them. Batches spend a tenth of their
 * time here.
 */
export function renderNdjson(doc: PolicyDocument): string {
  const documentJson = JSON.stringify({ path: doc.source.path, title: doc.title, year: doc.year });
  let lines = '';
  for (const domain of doc.domains) {
    const domainJson = JSON.stringify({ index: domain.index, name: domain.name, leadUnits: domain.leadUnits });
    const head = `{"schemaVersion":${JSON.stringify(schemaVersion)},"document":${documentJson},"domain":${domainJson},`;
    // A measure is never an empty object: its JSON is `{` and at least one key.
    for (const measure of domain.measures) lines += `${head}${JSON.stringify(measure).slice(1)}\n`;
  }
  return lines;
}

export function createNdjsonEmitter(): Emitter {
  return {
    begin: () => '',
    separator: () => '',
    document: renderNdjson,
    end: () => '',
  };
}
