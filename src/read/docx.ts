import { ReadError } from './errors.ts';
import type { NumberingDefinitions, NumberingLevel } from './numbering.ts';
import { NumberingState } from './numbering.ts';
import { DocumentBuilder, type PlacedCell } from './render.ts';
import type { ReadDocument } from './types.ts';
import { parseXml } from './xml.ts';
import type { ZipContainer } from './zip.ts';

/**
 * DOCX: the body's paragraphs in order, with Word's automatic numbering rendered as its
 * label, and its tables as grids (gridSpan, vMerge). Headers, footers, footnotes and
 * comments live in parts of their own and are not read; text boxes, deleted text, field
 * codes and hidden text are left out.
 */

const intOf = (value: string | undefined, fallback: number): number => {
  const parsed = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : fallback;
};

/** `w:val="0"` and `w:val="false"` switch a toggle property off; its bare presence switches it on. */
const isOn = (attributes: Readonly<Record<string, string>>): boolean => {
  const value = attributes['w:val'];
  return value === undefined || (value !== '0' && value !== 'false' && value !== 'off');
};

function readNumbering(container: ZipContainer): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, NumberingLevel>>();
  const instances = new Map<string, { abstract: string; starts: Map<number, number>; levels: Map<number, NumberingLevel> }>();
  if (!container.has('word/numbering.xml')) return { abstracts, instances };
  let levels: Map<number, NumberingLevel> | null = null;
  let instance: { abstract: string; starts: Map<number, number>; levels: Map<number, NumberingLevel> } | null = null;
  let overrideLevel: number | null = null;
  let level: { ilvl: number; start: number; format: string; text: string; restart: number | undefined; legal: boolean; suffix: string } | null = null;
  parseXml(container.read('word/numbering.xml'), 'word/numbering.xml', {
    open(name, attributes) {
      switch (name) {
        case 'w:abstractNum':
          levels = new Map();
          abstracts.set(attributes['w:abstractNumId'] ?? '', levels);
          break;
        case 'w:num':
          instance = { abstract: '', starts: new Map(), levels: new Map() };
          instances.set(attributes['w:numId'] ?? '', instance);
          break;
        case 'w:abstractNumId':
          if (instance) instance.abstract = attributes['w:val'] ?? '';
          break;
        case 'w:lvlOverride':
          overrideLevel = intOf(attributes['w:ilvl'], 0);
          break;
        case 'w:startOverride':
          if (instance && overrideLevel !== null) instance.starts.set(overrideLevel, intOf(attributes['w:val'], 1));
          break;
        case 'w:lvl':
          level = { ilvl: intOf(attributes['w:ilvl'], 0), start: 1, format: 'decimal', text: '', restart: undefined, legal: false, suffix: 'tab' };
          break;
        case 'w:start':
          if (level) level.start = intOf(attributes['w:val'], 1);
          break;
        case 'w:numFmt':
          if (level) level.format = attributes['w:val'] ?? 'decimal';
          break;
        case 'w:lvlText':
          if (level) level.text = attributes['w:val'] ?? '';
          break;
        case 'w:lvlRestart':
          if (level) level.restart = intOf(attributes['w:val'], 0);
          break;
        case 'w:isLgl':
          if (level) level.legal = isOn(attributes);
          break;
        case 'w:suff':
          if (level) level.suffix = attributes['w:val'] ?? 'tab';
          break;
      }
    },
    close(name) {
      if (name === 'w:lvl' && level) {
        const { ilvl, ...definition } = level;
        if (overrideLevel !== null && instance) instance.levels.set(ilvl, definition);
        else levels?.set(ilvl, definition);
        level = null;
      } else if (name === 'w:lvlOverride') overrideLevel = null;
      else if (name === 'w:abstractNum') levels = null;
      else if (name === 'w:num') instance = null;
    },
  });
  return { abstracts, instances };
}

interface StyleNumbering {
  readonly basedOn: string | undefined;
  readonly numId: string | undefined;
  readonly ilvl: number | undefined;
}

/** Paragraph styles that carry numbering (Word's heading styles often do), with what they are based on. */
function readStyles(container: ZipContainer): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>();
  if (!container.has('word/styles.xml')) return styles;
  let current: { id: string; basedOn: string | undefined; numId: string | undefined; ilvl: number | undefined } | null = null;
  parseXml(container.read('word/styles.xml'), 'word/styles.xml', {
    open(name, attributes) {
      if (name === 'w:style')
        current = attributes['w:type'] === 'paragraph' ? { id: attributes['w:styleId'] ?? '', basedOn: undefined, numId: undefined, ilvl: undefined } : null;
      else if (!current) return;
      else if (name === 'w:basedOn') current.basedOn = attributes['w:val'];
      else if (name === 'w:numId') current.numId = attributes['w:val'];
      else if (name === 'w:ilvl') current.ilvl = intOf(attributes['w:val'], 0);
    },
    close(name) {
      if (name === 'w:style' && current) {
        styles.set(current.id, current);
        current = null;
      }
    },
  });
  return styles;
}

/** A style's numbering, following `basedOn` (with a bound: a style file may loop). */
function styleNumbering(styles: ReadonlyMap<string, StyleNumbering>, styleId: string | undefined): { numId?: string; ilvl?: number } {
  let numId: string | undefined;
  let ilvl: number | undefined;
  let id = styleId;
  for (let hops = 0; id !== undefined && hops < 32; hops++) {
    const style = styles.get(id);
    if (!style) break;
    numId ??= style.numId;
    ilvl ??= style.ilvl;
    id = style.basedOn;
  }
  return { ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl } : {}) };
}

interface CellState {
  gridStart: number;
  colSpan: number;
  vMerge: 'restart' | 'continue' | null;
  readonly paragraphs: string[];
}

interface TableState {
  gridColumns: number;
  readonly rows: CellState[][];
  gridBefore: number;
  nextColumn: number;
}

/** Elements whose content is not the document's visible body text. */
const skipped = new Set([
  'w:instrText',
  'w:delText',
  'w:del',
  'w:moveFrom',
  'mc:Fallback',
  'w:txbxContent',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:commentReference',
]);

/** Places the rows of a finished table on its grid: vertical merges become row spans. */
function placeCells(table: TableState): { rows: number; columns: number; cells: PlacedCell[] } {
  const cells: { row: number; column: number; rowSpan: number; colSpan: number; paragraphs: string[] }[] = [];
  const open = new Map<number, (typeof cells)[number]>();
  let columns = table.gridColumns;
  table.rows.forEach((row, r) => {
    const continued = new Set<number>();
    for (const cell of row) {
      columns = Math.max(columns, cell.gridStart + cell.colSpan);
      const origin = open.get(cell.gridStart);
      if (cell.vMerge === 'continue' && origin && origin.colSpan === cell.colSpan && origin.row + origin.rowSpan === r) {
        origin.rowSpan++;
        origin.paragraphs.push(...cell.paragraphs);
        continued.add(cell.gridStart);
        continue;
      }
      const placed = { row: r, column: cell.gridStart, rowSpan: 1, colSpan: cell.colSpan, paragraphs: [...cell.paragraphs] };
      cells.push(placed);
      if (cell.vMerge === 'restart') {
        open.set(cell.gridStart, placed);
        continued.add(cell.gridStart);
      }
    }
    for (const column of [...open.keys()]) if (!continued.has(column)) open.delete(column);
  });
  return { rows: table.rows.length, columns, cells };
}

export function readDocx(container: ZipContainer): ReadDocument {
  const numbering = new NumberingState(readNumbering(container));
  const styles = readStyles(container);
  const builder = new DocumentBuilder();
  const tables: TableState[] = [];
  const path: string[] = [];
  let skipDepth = 0;
  let bodyParagraphs = 0;
  let paragraph: { texts: string[]; numId?: string; ilvl?: number; styleId?: string } | null = null;
  let runHidden = false;
  const part = 'word/document.xml';
  if (!container.has(part)) throw new ReadError('missing-part', 'not a Word document: the container has no word/document.xml');

  const finishParagraph = (): void => {
    if (!paragraph) return;
    const fromStyle = styleNumbering(styles, paragraph.styleId);
    const numId = paragraph.numId ?? fromStyle.numId;
    const ilvl = paragraph.ilvl ?? fromStyle.ilvl ?? 0;
    const label = numId !== undefined && numId !== '0' ? numbering.next(numId, ilvl) : '';
    const text = label + paragraph.texts.join('');
    paragraph = null;
    const table = tables.at(-1);
    const cell = table?.rows.at(-1)?.at(-1);
    if (table && cell) cell.paragraphs.push(text);
    else builder.paragraph(text.trimEnd(), { paragraph: ++bodyParagraphs });
  };

  parseXml(container.read(part), part, {
    open(name, attributes) {
      const parent = path.at(-1);
      path.push(name);
      if (skipDepth > 0 || skipped.has(name)) {
        skipDepth++;
        return;
      }
      switch (name) {
        case 'w:p':
          // A paragraph inside a paragraph (a text box that escaped the skip list) closes the outer one.
          finishParagraph();
          paragraph = { texts: [] };
          break;
        case 'w:pStyle':
          if (paragraph && parent === 'w:pPr') paragraph.styleId = attributes['w:val'] ?? '';
          break;
        case 'w:numId':
          if (paragraph) paragraph.numId = attributes['w:val'] ?? '0';
          break;
        case 'w:ilvl':
          if (paragraph) paragraph.ilvl = intOf(attributes['w:val'], 0);
          break;
        case 'w:r':
          runHidden = false;
          break;
        case 'w:vanish':
          if (parent === 'w:rPr' && path.at(-3) === 'w:r') runHidden = isOn(attributes);
          break;
        case 'w:tab':
          if (paragraph && parent === 'w:r' && !runHidden) paragraph.texts.push('\t');
          break;
        case 'w:br':
          if (paragraph && parent === 'w:r' && !runHidden && (attributes['w:type'] ?? 'textWrapping') === 'textWrapping') paragraph.texts.push('\n');
          break;
        case 'w:cr':
          if (paragraph && !runHidden) paragraph.texts.push('\n');
          break;
        case 'w:noBreakHyphen':
          if (paragraph && !runHidden) paragraph.texts.push('-');
          break;
        case 'w:tbl':
          finishParagraph();
          tables.push({ gridColumns: 0, rows: [], gridBefore: 0, nextColumn: 0 });
          break;
        case 'w:gridCol': {
          const table = tables.at(-1);
          if (table) table.gridColumns++;
          break;
        }
        case 'w:tr': {
          const table = tables.at(-1);
          if (table) {
            table.rows.push([]);
            table.gridBefore = 0;
            table.nextColumn = 0;
          }
          break;
        }
        case 'w:gridBefore': {
          const table = tables.at(-1);
          if (table && parent === 'w:trPr') table.nextColumn = table.gridBefore = intOf(attributes['w:val'], 0);
          break;
        }
        case 'w:tc': {
          const table = tables.at(-1);
          table?.rows.at(-1)?.push({ gridStart: table.nextColumn, colSpan: 1, vMerge: null, paragraphs: [] });
          break;
        }
        case 'w:gridSpan': {
          const cell = tables.at(-1)?.rows.at(-1)?.at(-1);
          if (cell && parent === 'w:tcPr') cell.colSpan = Math.max(1, Math.min(intOf(attributes['w:val'], 1), 1000));
          break;
        }
        case 'w:vMerge': {
          const cell = tables.at(-1)?.rows.at(-1)?.at(-1);
          if (cell && parent === 'w:tcPr') cell.vMerge = attributes['w:val'] === 'restart' ? 'restart' : 'continue';
          break;
        }
      }
    },
    text(text) {
      if (skipDepth === 0 && paragraph && !runHidden && path.at(-1) === 'w:t') paragraph.texts.push(text);
    },
    close(name) {
      path.pop();
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      if (name === 'w:p') finishParagraph();
      else if (name === 'w:tc') {
        finishParagraph();
        const table = tables.at(-1);
        const cell = table?.rows.at(-1)?.at(-1);
        if (table && cell) table.nextColumn = cell.gridStart + cell.colSpan;
      } else if (name === 'w:tbl') {
        const table = tables.pop();
        if (!table) return;
        const placed = placeCells(table);
        const outer = tables.at(-1)?.rows.at(-1)?.at(-1);
        // A table inside a cell: its cells' paragraphs become the outer cell's.
        if (outer) for (const cell of placed.cells) outer.paragraphs.push(...cell.paragraphs);
        else builder.table(placed);
      }
    },
  });
  finishParagraph();
  const doc = builder.build('docx', 'utf-8');
  if (doc.text.trim().length === 0) throw new ReadError('empty-document', 'the Word document has no text in its body');
  return doc;
}
