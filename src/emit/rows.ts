import type { PolicyDocument, Status } from '../schema/index.ts';
import type { DeadlineRow, MeasureRow, Milestone, RowKind, UnitRow } from '../schema/rows.ts';
import { compareDeadlineRows, compareUnitRows, deadlineRows, measureRows, unitRows } from '../views/rows.ts';
import { createUnitNamer } from '../views/unit-names.ts';
import { csvCell } from './csv.ts';
import { type EmitOptions, type TextEmitter, textEmitter } from './types.ts';

/**
 * The row views as tables: the columns of each kind of row, with Chinese and English headers,
 * shared by CSV and the workbook, and emitters for CSV and NDJSON (`--rows measure|unit|deadline`).
 */

export type Headers = 'zh' | 'en';

/** Units and deadlines in one cell are joined the way a ledger writes them. */
export const joiner = '、';

export interface RowColumn<R> {
  /** Stable name of the column, the same in every language. */
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  /** `date` values are ISO dates (the workbook writes them as date cells); `integer` values are numbers. */
  readonly type: 'text' | 'date' | 'integer';
  readonly value: (row: R, headers: Headers) => string | number | null;
}

const roleNames = {
  zh: { lead: '牵头', responsible: '责任', supporting: '配合' },
  en: { lead: 'lead', responsible: 'responsible', supporting: 'supporting' },
} as const;

/** How supervision offices name the statuses (临期 for due soon, 逾期 for overdue). */
export const statusNames: Record<Headers, Record<Status, string>> = {
  zh: { overdue: '逾期', 'due-soon': '临期', pending: '未到期', ongoing: '持续推进', undated: '无期限' },
  en: { overdue: 'overdue', 'due-soon': 'due soon', pending: 'pending', ongoing: 'ongoing', undated: 'undated' },
};

const units = (names: readonly string[], open = false): string => names.join(joiner) + (open && names.length > 0 ? '等' : '');

/** `6月底前（2023-06-30）；9月底前（2023-09-30）`. */
export const milestoneText = (milestones: readonly Milestone[]): string => milestones.map((m) => `${m.text}（${m.date}）`).join('；');

/** Where a row came from, as `file:line:column` (just `line:column` without a path). */
export const sourceText = (row: { file: string | null; line: number; column: number }): string =>
  `${row.file === null ? '' : `${row.file}:`}${row.line}:${row.column}`;

const statusColumns = <R extends { daysLeft?: number; status?: Status }>(): RowColumn<R>[] => [
  { key: 'status', zh: '状态', en: 'status', type: 'text', value: (row, headers) => (row.status === undefined ? null : statusNames[headers][row.status]) },
  { key: 'daysLeft', zh: '剩余天数', en: 'daysLeft', type: 'integer', value: (row) => row.daysLeft ?? null },
];

/** The ledger's columns (台账), in the order analysts keep them. */
export const measureColumns: readonly RowColumn<MeasureRow>[] = [
  { key: 'id', zh: '序号', en: 'id', type: 'text', value: (row) => row.id },
  { key: 'domain', zh: '领域', en: 'domain', type: 'text', value: (row) => row.domain },
  { key: 'section', zh: '小节', en: 'section', type: 'text', value: (row) => row.section.join(' / ') },
  { key: 'title', zh: '任务', en: 'task', type: 'text', value: (row) => row.title },
  { key: 'text', zh: '内容', en: 'text', type: 'text', value: (row) => row.text },
  { key: 'leadUnits', zh: '牵头单位', en: 'leadUnits', type: 'text', value: (row) => units(row.leadUnits, row.leadUnitsOpen) },
  { key: 'responsibleUnits', zh: '责任单位', en: 'responsibleUnits', type: 'text', value: (row) => units(row.responsibleUnits, row.responsibleUnitsOpen) },
  { key: 'supportingUnits', zh: '配合单位', en: 'supportingUnits', type: 'text', value: (row) => units(row.supportingUnits, row.supportingUnitsOpen) },
  { key: 'deadlines', zh: '完成时限', en: 'deadlines', type: 'text', value: (row) => row.deadlines.join(joiner) },
  { key: 'deadline', zh: '截止日期', en: 'deadline', type: 'date', value: (row) => row.deadline },
  { key: 'milestones', zh: '阶段节点', en: 'milestones', type: 'text', value: (row) => milestoneText(row.milestones) },
  { key: 'targets', zh: '量化指标', en: 'targets', type: 'text', value: (row) => row.targets.join(joiner) },
  { key: 'source', zh: '来源', en: 'source', type: 'text', value: sourceText },
];

/** One row per unit and measure (按单位). */
export const unitColumns: readonly RowColumn<UnitRow>[] = [
  { key: 'unit', zh: '单位', en: 'unit', type: 'text', value: (row) => row.unit },
  { key: 'role', zh: '角色', en: 'role', type: 'text', value: (row, headers) => roleNames[headers][row.role] },
  { key: 'id', zh: '序号', en: 'id', type: 'text', value: (row) => row.id },
  { key: 'title', zh: '任务', en: 'task', type: 'text', value: (row) => row.title },
  { key: 'deadlines', zh: '完成时限', en: 'deadlines', type: 'text', value: (row) => row.deadlines.join(joiner) },
  { key: 'deadline', zh: '截止日期', en: 'deadline', type: 'date', value: (row) => row.deadline },
  { key: 'source', zh: '来源', en: 'source', type: 'text', value: sourceText },
];

/** One row per deadline (按时限). */
export const deadlineColumns: readonly RowColumn<DeadlineRow>[] = [
  { key: 'date', zh: '截止日期', en: 'date', type: 'date', value: (row) => row.date },
  { key: 'deadlineText', zh: '完成时限', en: 'deadline', type: 'text', value: (row) => row.text },
  { key: 'id', zh: '序号', en: 'id', type: 'text', value: (row) => row.id },
  { key: 'title', zh: '任务', en: 'task', type: 'text', value: (row) => row.title },
  { key: 'leadUnits', zh: '牵头单位', en: 'leadUnits', type: 'text', value: (row) => units(row.leadUnits) },
  { key: 'responsibleUnits', zh: '责任单位', en: 'responsibleUnits', type: 'text', value: (row) => units(row.responsibleUnits) },
  { key: 'source', zh: '来源', en: 'source', type: 'text', value: sourceText },
];

export interface RowColumnsByKind {
  measure: readonly RowColumn<MeasureRow>[];
  unit: readonly RowColumn<UnitRow>[];
  deadline: readonly RowColumn<DeadlineRow>[];
}

/** The columns of one kind of row; with `status`, 状态 and 剩余天数 follow (`--as-of`). */
export function rowColumns<K extends RowKind>(kind: K, options: { status?: boolean } = {}): RowColumnsByKind[K] {
  const base = { measure: measureColumns, unit: unitColumns, deadline: deadlineColumns }[kind];
  return (options.status ? [...base, ...statusColumns()] : base) as RowColumnsByKind[K];
}

export interface RowsOf {
  measure: MeasureRow;
  unit: UnitRow;
  deadline: DeadlineRow;
}

/**
 * The rows of one document in the order a table shows them: measures in document order,
 * units by unit then date, deadlines by date (undated last).
 */
export function documentRows<K extends RowKind>(kind: K, doc: PolicyDocument): RowsOf[K][] {
  if (kind === 'measure') return measureRows(doc) as RowsOf[K][];
  if (kind === 'unit') return unitRows(doc, createUnitNamer()).sort(compareUnitRows) as RowsOf[K][];
  return deadlineRows(doc).sort(compareDeadlineRows) as RowsOf[K][];
}

export interface RowsCsvOptions extends EmitOptions {
  /** Add 状态 and 剩余天数 (the documents carry statuses from `withStatus`). */
  readonly status?: boolean;
}

/**
 * CSV of one kind of row. Each document's rows are sorted on their own, so that the emitter
 * keeps no state and a batch streams; the workbook sorts across the whole batch.
 */
export function createRowsCsvEmitter(kind: RowKind, options: RowsCsvOptions = {}): TextEmitter {
  const headers = options.headers ?? 'zh';
  const columns = rowColumns(kind, options) as readonly RowColumn<RowsOf[RowKind]>[];
  const protect = options.escapeFormulas ?? true;
  // The same cells as the measure CSV: quoted on any line break, protected from spreadsheets.
  const line = (cells: readonly (string | number | null)[]): string => `${cells.map((cell, i) => csvCell(cell ?? '', protect, i === idColumn)).join(',')}\r\n`;
  const idColumn = columns.findIndex((column) => column.en === 'id');
  return textEmitter({
    head: (options.bom ? '\uFEFF' : '') + line(columns.map((column) => column[headers])),
    separator: () => '',
    tail: () => '',
    *render(doc) {
      const rows = documentRows(kind, doc);
      if (rows.length > 0) yield rows.map((row) => line(columns.map((column) => column.value(row, headers)))).join('');
    },
  });
}

/** NDJSON of one kind of row: one record (as the zod schema of `schema/rows.ts` describes it) per line. */
export function createRowsNdjsonEmitter(kind: RowKind): TextEmitter {
  return textEmitter({
    head: '',
    separator: () => '',
    tail: () => '',
    *render(doc) {
      const rows = documentRows(kind, doc);
      if (rows.length > 0) yield rows.map((row) => `${JSON.stringify(row)}\n`).join('');
    },
  });
}
