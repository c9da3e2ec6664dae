import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { a4, layOut, writeOfd, writeZip } from '../scripts/format-writers.ts';
import { taskDivision, typedBlocks } from '../scripts/make-format-fixtures.ts';
import { readDocument } from '../src/read/index.ts';
import { fixturesDir } from './helpers.ts';
import { gridOf } from './read-formats.ts';

const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const ofd = (pages: string[], template = '') =>
  writeZip([
    ['OFD.xml', `<ofd:OFD ${ns}><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`],
    [
      'Doc_0/Document.xml',
      `<ofd:Document ${ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>${template ? '<ofd:TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/>' : ''}</ofd:CommonData><ofd:Pages>${pages.map((_page, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('')}</ofd:Pages></ofd:Document>`,
    ],
    ...pages.map((content, i): [string, string] => [
      `Doc_0/Pages/Page_${i}/Content.xml`,
      `<ofd:Page ${ns}><ofd:Content><ofd:Layer ID="2">${content}</ofd:Layer></ofd:Content></ofd:Page>`,
    ]),
  ]);
const text = (x: number, y: number, content: string, extra = '') =>
  `<ofd:TextObject ID="3" Boundary="${x} ${y} 160 6" Font="1" Size="4.2"${extra}><ofd:TextCode X="0" Y="4.2" DeltaX="g ${[...content].length - 1} 4.2">${content}</ofd:TextCode></ofd:TextObject>`;

describe('the OFD reader', async () => {
  const doc = await readDocument(readFileSync(join(fixturesDir, 'formats', 'task-division.ofd')), {});

  test('reads the pages text objects in reading order, one paragraph a line, without the running header and page numbers', () => {
    expect(doc.format).toBe('ofd');
    const lines = doc.text.split('\n');
    expect(lines[0]).toBe('某市2024年优化营商环境重点任务分工方案');
    expect(lines[1]).toBe('为持续打造市场化、法治化、国际化一流营商环境，结合我市实际，现就2024年优化营商环境重点任务分工如下。');
    expect(doc.text).not.toContain('某市人民政府办公室文件');
    expect(doc.text).not.toMatch(/— \d+ —/);
  });

  test('rebuilds the table from its PathObject rules, and places it on page 2', () => {
    expect(gridOf(doc)[1]).toEqual(['1', '推行企业登记全程电子化', '市市场监管局[r2]', '市大数据局', '2024年6月底前']);
    expect(gridOf(doc)[2]?.[2]).toBe('^');
    expect(doc.runs.at(-1)?.location).toMatchObject({ page: 2, table: 1, row: 5, cell: 5 });
  });

  test('rebuilds a table without PathObject rules from its columns, a wrapped 序 / 号 header cell included', async () => {
    const pages = layOut(typedBlocks(taskDivision), { ...a4 }).map((page) => ({ ...page, rules: [] }));
    const unruled = await readDocument(writeOfd(pages), {});
    expect(gridOf(unruled)[0]).toEqual(['序号', '重点任务', '牵头单位', '责任单位', '完成时限']);
    expect(gridOf(unruled)[3]).toEqual(['3', '优化不动产登记“一窗受理”', '市自然资源和规划局', '市税务局、市住房城乡建设局', '2024年12月底前']);
  });

  test('applies a TextObject CTM, continues a TextCode without X from the one before, and skips vertical text', async () => {
    const scaled = `<ofd:TextObject ID="4" Boundary="25 40 160 12" Font="1" Size="8.4" CTM="0.5 0 0 0.5 0 0"><ofd:TextCode X="0" Y="8.4" DeltaX="g 3 8.4">一、总体</ofd:TextCode><ofd:TextCode DeltaX="8.4">要求</ofd:TextCode></ofd:TextObject>`;
    const vertical = `<ofd:TextObject ID="5" Boundary="190 40 6 100" Font="1" Size="4.2"><ofd:TextCode X="0" Y="4.2" DeltaY="g 3 4.2">骑缝章印</ofd:TextCode></ofd:TextObject>`;
    const read = await readDocument(ofd([scaled + vertical + text(25, 50, '（一）深化改革')]), {});
    expect(read.text).toBe('一、总体要求\n（一）深化改革\n');
  });

  test('an OFD with no text objects is a scan', async () => {
    await expect(readDocument(ofd(['<ofd:ImageObject ID="3" Boundary="0 0 210 297" ResourceID="7"/>']), {})).rejects.toMatchObject({ code: 'no-text-layer' });
  });

  test('a page the document lists but the container lacks is named', async () => {
    const broken = writeZip([
      ['OFD.xml', `<ofd:OFD ${ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`],
      ['Doc_0/Document.xml', `<ofd:Document ${ns}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`],
    ]);
    await expect(readDocument(broken, {})).rejects.toMatchObject({ code: 'missing-part', message: 'the OFD has no part Doc_0/Pages/Page_0/Content.xml' });
  });
});
