import type { Output, PolicyDocument } from '../schema/index.ts';
import { schemaVersion } from '../schema/version.ts';
import type { Emitter } from './types.ts';

/** The JSON output, `{ schemaVersion, documents }`, pretty-printed with two spaces. */
export function emitJson(output: Output): string {
  return `${JSON.stringify(output, null, 2)}\n`;
}

/** Streams the same bytes as `emitJson`, one document at a time. */
export function createJsonEmitter(): Emitter {
  return {
    begin: () => `{\n  "schemaVersion": ${JSON.stringify(schemaVersion)},\n  "documents": [`,
    separator: (written) => (written === 0 ? '\n' : ',\n'),
    document: (doc: PolicyDocument) => `    ${JSON.stringify(doc, null, 2).replace(/\n/g, '\n    ')}`,
    end: (written) => (written === 0 ? ']\n}\n' : '\n  ]\n}\n'),
  };
}
