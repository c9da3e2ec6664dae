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
import { createJsonEmitter } from './emit/json.ts';
import { createNdjsonEmitter } from './emit/ndjson.ts';
import { type EmitOptions, emitToString } from './emit/types.ts';
import type { XlsxOptions, XlsxWarning, XlsxWriter } from './emit/xlsx.ts';
import { createYamlEmitter } from './emit/yaml.ts';
import { describeSystemError, PolicyExtractError } from './errors.ts';
import { emptinessOf, emptyPathReason, maxInputBytes, shownPath, tooLargeReason } from './input-checks.ts';
import { extract as extractText } from './pipeline.ts';
import type { Encoding } from './read/decode.ts';
import { ReadError, readDocument } from './read/index.ts';
import type { InputFormat, ReadDocument } from './read/types.ts';
import { type Output, type PolicyDocument, schemaVersion } from './schema/index.ts';
import type { ExtractOptions } from './types.ts';

export { alignMeasures, type DiffPalette, diffDocuments, diffExitCode, diffVersions, formatDiffReport, plainDiffPalette } from './diff/index.ts';
// The ledger: row views, status on a date, the calendar, and the workbook (below).
export { createIcsEmitter, type IcsOptions, toIcs } from './emit/ics.ts';
export { createRowsCsvEmitter, createRowsNdjsonEmitter, documentRows, rowColumns } from './emit/rows.ts';
export type { EmitOptions } from './emit/types.ts';
export type { XlsxOptions, XlsxResult, XlsxWarning, XlsxWriter } from './emit/xlsx.ts';
export { PolicyExtractError, type PolicyExtractErrorCode } from './errors.ts';
export { type IssueCode, issueCodes } from './issue-codes.ts';
export { normalize, toParagraphs } from './normalize/index.ts';
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

/** Years a policy document can be about: the People's Republic's, up to a far planning horizon. */
const yearRange = { min: 1949, max: 2200 } as const;

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'string'
        ? `'${value}'`
        : typeof value === 'object'
          ? 'an object'
          : `${typeof value} ${String(value)}`;

/** Throws a PolicyExtractError unless `text` and `options` are what `extract` takes. */
function checkArguments(text: unknown, options: unknown): asserts options is ExtractOptions | undefined {
  if (typeof text !== 'string')
    throw new PolicyExtractError(
      'text-invalid',
      `extract() takes the document's text as a string, got ${Buffer.isBuffer(text) ? 'a Buffer (decode it first, e.g. with decode())' : describe(text)}`,
    );
  if (options === undefined) return;
  if (options === null || typeof options !== 'object')
    throw new PolicyExtractError('option-invalid', `extract() takes its options as an object, got ${describe(options)}`);
  const { year, path, encoding } = options as Record<string, unknown>;
  if (year !== undefined && !(Number.isSafeInteger(year) && (year as number) >= yearRange.min && (year as number) <= yearRange.max)) {
    throw new PolicyExtractError('option-invalid', `year must be a whole number from ${yearRange.min} to ${yearRange.max}, got ${describe(year)}`);
  }
  if (path !== undefined && path !== null && typeof path !== 'string')
    throw new PolicyExtractError('option-invalid', `path must be a string or null, got ${describe(path)}`);
  if (encoding !== undefined && typeof encoding !== 'string')
    throw new PolicyExtractError('option-invalid', `encoding must be a string, got ${describe(encoding)}`);
}

/**
 * Extracts the ledger of one document's text. Pure: no filesystem, no clock, no console. Throws a
 * PolicyExtractError (code `text-invalid` or `option-invalid`) for arguments of the wrong kind.
 */
export function extract(text: string, options?: ExtractOptions): PolicyDocument {
  checkArguments(text, options);
  return extractText(text, options);
}

/** Wraps documents in the JSON output's top-level shape. */
export function toOutput(docs: readonly PolicyDocument[]): Output {
  return { schemaVersion, documents: [...docs] };
}

export function toJson(docs: readonly PolicyDocument[]): string {
  return emitToString(createJsonEmitter(), docs);
}

export function toNdjson(docs: readonly PolicyDocument[]): string {
  return emitToString(createNdjsonEmitter(), docs);
}

export function toCsv(docs: readonly PolicyDocument[], options: EmitOptions = {}): string {
  return emitToString(createCsvEmitter(options), docs);
}

export function toYaml(docs: readonly PolicyDocument[]): string {
  return emitToString(createYamlEmitter(), docs);
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
 * Reads and extracts a file of any format (text, DOCX, HTML, PDF, OFD): the one function here
 * that touches the filesystem. The format and the encoding are detected unless given. Refuses
 * what the CLI refuses, with its words, as a PolicyExtractError of code `input-unreadable`: an
 * empty path, a folder, a file over 256 MB, a format no reader takes, undecodable bytes, a file
 * that is empty or only whitespace.
 */
export async function extractFile(
  path: string,
  options: ExtractOptions & { encoding?: Encoding; inputFormat?: InputFormat | 'auto' } = {},
): Promise<PolicyDocument> {
  const fail = (reason: string): never => {
    throw new PolicyExtractError('input-unreadable', `${shownPath(String(path))}: ${reason}`);
  };
  if (typeof path !== 'string' || path === '') fail(emptyPathReason);
  checkArguments('', options);
  const { open } = await import('node:fs/promises');
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      if (info.isDirectory()) return fail('is a folder');
      if (info.size > maxInputBytes) return fail(tooLargeReason);
      // Read at most one byte past the cap: a device or a FIFO has no size to check first.
      const buffer = Buffer.allocUnsafe(Math.min(maxInputBytes + 1, Math.max(info.size + 1, 1 << 16)));
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > maxInputBytes) return fail(tooLargeReason);
        chunks.push(Buffer.from(buffer.subarray(0, bytesRead)));
      }
      bytes = Buffer.concat(chunks, total);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof PolicyExtractError) throw error;
    return fail(describeSystemError(error));
  }
  let read: ReadDocument;
  try {
    read = await readDocument(bytes, { path, format: options.inputFormat ?? 'auto', encoding: options.encoding });
  } catch (error) {
    if (error instanceof ReadError) return fail(error.message);
    throw error;
  }
  const emptiness = emptinessOf(read.text);
  if (emptiness !== null) fail(emptiness);
  const { inputFormat: _inputFormat, ...extractOptions } = options;
  return extractText(read.text, {
    ...extractOptions,
    path: options.path ?? path,
    encoding: read.encoding,
    format: read.format,
    tables: read.tables,
    runs: read.runs,
  });
}
