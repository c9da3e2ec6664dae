/**
 * policy-extract as a library.
 *
 *   import { extract, toCsv } from 'policy-extract';
 *   const doc = extract(text, { year: 2023 });
 *
 * `extract` is pure: no filesystem, no clock, no console.
 */
import type { Writable } from 'node:stream';
import { createCsvEmitter } from './emit/csv.ts';
import { emitJson } from './emit/json.ts';
import { createNdjsonEmitter } from './emit/ndjson.ts';
import { type EmitOptions, emitAll } from './emit/types.ts';
import type { XlsxOptions, XlsxWarning, XlsxWriter } from './emit/xlsx.ts';
import { emitYaml } from './emit/yaml.ts';
import { extract } from './pipeline.ts';
import type { Encoding } from './read/decode.ts';
import { readDocument } from './read/index.ts';
import type { InputFormat } from './read/types.ts';
import { type Output, type PolicyDocument, schemaVersion } from './schema/index.ts';
import type { ExtractOptions } from './types.ts';

export { alignMeasures, type DiffPalette, diffExitCode, diffVersions, formatDiffReport, plainDiffPalette } from './diff/index.ts';
export { diffDocuments } from './diff.ts';
// The ledger: row views, status on a date, the calendar, and the workbook (below).
export { createIcsEmitter, type IcsOptions, toIcs } from './emit/ics.ts';
export { createRowsCsvEmitter, createRowsNdjsonEmitter, documentRows, rowColumns } from './emit/rows.ts';
export type { EmitOptions } from './emit/types.ts';
export type { XlsxOptions, XlsxResult, XlsxWarning, XlsxWriter } from './emit/xlsx.ts';
export { type IssueCode, issueCodes } from './issue-codes.ts';
export { normalize, toParagraphs } from './normalize/index.ts';
export { extract } from './pipeline.ts';
export { DecodeError, decode, type Encoding, encodings } from './read/decode.ts';
export {
  type InputFormat,
  inputFormats,
  type LocatedRun,
  locationAt,
  type ReadDocument,
  ReadError,
  type ReadErrorCode,
  type ReadOptions,
  readDocument,
  type SourceLocation,
  type TableCell,
  type TableGrid,
  type TableRow,
} from './read/index.ts';
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
  type Status,
  StatusSchema,
  schemaVersion,
  type Target,
  TargetSchema,
  type Warning,
  WarningSchema,
} from './schema/index.ts';
export { buildJsonSchema, buildRowsJsonSchema } from './schema/json-schema.ts';
export {
  type DeadlineRow,
  DeadlineRowSchema,
  type MeasureRow,
  MeasureRowSchema,
  type RowKind,
  rowKinds,
  type UnitRow,
  UnitRowSchema,
  type UnitStatus,
  UnitStatusSchema,
} from './schema/rows.ts';
export { daysBetween, isIsoDate, type StatusOptions, withStatus } from './status.ts';
export type { ExtractOptions } from './types.ts';
export { type Violation, validateDocument, validateNdjsonRecord, validateOutput, validateText } from './validate.ts';
export { compareDeadlineRows, compareUnitRows, deadlineRows, measureRows, summarizeUnitStatus, unitRows } from './views/rows.ts';
export { createUnitNamer, unitKey } from './views/unit-names.ts';

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
 * The ledger workbook (.xlsx) of some documents, in memory. exceljs loads on the first call,
 * so that importing the library stays light; `createXlsxWriter` streams into a Writable.
 */
export async function toXlsx(docs: Iterable<PolicyDocument>, options: XlsxOptions = {}): Promise<{ bytes: Uint8Array; warnings: readonly XlsxWarning[] }> {
  return (await import('./emit/xlsx.ts')).toXlsx(docs, options);
}

export async function createXlsxWriter(output: Writable, options: XlsxOptions = {}): Promise<XlsxWriter> {
  return (await import('./emit/xlsx.ts')).createXlsxWriter(output, options);
}

/**
 * Reads and extracts a file of any format readDocument takes (text, DOCX, HTML, PDF, OFD):
 * the one function here that touches the filesystem. The format and the encoding are
 * detected unless given; a file no reader takes is a ReadError.
 */
export async function extractFile(
  path: string,
  options: ExtractOptions & { encoding?: Encoding; format?: InputFormat | 'auto' } = {},
): Promise<PolicyDocument> {
  const { readFile } = await import('node:fs/promises');
  const doc = await readDocument(await readFile(path), { path, format: options.format, encoding: options.encoding });
  const { format: _format, ...extractOptions } = options;
  return extract(doc.text, { ...extractOptions, path: options.path ?? path, encoding: doc.encoding, format: doc.format, tables: doc.tables, runs: doc.runs });
}
