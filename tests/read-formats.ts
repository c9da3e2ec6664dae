import { type Block, writeZip } from '../scripts/format-writers.ts';
import { extract } from '../src/pipeline.ts';
import type { ReadDocument } from '../src/read/types.ts';
import { seedText } from './helpers.ts';

/**
 * The seed as a Word or web version would have it: its text is PDF-extracted with hard wraps,
 * so each measure's lines (found by extracting the text) become one paragraph, the page-number
 * lines (—０１—) go, and every other non-blank line is a paragraph of its own.
 */
export function seedBlocks(): Block[] {
  const lines = seedText.split('\n');
  const measures = extract(seedText).domains.flatMap((domain) => domain.measures);
  const starts = new Map(measures.map((measure) => [measure.line, measure.endLine]));
  const pageNumberRe = /^\s*—[０-９0-9]+—\s*$/;
  const blocks: Block[] = [];
  for (let i = 1; i <= lines.length; i++) {
    const end = starts.get(i);
    if (end !== undefined) {
      const text = lines
        .slice(i - 1, end)
        .filter((line) => !pageNumberRe.test(line))
        .map((line) => line.trim())
        .join('');
      blocks.push({ kind: 'paragraph', text });
      i = end;
      continue;
    }
    const line = (lines[i - 1] as string).trim();
    if (line.length === 0 || pageNumberRe.test(line)) continue;
    blocks.push({ kind: blocks.length === 0 ? 'title' : 'paragraph', text: line });
  }
  return blocks;
}

/** What the tests compare across formats: each measure's id, title, units and deadline dates. */
export function ledger(text: string): string[] {
  return extract(text).domains.flatMap((domain) =>
    domain.measures.map((measure) =>
      [
        measure.id,
        measure.title,
        measure.leadUnits.join('、'),
        measure.responsibleUnits.join('、'),
        measure.deadlines.map((deadline) => deadline.date).join(','),
      ].join(' | '),
    ),
  );
}

/** A table's cell texts row by row; `^` for a merged cell's covered part, `[r2]` after a cell spanning two rows. */
export function gridOf(doc: ReadDocument, table = 0): string[][] {
  return (doc.tables[table]?.rows ?? []).map((row) =>
    row.cells.map(
      (cell) =>
        (cell.continuation ? '^' : doc.text.slice(cell.start, cell.end)) +
        (cell.rowSpan > 1 ? `[r${cell.rowSpan}]` : '') +
        (cell.colSpan > 1 ? `[c${cell.colSpan}]` : ''),
    ),
  );
}

/**
 * The text with each merged cell's text repeated in the cells it covers: what a table stage
 * reading the grid does for a merged 牵头单位 column, done here on the text so that today's
 * `extract` can show one measure per row with its units.
 */
export function repeatMergedCells(doc: ReadDocument): string {
  let text = doc.text;
  const edits: Array<{ at: number; insert: string }> = [];
  for (const table of doc.tables) {
    table.rows.forEach((row, r) => {
      for (const cell of row.cells) {
        if (!cell.continuation) continue;
        for (let above = r - 1; above >= 0; above--) {
          const origin = table.rows[above]?.cells.find((candidate) => candidate.column === cell.column && !candidate.continuation);
          if (origin && origin.rowSpan > r - above) {
            edits.push({ at: cell.start, insert: doc.text.slice(origin.start, origin.end) });
            break;
          }
        }
      }
    });
  }
  for (const edit of edits.sort((a, b) => b.at - a.at)) text = text.slice(0, edit.at) + edit.insert + text.slice(edit.at);
  return text;
}

/** A DOCX whose document part is `documentXml`, for hostile and hand-made cases. */
export function docxWith(documentXml: string, extra: ReadonlyArray<readonly [string, string]> = []): Uint8Array {
  return writeZip([['[Content_Types].xml', '<Types/>'], ['word/document.xml', documentXml], ...extra]);
}

export const wordNamespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
