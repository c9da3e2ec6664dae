import type { PolicyDocument } from '../schema/index.ts';
import { schemaVersion } from '../schema/version.ts';
import { type TextEmitter, textEmitter } from './types.ts';

/** Measures per part: few enough to bound memory, enough that writes stay few. */
const measuresPerPart = 64;

const pad = (depth: number): string => '  '.repeat(depth);

/** `JSON.stringify(value, null, 2)` as it appears `depth` levels deep in the whole output. */
const nested = (value: unknown, depth: number): string => JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad(depth)}`);

/** The keys JSON.stringify writes, in its order. */
const writtenKeys = (value: object): string[] => Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);

/**
 * `JSON.stringify(doc, null, 2)` as it appears inside the output (two levels deep), byte for byte,
 * in parts of a domain's head and a few measures: a 250 MB document never becomes one string.
 */
function* renderDocument(doc: PolicyDocument): Generator<string> {
  const fields = doc as unknown as Record<string, unknown>;
  const keys = writtenKeys(doc);
  let out = `${pad(2)}{\n`;
  for (const [i, key] of keys.entries()) {
    const comma = i < keys.length - 1 ? ',\n' : '\n';
    if (key !== 'domains' || doc.domains.length === 0) {
      out += `${pad(3)}${JSON.stringify(key)}: ${nested(fields[key], 3)}${comma}`;
      continue;
    }
    out += `${pad(3)}"domains": [\n`;
    for (const [d, domain] of doc.domains.entries()) {
      const domainFields = domain as unknown as Record<string, unknown>;
      const domainKeys = writtenKeys(domain);
      out += `${pad(4)}{\n`;
      for (const [k, domainKey] of domainKeys.entries()) {
        const domainComma = k < domainKeys.length - 1 ? ',\n' : '\n';
        if (domainKey !== 'measures' || domain.measures.length === 0) {
          out += `${pad(5)}${JSON.stringify(domainKey)}: ${nested(domainFields[domainKey], 5)}${domainComma}`;
          continue;
        }
        out += `${pad(5)}"measures": [\n`;
        for (const [m, measure] of domain.measures.entries()) {
          out += `${pad(6)}${nested(measure, 6)}${m < domain.measures.length - 1 ? ',\n' : '\n'}`;
          if ((m + 1) % measuresPerPart === 0) {
            yield out;
            out = '';
          }
        }
        out += `${pad(5)}]${domainComma}`;
      }
      out += `${pad(4)}}${d < doc.domains.length - 1 ? ',\n' : '\n'}`;
      yield out;
      out = '';
    }
    out += `${pad(3)}]${comma}`;
  }
  yield `${out}${pad(2)}}`;
}

/** The JSON output, `{ schemaVersion, documents }`: the bytes of `JSON.stringify(output, null, 2)` and a newline. */
export function createJsonEmitter(): TextEmitter {
  return textEmitter({
    head: `{\n  "schemaVersion": ${JSON.stringify(schemaVersion)},\n  "documents": [`,
    separator: (written) => (written === 0 ? '\n' : ',\n'),
    tail: (written) => (written === 0 ? ']\n}\n' : '\n  ]\n}\n'),
    render: renderDocument,
  });
}
