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
import { type EmitOptions, emitAll } from './emit/types.ts';
import { emitYaml } from './emit/yaml.ts';
import { extract } from './pipeline.ts';
import { decode, type Encoding } from './read/decode.ts';
import { type Output, type PolicyDocument, schemaVersion } from './schema/index.ts';
import type { ExtractOptions } from './types.ts';

export { alignMeasures, type DiffPalette, diffExitCode, diffVersions, formatDiffReport, plainDiffPalette } from './diff/index.ts';
export { diffDocuments } from './diff.ts';
export type { EmitOptions } from './emit/types.ts';
export { type IssueCode, issueCodes } from './issue-codes.ts';
export { joinLines, normalize } from './normalize/index.ts';
export { extract } from './pipeline.ts';
export { DecodeError, decode, type Encoding, encodings } from './read/decode.ts';
export { type ReviewInput, type ReviewOptions, renderReviewPage } from './review/index.ts';
export { type ChangedMeasure, type DiffReport, DiffReportSchema, type FieldChange, type RenumberedMeasure } from './schema/diff.ts';
export {
  type Clause,
  type Deadline,
  DeadlineSchema,
  DocumentSchema,
  type Domain,
  DomainSchema,
  type Measure,
  MeasureSchema,
  type NdjsonRecord,
  NdjsonRecordSchema,
  type Output,
  OutputSchema,
  OutputSchema as schema,
  type PolicyDocument,
  schemaVersion,
  type Target,
  TargetSchema,
  type Warning,
  WarningSchema,
} from './schema/index.ts';
export { buildJsonSchema } from './schema/json-schema.ts';
export type { ExtractOptions } from './types.ts';
export { type Violation, validateDocument, validateNdjsonRecord, validateOutput, validateText } from './validate.ts';

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
