import { stringify } from 'yaml';
import { schemaVersion, type Output, type PolicyDocument } from '../schema/index.ts';
import type { Emitter } from './types.ts';

const yamlOptions = { lineWidth: 0, aliasDuplicateObjects: false } as const;

export function emitYaml(output: Output): string {
  return stringify(output, yamlOptions);
}

/** Streams `schemaVersion` and `documents:`, then each document as a list item. */
export function createYamlEmitter(): Emitter {
  let count = 0;
  return {
    begin: () => `schemaVersion: ${schemaVersion}\n`,
    document: (doc: PolicyDocument) => {
      const item = stringify([doc], yamlOptions).replace(/\n(?=.)/g, '\n  ');
      return `${count++ === 0 ? 'documents:\n' : ''}  ${item}`;
    },
    end: () => (count === 0 ? 'documents: []\n' : ''),
  };
}
