import { assemble } from './assemble/index.ts';
import { type GridInput, mark } from './mark/index.ts';
import { normalize, type Paragraphs, toParagraphs } from './normalize/index.ts';
import { type LocatedRun, place } from './place/index.ts';
import type { TableGrid } from './read/types.ts';
import { resolveYears } from './resolve/year.ts';
import type { PolicyDocument } from './schema/index.ts';
import { segment } from './segment/index.ts';
import { SourceFile } from './source.ts';
import type { ExtractOptions } from './types.ts';

/**
 * Extracts the structured ledger from one policy document's text, stage by stage: normalise
 * (characters, lines, paragraphs), mark (everything the text says, one pass), segment (domains and
 * measures, chosen from the marks), resolve (years and dates), assemble (marks into measures by
 * span containment), place (spans into positions, once). Pure: no filesystem, no clock, no
 * console; the same text and options always give the same result.
 */
export function extract(text: string, options: ExtractOptions = {}): PolicyDocument {
  const file = new SourceFile(text);
  const paragraphs = toParagraphs(normalize(text));
  const marks = mark(paragraphs, gridsOf(paragraphs, options.tables ?? []));
  const segmentation = segment(marks);
  const years = resolveYears(marks, segmentation.front, options.year);
  const assembled = assemble(marks, segmentation, years.context);
  return place(
    file,
    paragraphs,
    assembled,
    {
      path: options.path ?? null,
      encoding: options.encoding ?? 'utf-8',
      format: options.format ?? 'text',
      title: segmentation.front.title,
      year: years.year,
      yearSource: years.source,
      issued: years.issued,
    },
    (options.runs ?? []) as readonly LocatedRun[],
  );
}

/**
 * A reader's tables (offsets in the text as read) as grids of the paragraph text. A covered cell
 * of a merge takes the span of the cell that covers it (above it, or to its left), so the table
 * stage sees each row whole, as a person reads the printed table.
 */
function gridsOf(paragraphs: Paragraphs, tables: readonly TableGrid[]): GridInput[] {
  const map = paragraphs.text;
  const span = (start: number, end: number) => ({ start: map.fromRaw(start), end: end > start ? map.fromRaw(end - 1) + 1 : map.fromRaw(start) });
  return tables.map((table) => ({
    rows: table.rows.map((row, r) => ({
      span: span(row.start, row.end),
      cells: row.cells.map((cell) => {
        if (!cell.continuation) return { span: span(cell.start, cell.end), continuation: false };
        // The merged cell covers this one from the left (a column span) or from above (a row span).
        const left = row.cells.find((other) => !other.continuation && other.column < cell.column && other.column + other.colSpan > cell.column);
        let origin = left;
        for (let above = r - 1; origin === undefined && above >= 0; above--) {
          const other = (table.rows[above] as TableGrid['rows'][number]).cells.find((candidate) => candidate.column === cell.column && !candidate.continuation);
          if (other && above + other.rowSpan > r) origin = other;
        }
        return { span: origin ? span(origin.start, origin.end) : span(cell.start, cell.end), continuation: true };
      }),
    })),
  }));
}
