import type { PolicyDocument } from '../schema/index.ts';

export const formats = ['json', 'ndjson', 'csv', 'yaml', 'summary'] as const;
export type Format = (typeof formats)[number];

export interface EmitOptions {
  /** CSV header language. */
  readonly headers?: 'zh' | 'en';
  /** CSV: start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8. */
  readonly bom?: boolean;
  /** CSV: neutralise cells that a spreadsheet would run as formulas (default true). */
  readonly escapeFormulas?: boolean;
}

/**
 * An emitter writes a whole output in pieces, so that a batch streams: `begin`, then one
 * `document` per input in order, then `end`. The pieces concatenated are the output.
 */
export interface Emitter {
  begin(): string;
  document(doc: PolicyDocument, index: number): string;
  end(): string;
}
