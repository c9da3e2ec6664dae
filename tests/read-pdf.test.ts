import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { a4, type LaidPage, layOut, writePdf } from '../scripts/format-writers.ts';
import { taskDivision, typedBlocks } from '../scripts/make-format-fixtures.ts';
import { readDocument } from '../src/read/index.ts';
import { joinWrapped } from '../src/read/layout.ts';
import { fixturesDir } from './helpers.ts';
import { gridOf } from './read-formats.ts';

const fixture = (name: string) => readFileSync(join(fixturesDir, 'formats', name));

describe('the PDF reader on a document Writer exported', async () => {
  const doc = await readDocument(fixture('task-division.pdf'), {});
  const lines = doc.text.split('\n');

  test('rebuilds each paragraph on one line, CJK joined without spaces, the running header and page numbers left out', () => {
    expect(doc.encoding).toBe('pdf');
    expect(lines.slice(0, 4)).toEqual([
      '某市2024年优化营商环境重点任务分工方案',
      '为持续打造市场化、法治化、国际化一流营商环境，结合我市实际，现就2024年优化营商环境重点任务分工如下。',
      '一、提升政务服务效能',
      '1. 深化“一网通办”改革。整合部门业务系统，推动高频政务服务事项全程网上办理，6月底前市级事项网上可办率达到95%以上。（牵头单位：市政务服务管理局；责任单位：市大数据局、各区县人民政府）',
    ]);
    expect(doc.text).not.toContain('某市人民政府办公室文件');
    expect(doc.text).not.toMatch(/— \d+ —/);
  });

  test('rebuilds the ruled table, its merged 牵头单位 cell included, and locates it on its page', () => {
    expect(gridOf(doc)).toEqual([
      ['序号', '重点任务', '牵头单位', '责任单位', '完成时限'],
      ['1', '推行企业登记全程电子化', '市市场监管局[r2]', '市大数据局', '2024年6月底前'],
      ['2', '推进电子营业执照跨部门互认', '^', '市税务局、市人力资源社会保障局', '2024年9月底前'],
      ['3', '优化不动产登记“一窗受理”', '市自然资源和规划局', '市税务局、市住房城乡建设局', '2024年12月底前'],
      ['4', '开展政务服务“好差评”', '市政务服务管理局', '各区县人民政府', '2024年6月底前'],
    ]);
    const cell = doc.runs.find((run) => doc.text.slice(run.start, run.end) === '市自然资源和规划局');
    expect(cell?.location).toMatchObject({ table: 1, row: 4, cell: 3 });
    expect(doc.runs.find((run) => doc.text.slice(run.start, run.end).startsWith('一、提升'))?.location).toEqual({ page: 1 });
  });

  test('reads a two-column page column after column, under its full-width title', async () => {
    const twoColumns = (await readDocument(fixture('two-column.pdf'), {})).text.split('\n');
    expect(twoColumns[0]).toBe('某市2024年优化营商环境重点任务分工方案');
    expect(twoColumns[1]).toBe('为持续打造市场化、法治化、国际化一流营商环境，结合我市实际，现就2024年优化营商环境重点任务分工如下。');
    expect(twoColumns.filter((line) => /^[一二三]、/.test(line))).toEqual(['一、提升政务服务效能', '二、优化市场准入环境', '三、加强要素保障']);
    // Measure 2.1 runs from the bottom of the left column to the top of the right one.
    expect(twoColumns).toContain(
      '1. 压缩企业开办时间。推行企业开办“一表填报、一窗领取”，6月底前将企业开办时间压缩至1个工作日以内。（牵头单位：市市场监管局；责任单位：市税务局、市公安局、市人力资源社会保障局）',
    );
  });

  test('rebuilds a table drawn without rules from the gaps between its columns, centred cells in their rows', async () => {
    const unruled = await readDocument(fixture('task-table-unruled.pdf'), {});
    expect(gridOf(unruled)).toEqual([
      ['序号', '重点任务', '牵头单位', '责任单位', '完成时限'],
      ['1', '推行企业登记全程电子化', '市市场监管局', '市大数据局', '2024年6月底前'],
      // Without rules the merge is not seen: the centred 市市场监管局 lands in the nearer row.
      ['2', '推进电子营业执照跨部门互认', '', '市税务局、市人力资源社会保障局', '2024年9月底前'],
      ['3', '优化不动产登记“一窗受理”', '市自然资源和规划局', '市税务局、市住房城乡建设局', '2024年12月底前'],
      ['4', '开展政务服务“好差评”', '市政务服务管理局', '各区县人民政府', '2024年6月底前'],
    ]);
  });

  test('a landscape page turned by /Rotate 90 is read as shown, its ruled table included', async () => {
    const landscape = { ...a4, width: a4.height, height: a4.width };
    const blocks = typedBlocks(taskDivision).slice(-2);
    const pdf = writePdf(layOut(blocks, landscape), { width: landscape.width, height: landscape.height, rotate: true });
    const read = await readDocument(pdf, {});
    expect(read.text.split('\n')[0]).toBe('附件：2024年优化营商环境重点任务分工表');
    expect(gridOf(read)[2]).toEqual(['2', '推进电子营业执照跨部门互认', '^', '市税务局、市人力资源社会保障局', '2024年9月底前']);
  });

  test('a page that is only an image is a scan: refused with a pointer to OCR', async () => {
    await expect(readDocument(fixture('scan.pdf'), {})).rejects.toMatchObject({
      code: 'no-text-layer',
      message: 'the PDF has no text layer (a scan?): run OCR first (e.g. `ocrmypdf scan.pdf out.pdf`) and read the result',
    });
  });

  test('a paragraph over a page break is one line with a run on each page', async () => {
    const text = '持续深化改革，加快流程再造，推动政务服务提速提质提效。'.repeat(60);
    const pdf = writePdf(
      layOut(
        [
          { kind: 'paragraph', text: '一、优化政务服务' },
          { kind: 'paragraph', text },
        ],
        { ...a4, header: '某市人民政府办公室' },
      ),
    );
    const read = await readDocument(pdf, {});
    expect(read.text).toBe(`一、优化政务服务\n${text}\n`);
    expect(read.runs.map((run) => run.location)).toEqual([{ page: 1 }, { page: 1 }, { page: 2 }]);
  });
});

describe('a ruled table over a page break', () => {
  /** A table of `rows` on a page from `top`, columns at the given x edges, 24 points a row. */
  function ruledPage(top: number, edges: number[], rows: string[][]): LaidPage {
    const texts = rows.flatMap((row, r) =>
      row.map((text, c) => ({ text, x: (edges[c] as number) + 6, y: top + r * 24 + 16, size: 12 })).filter((text) => text.text !== ''),
    );
    const bottom = top + rows.length * 24;
    const rules = [
      ...rows.map((_row, r) => ({ x1: edges[0] as number, y1: top + r * 24, x2: edges.at(-1) as number, y2: top + r * 24 })),
      { x1: edges[0] as number, y1: bottom, x2: edges.at(-1) as number, y2: bottom },
      ...edges.map((x) => ({ x1: x, y1: top, x2: x, y2: bottom })),
    ];
    return { texts: [{ text: '— 1 —', x: 280, y: 800, size: 12 }, ...texts], rules };
  }

  test('is one table: the repeated header row dropped, a row split by the break joined', async () => {
    const edges = [72, 110, 330, 450, 523];
    const header = ['序号', '重点任务', '牵头单位', '完成时限'];
    const pdf = writePdf([
      ruledPage(600, edges, [header, ['1', '推行企业登记全程电子化', '市市场监管局', '6月底前'], ['2', '推进电子营业执照互认', '市税务局', '9月']]),
      ruledPage(72, edges, [header, ['', '', '', '底前'], ['3', '优化不动产登记', '市自然资源局', '12月底前']]),
    ]);
    const doc = await readDocument(pdf, {});
    expect(doc.tables).toHaveLength(1);
    expect(gridOf(doc)).toEqual([
      header,
      ['1', '推行企业登记全程电子化', '市市场监管局', '6月底前'],
      ['2', '推进电子营业执照互认', '市税务局', '9月底前'],
      ['3', '优化不动产登记', '市自然资源局', '12月底前'],
    ]);
  });
});

describe('joining wrapped lines', () => {
  test.each([
    ['推动政务服务', '提速提质', '推动政务服务提速提质'],
    ['现就202', '4年优化', '现就2024年优化'],
    ['the State Council of-', 'fice', 'the State Council office'],
    ['the State', 'Council', 'the State Council'],
    ['（牵头单位：', '市财政局）', '（牵头单位：市财政局）'],
  ])('%s + %s = %s', (before, after, joined) => {
    expect(joinWrapped(before, after)).toBe(joined);
  });
});
