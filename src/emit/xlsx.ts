import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { PolicyDocument, Status, Warning } from '../schema/index.ts';
import type { DeadlineRow, UnitRow } from '../schema/rows.ts';
import { schemaVersion } from '../schema/version.ts';
import { compareDeadlineRows, compareUnitRows, deadlineRows, measureRows, unitRows } from '../views/rows.ts';
import { createUnitNamer } from '../views/unit-names.ts';
import { type Headers, type RowColumn, rowColumns, sourceText } from './rows.ts';
import type { Chunk, Emitter } from './types.ts';

/**
 * The ledger as an Excel workbook (`--format xlsx`), written with exceljs's streaming writer:
 * 台账 (one row per measure, streamed document by document), 按单位 and 按时限 (sorted across the
 * batch, so their rows are kept: small records without the measures' text), and 说明 (sources,
 * schemaVersion, years, warnings). The same documents give the same bytes: the zip entries and
 * docProps carry no clock unless `created` is given.
 */

export interface XlsxOptions {
  /** Sheet and column names: Chinese (default) or English. */
  readonly headers?: Headers;
  /**
   * Add 状态 (coloured) and 剩余天数 from documents that carry statuses (`withStatus`, `--as-of`).
   * Default: whether the first document carries them.
   */
  readonly status?: boolean;
  /** Creation time for docProps and the zip entries. Default: none in docProps, 1980-01-01 (the zip epoch) in the zip. */
  readonly created?: Date;
}

/** A cell the workbook could not hold whole: cut at Excel's limit, with a visible mark. */
export interface XlsxWarning {
  readonly code: 'xlsx-cell-truncated';
  readonly severity: 'warning';
  readonly source: 'emit/xlsx';
  readonly message: string;
  readonly sheet: string;
  /** A1 reference of the cell. */
  readonly cell: string;
  readonly file: string | null;
  readonly line: number;
  readonly column: number;
  /** Its length before the cut, in UTF-16 code units (what Excel counts). */
  readonly length: number;
}

export interface XlsxResult {
  readonly warnings: readonly XlsxWarning[];
}

export interface XlsxWriter {
  /** Adds a document's measures to 台账 and keeps its unit and deadline rows for the sorted sheets. */
  document(doc: PolicyDocument): Promise<void>;
  /** Writes the sorted sheets and 说明, and closes the workbook and `output`. */
  finish(): Promise<XlsxResult>;
}

/** Excel refuses longer cells (32,767 characters). */
export const maxCellLength = 32_767;

const sheetNames = {
  zh: { ledger: '台账', units: '按单位', deadlines: '按时限', notes: '说明' },
  en: { ledger: 'Ledger', units: 'By unit', deadlines: 'By deadline', notes: 'Notes' },
} as const;

/** The columns analysts fill in every month or quarter, left empty. */
const followUpColumns = [
  { key: 'progress', zh: '进展情况', en: 'progress' },
  { key: 'problems', zh: '存在问题', en: 'problems' },
  { key: 'nextSteps', zh: '下一步措施', en: 'nextSteps' },
  { key: 'owner', zh: '责任人', en: 'owner' },
  { key: 'completion', zh: '完成情况', en: 'completion' },
] as const;

/** The choices of 完成情况, as supervision offices write them. */
export const completionChoices = { zh: ['未启动', '推进中', '已完成', '已销号'], en: ['not started', 'in progress', 'done', 'closed'] } as const;

/**
 * Column widths in Excel's units (one unit ≈ one Latin digit; a Chinese character takes two),
 * chosen for Chinese text; long columns wrap. A column not listed fits its header.
 */
const widths: Record<string, { width: number; wrap?: boolean }> = {
  id: { width: 8 },
  domain: { width: 16, wrap: true },
  section: { width: 16, wrap: true },
  title: { width: 36, wrap: true },
  text: { width: 72, wrap: true },
  leadUnits: { width: 24, wrap: true },
  responsibleUnits: { width: 24, wrap: true },
  supportingUnits: { width: 20, wrap: true },
  deadlines: { width: 16, wrap: true },
  deadline: { width: 12 },
  date: { width: 12 },
  milestones: { width: 26, wrap: true },
  targets: { width: 18, wrap: true },
  source: { width: 22, wrap: true },
  unit: { width: 26, wrap: true },
  role: { width: 8 },
  deadlineText: { width: 16, wrap: true },
  status: { width: 10 },
  daysLeft: { width: 10 },
  progress: { width: 30, wrap: true },
  problems: { width: 24, wrap: true },
  nextSteps: { width: 24, wrap: true },
  owner: { width: 10 },
  completion: { width: 12 },
};

/** Width of a text in Excel's units: a CJK character is two. */
const textWidth = (text: string): number => [...text].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
const headerWidth = (text: string): number => textWidth(text) + 2;

/** Points per line of 11-point text, and the most lines a row is given (the cell keeps all its text). */
const lineHeight = 15;
const maxRowLines = 15;

/**
 * Lines a wrapped cell needs in a column of `width` units. LibreOffice does not fit row
 * heights to wrapped text when it opens a file, and Excel not always, so each row is given the
 * height of its tallest cell.
 */
function wrappedLines(text: string, width: number): number {
  // A Chinese character takes a little more than two units in the fonts spreadsheets fall back on.
  const usable = Math.max(1, width * 0.9 - 1);
  return text.split('\n').reduce((lines, part) => lines + Math.max(1, Math.ceil(textWidth(part) / usable)), 0);
}

/** Fills of 状态: Excel's own Bad / Neutral / Good colours (red, yellow, green). */
const statusFills: Partial<Record<Status, { fill: string; font: string }>> = {
  overdue: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  'due-soon': { fill: 'FFFFEB9C', font: 'FF9C5700' },
  pending: { fill: 'FFC6EFCE', font: 'FF006100' },
};

const headerStyle: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

const dateFormat = 'yyyy-mm-dd';
const zipEpoch = new Date(Date.UTC(1980, 0, 1));

/** `2023-06-30` as a date cell value: midnight UTC, which exceljs writes as the whole day serial. */
const dateCell = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Spreadsheet column letters: 1 → A, 27 → AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * exceljs stamps every zip entry with the current time, and its first entries are added by
 * its constructor; pinning the date where the first of them is added (its `addThemes`, the
 * first call that touches the zip) keeps the clock out. Tested by `tests/xlsx.test.ts`
 * against a moved system clock, with exceljs pinned to an exact version.
 */
class PinnedWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  /** Set just before each construction: the constructor calls `addThemes` before any field of ours exists. */
  static pinnedDate = zipEpoch;

  override addThemes(): Promise<void> {
    const zip = (this as unknown as { zip: { append: (source: unknown, data: Record<string, unknown>) => unknown } }).zip;
    const append = zip.append.bind(zip);
    const date = PinnedWorkbookWriter.pinnedDate;
    // Strings become bytes here: archiver 5 would call the deprecated `new Buffer(string)`, which
    // Node reports on stderr once bundled (it only hides that warning inside node_modules).
    zip.append = (source, data) => append(typeof source === 'string' ? Buffer.from(source, 'utf8') : source, { ...data, date });
    return super.addThemes();
  }
}

function openWorkbook(output: Writable, created: Date | undefined): ExcelJS.stream.xlsx.WorkbookWriter {
  PinnedWorkbookWriter.pinnedDate = created ?? zipEpoch;
  const workbook = new PinnedWorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  // Without `created`, docProps/core.xml carries no dates at all (exceljs would write the clock).
  const props = workbook as unknown as { created: Date | undefined; modified: Date | undefined; creator: string; lastModifiedBy: string };
  props.created = created;
  props.modified = created;
  props.creator = 'policy-extract';
  props.lastModifiedBy = 'policy-extract';
  return workbook;
}

interface SheetColumn<R> {
  readonly key: string;
  readonly header: string;
  readonly type: RowColumn<R>['type'];
  readonly value: (row: R) => string | number | null;
}

/** A sheet of typed cells: header row frozen, autofilter, widths, wrapped long cells, cells cut at Excel's limit. */
class SheetWriter<R> {
  private rows = 1;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly layouts: { width: number; wrap: boolean }[];

  constructor(
    workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    readonly name: string,
    readonly columns: readonly SheetColumn<R>[],
    private readonly headers: Headers,
    private readonly warnings: XlsxWarning[],
  ) {
    this.sheet = workbook.addWorksheet(name, {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      // Printed on A4 landscape, all columns on the page width, as many pages down as it takes.
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    this.layouts = columns.map((column) => ({
      width: Math.max(widths[column.key]?.width ?? 0, headerWidth(column.header)),
      wrap: widths[column.key]?.wrap ?? false,
    }));
    this.sheet.columns = columns.map((column, i) => {
      const layout = this.layouts[i] as { width: number; wrap: boolean };
      const style: Partial<ExcelJS.Style> = { alignment: { vertical: 'top', wrapText: layout.wrap } };
      if (column.type === 'date') style.numFmt = dateFormat;
      // Text format keeps `1.10` a text when someone edits the cell.
      if (column.key === 'id') style.numFmt = '@';
      return { key: column.key, width: layout.width, style };
    });
    const header = this.sheet.getRow(1);
    columns.forEach((column, i) => {
      const cell = header.getCell(i + 1);
      cell.value = column.header;
      cell.style = headerStyle;
    });
    header.commit();
  }

  add(row: R, place: { file: string | null; line: number; column: number }): ExcelJS.Row {
    this.rows += 1;
    const sheetRow = this.sheet.getRow(this.rows);
    let lines = 1;
    this.columns.forEach((column, i) => {
      const value = column.value(row);
      if (value === null || value === '') return;
      const cell = sheetRow.getCell(i + 1);
      if (column.type === 'date' && typeof value === 'string') cell.value = dateCell(value);
      else if (typeof value === 'string' && value.length > maxCellLength) cell.value = this.cut(value, `${columnLetter(i + 1)}${this.rows}`, place);
      else cell.value = value;
      const layout = this.layouts[i];
      if (typeof value === 'string' && layout?.wrap) lines = Math.max(lines, wrappedLines(value.slice(0, 4096), layout.width));
    });
    if (lines > 1) sheetRow.height = Math.min(lines, maxRowLines) * lineHeight;
    return sheetRow;
  }

  private cut(value: string, cell: string, place: { file: string | null; line: number; column: number }): string {
    const mark = this.headers === 'zh' ? `…〔已截断：原文 ${value.length} 字，见来源〕` : `… [truncated: ${value.length} characters, see the source]`;
    let end = maxCellLength - mark.length;
    // Never split a surrogate pair.
    const code = value.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    this.warnings.push({
      code: 'xlsx-cell-truncated',
      severity: 'warning',
      source: 'emit/xlsx',
      message: `Cell ${this.name}!${cell} has ${value.length} characters, more than Excel's ${maxCellLength}; cut with a mark, the whole text is at ${sourceText(place)}`,
      sheet: this.name,
      cell,
      ...place,
      length: value.length,
    });
    return value.slice(0, end) + mark;
  }

  /** Autofilter over the header and every row, then writes the sheet out. */
  commit(configure?: (sheet: ExcelJS.Worksheet, lastRow: number) => void): void {
    this.sheet.autoFilter = `A1:${columnLetter(this.columns.length)}${Math.max(this.rows, 1)}`;
    configure?.(this.sheet, this.rows);
    this.sheet.commit();
  }
}

function sheetColumns<R>(columns: readonly RowColumn<R>[], headers: Headers): SheetColumn<R>[] {
  return columns.map((column) => ({ key: column.key, header: column[headers], type: column.type, value: (row: R) => column.value(row, headers) }));
}

/** Colours 状态 red, yellow or green by the row's status. */
function colourStatus(row: ExcelJS.Row, columns: readonly { key: string }[], status: Status | undefined): void {
  const index = columns.findIndex((column) => column.key === 'status');
  const colours = status === undefined ? undefined : statusFills[status];
  if (index < 0 || !colours) return;
  const cell = row.getCell(index + 1);
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } };
  cell.font = { color: { argb: colours.font } };
}

const yearSources = {
  zh: { option: '--year 参数', title: '标题', 'date-line': '成文日期行', 'issue-date': '印发日期', text: '正文中最常见的年份' },
  en: { option: '--year', title: 'title', 'date-line': 'date line', 'issue-date': 'issue date', text: 'the year most written in the text' },
} as const;

const notesLabels = {
  zh: {
    tool: '生成工具',
    schema: '数据格式版本（schemaVersion）',
    asOf: '状态日期（--as-of）',
    dueSoon: '临期天数（--due-soon）',
    legend: '状态说明',
    legendText: '逾期（红）：截止日期已过；临期（黄）：剩余天数不超过临期天数；未到期（绿）；持续推进、无期限不着色',
    sources: '来源文件',
    sourceHeader: ['文件', '编码', '格式', '标题', '年份', '年份来源', '印发日期', '措施数', '警告数'],
    warnings: '提示与警告',
    warningHeader: ['文件', '行', '列', '代码', '级别', '说明'],
    none: '无',
  },
  en: {
    tool: 'Written by',
    schema: 'schemaVersion',
    asOf: 'Status as of (--as-of)',
    dueSoon: 'Due soon within days (--due-soon)',
    legend: 'Status colours',
    legendText: 'overdue (red): past its date; due soon (yellow): at most the due-soon days left; pending (green); ongoing and undated are not coloured',
    sources: 'Source files',
    sourceHeader: ['file', 'encoding', 'format', 'title', 'year', 'year from', 'issued', 'measures', 'warnings'],
    warnings: 'Notes and warnings',
    warningHeader: ['file', 'line', 'column', 'code', 'severity', 'message'],
    none: 'none',
  },
} as const;

interface DocumentNote {
  readonly source: PolicyDocument['source'];
  readonly title: string | null;
  readonly year: number | null;
  readonly yearSource: PolicyDocument['yearSource'];
  readonly issued: string | null;
  readonly measures: number;
  readonly warnings: PolicyDocument['warnings'];
  readonly asOf: PolicyDocument['asOf'];
}

/** The last sheet: what the workbook was made from, and what to be careful about. */
function writeNotes(workbook: ExcelJS.stream.xlsx.WorkbookWriter, headers: Headers, notes: readonly DocumentNote[], truncated: readonly XlsxWarning[]) {
  const labels = notesLabels[headers];
  const sheet = workbook.addWorksheet(sheetNames[headers].notes);
  sheet.columns = [{ width: 30 }, { width: 12 }, { width: 8 }, { width: 40 }, { width: 10 }, { width: 16 }, { width: 60 }, { width: 10 }, { width: 10 }].map(
    (column) => ({ ...column, style: { alignment: { vertical: 'top', wrapText: true } } }),
  );
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
  };
  const rows: (string | number | null)[][] = [];
  const titles = new Set<number>();
  const add = (cells: (string | number | null)[], title = false) => {
    if (title) titles.add(rows.length);
    rows.push(cells);
  };
  add([labels.tool, 'policy-extract']);
  add([labels.schema, schemaVersion]);
  const asOf = notes.find((note) => note.asOf)?.asOf;
  if (asOf) {
    add([labels.asOf, asOf.date]);
    add([labels.dueSoon, asOf.dueSoonDays]);
    add([labels.legend, labels.legendText]);
  }
  add([]);
  add([labels.sources], true);
  add([...labels.sourceHeader], true);
  for (const note of notes) {
    add([
      note.source.path,
      note.source.encoding,
      note.source.format,
      note.title,
      note.year,
      note.yearSource === null ? null : yearSources[headers][note.yearSource],
      note.issued,
      note.measures,
      note.warnings.length,
    ]);
  }
  add([]);
  add([labels.warnings], true);
  add([...labels.warningHeader], true);
  const warnings = [
    ...notes.flatMap((note) => note.warnings.map((w) => [note.source.path, w.line, w.column, w.code, w.severity, w.message])),
    ...truncated.map((w) => [w.file, w.line, w.column, w.code, w.severity, w.message]),
  ];
  for (const warning of warnings) add(warning);
  if (warnings.length === 0) add([labels.none]);
  rows.forEach((cells, i) => {
    const row = sheet.getRow(i + 1);
    cells.forEach((value, j) => {
      if (value !== null && value !== '') row.getCell(j + 1).value = typeof value === 'string' ? value.slice(0, maxCellLength) : value;
    });
    if (titles.has(i)) bold(row);
    row.commit();
  });
  sheet.commit();
}

/**
 * A workbook written to `output` as documents arrive: call `document` for each (in order),
 * then `finish`. 台账 is streamed; the sorted sheets keep only their small rows.
 */
export function createXlsxWriter(output: Writable, options: XlsxOptions = {}): XlsxWriter {
  const headers = options.headers ?? 'zh';
  const names = sheetNames[headers];
  const workbook = openWorkbook(output, options.created);
  const warnings: XlsxWarning[] = [];
  const nameUnit = createUnitNamer();
  const units: UnitRow[] = [];
  const deadlines: DeadlineRow[] = [];
  const notes: DocumentNote[] = [];
  let status = options.status;
  let ledger: SheetWriter<ReturnType<typeof measureRows>[number]> | undefined;

  const openLedger = (withStatus: boolean) => {
    const columns = [
      ...sheetColumns(rowColumns('measure', { status: withStatus }), headers),
      ...followUpColumns.map((column) => ({ key: column.key, header: column[headers], type: 'text' as const, value: () => null })),
    ];
    return new SheetWriter(workbook, names.ledger, columns, headers, warnings);
  };

  return {
    async document(doc) {
      status ??= doc.asOf !== undefined;
      ledger ??= openLedger(status);
      const rows = measureRows(doc);
      for (const row of rows) {
        const sheetRow = ledger.add(row, row);
        colourStatus(sheetRow, ledger.columns, row.status);
        sheetRow.commit();
      }
      units.push(...unitRows(doc, nameUnit));
      deadlines.push(...deadlineRows(doc));
      notes.push({
        source: doc.source,
        title: doc.title,
        year: doc.year,
        yearSource: doc.yearSource,
        issued: doc.issued,
        measures: rows.length,
        warnings: doc.warnings,
        asOf: doc.asOf,
      });
      // Let the zip take what was written before the next document arrives.
      if (output.writableNeedDrain) await once(output, 'drain');
      await new Promise((resolve) => setImmediate(resolve));
    },

    async finish() {
      const withStatus = status ?? false;
      ledger ??= openLedger(withStatus);
      const completion = ledger.columns.findIndex((column) => column.key === 'completion') + 1;
      ledger.commit((sheet, lastRow) => {
        if (lastRow < 2) return;
        const formula = `"${completionChoices[headers].join(',')}"`;
        // The streaming sheet has data validations; exceljs's types give them to the in-memory one only.
        (sheet as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(
          `${columnLetter(completion)}2:${columnLetter(completion)}${lastRow}`,
          {
            type: 'list',
            allowBlank: true,
            formulae: [formula],
            showErrorMessage: true,
            errorTitle: headers === 'zh' ? '完成情况' : 'completion',
            error: completionChoices[headers].join(' / '),
          },
        );
      });

      const sorted = <R extends { status?: Status; file: string | null; line: number; column: number }>(name: string, columns: SheetColumn<R>[], rows: R[]) => {
        const sheet = new SheetWriter(workbook, name, columns, headers, warnings);
        for (const row of rows) {
          const sheetRow = sheet.add(row, row);
          colourStatus(sheetRow, columns, row.status);
          sheetRow.commit();
        }
        sheet.commit();
      };
      sorted(names.units, sheetColumns(rowColumns('unit', { status: withStatus }), headers), units.sort(compareUnitRows));
      sorted(names.deadlines, sheetColumns(rowColumns('deadline', { status: withStatus }), headers), deadlines.sort(compareDeadlineRows));
      writeNotes(workbook, headers, notes, warnings);
      await workbook.commit();
      return { warnings };
    },
  };
}

/** The whole workbook in memory, for the library and tests. */
export async function toXlsx(docs: Iterable<PolicyDocument>, options: XlsxOptions = {}): Promise<{ bytes: Uint8Array; warnings: readonly XlsxWarning[] }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const writer = createXlsxWriter(output, options);
  for (const doc of docs) await writer.document(doc);
  const { warnings } = await writer.finish();
  return { bytes: new Uint8Array(Buffer.concat(chunks)), warnings };
}

/** A cut cell as a document warning, so that the run reports it and `--strict` counts it. */
export function truncationWarning(warning: XlsxWarning): { path: string | null; warning: Warning } {
  return {
    path: warning.file,
    warning: {
      code: warning.code,
      severity: warning.severity,
      message: warning.message,
      source: warning.source,
      line: warning.line,
      column: warning.column,
      position: null,
    },
  };
}

/**
 * `--format xlsx` for the command line: each document crosses from its thread whole (its parts
 * are the document itself: the writer needs every row of it), the workbook's bytes come out as
 * the writer streams them, and the cut cells are known at the end.
 */
export function createXlsxEmitter(options: XlsxOptions = {}): Emitter<PolicyDocument> {
  return {
    *render(doc) {
      yield doc;
    },
    start() {
      const output = new PassThrough();
      const ready: Chunk[] = [];
      output.on('data', (chunk: Buffer) => ready.push(chunk));
      const writer = createXlsxWriter(output, options);
      let cut: readonly XlsxWarning[] = [];
      const drain = (): Chunk[] => ready.splice(0, ready.length);
      return {
        begin: () => [],
        async *document(parts) {
          for await (const doc of parts) {
            await writer.document(doc);
            yield* drain();
          }
        },
        async *end() {
          cut = (await writer.finish()).warnings;
          if (!output.readableEnded) await once(output, 'end');
          yield* drain();
        },
        warnings: () => cut.map(truncationWarning),
      };
    },
  };
}
