import { schemaVersion, type NdjsonRecord, type PolicyDocument } from '../schema/index.ts';
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

export function createNdjsonEmitter(): Emitter {
  return {
    begin: () => '',
    separator: () => '',
    document: (doc) => toNdjsonRecords(doc).map((record) => `${JSON.stringify(record)}\n`).join(''),
    end: () => '',
  };
}
