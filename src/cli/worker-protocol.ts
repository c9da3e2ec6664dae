import type { EmitOptions, Format } from '../emit/index.ts';
import type { Encoding } from '../read/encodings.ts';
import type { InputFormat, ReadDocument } from '../read/types.ts';
import type { Warning } from '../schema/index.ts';
import type { StatusOptions } from '../status.ts';
import type { Input } from './inputs.ts';

/** What every thread of a run needs to know to render a document the same way. */
export interface WorkerOptions {
  readonly format: Format;
  readonly emitOptions: EmitOptions;
  readonly year: number | undefined;
  readonly encoding: Encoding | undefined;
  /** `--input-format`: a reader, or detection by content. */
  readonly inputFormat: InputFormat | 'auto';
  /** `--as-of` and `--due-soon`: statuses on that day; absent, nothing reads a date. */
  readonly status?: StatusOptions | undefined;
}

/** Work for a worker: a file of a batch, read here; or the text of one large document, streamed back in parts. */
export type WorkerTask =
  | { readonly kind: 'file'; readonly index: number; readonly input: Input & { kind: 'file' } }
  | { readonly kind: 'text'; readonly index: number; readonly display: string; readonly read: ReadDocument }
  /** A large file, read here rather than in the main thread: its text is never held twice. */
  | { readonly kind: 'large-file'; readonly index: number; readonly input: Input & { kind: 'file' } }
  /** More parts of a streamed document may come: the main thread wrote what it had. */
  | { readonly kind: 'credit'; readonly index: number };

export type WorkerMessage =
  | { readonly kind: 'ready' }
  /** A whole rendered file of a batch. */
  | { readonly kind: 'rendered'; readonly index: number; readonly parts: unknown[]; readonly warnings: readonly Warning[] }
  /** A streamed document's warnings, before its parts. */
  | { readonly kind: 'processed'; readonly index: number; readonly warnings: readonly Warning[] }
  | { readonly kind: 'part'; readonly index: number; readonly part: unknown }
  | { readonly kind: 'end'; readonly index: number }
  | { readonly kind: 'failed'; readonly index: number; readonly path: string; readonly reason: string };

/** Parts a streamed document may have in flight before the main thread has written them: bounds memory. */
export const partsInFlight = 4;
