import { readFileSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Encoding } from '../read/encodings.ts';
import type { InputFormat, ReadDocument } from '../read/types.ts';
import { describeSystemError, InputError } from './errors.ts';

export type Input = { readonly kind: 'file'; readonly display: string; readonly path: string } | { readonly kind: 'stdin'; readonly display: '-' };

/** Documents a folder argument expands to. */
const documentExtensions = ['txt', 'text', 'md', 'docx', 'html', 'htm', 'pdf', 'ofd'];

/** Larger files are refused rather than exhaust memory: no policy document is this big. */
export const maxInputBytes = 256 * 1024 * 1024;

const toPosix = (path: string): string => path.split('\\').join('/');

/**
 * Expands the command line's inputs, in order: `-` is stdin, a folder is the documents in it
 * (recursively, sorted), a glob pattern is the files it matches (sorted). Each argument that
 * yields nothing is an error of its own; the others still run.
 */
export async function expandInputs(args: readonly string[], cwd: string): Promise<{ inputs: Input[]; errors: InputError[] }> {
  const inputs: Input[] = [];
  const errors: InputError[] = [];
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ kind: 'stdin', display: '-' });
      continue;
    }
    const absolute = isAbsolute(arg) ? arg : resolve(cwd, arg);
    const info = await stat(absolute).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (!(info instanceof Error)) {
      if (info.isDirectory()) {
        const { default: glob } = await import('fast-glob');
        const found = (
          await glob(`**/*.{${documentExtensions.join(',')}}`, { cwd: absolute, onlyFiles: true, dot: false, suppressErrors: true, caseSensitiveMatch: false })
        ).sort();
        if (found.length === 0) errors.push(new InputError(arg, `folder has no documents (*.${documentExtensions.join(', *.')})`));
        for (const file of found) inputs.push({ kind: 'file', display: toPosix(join(arg, file)), path: join(absolute, file) });
      } else {
        inputs.push({ kind: 'file', display: arg, path: absolute });
      }
      continue;
    }
    const { default: glob } = await import('fast-glob');
    if (info.code === 'ENOENT' && glob.isDynamicPattern(arg)) {
      const found = (await glob(toPosix(arg), { cwd, onlyFiles: true, absolute: false, suppressErrors: true, caseSensitiveMatch: false })).sort();
      if (found.length === 0) errors.push(new InputError(arg, 'no files match this pattern'));
      for (const file of found)
        inputs.push({ kind: 'file', display: isAbsolute(file) ? toPosix(relative(cwd, file)) || file : file, path: resolve(cwd, file) });
      continue;
    }
    errors.push(new InputError(arg, describeSystemError(info)));
  }
  return { inputs, errors };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxInputBytes) throw new Error(`larger than ${maxInputBytes / 1024 / 1024} MB`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Checks decoded text is a document at all. */
export function checkText(display: string, text: string): void {
  if (text.length === 0) throw new InputError(display, 'empty file');
  if (text.trim().length === 0) throw new InputError(display, 'the file has only whitespace');
}

/** Reads one input and renders it as text (any format: text, DOCX, HTML, PDF, OFD); every failure is an InputError naming it. */
export async function readInput(input: Input, stdin: NodeJS.ReadableStream, encoding?: Encoding, format: InputFormat | 'auto' = 'auto'): Promise<ReadDocument> {
  let bytes: Buffer;
  try {
    if (input.kind === 'stdin') bytes = await readStream(stdin);
    else {
      // Synchronous on purpose: one file at a time, and a batch of thousands spends less time
      // in the event loop than in the thread pool's round trips.
      const info = statSync(input.path);
      if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
      if (info.size > maxInputBytes) throw new Error(`larger than ${maxInputBytes / 1024 / 1024} MB`);
      bytes = readFileSync(input.path);
    }
  } catch (error) {
    throw new InputError(input.display, describeSystemError(error));
  }
  if (bytes.length === 0) throw new InputError(input.display, 'empty file');
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
