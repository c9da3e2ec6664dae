import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeZip } from '../scripts/format-writers.ts';
import { ReadError, readDocument } from '../src/read/index.ts';
import { fixturesDir } from './helpers.ts';

const formats = (name: string) => readFileSync(join(fixturesDir, 'formats', name));
const text = (content: string) => new TextEncoder().encode(content);

/** The error a read ends with: its code and message. */
async function failure(bytes: Uint8Array, path?: string): Promise<[string, string]> {
  try {
    await readDocument(bytes, { path });
  } catch (error) {
    if (error instanceof ReadError) return [error.code, error.message];
    throw error;
  }
  throw new Error('read succeeded');
}

describe('readDocument tells the format from the content', () => {
  test.each([
    ['task-division.docx', 'docx'],
    ['task-division.pdf', 'pdf'],
    ['task-division-gbk.html', 'html'],
    ['task-division.ofd', 'ofd'],
  ])('%s is read as %s', async (file, format) => {
    expect((await readDocument(formats(file), {})).format).toBe(format);
  });

  test.each([
    ['a policy text', '某市2024年重点任务分工方案\n一、提升政务服务效能\n', 'text'],
    ['a text that mentions a tag later', '关于<p>标签的说明\n一、总体要求\n', 'text'],
    ['a PDF after leading white space', '\n\n  %PDF-1.7\n', 'pdf'],
    ['a page piped in without a doctype', '<p>一、提升政务服务效能</p><p>1. 深化改革。（牵头单位：市政府办公室）</p>', 'html'],
    ['a page with a meta charset first', '<meta charset="utf-8"><title>分工方案</title><body><p>一、总体要求</p></body>', 'html'],
    ['a doctype in capitals', '<!DOCTYPE HTML><HTML><BODY><P>一、总体要求</P></BODY></HTML>', 'html'],
  ])('%s is %s', async (_name, content, format) => {
    const bytes = text(content);
    if (format === 'pdf') expect(await failure(bytes)).toEqual(['pdf-broken', expect.stringContaining('the PDF cannot be read')]);
    else expect((await readDocument(bytes, {})).format).toBe(format);
  });

  test('the text path is today decoding: the encoding found, no runs, no tables', async () => {
    const doc = await readDocument(readFileSync(join(fixturesDir, 'encodings', 'gb18030.txt')), {});
    expect(doc).toMatchObject({ format: 'text', encoding: 'gb18030', runs: [], tables: [] });
    expect(doc.text).toContain('一、');
  });

  test('a forced format skips detection', async () => {
    const page = text('<p>一、总体要求</p><p>1. 深化改革。</p>');
    expect((await readDocument(page, { format: 'text' })).text).toBe('<p>一、总体要求</p><p>1. 深化改革。</p>');
    await expect(readDocument(formats('task-division.docx'), { format: 'ofd' })).rejects.toMatchObject({
      code: 'missing-part',
      message: 'not an OFD file: the container has no OFD.xml',
    });
    await expect(readDocument(formats('task-division.ofd'), { format: 'docx' })).rejects.toMatchObject({
      code: 'missing-part',
      message: 'not a Word document: the container has no word/document.xml',
    });
    await expect(readDocument(text('一、总体要求'), { format: 'docx' })).rejects.toMatchObject({
      code: 'unsupported-format',
      message: 'not a DOCX file: it is no ZIP container',
    });
  });
});

describe('formats no reader takes are refused with the conversion to make', () => {
  const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  test.each([
    ['plan.doc', ole, 'a Word 97-2003 document (.doc): convert it with `soffice --headless --convert-to docx plan.doc`'],
    ['plan.wps', ole, 'a WPS Writer document (.wps): convert it with `soffice --headless --convert-to docx plan.wps`'],
    ['table.xls', ole, 'an Excel 97-2003 workbook (.xls): convert it to a web page with `soffice --headless --convert-to html table.xls` (tables stay tables)'],
    ['table.et', ole, 'a WPS Spreadsheets workbook (.et): convert it to a web page with `soffice --headless --convert-to html table.et` (tables stay tables)'],
    ['unnamed', ole, 'an old Office document (.doc, .xls, .wps or .et): convert it with `soffice --headless --convert-to docx unnamed`'],
    ['plan.rtf', text('{\\rtf1\\ansi 一、总体要求}'), 'an RTF document (.rtf): convert it with `soffice --headless --convert-to docx plan.rtf`'],
    [
      'table.xlsx',
      writeZip([
        ['[Content_Types].xml', '<Types/>'],
        ['xl/workbook.xml', '<workbook/>'],
      ]),
      'an Excel workbook (.xlsx): convert it to a web page with `soffice --headless --convert-to html table.xlsx` (tables stay tables)',
    ],
    [
      'plan.odt',
      writeZip([
        ['mimetype', 'application/vnd.oasis.opendocument.text'],
        ['content.xml', '<office:document-content/>'],
      ]),
      'an OpenDocument text (.odt): convert it with `soffice --headless --convert-to docx plan.odt`',
    ],
    [
      'photos.zip',
      writeZip([['a.txt', '一、总体要求']]),
      'a ZIP archive that is neither a Word document (.docx) nor an OFD document; unpack it and read its files',
    ],
    [
      'scan.png',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      'a PNG image (a scan?): run OCR first, e.g. `ocrmypdf`, and read the result',
    ],
    ['scan.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), 'a JPEG image (a scan?): run OCR first, e.g. `ocrmypdf`, and read the result'],
  ])('%s', async (path, bytes, message) => {
    expect(await failure(bytes, path)).toEqual(['unsupported-format', message]);
  });

  test('the messages are one line', async () => {
    const [, message] = await failure(ole, 'plan.doc');
    expect(message).not.toContain('\n');
  });
});
