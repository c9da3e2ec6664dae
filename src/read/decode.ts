import { isUtf8 } from 'node:buffer';

/**
 * Bytes to text. Pure: takes the bytes, returns the text and the encoding, or throws a
 * DecodeError whose message says why the bytes are not a text document.
 */

export { type Encoding, encodingAliases, encodings } from './encodings.ts';

import type { Encoding } from './encodings.ts';

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

/** File signatures of formats people mistake for text. */
const signatures: ReadonlyArray<readonly [bytes: readonly number[], name: string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF file; extract its text first (e.g. pdftotext)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or a .docx/.xlsx file); save it as text first'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (.doc/.xls); save it as text first'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable'],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

function decodeWith(encoding: Encoding, bytes: Uint8Array): string | null {
  // UTF-8 through Buffer: no ICU decoder to set up, which matters at start-up.
  if (encoding === 'utf-8') {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!isUtf8(buffer)) return null;
    const text = buffer.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  try {
    // TextDecoder drops a BOM by default (ignoreBOM: false).
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of C0 control characters other than tab, newline, carriage return and form feed. */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  const sample = Math.min(text.length, 65536);
  for (let i = 0; i < sample; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 9 && code !== 10 && code !== 13 && code !== 12) controls++;
  }
  return controls / sample;
}

/** Share of Han characters among the non-ASCII characters: GB18030 accepts many byte soups, real Chinese text is mostly Han. */
function hanShare(text: string): number {
  let nonAscii = 0;
  let han = 0;
  const sample = Math.min(text.length, 65536);
  for (let i = 0; i < sample; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    nonAscii++;
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef)) han++;
  }
  return nonAscii === 0 ? 1 : han / nonAscii;
}

/**
 * Whether bytes that passed as GB18030 are in fact Japanese in Shift-JIS: they are valid Shift-JIS
 * and, read so, a fifth or more of their non-ASCII characters are kana (Japanese writes them in
 * every sentence). Chinese GB text read as Shift-JIS gives half-width katakana (single bytes
 * 0xA1–0xDF), not these, so it is left alone.
 */
function looksLikeShiftJis(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('shift_jis', { fatal: true }).decode(bytes.subarray(0, 65536));
  } catch {
    return false;
  }
  let nonAscii = 0;
  let kana = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    nonAscii++;
    if (code >= 0x3040 && code <= 0x30ff) kana++;
  }
  return nonAscii > 0 && kana / nonAscii >= 0.2;
}

/**
 * Decodes a document: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, else GB18030
 * (which covers GBK and GB2312). `forced` skips detection. Binary files and bytes valid in
 * no supported encoding raise DecodeError rather than produce mojibake.
 */
export function decode(bytes: Uint8Array, forced?: Encoding): { text: string; encoding: Encoding } {
  for (const [signature, name] of signatures) {
    if (startsWith(bytes, signature)) throw new DecodeError(`not a text file: ${name}`);
  }
  let encoding: Encoding | undefined = forced;
  if (!encoding) {
    if (startsWith(bytes, [0xef, 0xbb, 0xbf])) encoding = 'utf-8';
    else if (startsWith(bytes, [0xff, 0xfe])) encoding = 'utf-16le';
    else if (startsWith(bytes, [0xfe, 0xff])) encoding = 'utf-16be';
  }
  if (!encoding && bytes.subarray(0, 8192).includes(0)) {
    throw new DecodeError('not a text file: it contains NUL bytes (binary data, or UTF-16 without a byte-order mark: pass --encoding utf-16le)');
  }
  const tryOrder: Encoding[] = encoding ? [encoding] : ['utf-8', 'gb18030'];
  for (const candidate of tryOrder) {
    const text = decodeWith(candidate, bytes);
    if (text === null) continue;
    if (controlShare(text) > 0.01) throw new DecodeError('not a text file: it is mostly control characters (binary data?)');
    if (!forced && candidate === 'gb18030' && hanShare(text) < 0.5) continue;
    if (!forced && candidate === 'gb18030' && looksLikeShiftJis(bytes)) {
      throw new DecodeError('the bytes look like Shift-JIS (Japanese) text, which is not supported; pass --encoding gb18030 if it is Chinese');
    }
    return { text, encoding: candidate };
  }
  if (forced) throw new DecodeError(`the bytes are not valid ${forced}`);
  throw new DecodeError('the bytes are not valid UTF-8, UTF-16 (with BOM) or GB18030 text; pass --encoding if you know the encoding');
}
