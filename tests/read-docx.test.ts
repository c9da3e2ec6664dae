import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDocument } from '../src/read/index.ts';
import { chineseCounting, formatCounter } from '../src/read/numbering.ts';
import { fixturesDir } from './helpers.ts';
import { docxWith, gridOf, wordNamespace } from './read-formats.ts';

const fixture = (name: string) => readFileSync(join(fixturesDir, 'formats', name));
const body = (xml: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${wordNamespace}><w:body>${xml}</w:body></w:document>`;
const p = (text: string, properties = '') => `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const numbered = (numId: number, ilvl: number, text: string) => p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
const level = (ilvl: number, format: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
const numbering = (xml: string): readonly [string, string] => ['word/numbering.xml', `<w:numbering ${wordNamespace}>${xml}</w:numbering>`];

describe('the DOCX reader on a document Writer saved', async () => {
  const doc = await readDocument(fixture('task-division.docx'), {});
  const lines = doc.text.split('\n');

  test('renders Word automatic numbering as the labels a reader sees', () => {
    expect(lines.filter((line) => /^[一二三]、|^（[一二]）|^\d\. /.test(line)).map((line) => line.slice(0, line.search(/[^一二三（）、.\d ]/)))).toEqual([
      '一、',
      '1. ',
      '2. ',
      '3. ',
      '二、',
      '（一）',
      '1. ',
      '2. ',
      '（二）',
      '3. ',
      '三、',
      '1. ',
      '2. ',
    ]);
  });

  test('puts one paragraph on each line, and leaves the header and the page-number footer out', () => {
    expect(lines[0]).toBe('某市2024年优化营商环境重点任务分工方案');
    expect(lines[3]).toBe(
      '1. 深化“一网通办”改革。整合部门业务系统，推动高频政务服务事项全程网上办理，6月底前市级事项网上可办率达到95%以上。（牵头单位：市政务服务管理局；责任单位：市大数据局、各区县人民政府）',
    );
    expect(doc.text).not.toContain('某市人民政府办公室文件');
    expect(doc.text).not.toContain('—');
  });

  test('reads the task table as a grid, the merged 牵头单位 cell in its first row', () => {
    expect(gridOf(doc)).toEqual([
      ['序号', '重点任务', '牵头单位', '责任单位', '完成时限'],
      ['1', '推行企业登记全程电子化', '市市场监管局[r2]', '市大数据局', '2024年6月底前'],
      ['2', '推进电子营业执照跨部门互认', '^', '市税务局、市人力资源社会保障局', '2024年9月底前'],
      ['3', '优化不动产登记“一窗受理”', '市自然资源和规划局', '市税务局、市住房城乡建设局', '2024年12月底前'],
      ['4', '开展政务服务“好差评”', '市政务服务管理局', '各区县人民政府', '2024年6月底前'],
    ]);
    expect(doc.text.slice(doc.tables[0]?.rows[2]?.start, doc.tables[0]?.rows[2]?.end)).toBe(
      '2\t推进电子营业执照跨部门互认\t\t市税务局、市人力资源社会保障局\t2024年9月底前',
    );
  });

  test('locates body paragraphs by number and table cells by table, row and grid column', () => {
    const at = (fragment: string) => doc.runs.find((run) => doc.text.slice(run.start, run.end).includes(fragment))?.location;
    expect(at('某市2024年优化营商环境重点任务分工方案')).toEqual({ paragraph: 1 });
    expect(at('优化市场准入环境')).toEqual({ paragraph: 7 });
    expect(at('提高用地审批效率')).toEqual({ paragraph: 14 });
    expect(at('推进电子营业执照跨部门互认')).toEqual({ table: 1, row: 3, cell: 2 });
    expect(at('2024年12月底前')).toEqual({ table: 1, row: 4, cell: 5 });
    for (let i = 1; i < doc.runs.length; i++) expect(doc.runs[i]?.start).toBeGreaterThanOrEqual(doc.runs[i - 1]?.end as number);
  });
});

describe('Word numbering', () => {
  test.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [35, '三十五'],
    [100, '一百'],
    [105, '一百零五'],
    [1010, '一千零一十'],
  ])('chineseCounting writes %i as %s', (value, written) => {
    expect(chineseCounting(value)).toBe(written);
  });

  test.each([
    [3, 'decimal', '3'],
    [3, 'decimalFullWidth', '３'],
    [3, 'decimalEnclosedCircle', '③'],
    [3, 'decimalEnclosedParen', '⑶'],
    [3, 'chineseLegalSimplified', '叁'],
    [3, 'ideographTraditional', '丙'],
    [4, 'upperRoman', 'IV'],
    [28, 'lowerLetter', 'bb'],
    [7, 'ordinal', '7'],
  ])('counter %i in %s is %s', (value, format, written) => {
    expect(formatCounter(value, format)).toBe(written);
  });

  test('levels restart below a higher level, and a startOverride restarts an instance', async () => {
    const definitions = numbering(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'chineseCounting', '（%2）')}${level(2, 'decimal', '%3.', '<w:suff w:val="space"/>')}</w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.%2')}${level(1, 'decimal', '%1.%2')}</w:abstractNum>` +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
        '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>',
    );
    const doc = await readDocument(
      docxWith(
        body(
          numbered(1, 0, '总体要求') +
            numbered(1, 1, '深化改革') +
            numbered(1, 2, '推进一网通办。') +
            numbered(1, 2, '推行帮办代办。') +
            numbered(1, 1, '优化服务') +
            numbered(1, 2, '压缩办理时限。') +
            numbered(2, 0, '保障措施') +
            numbered(2, 1, '加强组织领导') +
            numbered(3, 0, '附则') +
            numbered(4, 0, '第一条') +
            numbered(4, 1, '第一款'),
        ),
        [definitions],
      ),
      {},
    );
    expect(doc.text.split('\n').slice(0, -1)).toEqual([
      '一、总体要求',
      '（一）深化改革',
      '1. 推进一网通办。',
      '2. 推行帮办代办。',
      '（二）优化服务',
      '1. 压缩办理时限。',
      '二、保障措施',
      '（一）加强组织领导',
      '一、附则',
      '1.1 第一条',
      '1.1 第一款',
    ]);
  });

  test('a paragraph style can carry the numbering, and numId 0 switches it off', async () => {
    const styles: readonly [string, string] = [
      'word/styles.xml',
      `<w:styles ${wordNamespace}><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading1Plain"><w:basedOn w:val="Heading1"/></w:style></w:styles>`,
    ];
    const definitions = numbering(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
    );
    const doc = await readDocument(
      docxWith(
        body(
          p('总体要求', '<w:pStyle w:val="Heading1"/>') +
            p('重点任务', '<w:pStyle w:val="Heading1Plain"/>') +
            p('附件', '<w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
        ),
        [styles, definitions],
      ),
      {},
    );
    expect(doc.text).toBe('一、总体要求\n二、重点任务\n附件\n');
  });
});

describe('the DOCX body', () => {
  test('leaves out deleted, hidden and field-code text, text boxes and fallbacks, and keeps tabs and breaks', async () => {
    const doc = await readDocument(
      docxWith(
        body(
          '<w:p><w:r><w:t>推进</w:t></w:r><w:del><w:r><w:delText>旧的</w:delText></w:r></w:del><w:ins><w:r><w:t>政务服务</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>改革</w:t></w:r></w:p>' +
            '<w:p><w:r><w:t>牵头单位</w:t><w:tab/><w:t>市政府办公室</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>' +
            '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:t>备用</w:t></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>',
        ),
      ),
      {},
    );
    expect(doc.text).toBe('推进政务服务改革\n牵头单位\t市政府办公室\n第二行\n正文\n');
  });

  test('places gridSpan and vMerge cells on the table grid, and a nested table inside its cell', async () => {
    const cell = (text: string, properties = '') => `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${p(text)}</w:tc>`;
    const nested = `<w:tbl><w:tr>${cell('甲')}${cell('乙')}</w:tr></w:tbl>`;
    const doc = await readDocument(
      docxWith(
        body(
          `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>` +
            `<w:tr>${cell('序号')}${cell('任务与单位', '<w:gridSpan w:val="2"/>')}</w:tr>` +
            `<w:tr>${cell('1')}${cell('推进改革')}${cell('市财政局', '<w:vMerge w:val="restart"/>')}</w:tr>` +
            `<w:tr>${cell('2')}<w:tc><w:tcPr/>${nested}<w:p/></w:tc>${cell('', '<w:vMerge/>')}</w:tr>` +
            '</w:tbl>',
        ),
      ),
      {},
    );
    expect(gridOf(doc)).toEqual([
      ['序号', '任务与单位[c2]', '^'],
      ['1', '推进改革', '市财政局[r2]'],
      ['2', '甲\n乙', '^'],
    ]);
  });

  test('a document without body text is an error, not an empty ledger', async () => {
    await expect(readDocument(docxWith(body('<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>')), {})).rejects.toMatchObject({
      code: 'empty-document',
      message: 'the Word document has no text in its body',
    });
  });
});
