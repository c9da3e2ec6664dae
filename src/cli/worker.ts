import { parentPort, workerData } from 'node:worker_threads';
import { loadEmitter, type EmitOptions, type Format } from '../emit/index.ts';
import { extract } from '../pipeline.ts';
import type { Encoding } from '../read/encodings.ts';
import type { Warning } from '../schema/index.ts';
import { validateDocument } from '../validate.ts';
import { InputError } from './errors.ts';
import { readInput, type Input } from './inputs.ts';

/** What the main thread sends: one input, by its position in the batch. */
export interface WorkerTask {
  readonly index: number;
  readonly input: Input;
}

/** What a worker answers: the rendered document and its warnings, or why the input failed. */
export type WorkerResult =
  | { readonly index: number; readonly chunk: Uint8Array; readonly warnings: readonly Warning[] }
  | { readonly index: number; readonly error: { readonly path: string; readonly reason: string } };

export interface WorkerOptions {
  readonly format: Format;
  readonly emitOptions: EmitOptions;
  readonly year: number | undefined;
  readonly encoding: Encoding | undefined;
}

// A worker thread of `--jobs`: reads, extracts, validates and renders one document at a time.
// Rendering here (not in the main thread) is what makes the work parallel; the main thread
// only writes the chunks in input order.
const options = workerData as WorkerOptions;
const emitter = await loadEmitter(options.format, options.emitOptions);
const port = parentPort;

port?.on('message', async (task: WorkerTask) => {
  let result: WorkerResult;
  try {
    const { text, encoding } = await readInput(task.input, process.stdin, options.encoding);
    const doc = extract(text, { year: options.year, path: task.input.display, encoding });
    const violations = validateDocument(doc);
    if (violations.length > 0) {
      const first = violations[0] as { path: string; message: string };
      throw new InputError(task.input.display, `internal error: the output breaks the schema at ${first.path}: ${first.message}`);
    }
    // UTF-8 bytes, transferred rather than copied: the main thread writes them as they are.
    result = { index: task.index, chunk: Buffer.from(emitter.document(doc), 'utf8'), warnings: doc.warnings };
  } catch (error) {
    const reason = error instanceof InputError ? error.message : `internal error: ${(error as Error).message}`;
    result = { index: task.index, error: { path: task.input.display, reason } };
  }
  port.postMessage(result, 'chunk' in result ? [result.chunk.buffer as ArrayBuffer] : []);
});
