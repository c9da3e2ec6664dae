import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, test, vi } from 'vitest';
import { completionChoices, createXlsxWriter, maxCellLength, toXlsx } from '../src/emit/xlsx.ts';
import { extract } from '../src/pipeline.ts';
import type { PolicyDocument } from '../src/schema/index.ts';
import { withStatus } from '../src/status.ts';
import { root, seedText } from './helpers.ts';

const seedPath = 'seeds/shandong-2023-business-environment.txt';
const seed = extract(seedText, { path: seedPath });

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}: ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  return found;
}

/** The header row's texts, and a function from a header to the values of that column below it. */
function table(worksheet: ExcelJS.Worksheet) {
  const header = (worksheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: ExcelJS.Row[] = [];
  worksheet.eachRow((row, number) => {
    if (number > 1) rows.push(row);
  });
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`no column ${name}: ${header.join(', ')}`);
    return rows.map((row) => row.getCell(index + 1));
  };
  return { header, rows, column };
}

describe('the workbook of the seed', async () => {
  const { bytes, warnings } = await toXlsx([seed]);
  const workbook = await readBack(bytes);

  test('has the four sheets, in order', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['台账', '按单位', '按时限', '说明']);
    expect(warnings).toEqual([]);
  });

  test('台账: 158 rows, the columns of the issue in order, 序号 as text and 截止日期 as dates', () => {
    const ledger = table(sheet(workbook, '台账'));
    expect(ledger.header).toEqual([
      '序号',
      '领域',
      '小节',
      '任务',
      '内容',
      '牵头单位',
      '责任单位',
      '配合单位',
      '完成时限',
      '截止日期',
      '阶段节点',
      '量化指标',
      '来源',
      '进展情况',
      '存在问题',
      '下一步措施',
      '责任人',
      '完成情况',
    ]);
    expect(ledger.rows).toHaveLength(158);
    const ids = ledger.column('序号');
    expect(ids.every((cell) => typeof cell.value === 'string')).toBe(true);
    expect(ids.map((cell) => cell.value)).toContain('1.10');
    const dates = ledger.column('截止日期').filter((cell) => cell.value !== null);
    expect(dates.length).toBeGreaterThan(100);
    expect(dates.every((cell) => cell.value instanceof Date && cell.numFmt === 'yyyy-mm-dd')).toBe(true);
    const row113 = ledger.rows[ids.findIndex((cell) => cell.value === '1.13')] as ExcelJS.Row;
    const at = (name: string) => row113.getCell(ledger.header.indexOf(name) + 1).value;
    expect(at('截止日期')).toEqual(new Date('2023-12-31T00:00:00Z'));
    expect(at('阶段节点')).toBe('6月底前（2023-06-30）');
    expect(at('完成时限')).toBe('6月底前、12月底前、12月底前');
    expect(at('来源')).toBe(`${seedPath}:137:1`);
    expect(at('进展情况')).toBeNull();
  });

  test('台账: frozen header, autofilter, wrapped long cells and a list on 完成情况', () => {
    const ledger = sheet(workbook, '台账');
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ledger.autoFilter).toBe('A1:R159');
    expect(ledger.getColumn(5).width).toBeGreaterThanOrEqual(60);
    expect(ledger.getCell('E2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ledger.getCell('R2').dataValidation).toMatchObject({ type: 'list', formulae: [`"${completionChoices.zh.join(',')}"`] });
    expect(ledger.getCell('R159').dataValidation).toMatchObject({ type: 'list' });
  });

  test('台账: each row is as tall as its longest wrapped cell (LibreOffice does not fit heights on opening)', () => {
    const ledger = sheet(workbook, '台账');
    const text = ledger.getCell('E2').value as string;
    // 内容 of measure 1.1 is over a hundred characters: several lines in a 72-unit column.
    expect(text.length).toBeGreaterThan(100);
    expect(ledger.getRow(2).height).toBeGreaterThanOrEqual(60);
    expect(ledger.getRow(2).height % 15).toBe(0);
    expect(ledger.getRow(1).height ?? 15).toBeLessThanOrEqual(30);
  });

  test('按单位: one row per unit mention (measure × unit), sorted by unit then date', () => {
    const byUnit = table(sheet(workbook, '按单位'));
    expect(byUnit.header).toEqual(['单位', '角色', '序号', '任务', '完成时限', '截止日期', '来源']);
    const mentions = seed.domains.flatMap((d) => d.measures).reduce((n, m) => n + m.units.length, 0);
    expect(byUnit.rows).toHaveLength(mentions);
    expect(byUnit.rows).toHaveLength(410);
    const units = byUnit.column('单位').map((cell) => cell.value as string);
    // Each unit's rows stand together, in pinyin order (国网 guó before 省 shěng).
    expect(new Set(units).size).toBe(units.filter((unit, i) => unit !== units[i - 1]).length);
    expect(units.indexOf('国网山东省电力公司')).toBeLessThan(units.indexOf('省市场监管局'));
    const roles = new Set(byUnit.column('角色').map((cell) => cell.value));
    expect([...roles].sort()).toEqual(['牵头', '责任', '配合'].filter((role) => roles.has(role)).sort());
    expect(byUnit.column('序号').every((cell) => typeof cell.value === 'string')).toBe(true);
    const market = byUnit.rows
      .filter((row) => row.getCell(1).value === '省市场监管局')
      .map((row) => (row.getCell(6).value as Date | null)?.getTime() ?? Infinity);
    expect(market).toEqual([...market].sort((a, b) => a - b));
  });

  test('按时限: 156 rows by date, each a date cell', () => {
    const byDate = table(sheet(workbook, '按时限'));
    expect(byDate.header).toEqual(['截止日期', '完成时限', '序号', '任务', '牵头单位', '责任单位', '来源']);
    expect(byDate.rows).toHaveLength(156);
    const dates = byDate.column('截止日期').map((cell) => cell.value);
    expect(dates.every((date) => date instanceof Date)).toBe(true);
    const times = (dates as Date[]).map((date) => date.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(dates[0]).toEqual(new Date('2023-05-31T00:00:00Z'));
  });

  test('说明: the source, schemaVersion, the year and where it came from', () => {
    const notes = sheet(workbook, '说明');
    const text: string[] = [];
    notes.eachRow((row) => {
      text.push(((row.values as unknown[]).slice(1) as unknown[]).map((value) => value ?? '').join('|'));
    });
    expect(text).toContain('数据格式版本（schemaVersion）|1.3.0');
    expect(text).toContain(`${seedPath}|utf-8|text|山东省深化营商环境创新提升行动|2023|正文中最常见的年份||158|0`);
  });
});

describe('the workbook with --as-of', async () => {
  const dated = withStatus(seed, { asOf: '2023-09-20' });
  const workbook = await readBack((await toXlsx([dated])).bytes);

  test('adds 状态 and 剩余天数, and colours 状态 red, yellow and green', () => {
    const ledger = table(sheet(workbook, '台账'));
    expect(ledger.header.slice(12, 15)).toEqual(['来源', '状态', '剩余天数']);
    const statuses = ledger.column('状态');
    const days = ledger.column('剩余天数');
    const fill = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const first = ledger.column('序号').findIndex((cell) => cell.value === '1.13');
    expect([statuses[first]?.value, days[first]?.value, fill(statuses[first] as ExcelJS.Cell)]).toEqual(['逾期', -82, 'FFFFC7CE']);
    const colours = new Map<unknown, unknown>(statuses.map((cell) => [cell.value, fill(cell)]));
    expect(colours.get('逾期')).toBe('FFFFC7CE');
    expect(colours.get('临期')).toBe('FFFFEB9C');
    expect(colours.get('未到期')).toBe('FFC6EFCE');
    expect(colours.get('无期限')).toBeUndefined();
    expect(table(sheet(workbook, '按时限')).column('剩余天数')[0]?.value).toBe(-112);
  });

  test('says the as-of date in 说明', () => {
    expect(sheet(workbook, '说明').getRow(3).values).toEqual([undefined, '状态日期（--as-of）', '2023-09-20']);
  });
});

describe('the workbook in English', async () => {
  const workbook = await readBack((await toXlsx([seed], { headers: 'en' })).bytes);

  test('names its sheets and columns in English', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Ledger', 'By unit', 'By deadline', 'Notes']);
    expect(table(sheet(workbook, 'By unit')).header).toEqual(['unit', 'role', 'id', 'task', 'deadlines', 'deadline', 'source']);
    expect(sheet(workbook, 'Ledger').getCell('R2').dataValidation?.formulae).toEqual(['"not started,in progress,done,closed"']);
  });
});

describe('determinism', () => {
  test('the same documents give byte-identical workbooks, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-03-04T05:06:07Z'));
      const first = await toXlsx([seed]);
      vi.setSystemTime(new Date('2042-11-12T13:14:15Z'));
      const second = await toXlsx([seed]);
      expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
      expect(Buffer.from(first.bytes).includes('2031')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a creation time is written only when asked', async () => {
    const workbook = await readBack((await toXlsx([seed], { created: new Date('2024-05-06T07:08:09Z') })).bytes);
    expect(workbook.created).toEqual(new Date('2024-05-06T07:08:09Z'));
  });
});

describe('long cells', () => {
  const long = (doc: PolicyDocument, length: number): PolicyDocument => ({
    ...doc,
    domains: doc.domains.map((domain, d) => ({
      ...domain,
      measures: domain.measures.map((measure, m) => (d === 0 && m === 0 ? { ...measure, text: '深化'.repeat(length / 2) } : measure)),
    })),
  });

  test('a cell over 32,767 characters is cut with a visible mark and a warning, never silently', async () => {
    const { bytes, warnings } = await toXlsx([long(seed, 40_000)]);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'xlsx-cell-truncated', sheet: '台账', cell: 'E2', file: seedPath, line: 8, column: 1, length: 40_000 }),
    ]);
    const cell = sheet(await readBack(bytes), '台账').getCell('E2').value as string;
    expect(cell.length).toBe(maxCellLength);
    expect(cell.endsWith('…〔已截断：原文 40000 字，见来源〕')).toBe(true);
    const notes = sheet(await readBack(bytes), '说明');
    const codes: unknown[] = [];
    notes.eachRow((row) => {
      codes.push(row.getCell(4).value);
    });
    expect(codes).toContain('xlsx-cell-truncated');
  });

  test('a cell of exactly 32,767 characters is kept whole', async () => {
    const { warnings } = await toXlsx([long(seed, 32_766)]);
    expect(warnings).toEqual([]);
  });
});

describe('streaming', () => {
  test('writes into a Writable as documents arrive, and a batch lists every source', async () => {
    const chunks: Buffer[] = [];
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const writer = createXlsxWriter(output);
    const other = extract('某市工作方案\n一、重点任务\n1.建设企业服务平台。9月底前上线。（牵头单位：市發展改革委）', { year: 2023, path: 'other.txt' });
    await writer.document(seed);
    await writer.document(other);
    expect(chunks.length).toBeGreaterThan(0);
    const { warnings } = await writer.finish();
    expect(warnings).toEqual([]);
    const workbook = await readBack(Buffer.concat(chunks));
    expect(table(sheet(workbook, '台账')).rows).toHaveLength(159);
    expect(table(sheet(workbook, '按时限')).rows).toHaveLength(157);
    // 市發展改革委 is not 省发展改革委: different names stay apart.
    expect(
      table(sheet(workbook, '按单位'))
        .column('单位')
        .map((cell) => cell.value),
    ).toContain('市發展改革委');
  });

  test('an empty batch is still a workbook with its four sheets', async () => {
    const workbook = await readBack((await toXlsx([])).bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['台账', '按单位', '按时限', '说明']);
    expect(table(sheet(workbook, '台账')).rows).toHaveLength(0);
  });
});

describe('the built library', () => {
  test('writes the workbook with nothing on stderr (no deprecation warning from the bundled zip library)', () => {
    const script = [
      `import { extract, toXlsx } from ${JSON.stringify(join(root, 'dist', 'index.js'))};`,
      `const { bytes } = await toXlsx([extract('某县方案\\n一、重点任务\\n1.建设平台。3月底前上线。（牵头单位：县数据局）', { year: 2024 })]);`,
      'process.stdout.write(String(bytes.length > 1000));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect([run.status, run.stdout, run.stderr]).toEqual([0, 'true', '']);
  });
});
