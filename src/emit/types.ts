import type { PolicyDocument, Warning } from '../schema/index.ts';
import type { RowKind } from '../schema/rows.ts';

export const formats = ['json', 'ndjson', 'csv', 'yaml', 'summary', 'xlsx', 'ics', 'html'] as const;
export type Format = (typeof formats)[number];

export interface EmitOptions {
  /** CSV header language. */
  readonly headers?: 'zh' | 'en';
  /** CSV: start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8. */
  readonly bom?: boolean;
  /**
   * CSV: keep spreadsheets from reinterpreting cells (default true): a `'` before cells that
   * would run as formulas (`= + - @`, tab, CR) and before ids and labels that would turn into
   * numbers (`1.10` into 1.1).
   */
  readonly escapeFormulas?: boolean;
  /** CSV and NDJSON: one row per measure (the row view), per unit and measure, or per deadline (`--rows`); absent: the full measure records. */
  readonly rows?: RowKind;
  /** CSV, the workbook: add 状态 and 剩余天数 (the documents carry statuses, `--as-of`). */
  readonly status?: boolean;
}

/** A piece of output: text (written as UTF-8) or bytes. */
export type Chunk = string | Uint8Array;
/** Pieces of output, ready now or produced asynchronously (a zip writer, a stream). */
export type Chunks = Iterable<Chunk> | AsyncIterable<Chunk>;

/**
 * How a format is written, in two halves, so that a batch streams through worker threads and
 * any format, text or binary, synchronous or not, plugs in without changing this interface:
 *
 * - `render(doc)` turns one document into parts, a few measures or one domain at a time, so
 *   that no part is ever as large as a big document's whole output. It is pure and keeps no
 *   state: worker threads call it, and its parts cross to the main thread by structured clone
 *   (text formats yield strings; the workbook yields the document itself, the review page the
 *   document and its text).
 * - `start()` makes the writer of one run, in the main thread: it receives each written
 *   document's parts in input order and yields the output's bytes. It may keep state and be
 *   asynchronous: the .xlsx writer streams 台账 as documents come and writes the sorted sheets
 *   in `end`; the .html review page keeps each document and its text and writes the page in
 *   `end` (its unit filter and styles cover the whole batch).
 *
 * `written` counts the documents already written: a failed input is not written, so only the
 * writer, never `render`, decides separators.
 */
export interface Emitter<Part = Chunk> {
  /** `text` is the text the document's offsets index (the text as read): only the review page needs it. */
  render(doc: PolicyDocument, text?: string): Iterable<Part>;
  start(): EmitterRun<Part>;
}

export interface EmitterRun<Part = Chunk> {
  begin(): Chunks;
  document(parts: Iterable<Part> | AsyncIterable<Part>, written: number): Chunks;
  end(written: number): Chunks;
  /**
   * Warnings the writing itself raised (a workbook cell cut at Excel's limit), known once `end`
   * has been written, with the path of the document each is about.
   */
  warnings?(): readonly { readonly path: string | null; readonly warning: Warning }[];
}

/** A text format: a fixed head, a separator between documents, a tail, and parts that are strings. */
export interface TextEmitter extends Emitter<string> {
  readonly head: string;
  separator(written: number): string;
  tail(written: number): string;
}

/** Builds a text emitter from its head, separator, tail and renderer; its writer needs no state. */
export function textEmitter(shape: Omit<TextEmitter, 'start'>): TextEmitter {
  return {
    ...shape,
    start: () => ({
      begin: () => [shape.head],
      async *document(parts, written) {
        yield shape.separator(written);
        yield* parts;
      },
      end: (written) => [shape.tail(written)],
    }),
  };
}

/** Renders documents into one string with a text emitter: the library's `toJson`, `toCsv`, … */
export function emitToString(emitter: TextEmitter, docs: readonly PolicyDocument[]): string {
  const pieces: string[] = [emitter.head];
  docs.forEach((doc, written) => {
    pieces.push(emitter.separator(written));
    for (const part of emitter.render(doc)) pieces.push(part);
  });
  pieces.push(emitter.tail(docs.length));
  return pieces.join('');
}
