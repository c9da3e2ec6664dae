/**
 * Checks output against the contract (the zod schema). Also published on its own as
 * `policy-extract/validate`: a consumer that only checks stored output (a CI step, a loader)
 * loads the schema without the extraction pipeline.
 */
import type { z } from 'zod';
import { DocumentSchema, NdjsonRecordSchema, OutputSchema } from './schema/index.ts';

/** One way a value breaks the contract: a JSON path (`$.documents[0].year`) and what is wrong. */
export interface Violation {
  readonly path: string;
  readonly message: string;
  /** For NDJSON, the 1-based line of the record. */
  readonly line?: number;
}

/** `['documents', 0, 'year']` → `$.documents[0].year`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')}`;
}

function violations(schema: z.ZodType, value: unknown, line?: number): Violation[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message, ...(line === undefined ? {} : { line }) }));
}

/** Checks a whole JSON output (`{ schemaVersion, documents }`). */
export function validateOutput(value: unknown): Violation[] {
  return violations(OutputSchema, value);
}

/** Checks one document, as `extract` returns it. */
export function validateDocument(value: unknown): Violation[] {
  return violations(DocumentSchema, value);
}

/** Checks one NDJSON record. */
export function validateNdjsonRecord(value: unknown, line?: number): Violation[] {
  return violations(NdjsonRecordSchema, value, line);
}

/**
 * Checks the text of an output file, JSON or NDJSON. NDJSON is chosen by `kind`, else when the
 * text is not one JSON value but each of its lines is.
 */
export function validateText(text: string, kind?: 'json' | 'ndjson'): { kind: 'json' | 'ndjson'; violations: Violation[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (kind !== 'ndjson') {
    try {
      return { kind: 'json', violations: validateOutput(JSON.parse(body)) };
    } catch (error) {
      if (kind === 'json') return { kind: 'json', violations: [{ path: '$', message: `not JSON: ${(error as Error).message}` }] };
    }
  }
  const found: Violation[] = [];
  const lines = body.split(/\r?\n/);
  let records = 0;
  lines.forEach((line, index) => {
    if (line.trim().length === 0) return;
    records++;
    try {
      found.push(...validateNdjsonRecord(JSON.parse(line), index + 1));
    } catch (error) {
      found.push({ path: '$', message: `not JSON: ${(error as Error).message}`, line: index + 1 });
    }
  });
  if (records === 0) found.push({ path: '$', message: 'no records: the file is empty' });
  return { kind: 'ndjson', violations: found };
}
