import { DecodeError, decode } from './decode.ts';
import { sniff, zipKind } from './detect.ts';
import type { Encoding } from './encodings.ts';
import { ReadError } from './errors.ts';
import type { InputFormat, ReadDocument } from './types.ts';

export { ReadError, type ReadErrorCode } from './errors.ts';
export { locationAt } from './locate.ts';
export * from './types.ts';

export interface ReadOptions {
  /** The file's name: only to name a refused format by its extension. Nothing is read from it. */
  readonly path?: string | undefined;
  /** A reader to use instead of detection by content. */
  readonly format?: InputFormat | 'auto' | undefined;
  /** The charset of a text file or web page, instead of detecting it. */
  readonly encoding?: Encoding | undefined;
}

/** The text path: today's decoding, with line and column as the place. */
function readText(bytes: Uint8Array, encoding: Encoding | undefined): ReadDocument {
  try {
    const decoded = decode(bytes, encoding);
    return { format: 'text', encoding: decoded.encoding, text: decoded.text, runs: [], tables: [] };
  } catch (error) {
    if (error instanceof DecodeError) throw new ReadError('not-text', error.message);
    throw error;
  }
}

/**
 * Reads a file's bytes into one value for every format: the rendered text, where each part
 * of it came from, and its tables. The format is told from the content unless forced. Each
 * reader is loaded only when its format is met, so reading text costs no more than before.
 * Bad input is a ReadError with a stable code; nothing else is thrown for it.
 */
export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadDocument> {
  const forced = options.format && options.format !== 'auto' ? options.format : null;
  const sniffed = forced ?? sniff(bytes, options.path);
  if (sniffed === 'text') return readText(bytes, options.encoding);
  if (sniffed === 'html') return (await import('./html.ts')).readHtml(bytes, options.encoding);
  if (sniffed === 'pdf') return (await import('./pdf.ts')).readPdf(bytes);
  const { openZip } = await import('./zip.ts');
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new ReadError('unsupported-format', `not a ${sniffed === 'zip' ? 'ZIP' : sniffed.toUpperCase()} file: it is no ZIP container`);
  const container = openZip(bytes);
  const kind = sniffed === 'zip' ? zipKind(container.names, options.path) : sniffed;
  if (kind === 'docx') return (await import('./docx.ts')).readDocx(container);
  return (await import('./ofd.ts')).readOfd(container);
}
