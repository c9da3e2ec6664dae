import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { buildRowsJsonSchema } from '../src/schema/json-schema.ts';
import { DeadlineRowSchema, UnitRowSchema } from '../src/schema/rows.ts';
import { validateOutput } from '../src/validate.ts';
import { runCli, runCliBytes } from './cli-harness.ts';
import { parseCsv } from './csv-records.ts';
import { root, seedFile } from './helpers.ts';

// Issue 13 and the review page of issue 14, on the built command line: the workbook, the
// calendar, statuses on a date, the row views and the page, as a user runs them.

const temp = () => mkdtempSync(join(tmpdir(), 'policy-extract-ledger-'));
const seedName = 'seeds/shandong-2023-business-environment.txt';

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's header texts and its rows below the header. */
function table(workbook: ExcelJS.Workbook, name: string) {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, number) => {
    if (number > 1) rows.push(row);
  });
  const cells = (column: string) => rows.map((row) => row.getCell(header.indexOf(column) + 1));
  return { header, rows, cells };
}

/** A document whose second measure is longer than an Excel cell holds. */
function longPlan(): string {
  const long = '推进政务服务事项标准化、规范化、便利化，优化办事流程，压减办理时限，'.repeat(1200);
  return [
    '某市优化营商环境重点任务分工方案',
    '',
    '一、优化政务服务',
    '1.深化“一件事一次办”改革。推动高频事项集成办理。（牵头单位：市政府办公室；完成时限：6月底前）',
    `2.全面推行“一网通办”。${long}（牵头单位：市政务服务管理局；完成时限：9月底前）`,
    '',
  ].join('\n');
}

describe('--format xlsx', () => {
  test('the seed: 台账 with 158 rows, 按时限 with 156, 序号 1.10 a text, 截止日期 a date; -o .xlsx chooses it', async () => {
    const dir = temp();
    const [code, stdout, stderr] = await runCli([seedName, '-o', join(dir, 'ledger.xlsx')], { cwd: root });
    expect([code, stdout, stderr]).toEqual([0, '', '']);
    const workbook = await workbookOf(readFileSync(join(dir, 'ledger.xlsx')));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['台账', '按单位', '按时限', '说明']);
    const ledger = table(workbook, '台账');
    expect(ledger.rows).toHaveLength(158);
    const ten = ledger.cells('序号').find((cell) => cell.value === '1.10');
    expect(typeof ten?.value).toBe('string');
    const dates = ledger.cells('截止日期').filter((cell) => cell.value !== null);
    expect(dates.length).toBeGreaterThan(100);
    for (const cell of dates) {
      expect(cell.value).toBeInstanceOf(Date);
      expect(cell.numFmt).toBe('yyyy-mm-dd');
    }
    expect(ledger.cells('截止日期')[0]?.value).toBeNull();
    expect(table(workbook, '按时限').rows).toHaveLength(156);
    // One row per unit and measure: as many as the JSON's unit mentions, without repeats within a measure.
    const [, json] = await runCli([seedName], { cwd: root });
    const measures =
      (JSON.parse(json) as { documents: { domains: { measures: Record<string, string[]>[] }[] }[] }).documents[0]?.domains.flatMap((d) => d.measures) ?? [];
    const mentions = measures.reduce((n, m) => n + new Set([...(m.leadUnits ?? []), ...(m.responsibleUnits ?? []), ...(m.supportingUnits ?? [])]).size, 0);
    expect(table(workbook, '按单位').rows).toHaveLength(mentions);
  });

  test('the same input gives the same bytes, to a file and to a piped stdout', async () => {
    const dir = temp();
    await runCli([seedName, '-o', join(dir, 'a.xlsx')], { cwd: root });
    await runCli([seedName, '--format', 'xlsx', '-o', join(dir, 'b.bin')], { cwd: root });
    const [code, stdout, stderr] = await runCliBytes([seedName, '--format', 'xlsx'], { cwd: root });
    expect([code, stderr]).toEqual([0, '']);
    const file = readFileSync(join(dir, 'a.xlsx'));
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readFileSync(join(dir, 'b.bin')).equals(file)).toBe(true);
    expect(stdout.equals(file)).toBe(true);
  });

  test('a batch in worker threads writes the workbook the single thread writes', async () => {
    const dir = temp();
    const inputs = [1, 2, 3, 4].map((n) => {
      const path = join(dir, `plan-${n}.txt`);
      copyFileSync(seedFile, path);
      return path;
    });
    await runCli([...inputs, '-j', '4', '-o', join(dir, 'parallel.xlsx')]);
    await runCli([...inputs, '-j', '1', '-o', join(dir, 'single.xlsx')]);
    expect(readFileSync(join(dir, 'parallel.xlsx')).equals(readFileSync(join(dir, 'single.xlsx')))).toBe(true);
    expect(table(await workbookOf(readFileSync(join(dir, 'parallel.xlsx'))), '台账').rows).toHaveLength(4 * 158);
  });

  test('a file large enough to be extracted in a worker thread (over 2 MB) gives its whole workbook and page', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'large.txt'), readFileSync(seedFile, 'utf8').repeat(32));
    const [code, , stderr] = await runCli(['large.txt', '-o', 'large.xlsx', '-q'], { cwd: dir });
    expect([code, stderr]).toEqual([0, '']);
    expect(table(await workbookOf(readFileSync(join(dir, 'large.xlsx'))), '台账').rows).toHaveLength(32 * 158);
    const [pageCode, page] = await runCli(['large.txt', '-f', 'html', '-q'], { cwd: dir });
    expect(pageCode).toBe(0);
    expect(page.match(/<article/g)).toHaveLength(1);
    expect(page).toContain('data-measure="576.8"');
  });

  test('--headers en names the sheets and columns in English', async () => {
    const [, bytes] = await runCliBytes([seedName, '-f', 'xlsx', '--headers', 'en'], { cwd: root });
    const workbook = await workbookOf(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Ledger', 'By unit', 'By deadline', 'Notes']);
    expect(table(workbook, 'Ledger').header.slice(0, 4)).toEqual(['id', 'domain', 'section', 'task']);
  });

  test('is refused on a terminal: one line, exit 2, nothing written', async () => {
    const [code, stdout, stderr] = await runCli([seedName, '--format', 'xlsx'], { cwd: root, stdoutTTY: true });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe('policy-extract: --format xlsx writes a binary workbook, not for a terminal: add -o ledger.xlsx, or redirect stdout (> ledger.xlsx)\n');
  });

  test('a cell longer than Excel holds is cut with a mark and warned about as xlsx-cell-truncated; --strict fails on it', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'long.txt'), longPlan());
    const [code, , stderr] = await runCli(['long.txt', '--year', '2024', '-o', 'ledger.xlsx'], { cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^long\.txt:5:1: xlsx-cell-truncated Cell 台账!E3 has \d+ characters, more than Excel's 32767; cut with a mark, the whole text is at long\.txt:5:1\n$/,
    );
    const text = table(await workbookOf(readFileSync(join(dir, 'ledger.xlsx'))), '台账').cells('内容')[1]?.value as string;
    expect(text).toHaveLength(32_767);
    expect(text).toMatch(/…〔已截断：原文 \d+ 字，见来源〕$/);
    const [strict, , again] = await runCli(['long.txt', '--year', '2024', '-o', 'strict.xlsx', '--strict'], { cwd: dir });
    expect(strict).toBe(1);
    expect(again).toContain('xlsx-cell-truncated');
    // --strict fails the run, and the workbook is still written whole, as with any warning.
    expect(readFileSync(join(dir, 'strict.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('--format ics', () => {
  test('the seed: 156 all-day events read by ical.js; -o .ics chooses it; the same bytes twice', async () => {
    const dir = temp();
    const [code, , stderr] = await runCli([seedName, '-o', join(dir, 'deadlines.ics')], { cwd: root });
    expect([code, stderr]).toEqual([0, '']);
    const text = readFileSync(join(dir, 'deadlines.ics'), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(156);
    expect(events.every((event) => event.startDate.isDate)).toBe(true);
    expect(new Set(events.map((event) => event.uid)).size).toBe(156);
    const [, again] = await runCli([seedName, '--format', 'ics'], { cwd: root });
    expect(again).toBe(text);
  });

  test('with --as-of, each event says its status', async () => {
    const [code, text] = await runCli([seedName, '--format', 'ics', '--as-of', '2023-07-01'], { cwd: root });
    expect(code).toBe(0);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const june = events.find((event) => event.startDate.toString() === '2023-06-30');
    expect(june?.description).toContain('状态：逾期');
  });
});

describe('--as-of and --due-soon', () => {
  test('JSON: 6月底前 of 2023 as of 2023-07-01 is overdue by one day; measures take their most urgent deadline', async () => {
    const [code, stdout, stderr] = await runCli([seedName, '--as-of', '2023-07-01'], { cwd: root });
    expect([code, stderr]).toEqual([0, '']);
    const output = JSON.parse(stdout);
    expect(validateOutput(output)).toEqual([]);
    const doc = output.documents[0];
    expect(doc.asOf).toEqual({ date: '2023-07-01', dueSoonDays: 14 });
    const measures = doc.domains.flatMap((d: { measures: unknown[] }) => d.measures) as {
      status: string;
      deadlines: { text: string; date: string; daysLeft?: number; status: string }[];
    }[];
    const june = measures.flatMap((m) => m.deadlines).find((d) => d.date === '2023-06-30');
    expect([june?.daysLeft, june?.status]).toEqual([-1, 'overdue']);
    const counts: Record<string, number> = {};
    for (const m of measures) counts[m.status] = (counts[m.status] ?? 0) + 1;
    expect(counts).toEqual({ undated: 34, overdue: 43, pending: 81 });
  });

  test('--due-soon widens the window: as of 2023-07-20, 14 days reach the July deadlines (6 tasks), 45 days August too (9)', async () => {
    const statuses = async (args: string[]) => {
      const [, out] = await runCli([seedName, '-f', 'ndjson', ...args], { cwd: root });
      return out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).status as string);
    };
    const narrow = await statuses(['--as-of', '2023-07-20']);
    const wide = await statuses(['--as-of', '2023-07-20', '--due-soon', '45']);
    expect(narrow.filter((s) => s === 'due-soon')).toHaveLength(6);
    expect(wide.filter((s) => s === 'due-soon')).toHaveLength(9);
    expect(wide.filter((s) => s === 'overdue')).toEqual(narrow.filter((s) => s === 'overdue'));
  });

  test('CSV gets 状态 and 剩余天数; the summary counts overdue tasks per unit', async () => {
    const [, csv] = await runCli([seedName, '-f', 'csv', '--as-of', '2023-07-01'], { cwd: root });
    const [header, ...rows] = parseCsv(csv);
    expect(header?.slice(-2)).toEqual(['状态', '剩余天数']);
    expect(rows).toHaveLength(158);
    expect(rows.filter((row) => row.at(-2) === '逾期')).toHaveLength(43);
    const [, summary] = await runCli([seedName, '-f', 'summary', '--as-of', '2023-07-01'], { cwd: root });
    expect(summary).toContain('  as of 2023-07-01: 43 tasks overdue · 0 due within 14 days\n');
    expect(summary).toMatch(/\n {7}人民银行济南分行 +10 overdue +0 due soon\n/);
  });

  test("the README's summary as of 2023-09-20 is what the summary prints", async () => {
    const [, summary] = await runCli([seedName, '-f', 'summary', '--as-of', '2023-09-20'], { cwd: root });
    const lines = summary.split('\n');
    const start = lines.findIndex((line) => line.startsWith('  as of '));
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`--format summary --as-of 2023-09-20\n…\n${lines.slice(start, start + 4).join('\n')}\n…\n`);
  });

  test('the workbook colours 状态 and adds 剩余天数', async () => {
    const [, bytes] = await runCliBytes([seedName, '-f', 'xlsx', '--as-of', '2023-07-01'], { cwd: root });
    const ledger = table(await workbookOf(bytes), '台账');
    expect(ledger.header).toContain('剩余天数');
    const overdue = ledger.cells('状态').filter((cell) => cell.value === '逾期');
    expect(overdue).toHaveLength(43);
    expect(((overdue[0] as ExcelJS.Cell).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(ledger.cells('剩余天数').some((cell) => cell.value === -1)).toBe(true);
  });

  test('without --as-of nothing carries a status', async () => {
    const [, stdout] = await runCli([seedName], { cwd: root });
    expect(stdout).not.toContain('"status"');
    expect(stdout).not.toContain('"asOf"');
  });

  test.each([
    [['--as-of', '2023-02-30'], "policy-extract: --as-of takes a date written YYYY-MM-DD, such as 2023-07-01, got '2023-02-30'"],
    [['--as-of', '2023/07/01'], "policy-extract: --as-of takes a date written YYYY-MM-DD, such as 2023-07-01, got '2023/07/01'"],
    [['--as-of', '2023-07-01', '--due-soon', '-3'], "policy-extract: --due-soon takes a whole number of days from 0 to 3660, got '-3'"],
    [['--as-of', '2023-07-01', '--due-soon', 'two weeks'], "policy-extract: --due-soon takes a whole number of days from 0 to 3660, got 'two weeks'"],
    [['--due-soon', '7'], 'policy-extract: --due-soon needs --as-of YYYY-MM-DD: statuses are computed for a given day'],
  ])('%j is a usage error: one line, exit 2', async (args, message) => {
    const [code, stdout, stderr] = await runCli([seedName, ...args], { cwd: root });
    expect([code, stdout, stderr]).toEqual([2, '', `${message}\n`]);
  });
});

describe('--rows', () => {
  test('--rows unit CSV reads back one row per unit and measure, 序号 kept as text', async () => {
    const [code, csv] = await runCli([seedName, '-f', 'csv', '--rows', 'unit'], { cwd: root });
    expect(code).toBe(0);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual(['单位', '角色', '序号', '任务', '完成时限', '截止日期', '来源']);
    const [, bytes] = await runCliBytes([seedName, '-f', 'xlsx'], { cwd: root });
    expect(rows).toHaveLength(table(await workbookOf(bytes), '按单位').rows.length);
    // The seed names lead and responsible units only.
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set(['牵头', '责任']));
    expect(rows.some((row) => row[2] === "'1.10")).toBe(true);
  });

  test('--rows deadline NDJSON: 156 records of the deadline row schema, with statuses on a date', async () => {
    const [code, out] = await runCli([seedName, '-f', 'ndjson', '--rows', 'deadline', '--as-of', '2023-07-01'], { cwd: root });
    expect(code).toBe(0);
    const records = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(156);
    for (const record of records) expect(DeadlineRowSchema.parse(record)).toEqual(record);
    expect(records.find((r) => r.date === '2023-06-30')).toMatchObject({ daysLeft: -1, status: 'overdue' });
  });

  test('--rows with a format of one shape is a usage error naming both', async () => {
    const [code, stdout, stderr] = await runCli([seedName, '-f', 'yaml', '--rows', 'unit'], { cwd: root });
    expect([code, stdout, stderr]).toEqual([2, '', 'policy-extract: --rows unit is for --format csv or ndjson; --format yaml has one row per measure\n']);
    const [measure] = await runCli([seedName, '-f', 'yaml', '--rows', 'measure'], { cwd: root });
    expect(measure).toBe(0);
  });

  test('schema --rows prints the committed row schemas', async () => {
    for (const kind of ['measure', 'unit', 'deadline'] as const) {
      const [code, out] = await runCli(['schema', '--rows', kind]);
      expect(code).toBe(0);
      expect(out).toBe(readFileSync(join(root, 'schema', `policy-extract.${kind}-row.schema.json`), 'utf8'));
      expect(JSON.parse(out)).toEqual(buildRowsJsonSchema(kind));
    }
    const [, units] = await runCli([seedName, '-f', 'ndjson', '--rows', 'unit'], { cwd: root });
    for (const line of units.trim().split('\n')) UnitRowSchema.parse(JSON.parse(line));
  });
});

describe('--format html', () => {
  test('the seed: one self-contained page, every measure marked; -o .html and .htm choose it', async () => {
    const dir = temp();
    const [code, , stderr] = await runCli([seedName, '-o', join(dir, 'review.html')], { cwd: root });
    expect([code, stderr]).toEqual([0, '']);
    const page = readFileSync(join(dir, 'review.html'), 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;|<meta http-equiv="Content-Security-Policy" content="default-src 'none'/,
    );
    expect(page).not.toMatch(/https?:\/\//);
    const [, json] = await runCli([seedName], { cwd: root });
    const ids = JSON.parse(json).documents[0].domains.flatMap((d: { measures: { id: string }[] }) => d.measures.map((m) => m.id)) as string[];
    expect(ids).toHaveLength(158);
    for (const id of ids) expect(page).toContain(`data-measure="${id}"`);
    expect(page).not.toContain('id="status-filter"');
    await runCli([seedName, '-o', join(dir, 'review.htm')], { cwd: root });
    expect(readFileSync(join(dir, 'review.htm'), 'utf8')).toBe(page);
  });

  test('with --as-of the page filters by status', async () => {
    const [code, page] = await runCli([seedName, '-f', 'html', '--as-of', '2023-07-01'], { cwd: root });
    expect(code).toBe(0);
    expect(page).toContain('id="status-filter"');
    expect(page).toContain('<option value="overdue">');
  });

  test('a batch in worker threads is one page, the same as the single thread makes', async () => {
    const dir = temp();
    const inputs = [1, 2, 3, 4].map((n) => {
      const path = join(dir, `plan-${n}.txt`);
      copyFileSync(seedFile, path);
      return `plan-${n}.txt`;
    });
    const [code, parallel] = await runCli([...inputs, '-f', 'html', '-j', '4'], { cwd: dir });
    const [, single] = await runCli([...inputs, '-f', 'html', '-j', '1'], { cwd: dir });
    expect(code).toBe(0);
    expect(parallel).toBe(single);
    expect(parallel.match(/<article/g)).toHaveLength(4);
    expect(parallel.match(/<html/g)).toHaveLength(1);
  });

  test('a DOCX is shown as its rendered text, which its offsets index', async () => {
    const [code, page, stderr] = await runCli(['fixtures/formats/task-division.docx', '-f', 'html'], { cwd: root });
    expect([code, stderr]).toEqual([0, '']);
    const [, json] = await runCli(['fixtures/formats/task-division.docx'], { cwd: root });
    const first = JSON.parse(json).documents[0].domains[0].measures[0] as { id: string; title: string };
    expect(page).toContain(`data-measure="${first.id}"`);
    expect(page).toContain(first.title.slice(0, 6));
  });

  test("a document's markup is shown as text: no script of its own runs", async () => {
    const dir = temp();
    writeFileSync(
      join(dir, 'hostile.txt'),
      '某市<script>alert(1)</script>工作方案\n一、优化服务\n1.推进<img src=x onerror=alert(2)>改革。（牵头单位：市政府办公室；完成时限：6月底前）\n',
    );
    const [code, page] = await runCli(['hostile.txt', '-f', 'html', '--year', '2024'], { cwd: dir });
    expect(code).toBe(0);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<img');
    expect(page.match(/<script>/g)).toHaveLength(1);
  });
});
