import { stringify } from 'yaml';
import type { Output, PolicyDocument } from '../schema/index.ts';
import { schemaVersion } from '../schema/version.ts';
import type { Emitter } from './types.ts';

const yamlOptions = { lineWidth: 0, aliasDuplicateObjects: false } as const;

export function emitYaml(output: Output): string {
  return stringify(output, yamlOptions);
}

/** Streams `schemaVersion` and `documents:`, then each document as a list item. */
export function createYamlEmitter(): Emitter {
  return {
    begin: () => `schemaVersion: ${schemaVersion}\n`,
    separator: (written) => (written === 0 ? 'documents:\n' : ''),
    document: (doc: PolicyDocument) => `  ${stringify([doc], yamlOptions).replace(/\n(?=.)/g, '\n  ')}`,
    end: (written) => (written === 0 ? 'documents: []\n' : ''),
  };
}
