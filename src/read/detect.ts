import { ReadError } from './errors.ts';

/**
 * Which reader a file needs, told from its first bytes (the extension only names a refused
 * format more precisely). Cheap and dependency-free: a text run pays for nothing more.
 */

export type Sniffed = 'zip' | 'pdf' | 'html' | 'text';

const convertToDocx = (file: string) => `convert it with \`soffice --headless --convert-to docx ${file}\``;
const convertToHtml = (file: string) => `convert it to a web page with \`soffice --headless --convert-to html ${file}\` (tables stay tables)`;

/** Formats no reader takes, by extension: what they are and the conversion to make. */
const refusedByExtension: Readonly<Record<string, (file: string) => string>> = {
  // Not an extension: an OLE container whose name does not say which program wrote it.
  ole: (file) => `an old Office document (.doc, .xls, .wps or .et): ${convertToDocx(file)}`,
  doc: (file) => `a Word 97-2003 document (.doc): ${convertToDocx(file)}`,
  dot: (file) => `a Word 97-2003 template (.dot): ${convertToDocx(file)}`,
  wps: (file) => `a WPS Writer document (.wps): ${convertToDocx(file)}`,
  rtf: (file) => `an RTF document (.rtf): ${convertToDocx(file)}`,
  odt: (file) => `an OpenDocument text (.odt): ${convertToDocx(file)}`,
  xls: (file) => `an Excel 97-2003 workbook (.xls): ${convertToHtml(file)}`,
  xlsx: (file) => `an Excel workbook (.xlsx): ${convertToHtml(file)}`,
  et: (file) => `a WPS Spreadsheets workbook (.et): ${convertToHtml(file)}`,
  ods: (file) => `an OpenDocument spreadsheet (.ods): ${convertToHtml(file)}`,
  ppt: (file) => `a PowerPoint presentation (.ppt): convert it with \`soffice --headless --convert-to pdf ${file}\``,
  pptx: (file) => `a PowerPoint presentation (.pptx): convert it with \`soffice --headless --convert-to pdf ${file}\``,
  dps: (file) => `a WPS Presentation (.dps): convert it with \`soffice --headless --convert-to pdf ${file}\``,
};

/** The lower-case extension of a path, without the dot; '' when it has none. */
export function extensionOf(path: string | undefined): string {
  if (!path) return '';
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * A refused format, by what it is and how to convert it: named by the file's extension when
 * that is one of them, else by `seen`, the extension its content shows.
 */
export function refuse(path: string | undefined, seen: keyof typeof refusedByExtension): ReadError {
  const explain = refusedByExtension[extensionOf(path)] ?? refusedByExtension[seen];
  return new ReadError('unsupported-format', (explain as (file: string) => string)(path ?? 'FILE'));
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

const image = '(a scan?): run OCR first, e.g. `ocrmypdf`, and read the result';

/** Binary signatures no reader takes, with what to tell the user. */
const binarySignatures: ReadonlyArray<readonly [bytes: readonly number[], describe: (path: string | undefined) => ReadError]> = [
  [[0xd0, 0xcf, 0x11, 0xe0], (path) => refuse(path, 'ole')],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], (path) => refuse(path, 'rtf')],
  [[0x89, 0x50, 0x4e, 0x47], () => new ReadError('unsupported-format', `a PNG image ${image}`)],
  [[0xff, 0xd8, 0xff], () => new ReadError('unsupported-format', `a JPEG image ${image}`)],
  [[0x47, 0x49, 0x46, 0x38], () => new ReadError('unsupported-format', `a GIF image ${image}`)],
  [[0x49, 0x49, 0x2a, 0x00], () => new ReadError('unsupported-format', `a TIFF image ${image}`)],
  [[0x4d, 0x4d, 0x00, 0x2a], () => new ReadError('unsupported-format', `a TIFF image ${image}`)],
  [[0x1f, 0x8b], () => new ReadError('unsupported-format', 'a gzip archive: unpack it first')],
  [[0x37, 0x7a, 0xbc, 0xaf], () => new ReadError('unsupported-format', 'a 7-Zip archive: unpack it first')],
  [[0x52, 0x61, 0x72, 0x21], () => new ReadError('unsupported-format', 'a RAR archive: unpack it first')],
  [[0x7f, 0x45, 0x4c, 0x46], () => new ReadError('unsupported-format', 'an executable, not a document')],
];

/** Markup a web page starts with, within its first kilobytes; a policy text never opens with a tag. */
const htmlStartRe = /^\s*<(?:!doctype\s+html|html|head|body|meta|title|p|table|div|br|!--)[\s/>]/i;
const htmlTagRe = /<(?:html|head|body|meta|p|table|div|br)[\s/>]/i;

/** What the bytes are. Throws a ReadError for a format no reader takes. */
export function sniff(bytes: Uint8Array, path?: string): Sniffed {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  for (const [signature, describe] of binarySignatures) if (startsWith(bytes, signature)) throw describe(path);
  let at = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) at = 3;
  while (at < bytes.length && at < 1024 && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d || bytes[at] === 0x0c)) at++;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d], at)) return 'pdf';
  if (isHtml(bytes)) return 'html';
  return 'text';
}

/** HTML by its markup: it opens with a tag such as <!doctype html>, <html>, <p> or <table> and names an HTML element early. */
function isHtml(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  let prefix: string;
  if (startsWith(head, [0xff, 0xfe])) prefix = new TextDecoder('utf-16le').decode(head);
  else if (startsWith(head, [0xfe, 0xff])) prefix = new TextDecoder('utf-16be').decode(head);
  // Latin-1 keeps every ASCII tag readable whatever the page's real charset.
  else prefix = new TextDecoder('latin1').decode(head);
  if (prefix.charCodeAt(0) === 0xfeff || prefix.startsWith('\u00ef\u00bb\u00bf')) prefix = prefix.slice(prefix.charCodeAt(0) === 0xfeff ? 1 : 3);
  return htmlStartRe.test(prefix) && htmlTagRe.test(prefix);
}

/** A ZIP container's kind, from the parts it holds. */
export function zipKind(names: readonly string[], path?: string): 'docx' | 'ofd' {
  const has = (name: string) => names.includes(name);
  if (has('word/document.xml')) return 'docx';
  if (has('OFD.xml') || has('ofd.xml')) return 'ofd';
  if (names.some((name) => name.startsWith('xl/'))) throw refuse(path, 'xlsx');
  if (names.some((name) => name.startsWith('ppt/'))) throw refuse(path, 'pptx');
  if (has('content.xml') && has('mimetype')) throw refuse(path, 'odt');
  throw new ReadError('unsupported-format', 'a ZIP archive that is neither a Word document (.docx) nor an OFD document; unpack it and read its files');
}
