/**
 * Checks output against the contract. Also published on its own as `policy-extract/validate`:
 * a consumer that only checks stored output (a CI step, a loader) loads neither the extraction
 * pipeline nor zod.
 *
 * The checks are plain JavaScript generated from the zod schema (src/validate/compiled.js, by
 * scripts/generate-validator.ts), exactly as strict as the published JSON Schema: no extra
 * fields, `schemaVersion` of this major version only. `tests/validator.test.ts` holds them to
 * what zod decides.
 */
import type { Readable } from 'node:stream';
import { type CheckerOptions, OutputChecker, type OutputKind, type ShapeChecks, type ValidationReport } from './validate/checker.ts';
import { type ShapeCheck, validateDocumentShape, validateNdjsonRecordShape, validateOutputShape } from './validate/compiled.js';
import { toViolations, type Violation } from './validate/violations.ts';

export type { OutputKind, ValidationReport } from './validate/checker.ts';
export { jsonPath, type Violation } from './validate/violations.ts';

function check(shape: ShapeCheck, value: unknown, line?: number): Violation[] {
  if (shape(value)) return [];
  return toViolations(shape.errors ?? [], value, line);
}

/** Checks a whole JSON output (`{ schemaVersion, documents }`). */
export function validateOutput(value: unknown): Violation[] {
  return check(validateOutputShape, value);
}

/** Checks one document, as `extract` returns it. */
export function validateDocument(value: unknown): Violation[] {
  return check(validateDocumentShape, value);
}

/** Checks one NDJSON record. */
export function validateNdjsonRecord(value: unknown, line?: number): Violation[] {
  return check(validateNdjsonRecordShape, value, line);
}

const shapeChecks: ShapeChecks = { output: validateOutput, document: validateDocument, record: validateNdjsonRecord };

/**
 * Checks the text of an output file, JSON or NDJSON, and returns every violation. NDJSON is
 * chosen by `kind`, else when the first line is a JSON value by itself and more lines follow.
 */
export function validateText(text: string, kind?: OutputKind): { kind: OutputKind; violations: Violation[] } {
  const checker = new OutputChecker(shapeChecks, { kind });
  checker.push(text.replace(/^\uFEFF/, ''));
  const report = checker.finish();
  return { kind: report.kind, violations: [...report.violations] };
}

export interface ValidateOptions extends CheckerOptions {
  /** How many violations to keep (default 100); the rest are counted in `total`. */
  readonly limit?: number | undefined;
}

/**
 * Checks an output as it streams in: a JSON output one document at a time, NDJSON one line at a
 * time, keeping only the first `limit` violations. Takes bytes (decoded as UTF-8) or strings.
 */
export async function validateStream(input: Readable | AsyncIterable<Uint8Array | string>, options: ValidateOptions = {}): Promise<ValidationReport> {
  const checker = new OutputChecker(shapeChecks, { kind: options.kind, limit: options.limit ?? 100 });
  const decoder = new TextDecoder('utf-8');
  let first = true;
  for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    checker.push(text);
  }
  checker.push(decoder.decode());
  return checker.finish();
}

/** The kind a file's name says: `.ndjson` and `.jsonl` are NDJSON, `.json` is JSON; else undefined. */
export function kindFromName(path: string): OutputKind | undefined {
  if (/\.(ndjson|jsonl)$/i.test(path)) return 'ndjson';
  if (/\.json$/i.test(path)) return 'json';
  return undefined;
}

/** `validateStream` over a file; the kind comes from its name unless given. */
export async function validateFile(path: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const { createReadStream } = await import('node:fs');
  return validateStream(createReadStream(path, { highWaterMark: 1024 * 1024 }), { ...options, kind: options.kind ?? kindFromName(path) });
}
