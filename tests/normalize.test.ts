import { describe, expect, test } from 'vitest';
import { isPageNumberLine, pageOrContentsLineEndings, tableOfContentsRe } from '../src/normalize/artefacts.ts';
import { mapCharacters } from '../src/normalize/characters.ts';
import { normalize, toParagraphs } from '../src/normalize/index.ts';

describe('artefact lines', () => {
  // normalize tries the page-number and table-of-contents patterns only on lines ending in one of these.
  test.each([
    '—01—',
    '- 12 -',
    '－3－',
    '~ 7 ~',
    '第3页',
    '第 3 页 共 20 页',
    '3/20',
    '3 / 20',
    '一、优化政务服务……………3',
    '（一）深化改革........12',
    '目 录',
    '目录',
  ])('%s is an artefact and ends as one', (line) => {
    expect(isPageNumberLine(line) || tableOfContentsRe.test(line)).toBe(true);
    expect(pageOrContentsLineEndings.has(line.charCodeAt(line.length - 1))).toBe(true);
  });
});

describe('mapCharacters', () => {
  test.each([
    ['１２３４５热线', '12345热线'],
    ['ＲＣＥＰ规则', 'RCEP规则'],
    ['６０％以上', '60%以上'],
    ['互联网＋政务服务', '互联网+政务服务'],
    ['«山东省条例»', '《山东省条例》'],
    ['改革.加大', '改革。加大'],
    ['(牵头单位:省政府办公厅;责任单位:省财政厅)', '（牵头单位：省政府办公厅；责任单位：省财政厅）'],
    ['（牵头单位：省财政厅）', '（牵头单位：省财政厅）'],
    ['1.5亿元', '1.5亿元'],
    ['1,000万元', '1,000万元'],
    ['10:30', '10:30'],
    ['１．持续深化', '1.持续深化'],
    ['\u3000\u3000为深入贯彻', '  为深入贯彻'],
  ])('maps %s to %s, keeping its length', (input, expected) => {
    const mapped = mapCharacters(input);
    expect(mapped).toBe(expected);
    expect(mapped).toHaveLength(input.length);
  });
});

describe('normalize', () => {
  const pdfText = [
    '',
    '山东省深化营商环境创新提升行动',
    '',
    '配套措施———优化政务服务',
    '',
    '１持续深化 “一次办好”改革. (牵头单位:省大',
    '',
    '—０１—',
    '',
    '数据局)',
    '',
    ' 山东省深化营商环境创新提升行动',
    '',
    '配套措施———企业准入退出',
    '',
    ' 山东省深化营商环境创新提升行动',
    '',
    '配套措施———纳税',
  ].join('\n');

  test('drops blank lines, page numbers and the running header but keeps the title', () => {
    const normalized = normalize(pdfText);
    expect(normalized.text.text).toBe(
      [
        '山东省深化营商环境创新提升行动',
        '配套措施———优化政务服务',
        '1持续深化“一次办好”改革。（牵头单位：省大',
        '数据局）',
        '配套措施———企业准入退出',
        '配套措施———纳税',
      ].join('\n'),
    );
    expect(normalized.removed).toEqual({ pageNumbers: 1, runningHeaders: 2, tableOfContents: 0 });
  });

  test('maps every normalised offset back to the raw character it came from', () => {
    const normalized = normalize(pdfText);
    const text = normalized.text.text;
    const mapped = mapCharacters(pdfText);
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n') continue;
      expect(mapped.charAt(normalized.text.toRaw(i))).toBe(text[i]);
    }
  });

  test('joins a unit name broken across a page break without a space', () => {
    const paragraphs = toParagraphs(normalize(pdfText));
    expect(paragraphs.text.text.split('\n')).toContain('1持续深化“一次办好”改革。（牵头单位：省大数据局）');
  });

  test('keeps the space between Latin words and joins Latin words across lines with one', () => {
    const normalized = normalize('加大 APEC business 宣传力度,推广使用APEC\nTravel Card 服务.');
    expect(normalized.text.text).toBe('加大APEC business宣传力度，推广使用APEC\nTravel Card服务。');
    // Two web lines stay two paragraphs; hard-wrapped text joins them with one space between Latin words.
    expect(toParagraphs(normalized).text.text).toBe('加大APEC business宣传力度，推广使用APEC\nTravel Card服务。');
  });

  test('treats \\r\\n, \\r and \\n as line ends', () => {
    expect(normalize('一\r\n二\r三\n四').lines).toHaveLength(4);
  });

  test('is idempotent', () => {
    const once = normalize(pdfText).text.text;
    expect(normalize(once).text.text).toBe(once);
  });
});
