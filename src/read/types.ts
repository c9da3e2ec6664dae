/**
 * What every reader returns: the rendered text that segmentation and extraction read, where
 * each part of it stood in the original file, and the tables as grids. One shape for every
 * format, so that the stages after reading stay one code path.
 */

export type InputFormat = 'text' | 'docx' | 'html' | 'pdf' | 'ofd';

/** The formats `--input-format` accepts: one of the readers, or detection by content. */
export const inputFormats = ['auto', 'text', 'docx', 'html', 'pdf', 'ofd'] as const;

/** Where a run of the rendered text stands in the original file; all 1-based. */
export interface SourceLocation {
  /** PDF, OFD. */
  readonly page?: number;
  /** DOCX, HTML: the nth paragraph (block) of the body, tables' cell paragraphs not counted. */
  readonly paragraph?: number;
  /** The nth table of the file. */
  readonly table?: number;
  /** Row in that table. */
  readonly row?: number;
  /** Grid column in that row. */
  readonly cell?: number;
}

export interface LocatedRun {
  readonly start: number;
  readonly end: number;
  readonly location: SourceLocation;
}

export interface TableCell {
  /** The cell's text in `text` (empty for a merged continuation). */
  readonly start: number;
  readonly end: number;
  /** 0-based grid column. */
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** True for the covered part of a merged cell. */
  readonly continuation: boolean;
}

export interface TableRow {
  readonly start: number;
  readonly end: number;
  readonly cells: readonly TableCell[];
}

export interface TableGrid {
  readonly start: number;
  readonly end: number;
  readonly rows: readonly TableRow[];
}

export interface ReadDocument {
  readonly format: InputFormat;
  /** How text was decoded: text/html the charset used; docx/ofd 'utf-8' from XML; pdf 'pdf'. */
  readonly encoding: string;
  /** The rendered text that every line/column in the output refers to. */
  readonly text: string;
  /** Sorted, non-overlapping: where each part of `text` came from. */
  readonly runs: readonly LocatedRun[];
  readonly tables: readonly TableGrid[];
}
