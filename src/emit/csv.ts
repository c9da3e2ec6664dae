import { stringify } from 'csv-stringify/sync';
import type { Domain, Measure, PolicyDocument } from '../schema/index.ts';
import type { EmitOptions, Emitter } from './types.ts';

/** Units and deadlines in one cell are joined the way a ledger writes them. */
const joiner = '、';

interface Column {
  readonly zh: string;
  readonly en: string;
  readonly value: (measure: Measure, domain: Domain, doc: PolicyDocument) => string | number;
}

const dates = (measure: Measure): string[] =>
  measure.deadlines.flatMap((deadline) => (deadline.date && deadline.kind !== 'start' ? [deadline.date] : [])).sort();

/** The ledger's columns (台账: 序号, 任务, 牵头单位, 责任单位, 完成时限), then where each row came from. */
export const csvColumns: readonly Column[] = [
  { zh: '序号', en: 'id', value: (m) => m.id },
  { zh: '领域', en: 'domain', value: (_m, d) => d.name },
  { zh: '领域牵头单位', en: 'domainLeadUnits', value: (_m, d) => d.leadUnits.join(joiner) },
  { zh: '编号', en: 'label', value: (m) => m.label },
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

/**
 * One row per measure. Multi-valued cells are joined with `、`; two ISO date columns sort
 * by deadline. `escapeFormulas` (default on) prefixes cells starting with `= + - @`, tab or
 * carriage return with `'`, so that a spreadsheet shows them instead of running them.
 */
export function createCsvEmitter(options: EmitOptions = {}): Emitter {
  const language = options.headers ?? 'zh';
  const escapeFormulas = options.escapeFormulas ?? true;
  const rows = (records: (string | number)[][]): string => stringify(records, { escape_formulas: escapeFormulas, record_delimiter: 'windows' });
  return {
    begin: () => (options.bom ? '\uFEFF' : '') + rows([csvColumns.map((column) => column[language])]),
    document: (doc) => {
      const records: (string | number)[][] = [];
      for (const domain of doc.domains) {
        for (const measure of domain.measures) records.push(csvColumns.map((column) => column.value(measure, domain, doc)));
      }
      return records.length > 0 ? rows(records) : '';
    },
    separator: () => '',
    end: () => '',
  };
}
