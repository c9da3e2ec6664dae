import type { LocatedRun, TableGrid } from './read/types.ts';

/**
 * The shared vocabulary of the pipeline stages.
 * Offsets are UTF-16 code-unit offsets; spans are end-exclusive.
 */

/** A span of text, `[start, end)`, in UTF-16 offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A place in the raw source file, for people: 1-based line and column, 0-based offset. */
export interface Place {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in a document, kept as data; the message is prose, the code is the contract. */
export interface Issue {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  /** The stage that raised it, e.g. `segment` or `extract/deadlines`. */
  readonly source: string;
  /** Raw-text span the issue is about, when it is about a place. */
  readonly span?: Span;
}

/** Options that change what `extract` produces. None of them is read from the environment. */
export interface ExtractOptions {
  /** The year to resolve deadlines without one (`6月底前`); overrides the year found in the document. */
  readonly year?: number | undefined;
  /** The name shown as the document's `source.path`; `extract` never reads it. */
  readonly path?: string | null | undefined;
  /** How the bytes were decoded, recorded in `source.encoding`. */
  readonly encoding?: string | undefined;
  /** The input format, recorded in `source.format` (default `text`). */
  readonly format?: 'text' | 'docx' | 'html' | 'pdf' | 'ofd' | undefined;
  /** Tables a reader rebuilt (DOCX, HTML, PDF, OFD), as grids of offsets in `text`; they go through the same table stage as text tables. */
  readonly tables?: readonly TableGrid[] | undefined;
  /** Where runs of `text` stand in the original file (page, paragraph, table cell), for the positions of DOCX, HTML, PDF and OFD. */
  readonly runs?: readonly LocatedRun[] | undefined;
}
