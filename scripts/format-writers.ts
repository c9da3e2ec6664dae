/**
 * Minimal writers of DOCX, HTML, PDF and OFD, for fixtures and tests: they turn a small
 * content model (paragraphs and tables) into files of each format, laid out the way the
 * real producers lay them out (a running header, page numbers in the footer, ruled tables,
 * CJK text on a character grid). No dependency: ZIP through node:zlib, PDF by hand with a
 * non-embedded CID font whose ToUnicode map is the identity, OFD as GB/T 33190 describes it.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface CellSpec {
  readonly text: string;
  readonly rowSpan?: number;
  readonly colSpan?: number;
}

/** A table row: a cell, or null where a merged cell above or to the left covers the grid. */
export type RowSpec = readonly (CellSpec | null)[];

export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly widths: readonly number[]; readonly rows: readonly RowSpec[] };

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ZIP --------------------------------------------------------------------------------------

/** A ZIP file of the given parts, deflated, in the given order. */
export function writeZip(parts: ReadonlyArray<readonly [name: string, data: Uint8Array | string]>): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const compressed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(compressed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, compressed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(compressed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, directory, end]));
}

// DOCX -------------------------------------------------------------------------------------

const wordNs = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function docxParagraph(text: string, style?: string): string {
  const properties = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${properties}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

function docxTable(block: Extract<Block, { kind: 'table' }>): string {
  const grid = block.widths.map((width) => `<w:gridCol w:w="${Math.round(width * 56.7)}"/>`).join('');
  const open = new Map<number, number>();
  const rows = block.rows.map((row) => {
    const cells: string[] = [];
    for (let column = 0; column < row.length; column++) {
      const cell = row[column];
      if (cell === undefined) continue;
      if (cell === null) {
        // Covered from above (a vertical merge) or from the left (a gridSpan, written once).
        if ((open.get(column) ?? 0) > 0) {
          open.set(column, (open.get(column) ?? 0) - 1);
          cells.push('<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>');
        }
        continue;
      }
      const span = cell.colSpan ?? 1;
      const merge = (cell.rowSpan ?? 1) > 1 ? '<w:vMerge w:val="restart"/>' : '';
      if ((cell.rowSpan ?? 1) > 1) open.set(column, (cell.rowSpan ?? 1) - 1);
      const paragraphs = cell.text
        .split('\n')
        .map((line) => docxParagraph(line))
        .join('');
      cells.push(`<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${merge}</w:tcPr>${paragraphs}</w:tc>`);
    }
    return `<w:tr>${cells.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/><w:bottom w:val="single"/><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

/** A DOCX with the blocks as its body, a header and a page-number footer in parts of their own. */
export function writeDocx(blocks: readonly Block[], options: { header?: string; documentXml?: string } = {}): Uint8Array {
  const body = blocks
    .map((block) => (block.kind === 'table' ? docxTable(block) : docxParagraph(block.text, block.kind === 'title' ? 'Title' : undefined)))
    .join('');
  const document =
    options.documentXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${wordNs} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/></w:sectPr></w:body></w:document>`;
  return writeZip([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ],
    [
      'word/_rels/document.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>',
    ],
    ['word/document.xml', document],
    ['word/header1.xml', `<?xml version="1.0" encoding="UTF-8"?><w:hdr ${wordNs}>${docxParagraph(options.header ?? '')}</w:hdr>`],
    [
      'word/footer1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:ftr ${wordNs}><w:p><w:r><w:t>— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t> —</w:t></w:r></w:p></w:ftr>`,
    ],
  ]);
}

// HTML -------------------------------------------------------------------------------------

function htmlTable(block: Extract<Block, { kind: 'table' }>): string {
  const rows = block.rows.map((row) => {
    const cells = row
      .filter((cell): cell is CellSpec => cell !== null && cell !== undefined)
      .map((cell) => {
        const spans = `${(cell.rowSpan ?? 1) > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${(cell.colSpan ?? 1) > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
        return `<td${spans}>${cell.text.split('\n').map(escapeXml).join('<br>')}</td>`;
      });
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<table border="1" cellspacing="0">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

/**
 * A government web page: the article inside a site's frame (navigation, breadcrumbs, a share
 * bar, the footer), as a CMS writes it. `charset` goes in the meta tag; the caller encodes.
 */
export function writeHtml(blocks: readonly Block[], options: { charset: string; site: string; container?: string }): string {
  const title = blocks.find((block) => block.kind === 'title')?.text ?? '';
  const article = blocks
    .filter((block) => block.kind !== 'title')
    .map((block) => (block.kind === 'table' ? htmlTable(block) : `<p style="text-indent:2em;">${escapeXml(block.text)}</p>`))
    .join('\n');
  const container = options.container ?? '<div class="TRS_Editor">';
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${options.charset}" />
<title>${escapeXml(title)}_${escapeXml(options.site)}</title>
<style>.nav li{float:left} .TRS_Editor p{line-height:2}</style>
<script>var _hmt = _hmt || []; function share(){ return "分享到微信"; }</script>
</head>
<body>
<div class="header"><div class="logo">${escapeXml(options.site)}</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zcwj/">政策文件</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcwj/">政策文件</a></div>
<div class="main">
<div class="article-title"><h1>${escapeXml(title)}</h1></div>
<div class="info">发布时间：2023-03-15 10:20 &nbsp;&nbsp; 来源：${escapeXml(options.site)} &nbsp;&nbsp; 【字体：大 中 小】</div>
${container}
${article}
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> &nbsp; <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div>
<div class="related"><h3>相关文件</h3><ul><li><a href="/a.html">关于进一步优化营商环境的若干措施</a></li><li><a href="/b.html">关于印发数字政府建设工作要点的通知</a></li></ul></div>
<div class="footer"><p>主办单位：${escapeXml(options.site)}办公室 &nbsp; 网站标识码：3700000001</p><p>ICP备案号：鲁ICP备05000000号</p></div>
</body>
</html>
`;
}

// Page layout, shared by the PDF and OFD writers --------------------------------------------

/** A line of text at a place on a page: x of the first character and the baseline, in points from the top left. */
export interface PlacedText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** A ruling line of a table, in points from the top left. */
export interface Rule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface LaidPage {
  readonly texts: PlacedText[];
  readonly rules: Rule[];
}

export interface PageLayout {
  readonly width: number;
  readonly height: number;
  readonly margin: number;
  readonly size: number;
  /** Columns of body text: 1, or 2 for a two-column page. */
  readonly columns: number;
  readonly header: string | null;
  readonly pageNumbers: boolean;
}

export const a4: PageLayout = { width: 595, height: 842, margin: 72, size: 12, columns: 1, header: null, pageNumbers: true };

/** Every character takes one em: the writers' font is a CJK one with a full-width advance. */
function wrap(text: string, perLine: number, indent: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let at = 0;
  let first = true;
  while (at < chars.length) {
    const room = first ? perLine - indent : perLine;
    lines.push(chars.slice(at, at + room).join(''));
    at += room;
    first = false;
  }
  return lines.length > 0 ? lines : [''];
}

/** Lays the blocks out on pages: paragraphs wrapped on a grid of characters, tables ruled. */
export function layOut(blocks: readonly Block[], layout: PageLayout = a4): LaidPage[] {
  const pages: LaidPage[] = [];
  const lineHeight = layout.size * 1.6;
  const top = layout.margin + layout.size;
  const bottom = layout.height - layout.margin;
  const gap = layout.size * 2;
  const columnWidth = (layout.width - 2 * layout.margin - (layout.columns - 1) * gap) / layout.columns;
  const perLine = Math.floor(columnWidth / layout.size);
  let page: LaidPage = { texts: [], rules: [] };
  let column = 0;
  let y = top;
  const newPage = (): void => {
    pages.push(page);
    page = { texts: [], rules: [] };
    column = 0;
    y = top;
  };
  const nextColumn = (): void => {
    if (column + 1 < layout.columns) {
      column++;
      y = top;
    } else newPage();
  };
  const left = () => layout.margin + column * (columnWidth + gap);
  for (const block of blocks) {
    if (block.kind === 'table') {
      const scale = (layout.width - 2 * layout.margin) / block.widths.reduce((a, b) => a + b, 0);
      const widths = block.widths.map((width) => width * scale);
      const xs = [layout.margin];
      for (const width of widths) xs.push((xs.at(-1) as number) + width);
      const cellLines = block.rows.map((row) =>
        row.map((cell, c) => {
          if (!cell) return [];
          const width = (xs[c + (cell.colSpan ?? 1)] as number) - (xs[c] as number) - layout.size;
          return cell.text.split('\n').flatMap((line) => wrap(line, Math.max(1, Math.floor(width / layout.size)), 0));
        }),
      );
      const heights = cellLines.map(
        (row, r) => Math.max(1, ...row.map((lines, c) => ((block.rows[r]?.[c]?.rowSpan ?? 1) > 1 ? 1 : lines.length))) * lineHeight + layout.size * 0.6,
      );
      // A table is kept on one page, as short tables are.
      if (y - layout.size + heights.reduce((a, b) => a + b, 0) > bottom) newPage();
      let rowTop = y - layout.size;
      const tops: number[] = [];
      for (const height of heights) {
        tops.push(rowTop);
        rowTop += height;
      }
      // Rules per row: the top edge, and each cell's left edge; a merged cell's inner edges are not drawn.
      block.rows.forEach((row, r) => {
        const rowTopY = tops[r] as number;
        const rowBottomY = rowTopY + (heights[r] as number);
        row.forEach((cell, c) => {
          const x1 = xs[c] as number;
          const x2 = xs[c + 1] as number;
          const coveredFromAbove = cell === null && block.rows.slice(0, r).some((above, ar) => (above[c]?.rowSpan ?? 1) > r - ar);
          if (!coveredFromAbove) page.rules.push({ x1, y1: rowTopY, x2, y2: rowTopY });
          const coveredFromLeft = cell === null && !coveredFromAbove;
          if (!coveredFromLeft) page.rules.push({ x1, y1: rowTopY, x2: x1, y2: rowBottomY });
          if (!cell) return;
          for (const [i, line] of (cellLines[r]?.[c] ?? []).entries())
            page.texts.push({ text: line, x: x1 + layout.size / 2, y: rowTopY + layout.size * 1.3 + i * lineHeight, size: layout.size });
        });
        page.rules.push({ x1: xs.at(-1) as number, y1: rowTopY, x2: xs.at(-1) as number, y2: rowBottomY });
        if (r === block.rows.length - 1) page.rules.push({ x1: xs[0] as number, y1: rowBottomY, x2: xs.at(-1) as number, y2: rowBottomY });
      });
      y = rowTop + lineHeight + layout.size;
      continue;
    }
    const isTitle = block.kind === 'title';
    const size = isTitle ? layout.size * 1.5 : layout.size;
    const lines = isTitle ? [block.text] : wrap(block.text, perLine, 2);
    lines.forEach((line, i) => {
      if (y > bottom) nextColumn();
      const x = isTitle ? (layout.width - [...line].length * size) / 2 : left() + (i === 0 ? 2 * layout.size : 0);
      page.texts.push({ text: line, x, y, size });
      y += isTitle ? size * 2 : lineHeight;
    });
    if (isTitle) y += layout.size;
  }
  pages.push(page);
  return pages.map((laid, index) => {
    const texts = [...laid.texts];
    if (layout.header) texts.unshift({ text: layout.header, x: layout.margin, y: layout.margin / 2, size: layout.size * 0.75 });
    if (layout.pageNumbers) {
      const label = `— ${index + 1} —`;
      texts.push({ text: label, x: layout.width / 2 - 2 * layout.size, y: layout.height - layout.margin / 2, size: layout.size });
    }
    return { texts, rules: laid.rules };
  });
}

// PDF --------------------------------------------------------------------------------------

const utf16Hex = (text: string): string =>
  [...text]
    .map((char) => {
      const code = char.codePointAt(0) as number;
      return (code > 0xffff ? 0x3013 : code).toString(16).padStart(4, '0');
    })
    .join('');

/** A ToUnicode map from every two-byte code to the same UTF-16 unit: CIDs are the characters themselves. */
const identityToUnicode = (): string => {
  const ranges: string[] = [];
  for (let high = 0; high < 256; high += 1) {
    const h = high.toString(16).padStart(2, '0');
    ranges.push(`<${h}00> <${h}ff> <${h}00>`);
  }
  const chunks: string[] = [];
  for (let i = 0; i < ranges.length; i += 100)
    chunks.push(`${Math.min(100, ranges.length - i)} beginbfrange\n${ranges.slice(i, i + 100).join('\n')}\nendbfrange`);
  return `/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n${chunks.join('\n')}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend`;
};

/** A PDF of laid-out pages (or, with `image`, of one page that is only a grey picture: a scan's stand-in). */
export function writePdf(
  pages: readonly LaidPage[],
  options: { width?: number; height?: number; image?: { width: number; height: number }; rotate?: boolean } = {},
): Uint8Array {
  const width = options.width ?? a4.width;
  const height = options.height ?? a4.height;
  // A landscape page as a scanner or a printer driver writes it: portrait media turned by /Rotate 90, content drawn turned.
  const point = (x: number, y: number): string => (options.rotate ? `${y.toFixed(2)} ${x.toFixed(2)}` : `${x.toFixed(2)} ${(height - y).toFixed(2)}`);
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObject = add('');
  const toUnicode = identityToUnicode();
  const cmap = add(`<< /Length ${Buffer.byteLength(toUnicode, 'latin1')} >>\nstream\n${toUnicode}\nendstream`);
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  );
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`,
  );
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${cmap} 0 R >>`);
  const kids: number[] = [];
  const sources = options.image ? [{ texts: [], rules: [] }] : pages;
  for (const page of sources) {
    let content = '';
    let resources = `/Font << /F1 ${font} 0 R >>`;
    if (options.image) {
      const { width: w, height: h } = options.image;
      const pixels = Buffer.alloc(w * h);
      for (let i = 0; i < pixels.length; i++) pixels[i] = 200 + ((i * 7919) % 50);
      const data = deflateRawSync(pixels);
      const zlibWrapped = Buffer.concat([Buffer.from([0x78, 0x9c]), data, Buffer.alloc(4)]);
      zlibWrapped.writeUInt32BE(adler32(pixels), zlibWrapped.length - 4);
      const imageObject = add(
        `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${zlibWrapped.length} >>\nstream\n${zlibWrapped.toString('latin1')}\nendstream`,
      );
      resources = `/XObject << /Im1 ${imageObject} 0 R >>`;
      content = `q ${width - 80} 0 0 ${height - 80} 40 40 cm /Im1 Do Q`;
    }
    for (const rule of page.rules) content += `0.5 w ${point(rule.x1, rule.y1)} m ${point(rule.x2, rule.y2)} l S\n`;
    for (const text of page.texts)
      content += `BT /F1 ${text.size} Tf ${options.rotate ? '0 1 -1 0' : '1 0 0 1'} ${point(text.x, text.y)} Tm <${utf16Hex(text.text)}> Tj ET\n`;
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    const media = options.rotate ? `[0 0 ${height} ${width}] /Rotate 90` : `[0 0 ${width} ${height}]`;
    kids.push(add(`<< /Type /Page /Parent ${pagesObject} 0 R /MediaBox ${media} /Resources << ${resources} >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObject} 0 R >>`;
  objects[pagesObject - 1] = `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

// OFD --------------------------------------------------------------------------------------

const ofdNs = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const mm = (points: number): string => (points * (25.4 / 72)).toFixed(3);

/**
 * An OFD (GB/T 33190) of laid-out pages: OFD.xml → Doc_0/Document.xml → one Content.xml per
 * page, each line a TextObject whose TextCode carries X, Y and DeltaX; table rules as
 * PathObjects. Units are millimetres, the origin the top left, as the standard has them.
 */
export function writeOfd(pages: readonly LaidPage[], options: { width?: number; height?: number } = {}): Uint8Array {
  const width = options.width ?? a4.width;
  const height = options.height ?? a4.height;
  let id = 10;
  const pageParts: Array<[string, string]> = pages.map((page, index) => {
    const objects: string[] = [];
    for (const rule of page.rules) {
      const x = Math.min(rule.x1, rule.x2);
      const y = Math.min(rule.y1, rule.y2);
      objects.push(
        `<ofd:PathObject ID="${id++}" Boundary="${mm(x)} ${mm(y)} ${mm(Math.abs(rule.x2 - rule.x1) || 0.5)} ${mm(Math.abs(rule.y2 - rule.y1) || 0.5)}" LineWidth="0.176"><ofd:AbbreviatedData>M 0 0 L ${mm(rule.x2 - x)} ${mm(rule.y2 - y)}</ofd:AbbreviatedData></ofd:PathObject>`,
      );
    }
    for (const text of page.texts) {
      const chars = [...text.text];
      const size = Number(mm(text.size));
      const boundary = `${mm(text.x)} ${mm(text.y - text.size)} ${mm(chars.length * text.size)} ${mm(text.size * 1.2)}`;
      const delta = chars.length > 1 ? ` DeltaX="g ${chars.length - 1} ${size}"` : '';
      objects.push(
        `<ofd:TextObject ID="${id++}" Boundary="${boundary}" Font="2" Size="${size}"><ofd:TextCode X="0" Y="${mm(text.size)}"${delta}>${escapeXml(text.text)}</ofd:TextCode></ofd:TextObject>`,
      );
    }
    return [
      `Doc_0/Pages/Page_${index}/Content.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${ofdNs}><ofd:Content><ofd:Layer ID="${id++}">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`,
    ];
  });
  const pageList = pages.map((_page, index) => `<ofd:Page ID="${index + 3}" BaseLoc="Pages/Page_${index}/Content.xml"/>`).join('');
  return writeZip([
    [
      'OFD.xml',
      `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${ofdNs} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>policy-extract-fixture</ofd:DocID><ofd:Creator>policy-extract format-writers</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    ],
    [
      'Doc_0/Document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${ofdNs}><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${mm(width)} ${mm(height)}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>${pageList}</ofd:Pages></ofd:Document>`,
    ],
    [
      'Doc_0/PublicRes.xml',
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Res ${ofdNs} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
    ],
    ...pageParts,
  ]);
}
