import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createRowsCsvEmitter, createRowsNdjsonEmitter, rowColumns } from '../src/emit/rows.ts';
import { emitToString } from '../src/emit/types.ts';
import { extract } from '../src/pipeline.ts';
import { buildRowsJsonSchema } from '../src/schema/json-schema.ts';
import { DeadlineRowSchema, MeasureRowSchema, rowKinds, UnitRowSchema } from '../src/schema/rows.ts';
import { withStatus } from '../src/status.ts';
import { compareDeadlineRows, compareUnitRows, deadlineRows, measureRows, summarizeUnitStatus, unitRows } from '../src/views/rows.ts';
import { createUnitNamer, traditionalSimplified, unitKey } from '../src/views/unit-names.ts';
import { parseCsv } from './csv-records.ts';
import { root, seedText } from './helpers.ts';

const plan = [
  '某省推进政务服务“跨省通办”工作方案',
  '一、拓展通办事项',
  '1.扩大“跨省通办”事项范围。6月底前，新增一批高频事项；12月底前，实现高频事项全部通办。（牵头单位：省發展改革委；责任单位：省政务服务管理办公室）',
  '2.完善线下“帮代办”服务。9月底前，在各级政务服务中心设立通办窗口。（牵头单位：省发展改革委、省政务服务管理办公室）',
  '3.推进电子证照互认共享。（牵头单位：省大数据局；配合单位：省发展改革委）',
].join('\n');

const doc = extract(plan, { year: 2023, path: 'plan.txt' });
const seed = extract(seedText, { path: 'seed.txt' });

describe('unit names', () => {
  test.each([
    ['省發展改革委', '省发展改革委'],
    ['省 发展改革委', '省发展改革委'],
    ['省\u3000市場監管局', '省市场监管局'],
    ['臺北市政府', '台北市政府'],
  ])('%s is merged under %s', (name, key) => {
    expect(unitKey(name)).toBe(key);
  });

  test.each([['省发改委'], ['发展改革委'], ['省发展和改革委员会']])('%s stays apart from 省发展改革委: the ledger does not guess', (name) => {
    expect(unitKey(name)).not.toBe(unitKey('省发展改革委'));
  });

  test('the table maps each Traditional character to one other Simplified one, with no chains', () => {
    const table = traditionalSimplified();
    expect(table.size).toBeGreaterThan(1000);
    for (const [traditional, simplified] of table) {
      expect(traditional).not.toBe(simplified);
      expect(table.has(simplified), `${traditional} → ${simplified} → ${table.get(simplified)}`).toBe(false);
    }
  });

  test('a namer lists a unit under the form met first', () => {
    const name = createUnitNamer();
    expect([name('省發展改革委'), name('省发展改革委'), name('省大数据局')]).toEqual(['省發展改革委', '省發展改革委', '省大数据局']);
  });
});

describe('measure rows', () => {
  test('one per measure, in document order, with the last date and the other milestones', () => {
    const rows = measureRows(doc);
    expect(rows.map((row) => [row.id, row.deadline, row.milestones])).toEqual([
      ['1.1', '2023-12-31', [{ date: '2023-06-30', text: '6月底前' }]],
      ['1.2', '2023-09-30', []],
      ['1.3', null, []],
    ]);
    expect(rows[0]).toMatchObject({ title: '扩大“跨省通办”事项范围', leadUnits: ['省發展改革委'], file: 'plan.txt', line: 3, column: 1 });
    expect(rows[0]).not.toHaveProperty('status');
  });

  test('on the seed: 158 rows that match their schema', () => {
    const rows = measureRows(seed);
    expect(rows).toHaveLength(158);
    for (const row of rows) expect(MeasureRowSchema.parse(row)).toEqual(row);
    expect(rows.find((row) => row.id === '1.13')).toMatchObject({
      deadlines: ['6月底前', '12月底前', '12月底前'],
      deadline: '2023-12-31',
      milestones: [{ date: '2023-06-30', text: '6月底前' }],
    });
  });
});

describe('unit rows', () => {
  test('one per unit and measure, merged across scripts, sorted by unit then date', () => {
    const rows = unitRows(doc).sort(compareUnitRows);
    expect(rows.map((row) => [row.unit, row.role, row.id, row.deadline])).toEqual([
      ['省大数据局', 'lead', '1.3', null],
      ['省發展改革委', 'lead', '1.2', '2023-09-30'],
      ['省發展改革委', 'lead', '1.1', '2023-12-31'],
      ['省發展改革委', 'supporting', '1.3', null],
      ['省政务服务管理办公室', 'lead', '1.2', '2023-09-30'],
      ['省政务服务管理办公室', 'responsible', '1.1', '2023-12-31'],
    ]);
  });

  test('carry the place where the unit is named', () => {
    const row = unitRows(doc).find((r) => r.id === '1.1' && r.role === 'responsible');
    expect(row && plan.split('\n')[row.line - 1]?.slice(row.column - 1)).toMatch(/^省政务服务管理办公室/);
  });

  test('on the seed: one row per unit mention (measure × unit), each valid', () => {
    const rows = unitRows(seed);
    const mentions = seed.domains.flatMap((d) => d.measures).reduce((n, m) => n + new Set(m.units.map((u) => unitKey(u.name))).size, 0);
    expect(rows).toHaveLength(mentions);
    expect(rows).toHaveLength(410);
    for (const row of rows) expect(UnitRowSchema.parse(row)).toEqual(row);
    const market = rows.filter((row) => row.unit === '省市场监管局').sort(compareUnitRows);
    expect(market.length).toBeGreaterThan(10);
    expect(market.map((row) => row.deadline ?? '9999')).toEqual(market.map((row) => row.deadline ?? '9999').sort());
  });
});

describe('deadline rows', () => {
  test('one per milestone, sorted by date with undated ones last, each with its own place', () => {
    const undated = extract(
      '某县工作方案\n一、重点任务\n1.完善制度。（牵头单位：县司法局；完成时限：长期坚持）\n2.建设平台。3月底前上线。（牵头单位：县数据局）',
      {
        year: 2024,
      },
    );
    expect(
      deadlineRows(undated)
        .sort(compareDeadlineRows)
        .map((row) => [row.date, row.text, row.id]),
    ).toEqual([
      ['2024-03-31', '3月底前', '1.2'],
      [null, '长期坚持', '1.1'],
    ]);
  });

  test('on the seed: 156 rows in date order, each valid', () => {
    const rows = deadlineRows(seed).sort(compareDeadlineRows);
    expect(rows).toHaveLength(156);
    for (const row of rows) expect(DeadlineRowSchema.parse(row)).toEqual(row);
    expect(rows.map((row) => row.date)).toEqual(rows.map((row) => row.date).sort());
    expect(rows[0]).toMatchObject({ date: rows[0]?.date, leadUnits: expect.any(Array) });
  });
});

describe('status in rows (--as-of)', () => {
  const dated = withStatus(doc, { asOf: '2023-07-01' });

  test('rows carry daysLeft and status only when the document has them', () => {
    expect(measureRows(dated).map((row) => [row.id, row.status, row.daysLeft])).toEqual([
      ['1.1', 'overdue', -1],
      ['1.2', 'pending', 91],
      ['1.3', 'undated', undefined],
    ]);
    expect(deadlineRows(dated).map((row) => [row.text, row.status, row.daysLeft])).toEqual([
      ['6月底前', 'overdue', -1],
      ['12月底前', 'pending', 183],
      ['9月底前', 'pending', 91],
    ]);
  });

  test('the unit summary counts overdue and due-soon tasks, most overdue first', () => {
    const summary = summarizeUnitStatus(unitRows(withStatus(doc, { asOf: '2023-09-20' })));
    expect(summary).toEqual([
      { unit: '省發展改革委', tasks: 3, lead: 2, overdue: 1, dueSoon: 1 },
      { unit: '省政务服务管理办公室', tasks: 2, lead: 1, overdue: 1, dueSoon: 1 },
      { unit: '省大数据局', tasks: 1, lead: 1, overdue: 0, dueSoon: 0 },
    ]);
  });
});

describe('row emitters', () => {
  test('CSV of unit rows: Chinese headers, roles in Chinese, one line per row', () => {
    const csv = emitToString(createRowsCsvEmitter('unit'), [doc]);
    const records = parseCsv(csv) as string[][];
    expect(records[0]).toEqual(['单位', '角色', '序号', '任务', '完成时限', '截止日期', '来源']);
    expect(records[1]).toEqual(['省大数据局', '牵头', "'1.3", '推进电子证照互认共享', '', '', 'plan.txt:5:20']);
    expect(records).toHaveLength(7);
  });

  test('CSV of deadline rows with statuses and English headers', () => {
    const csv = emitToString(createRowsCsvEmitter('deadline', { headers: 'en', status: true }), [withStatus(doc, { asOf: '2023-07-01' })]);
    const records = parseCsv(csv) as string[][];
    expect(records[0]).toEqual(['date', 'deadline', 'id', 'task', 'leadUnits', 'responsibleUnits', 'source', 'status', 'daysLeft']);
    expect(records.slice(1).map((r) => [r[0], r[7], r[8]])).toEqual([
      ['2023-06-30', 'overdue', '-1'],
      ['2023-09-30', 'pending', '91'],
      ['2023-12-31', 'pending', '183'],
    ]);
  });

  test('NDJSON of measure rows: one valid record per line', () => {
    const lines = emitToString(createRowsNdjsonEmitter('measure'), [doc, seed]).trimEnd().split('\n');
    expect(lines).toHaveLength(161);
    for (const line of lines) MeasureRowSchema.parse(JSON.parse(line));
  });

  test('every kind has columns, and status adds 状态 and 剩余天数', () => {
    for (const kind of rowKinds) {
      expect(rowColumns(kind).length).toBeGreaterThan(5);
      expect(
        rowColumns(kind, { status: true })
          .slice(-2)
          .map((column) => column.zh),
      ).toEqual(['状态', '剩余天数']);
    }
  });
});

// Published beside the output's JSON Schema; after a deliberate change, `npm run schema:write` rewrites them for review.
describe('the JSON Schemas of the rows', () => {
  test.each(rowKinds.map((kind) => [kind]))('%s rows: generated from zod, committed in schema/', (kind) => {
    const committed = readFileSync(join(root, 'schema', `policy-extract.${kind}-row.schema.json`), 'utf8');
    expect(`${JSON.stringify(buildRowsJsonSchema(kind), null, 2)}\n`, 'schema/ is not what zod generates: run npm run schema:write and review the diff').toBe(
      committed,
    );
  });
});
