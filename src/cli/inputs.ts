import { closeSync, createReadStream, fstatSync, openSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { emptinessOf, emptyPathReason, maxInputBytes, tooLargeReason } from '../input-checks.ts';
import type { Encoding } from '../read/decode.ts';
import type { InputFormat, ReadDocument } from '../read/types.ts';
import { describeSystemError, InputError } from './errors.ts';
import { walkFolder } from './walk.ts';

export type Input = { readonly kind: 'file'; readonly display: string; readonly path: string | Buffer } | { readonly kind: 'stdin'; readonly display: '-' };

/** Documents a folder argument expands to, matched in any case (`.TXT`, `.DOCX` too). */
const documentExtensions = ['txt', 'text', 'md', 'docx', 'html', 'htm', 'pdf', 'ofd'];

const isDocumentName = (name: string): boolean => documentExtensions.includes(extname(name).slice(1).toLowerCase());

const toPosix = (path: string): string => path.split('\\').join('/');

/**
 * Expands the command line's inputs, in order: `-` is stdin, a folder is the documents in it
 * (recursively, sorted), a glob pattern is the files it matches (sorted). Each argument that
 * yields nothing is an error of its own; the others still run.
 */
export async function expandInputs(
  args: readonly string[],
  cwd: string,
  rawArguments: ReadonlyMap<string, Buffer> = new Map(),
): Promise<{ inputs: Input[]; errors: InputError[] }> {
  const inputs: Input[] = [];
  const errors: InputError[] = [];
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ kind: 'stdin', display: '-' });
      continue;
    }
    if (arg === '') {
      errors.push(new InputError("''", emptyPathReason));
      continue;
    }
    const raw = rawArguments.get(arg);
    const absolute: string | Buffer = raw ? (isAbsolute(arg) ? raw : Buffer.concat([Buffer.from(`${cwd}/`), raw])) : isAbsolute(arg) ? arg : resolve(cwd, arg);
    const info = await stat(absolute).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        const found = await walkFolder(absolute, toPosix(arg), isDocumentName);
        errors.push(...found.errors);
        if (found.files.length === 0 && found.errors.length === 0) {
          errors.push(new InputError(arg, `folder has no documents (*.${documentExtensions.join(', *.')})`));
        }
        for (const file of found.files) inputs.push({ kind: 'file', display: file.display, path: file.path });
      } else {
        inputs.push({ kind: 'file', display: arg, path: absolute });
      }
      continue;
    }
    const { default: glob } = await import('fast-glob');
    if (info.code === 'ENOENT' && glob.isDynamicPattern(arg)) {
      const found = (
        await glob(toPosix(arg), { cwd, onlyFiles: true, absolute: false, suppressErrors: true, followSymbolicLinks: false, caseSensitiveMatch: false })
      ).sort();
      if (found.length === 0) errors.push(new InputError(arg, 'no files match this pattern'));
      for (const file of found)
        inputs.push({ kind: 'file', display: isAbsolute(file) ? toPosix(relative(cwd, file)) || file : file, path: resolve(cwd, file) });
      continue;
    }
    errors.push(new InputError(arg, describeSystemError(info)));
  }
  return { inputs, errors };
}

/** Reads a stream to its end or to the size cap, whichever comes first: /dev/zero, a FIFO, stdin. */
export async function readCapped(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxInputBytes) {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw new Error(tooLargeReason);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

/** Checks decoded text is a document at all. */
export function checkText(display: string, text: string): void {
  const emptiness = emptinessOf(text);
  if (emptiness !== null) throw new InputError(display, emptiness);
}

/** The bytes of a file: at once for a regular file, capped as a stream for anything else (a FIFO, a device). */
async function readFileInput(path: string | Buffer): Promise<Buffer> {
  // Synchronous on purpose for regular files: one file at a time, and a batch of thousands spends
  // less time in the event loop than in the thread pool's round trips.
  const fd = openSync(path, 'r');
  let streamed = false;
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (info.isFile()) {
      if (info.size > maxInputBytes) throw new Error(tooLargeReason);
      return readFileSync(fd);
    }
    streamed = true;
  } finally {
    if (!streamed) closeSync(fd);
  }
  return readCapped(createReadStream('', { fd, autoClose: true }));
}

/**
 * Reads one input and renders it as text with its runs and tables, whatever its format (text,
 * DOCX, HTML, PDF, OFD: detected from the bytes unless `format` says); every failure is an
 * InputError naming it.
 */
export async function readInput(input: Input, stdin: NodeJS.ReadableStream, encoding?: Encoding, format: InputFormat | 'auto' = 'auto'): Promise<ReadDocument> {
  let bytes: Buffer;
  try {
    bytes = input.kind === 'stdin' ? await readCapped(stdin) : await readFileInput(input.path);
  } catch (error) {
    throw new InputError(input.display, describeSystemError(error));
  }
  if (bytes.length === 0) throw new InputError(input.display, 'empty file');
  // The readers load on demand: a text run never loads the DOCX, HTML, PDF or OFD code.
  const { ReadError, readDocument } = await import('../read/index.ts');
  try {
    const doc = await readDocument(bytes, { path: input.kind === 'file' ? input.display : undefined, format, encoding });
    checkText(input.display, doc.text);
    return doc;
  } catch (error) {
    if (error instanceof ReadError) throw new InputError(input.display, error.message);
    throw error;
  }
}

/** A document given as text (an NDJSON record), as a reader would return it. */
export function textDocument(text: string): ReadDocument {
  return { format: 'text', encoding: 'utf-8', text, runs: [], tables: [] };
}
