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
 * An emitter writes a whole output in pieces, so that a batch streams: `begin`, then for each
 * document in order `separator(written)` and `document(doc)`, then `end(written)`, where
 * `written` counts the documents already written. `document` keeps no state, so worker
 * threads can render documents while the main thread alone decides the separators.
 */
export interface Emitter {
  begin(): string;
  separator(written: number): string;
  document(doc: PolicyDocument): string;
  end(written: number): string;
}

/** Renders a list of documents in one string with an emitter. */
export function emitAll(emitter: Emitter, docs: readonly PolicyDocument[]): string {
  return emitter.begin() + docs.map((doc, i) => emitter.separator(i) + emitter.document(doc)).join('') + emitter.end(docs.length);
}
