import type { Domain, Measure, PolicyDocument } from '../schema/index.ts';
import { type EmitOptions, type TextEmitter, textEmitter } from './types.ts';

/** Units and deadlines in one cell are joined the way a ledger writes them. */
const joiner = '、';

interface Column {
  readonly zh: string;
  readonly en: string;
  /** An identifier a spreadsheet would read as a number (`1.10` as 1.1): kept as text. */
  readonly identifier?: true;
  readonly value: (measure: Measure, domain: Domain, doc: PolicyDocument) => string | number;
}

const dates = (measure: Measure): string[] =>
  measure.deadlines.flatMap((deadline) => (deadline.date && deadline.kind !== 'start' ? [deadline.date] : [])).sort();

/** The ledger's columns (台账: 序号, 任务, 牵头单位, 责任单位, 完成时限), then where each row came from. */
export const csvColumns: readonly Column[] = [
  { zh: '序号', en: 'id', identifier: true, value: (m) => m.id },
  { zh: '领域', en: 'domain', value: (_m, d) => d.name },
  { zh: '领域牵头单位', en: 'domainLeadUnits', value: (_m, d) => d.leadUnits.join(joiner) },
  { zh: '编号', en: 'label', identifier: true, value: (m) => m.label },
  { zh: '小节', en: 'section', value: (m) => m.section.join(' / ') },
  { zh: '任务', en: 'title', value: (m) => m.title },
  { zh: '内容', en: 'text', value: (m) => m.text },
  { zh: '牵头单位', en: 'leadUnits', value: (m) => m.leadUnits.join(joiner) + (m.leadUnitsOpen ? '等' : '') },
  { zh: '责任单位', en: 'responsibleUnits', value: (m) => m.responsibleUnits.join(joiner) + (m.responsibleUnitsOpen ? '等' : '') },
  { zh: '配合单位', en: 'supportingUnits', value: (m) => m.supportingUnits.join(joiner) + (m.supportingUnitsOpen ? '等' : '') },
  { zh: '完成时限', en: 'deadlines', value: (m) => m.deadlines.map((deadline) => deadline.text).join(joiner) },
  { zh: '最早截止日期', en: 'firstDeadline', value: (m) => dates(m)[0] ?? '' },
  { zh: '最终截止日期', en: 'lastDeadline', value: (m) => dates(m).at(-1) ?? '' },
  { zh: '量化指标', en: 'targets', value: (m) => m.targets.map((target) => target.text).join(joiner) },
  { zh: '文件', en: 'file', value: (_m, _d, doc) => doc.source.path ?? '' },
  { zh: '行', en: 'line', value: (m) => m.line },
  { zh: '列', en: 'column', value: (m) => m.column },
];

/** With `--as-of`: where each measure stands (its most urgent deadline), named as in the workbook. */
const statusColumns = (language: 'zh' | 'en'): Column[] => [
  { zh: '状态', en: 'status', value: (m) => (m.status === undefined ? '' : statusNames[language][m.status]) },
  { zh: '剩余天数', en: 'daysLeft', value: (m) => m.daysLeft ?? '' },
];

/** The names supervision offices use (临期, 逾期); the same as the workbook's 状态. */
const statusNames = {
  zh: { overdue: '逾期', 'due-soon': '临期', pending: '未到期', ongoing: '持续推进', undated: '无期限' },
  en: { overdue: 'overdue', 'due-soon': 'due soon', pending: 'pending', ongoing: 'ongoing', undated: 'undated' },
} as const;

/**
 * A cell a spreadsheet would run as a formula: it starts with `= + - @` (or their full-width
 * forms, which some spreadsheets fold), a tab or a carriage return (OWASP's list). Leaves out
 * a line feed at the start: no spreadsheet trims it before evaluating.
 */
const formulaStartRe = /^[=+\-@\t\r＝＋－＠]/;

/** An identifier a spreadsheet reads as a number or a date: `1.10`, `3.`, `2-1`, `1/2`. Leaves out `（三）` and `1、`, which stay text. */
const numberLikeRe = /^[\d.:/-]+$/;

/** A cell that needs quotes in RFC 4180: a comma, a quote, or a line break (CR or LF alone too). */
const needsQuotesRe = /[",\r\n]/;

/** Rows per part: few enough to bound memory, enough that writes stay few. */
const rowsPerPart = 256;

/**
 * One CSV cell: quoted when it holds a comma, a quote or any line break, so that Excel,
 * LibreOffice and Python read one row per measure. With `protect`, a `'` goes before a cell a
 * spreadsheet would run (`=HYPERLINK(…)`) and before an identifier it would turn into a number
 * (`1.10` would become 1.1 and collide with measure 1.1): `'` is the prefix that OWASP names
 * for CSV injection and that a spreadsheet shows as text, never as a formula (`="1.10"` is one).
 */
export function csvCell(value: string | number, protect: boolean, identifier = false): string {
  if (typeof value === 'number') return String(value);
  const text = protect && value.length > 0 && ((identifier && numberLikeRe.test(value)) || formulaStartRe.test(value)) ? `'${value}` : value;
  return needsQuotesRe.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per measure, CRLF line ends (RFC 4180); multi-valued cells joined with `、`; two ISO date columns sort by deadline. */
export function createCsvEmitter(options: EmitOptions = {}): TextEmitter {
  const language = options.headers ?? 'zh';
  const protect = options.escapeFormulas ?? true;
  const row = (cells: readonly string[]): string => `${cells.join(',')}\r\n`;
  const columns = options.status ? [...csvColumns, ...statusColumns(language)] : csvColumns;
  return textEmitter({
    head: (options.bom ? '\uFEFF' : '') + row(columns.map((column) => csvCell(column[language], protect))),
    separator: () => '',
    tail: () => '',
    *render(doc) {
      for (const domain of doc.domains) {
        let rows = '';
        for (const [i, measure] of domain.measures.entries()) {
          rows += row(columns.map((column) => csvCell(column.value(measure, domain, doc), protect, column.identifier)));
          if ((i + 1) % rowsPerPart === 0) {
            yield rows;
            rows = '';
          }
        }
        if (rows.length > 0) yield rows;
      }
    },
  });
}
