import { describe, expect, test } from 'vitest';
import { extract } from '../src/pipeline.ts';
import type { PolicyDocument } from '../src/schema/index.ts';
import { seedText } from './helpers.ts';

// The same document in the forms it reaches analysts in must give the same ledger.
const ledger = (doc: PolicyDocument) =>
  doc.domains.map((domain) => ({
    name: domain.name,
    lead: domain.leadUnits,
    measures: domain.measures.map((m) => ({
      id: m.id,
      title: m.title,
      lead: m.leadUnits,
      responsible: m.responsibleUnits,
      deadlines: m.deadlines.map((d) => [d.text, d.date]),
    })),
  }));

const expected = ledger(extract(seedText));

/** The seed as published on a web page: Chinese punctuation, ASCII digits, no blank lines, no page artefacts. */
function publishedForm(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim().length > 0 && !/^—[０-９]+—$/.test(line.trim()))
    .filter((line, i) => i === 0 || line.trim() !== '山东省深化营商环境创新提升行动')
    .map((line) => line.trim())
    .join('\n')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/ /g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/:/g, '：')
    .replace(/;/g, '；')
    .replace(/,/g, '，')
    .replace(/\.(?!\d)/g, '。')
    .replace(/«/g, '《')
    .replace(/»/g, '》');
}

/** Paragraphs re-joined, one per line, indented with full-width spaces: text copied from a web page. */
function webForm(text: string): string {
  const paragraphs: string[] = [];
  let closed = true;
  for (const line of publishedForm(text).split('\n')) {
    const heading = /^(?:配套措施|（领域牵头)/.test(line) || paragraphs.length === 0;
    const measureStart = /^\d{1,2}(?=[\u4e00-\u9fff“])/.test(line) && /[。）]$/.test(paragraphs[paragraphs.length - 1] ?? '');
    if (closed || heading || measureStart) paragraphs.push(line);
    else paragraphs[paragraphs.length - 1] += line;
    // The title, a domain heading and its lead clause are paragraphs of their own.
    closed = heading;
  }
  return paragraphs.map((p, i) => (i === 0 ? p : `\u3000\u3000${p}`)).join('\r\n');
}

/** Half of the punctuation full-width, half ASCII, alternating: what copy and paste leaves. */
function mixedForm(text: string): string {
  let flip = false;
  return text.replace(/[,:;()]/g, (char) => {
    flip = !flip;
    return flip ? String.fromCharCode(char.charCodeAt(0) + 0xfee0) : char;
  });
}

describe('the seed in other forms gives the same ledger', () => {
  test('PDF text without the blank lines, with CRLF line ends', () => {
    const compact = seedText
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .join('\r\n');
    expect(ledger(extract(compact))).toEqual(expected);
  });

  test('published form: Chinese punctuation throughout, no blank lines or page artefacts', () => {
    expect(ledger(extract(publishedForm(seedText)))).toEqual(expected);
  });

  test('web form: one paragraph per line, full-width indentation, CRLF', () => {
    const web = webForm(seedText);
    expect(web.split('\r\n').length).toBeLessThan(200);
    expect(ledger(extract(web))).toEqual(expected);
  });

  test('mixed half-width and full-width punctuation', () => {
    expect(ledger(extract(mixedForm(seedText)))).toEqual(expected);
  });
});

describe('the seed renumbered in other styles gives the same ledger', () => {
  const chinese = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九'];
  const base = extract(seedText);
  const measureLines = new Set(base.domains.flatMap((d) => d.measures.map((m) => m.line)));
  const domainLines = new Set(base.domains.map((d) => d.line));
  const fullWidthNumber = (digits: string) => Number(digits.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));

  /** Rewrites the seed's domain headings and measure numbers, keeping everything else (PDF form included). */
  function renumber(domainLabel: (n: number) => string, measureLabel: (n: number, written: string) => string): string {
    let domain = 0;
    return seedText
      .split('\n')
      .map((line, i) => {
        if (domainLines.has(i + 1)) return line.replace(/^配套措施———/, domainLabel(++domain));
        if (measureLines.has(i + 1)) return line.replace(/^\s*([０-９]+)\s?/, (_all, digits: string) => measureLabel(fullWidthNumber(digits), digits));
        return line;
      })
      .join('\n');
  }

  test.each([
    ['一、 and (一)', (n: number) => `${chinese[n]}、`, (n: number) => `(${chinese[n]})`],
    ['（一） and １．', (n: number) => `（${chinese[n]}）`, (_n: number, written: string) => `${written}．`],
    ['第一部分 and １、', (n: number) => `第${chinese[n]}部分 `, (_n: number, written: string) => `${written}、`],
    ['一、 and ①', (n: number) => `${chinese[n]}、`, (n: number) => String.fromCharCode(0x2460 + n - 1)],
  ])('%s', (_name, domainLabel, measureLabel) => {
    const doc = extract(renumber(domainLabel, measureLabel));
    expect(doc.warnings).toEqual([]);
    expect(ledger(doc)).toEqual(expected);
  });
});
