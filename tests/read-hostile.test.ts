import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { writePdf, writeZip } from '../scripts/format-writers.ts';
import { ReadError, readDocument } from '../src/read/index.ts';
import { maxZipBytes } from '../src/read/zip.ts';
import { fixturesDir } from './helpers.ts';
import { docxWith, wordNamespace } from './read-formats.ts';

// Hostile and broken files end in one ReadError with a stable code and a one-line message, or
// in a bounded result; never in a raw exception, a hang or a blown stack.
async function refusal(bytes: Uint8Array, options: { path?: string } = {}): Promise<{ code: string; message: string }> {
  try {
    await readDocument(bytes, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    const { code, message } = error as ReadError;
    expect(message).not.toContain('\n');
    return { code, message };
  }
  throw new Error('the file was read');
}

/** Finds the central directory entry of `name` in a ZIP from writeZip. */
function centralEntry(zip: Uint8Array, name: string): number {
  const bytes = Buffer.from(zip);
  for (let at = bytes.length - 22; at >= 0; at--) {
    if (bytes.readUInt32LE(at) === 0x02014b50 && bytes.toString('utf8', at + 46, at + 46 + bytes.readUInt16LE(at + 28)) === name) return at;
  }
  throw new Error(`no entry ${name}`);
}

describe('ZIP containers', () => {
  test('a part that inflates past the size it declares (a zip bomb) is stopped at the declared size', async () => {
    const zip = Buffer.from(writeZip([['word/document.xml', `<w:document ${wordNamespace}><w:body>${' '.repeat(64 * 1024 * 1024)}</w:body></w:document>`]]));
    zip.writeUInt32LE(1024, centralEntry(zip, 'word/document.xml') + 24);
    expect(await refusal(zip)).toEqual({ code: 'zip-too-large', message: 'the part word/document.xml inflates to more than it declares (a zip bomb?)' });
  });

  test('a part that declares more than the budget is refused before inflating', async () => {
    const zip = Buffer.from(docxWith(`<w:document ${wordNamespace}><w:body/></w:document>`));
    zip.writeUInt32LE(maxZipBytes + 1, centralEntry(zip, 'word/document.xml') + 24);
    expect(await refusal(zip)).toEqual({ code: 'zip-too-large', message: 'the ZIP container inflates to more than 256 MB (a zip bomb?)' });
  });

  test('a directory that claims 65535 parts is refused', async () => {
    const zip = Buffer.from(docxWith(`<w:document ${wordNamespace}><w:body/></w:document>`));
    zip.writeUInt16LE(0xffff, zip.length - 22 + 8);
    zip.writeUInt16LE(0xffff, zip.length - 22 + 10);
    expect(await refusal(zip)).toEqual({ code: 'zip-too-many-parts', message: 'the ZIP container has 65535 parts; more than 20000 are refused' });
  });

  test.each([
    ['truncated', (zip: Buffer) => zip.subarray(0, Math.floor(zip.length / 2))],
    [
      'with a damaged directory entry',
      (zip: Buffer) =>
        Buffer.concat([zip.subarray(0, centralEntry(zip, 'word/document.xml')), Buffer.alloc(46), zip.subarray(centralEntry(zip, 'word/document.xml') + 46)]),
    ],
    [
      'with a part that does not inflate',
      (zip: Buffer) => {
        const copy = Buffer.from(zip);
        const local = copy.readUInt32LE(centralEntry(zip, 'word/document.xml') + 42);
        const data = local + 30 + copy.readUInt16LE(local + 26) + copy.readUInt16LE(local + 28);
        copy.fill(0xff, data, data + 40);
        return copy;
      },
    ],
  ])('a DOCX %s is a broken container', async (_name, damage) => {
    const zip = Buffer.from(readFileSync(join(fixturesDir, 'formats', 'task-division.docx')));
    expect((await refusal(damage(zip))).code).toBe('zip-broken');
  });
});

describe('XML parts', () => {
  test('entity expansion (billion laughs) is refused at the DOCTYPE', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_v, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]><w:document ${wordNamespace}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
    expect(await refusal(docxWith(laughs))).toEqual({
      code: 'xml-doctype',
      message: 'word/document.xml declares a DOCTYPE, which documents never need (entity expansion is refused)',
    });
  });

  test('an external entity is refused the same way', async () => {
    const external = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ${wordNamespace}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
    expect((await refusal(docxWith(external))).code).toBe('xml-doctype');
  });

  test('elements nested a hundred thousand deep are refused', async () => {
    const deep = `<w:document ${wordNamespace}><w:body>${'<w:sdt><w:sdtContent>'.repeat(50_000)}<w:p/>${'</w:sdtContent></w:sdt>'.repeat(50_000)}</w:body></w:document>`;
    expect(await refusal(docxWith(deep))).toEqual({ code: 'xml-too-deep', message: 'word/document.xml nests elements more than 256 levels deep' });
  });

  test('an undeclared entity stays as it is written', async () => {
    const doc = await readDocument(
      docxWith(`<w:document ${wordNamespace}><w:body><w:p><w:r><w:t>甲&amp;乙&undefined;</w:t></w:r></w:p></w:body></w:document>`),
      {},
    );
    expect(doc.text).toBe('甲&乙&undefined;\n');
  });
});

describe('PDF', () => {
  test.each([
    ['a header and nothing else', '%PDF-1.7\n'],
    ['garbage after the header', `%PDF-1.4\n${'1 0 obj << /Type /Catalog /Pages 9 0 R >> stream\n'.repeat(200)}`],
  ])('%s is a broken PDF', async (_name, content) => {
    expect((await refusal(new TextEncoder().encode(content))).code).toBe('pdf-broken');
  });

  test('a truncated PDF is a one-line error or what of its text survives', async () => {
    const pdf = readFileSync(join(fixturesDir, 'formats', 'task-division.pdf'));
    const read = await readDocument(pdf.subarray(0, Math.floor(pdf.length * 0.6)), {}).catch((error: unknown) => error);
    if (read instanceof Error) {
      expect(read).toBeInstanceOf(ReadError);
      expect(read.message).not.toContain('\n');
    } else expect((read as { text: string }).text.length).toBeLessThan(5000);
  });

  test('thousands of pages are refused before they are read', async () => {
    const pages = Array.from({ length: 2001 }, () => ({ texts: [], rules: [] }));
    expect(await refusal(writePdf(pages))).toEqual({ code: 'pdf-too-many-pages', message: 'the PDF has 2001 pages; more than 2000 are refused' });
  });
});

describe('HTML', () => {
  test('a page of 50 MB is refused without parsing it', async () => {
    const huge = new TextEncoder().encode(`<html><body><p>${'一、总体要求。'.repeat(2_400_000)}</p></body></html>`);
    expect(huge.length).toBeGreaterThan(50_000_000);
    expect(await refusal(huge)).toEqual({ code: 'too-large', message: 'the web page is 48 MB; pages over 16 MB are refused' });
  });

  test('divs nested two hundred thousand deep are refused before parsing', async () => {
    const deep = `<html><body>${'<div>'.repeat(200_000)}一、总体要求${'</div>'.repeat(200_000)}</body></html>`;
    expect(await refusal(new TextEncoder().encode(deep))).toEqual({ code: 'html-too-deep', message: 'the web page nests elements more than 1000 levels deep' });
  });

  test('divs nested 900 deep, and thousands of paragraphs left open, are read', async () => {
    const deep = `<html><body>${'<div>'.repeat(900)}一、总体要求${'</div>'.repeat(900)}${'<p>推进改革。'.repeat(5000)}</body></html>`;
    const doc = await readDocument(new TextEncoder().encode(deep), {});
    expect(doc.text.startsWith('一、总体要求\n推进改革。\n')).toBe(true);
  });

  test('a table claiming a million columns and rows is capped', async () => {
    const doc = await readDocument(
      new TextEncoder().encode(
        '<div id="zoom"><p>附件：重点任务分工表，请各责任单位认真抓好落实。</p><table><tr><td colspan="1000000">序号</td><td>任务</td></tr><tr><td rowspan="999999">1</td><td>推进改革</td></tr></table></div>',
      ),
      {},
    );
    expect(doc.tables[0]?.rows).toHaveLength(2);
    expect(doc.tables[0]?.rows[0]?.cells).toHaveLength(1001);
  });
});

describe('OFD', () => {
  test('a DeltaX that claims a billion repeats is cut short', async () => {
    const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
    const ofd = writeZip([
      ['OFD.xml', `<ofd:OFD ${ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`],
      ['Doc_0/Document.xml', `<ofd:Document ${ns}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`],
      [
        'Doc_0/Pages/Page_0/Content.xml',
        `<ofd:Page ${ns}><ofd:Content><ofd:Layer ID="2"><ofd:TextObject ID="3" Boundary="25 40 160 6" Size="4.2"><ofd:TextCode X="0" Y="4.2" DeltaX="g 1000000000 4.2">一、总体要求</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`,
      ],
    ]);
    expect((await readDocument(ofd, {})).text).toBe('一、总体要求\n');
  });

  test('deflate bombs inside an OFD are stopped as in a DOCX', async () => {
    const part = deflateRawSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    expect(part.length).toBeLessThan(64 * 1024);
    const zip = Buffer.from(writeZip([['OFD.xml', ' '.repeat(8 * 1024 * 1024)]]));
    zip.writeUInt32LE(10, centralEntry(zip, 'OFD.xml') + 24);
    expect((await refusal(zip)).code).toBe('zip-too-large');
  });
});
