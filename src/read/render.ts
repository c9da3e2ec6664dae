import type { InputFormat, LocatedRun, ReadDocument, SourceLocation, TableCell, TableGrid, TableRow } from './types.ts';

/** A cell placed on a table's grid by a reader: its first row and column (0-based) and its span. */
export interface PlacedCell {
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly paragraphs: readonly string[];
}

/** A table as a reader found it: its size and the cells that start somewhere on it. */
export interface PlacedTable {
  readonly rows: number;
  readonly columns: number;
  readonly cells: readonly PlacedCell[];
}

/** Tabs separate cells and newlines rows, so inside a cell a tab is a space. */
const cellText = (paragraphs: readonly string[]): string =>
  paragraphs
    .map((paragraph) => paragraph.replaceAll('\t', ' ').trim())
    .filter((paragraph) => paragraph.length > 0)
    .join('\n');

/**
 * Builds the rendered text of a document, paragraph by paragraph and table by table, keeping
 * for each part where it came from. Readers call it in document order.
 */
export class DocumentBuilder {
  private readonly chunks: string[] = [];
  private length = 0;
  private readonly runs: LocatedRun[] = [];
  private readonly tables: TableGrid[] = [];

  get tableCount(): number {
    return this.tables.length;
  }

  private append(text: string): void {
    if (text.length === 0) return;
    this.chunks.push(text);
    this.length += text.length;
  }

  private located(text: string, location: SourceLocation): { start: number; end: number } {
    const start = this.length;
    this.append(text);
    if (text.length > 0) this.runs.push({ start, end: this.length, location });
    return { start, end: this.length };
  }

  /** One paragraph: its text on a line of its own. */
  paragraph(text: string, location: SourceLocation): void {
    this.located(text, location);
    this.append('\n');
  }

  /** One paragraph made of parts from different places (a paragraph that runs over a page break). */
  paragraphParts(parts: ReadonlyArray<{ readonly text: string; readonly location: SourceLocation }>): void {
    for (const part of parts) this.located(part.text, part.location);
    this.append('\n');
  }

  /**
   * A table: each row on one line, cells separated by tabs, one cell per grid column. A merged
   * cell's text stands in its first cell; the cells it covers are empty continuations.
   */
  table(placed: PlacedTable, where: SourceLocation = {}): void {
    const tableNumber = this.tables.length + 1;
    const origins = new Map<number, PlacedCell>();
    const covered = new Set<number>();
    const key = (row: number, column: number) => row * placed.columns + column;
    for (const cell of placed.cells) {
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, placed.rows - cell.row));
      const colSpan = Math.max(1, Math.min(cell.colSpan, placed.columns - cell.column));
      if (origins.has(key(cell.row, cell.column)) || covered.has(key(cell.row, cell.column))) continue;
      origins.set(key(cell.row, cell.column), { ...cell, rowSpan, colSpan });
      for (let r = cell.row; r < cell.row + rowSpan; r++)
        for (let c = cell.column; c < cell.column + colSpan; c++) if (r !== cell.row || c !== cell.column) covered.add(key(r, c));
    }
    const tableStart = this.length;
    const rows: TableRow[] = [];
    for (let r = 0; r < placed.rows; r++) {
      const rowStart = this.length;
      const cells: TableCell[] = [];
      for (let c = 0; c < placed.columns; c++) {
        if (c > 0) this.append('\t');
        const origin = origins.get(key(r, c));
        if (origin) {
          const span = this.located(cellText(origin.paragraphs), { ...where, table: tableNumber, row: r + 1, cell: c + 1 });
          cells.push({ ...span, column: c, rowSpan: origin.rowSpan, colSpan: origin.colSpan, continuation: false });
        } else {
          cells.push({ start: this.length, end: this.length, column: c, rowSpan: 1, colSpan: 1, continuation: covered.has(key(r, c)) });
        }
      }
      rows.push({ start: rowStart, end: this.length, cells });
      this.append('\n');
    }
    this.tables.push({ start: tableStart, end: this.length, rows });
  }

  build(format: InputFormat, encoding: string): ReadDocument {
    return { format, encoding, text: this.chunks.join(''), runs: this.runs, tables: this.tables };
  }
}
