/**
 * policy-extract as a library.
 *
 *   import { extract, toCsv } from 'policy-extract';
 *   const doc = extract(text, { year: 2023 });
 *
 * `extract` is pure: no filesystem, no clock, no console.
 */
import { createCsvEmitter } from './emit/csv.ts';
import { emitJson } from './emit/json.ts';
import { createNdjsonEmitter } from './emit/ndjson.ts';
import { emitYaml } from './emit/yaml.ts';
import { emitAll, type EmitOptions } from './emit/types.ts';
import { extract } from './pipeline.ts';
import { decode, type Encoding } from './read/decode.ts';
import { schemaVersion, type Output, type PolicyDocument } from './schema/index.ts';
import type { ExtractOptions } from './types.ts';

export { extract } from './pipeline.ts';
export { normalize, joinLines } from './normalize/index.ts';
export { decode, DecodeError, encodings, type Encoding } from './read/decode.ts';
export { validateOutput, validateDocument, validateNdjsonRecord, validateText, type Violation } from './validate.ts';
export { diffDocuments } from './diff.ts';
export { buildJsonSchema } from './schema/json-schema.ts';
export { issueCodes, type IssueCode } from './issue-codes.ts';
export {
  schemaVersion,
  OutputSchema,
  DocumentSchema,
  DomainSchema,
  MeasureSchema,
  DeadlineSchema,
  TargetSchema,
  WarningSchema,
  NdjsonRecordSchema,
  OutputSchema as schema,
  type Output,
  type PolicyDocument,
  type Domain,
  type Measure,
  type Deadline,
  type Target,
  type Warning,
  type Clause,
  type NdjsonRecord,
} from './schema/index.ts';
export type { ExtractOptions } from './types.ts';
export type { EmitOptions } from './emit/types.ts';

/** Wraps documents in the JSON output's top-level shape. */
export function toOutput(docs: readonly PolicyDocument[]): Output {
  return { schemaVersion, documents: [...docs] };
}

export function toJson(docs: readonly PolicyDocument[]): string {
  return emitJson(toOutput(docs));
}

export function toNdjson(docs: readonly PolicyDocument[]): string {
  return emitAll(createNdjsonEmitter(), docs);
}

export function toCsv(docs: readonly PolicyDocument[], options: EmitOptions = {}): string {
  return emitAll(createCsvEmitter(options), docs);
}

export function toYaml(docs: readonly PolicyDocument[]): string {
  return emitYaml(toOutput(docs));
}

/**
 * Reads and extracts a file: the one function here that touches the filesystem.
 * Encoding is detected (UTF-8, UTF-16 with BOM, GB18030) unless given.
 */
export async function extractFile(path: string, options: ExtractOptions & { encoding?: Encoding } = {}): Promise<PolicyDocument> {
  const { readFile } = await import('node:fs/promises');
  const decoded = decode(await readFile(path), options.encoding);
  return extract(decoded.text, { ...options, path: options.path ?? path, encoding: decoded.encoding });
}
