import type { EmitOptions, Emitter, Format } from '../emit/index.ts';
import { extract } from '../pipeline.ts';
import type { Encoding } from '../read/encodings.ts';
import type { InputFormat } from '../read/types.ts';
import type { Warning } from '../schema/index.ts';
import { validateDocument } from '../validate.ts';
import { InputError } from './errors.ts';
import { type Input, readInput } from './inputs.ts';

/** One input of a parallel batch, by its position in the batch. */
export interface Task {
  readonly index: number;
  readonly input: Input;
}

/** A rendered document and its warnings, or why the input failed. */
export type TaskResult<Chunk> =
  | { readonly index: number; readonly chunk: Chunk; readonly warnings: readonly Warning[] }
  | { readonly index: number; readonly error: { readonly path: string; readonly reason: string } };

/** What every thread of a batch needs to know to render a document the same way. */
export interface TaskOptions {
  readonly format: Format;
  readonly emitOptions: EmitOptions;
  readonly year: number | undefined;
  readonly encoding: Encoding | undefined;
  readonly inputFormat?: InputFormat | 'auto' | undefined;
}

/**
 * Reads, extracts, validates and renders one input of a batch: the work of a worker thread,
 * and of the main thread between writes. Only file inputs are batched, so stdin is never read.
 */
export async function runTask(task: Task, options: TaskOptions, emitter: Emitter): Promise<TaskResult<string>> {
  try {
    const read = await readInput(task.input, process.stdin, options.encoding, options.inputFormat);
    const doc = extract(read.text, {
      year: options.year,
      path: task.input.display,
      encoding: read.encoding,
      format: read.format,
      tables: read.tables,
      runs: read.runs,
    });
    const violations = validateDocument(doc);
    if (violations.length > 0) {
      const first = violations[0] as { path: string; message: string };
      throw new InputError(task.input.display, `internal error: the output breaks the schema at ${first.path}: ${first.message}`);
    }
    return { index: task.index, chunk: emitter.document(doc), warnings: doc.warnings };
  } catch (error) {
    const reason = error instanceof InputError ? error.message : `internal error: ${(error as Error).message}`;
    return { index: task.index, error: { path: task.input.display, reason } };
  }
}
