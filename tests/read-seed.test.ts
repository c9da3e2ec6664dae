import { describe, expect, test } from 'vitest';
import { a4, layOut, writeDocx, writeHtml, writeOfd, writePdf } from '../scripts/format-writers.ts';
import { extract } from '../src/pipeline.ts';
import { readDocument } from '../src/read/index.ts';
import { seedText } from './helpers.ts';
import { ledger, seedBlocks } from './read-formats.ts';

// The seed converted to each format (its paragraphs as a Word or web version has them), read
// back, gives the ledger the text gives: the same 158 measures, titles, units and deadline dates.
const blocks = seedBlocks();
const expected = ledger(seedText);
const pages = layOut(blocks, { ...a4, header: '山东省人民政府办公厅文件' });

describe('the seed in every format', () => {
  test('the text itself has 158 measures', () => {
    expect(expected).toHaveLength(158);
    expect(expected[0]).toBe('1.1 | 持续深化“一次办好”改革 | 省政府办公厅、省大数据局 |  | ');
  });

  test.each([
    ['a Word document', () => writeDocx(blocks, { header: '山东省人民政府办公厅文件' }), 'docx'],
    ['a web page inside a site frame', () => new TextEncoder().encode(writeHtml(blocks, { charset: 'utf-8', site: '山东省人民政府' })), 'html'],
    ['a PDF with a running header and page numbers', () => writePdf(pages), 'pdf'],
    ['an OFD', () => writeOfd(pages), 'ofd'],
  ])('as %s gives the same ledger as the text', async (_name, write, format) => {
    const doc = await readDocument(write(), {});
    expect(doc.format).toBe(format);
    expect(ledger(doc.text)).toEqual(expected);
    const read = extract(doc.text, { encoding: doc.encoding });
    expect(read.title).toBe('山东省深化营商环境创新提升行动');
    expect(read.year).toBe(2023);
  });
});
