import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extract } from '../src/pipeline.ts';
import { readDocument } from '../src/read/index.ts';
import { fixturesDir } from './helpers.ts';
import { repeatMergedCells } from './read-formats.ts';

// The 任务分工表 alone, with its merged 牵头单位 cell, in each format: one measure per row. The
// merged cell's text stands in its first row only; the grid says which rows it covers, and
// repeating it there (what the table stage does with the grid) gives each row its lead unit.
describe.each(['task-table.docx', 'task-table.html', 'task-table.pdf', 'task-table.ofd'])('the task table in %s', (file) => {
  test('gives one measure per row with its units and deadline', async () => {
    const doc = await readDocument(readFileSync(join(fixturesDir, 'formats', file)), {});
    expect(doc.tables).toHaveLength(1);
    const measures = extract(repeatMergedCells(doc)).domains.flatMap((domain) => domain.measures);
    expect(measures.map((m) => [m.title, m.leadUnits, m.responsibleUnits, m.deadlines.map((d) => d.date)])).toEqual([
      ['推行企业登记全程电子化', ['市市场监管局'], ['市大数据局'], ['2024-06-30']],
      ['推进电子营业执照跨部门互认', ['市市场监管局'], ['市税务局', '市人力资源社会保障局'], ['2024-09-30']],
      ['优化不动产登记“一窗受理”', ['市自然资源和规划局'], ['市税务局', '市住房城乡建设局'], ['2024-12-31']],
      ['开展政务服务“好差评”', ['市政务服务管理局'], ['各区县人民政府'], ['2024-06-30']],
    ]);
  });
});
