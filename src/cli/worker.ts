import { parentPort, workerData } from 'node:worker_threads';
import { loadEmitter } from '../emit/index.ts';
import type { ReadDocument } from '../read/types.ts';
import { processDocument } from './document.ts';
import { InputError } from './errors.ts';
import { readInput } from './inputs.ts';
import { partsInFlight, type WorkerMessage, type WorkerOptions, type WorkerTask } from './worker-protocol.ts';

/**
 * Strings cross as UTF-8 bytes, transferred rather than copied; other parts (rows) are cloned.
 * TextEncoder, not Buffer.from: a small Buffer shares Node's pool, and transferring it would
 * take the pool away from every other Buffer.
 */
const encoder = new TextEncoder();
const portable = (part: unknown): unknown => (typeof part === 'string' ? encoder.encode(part) : part);
const transferList = (part: unknown): ArrayBuffer[] => (part instanceof Uint8Array ? [part.buffer as ArrayBuffer] : []);

// A worker thread: renders batch files (the parallel path) and large documents (so that the
// main thread stays free to answer Ctrl-C). The main thread writes what it sends, in order.
const port = parentPort;
if (port) {
  const options = workerData as WorkerOptions;
  const emitter = await loadEmitter(options.format, options.emitOptions);
  const credits = new Map<number, () => void>();
  port.postMessage({ kind: 'ready' } satisfies WorkerMessage);
  port.on('message', async (task: WorkerTask) => {
    if (task.kind === 'credit') {
      credits.get(task.index)?.();
      return;
    }
    if (task.kind === 'file') {
      try {
        const read = await readInput(task.input, process.stdin, options.encoding, options.inputFormat);
        const processed = processDocument(read, { display: task.input.display, year: options.year, status: options.status }, emitter);
        if (!processed.ok) throw new InputError(task.input.display, processed.reason);
        const parts = [...processed.parts].map(portable);
        port.postMessage({ kind: 'rendered', index: task.index, parts, warnings: processed.warnings } satisfies WorkerMessage, parts.flatMap(transferList));
      } catch (error) {
        const reason = error instanceof InputError ? error.message : `internal error: ${(error as Error).message}`;
        port.postMessage({ kind: 'failed', index: task.index, path: task.input.display, reason } satisfies WorkerMessage);
      }
      return;
    }
    let source: { display: string; read: ReadDocument };
    if (task.kind === 'large-file') {
      try {
        source = { display: task.input.display, read: await readInput(task.input, process.stdin, options.encoding, options.inputFormat) };
      } catch (error) {
        const reason = error instanceof InputError ? error.message : `internal error: ${(error as Error).message}`;
        port.postMessage({ kind: 'failed', index: task.index, path: task.input.display, reason } satisfies WorkerMessage);
        return;
      }
    } else source = task;
    const processed = processDocument(source.read, { display: source.display, year: options.year, status: options.status }, emitter);
    if (!processed.ok) {
      port.postMessage({ kind: 'failed', index: task.index, path: source.display, reason: processed.reason } satisfies WorkerMessage);
      return;
    }
    port.postMessage({ kind: 'processed', index: task.index, warnings: processed.warnings } satisfies WorkerMessage);
    let inFlight = 0;
    for (const part of processed.parts) {
      if (inFlight >= partsInFlight) {
        await new Promise<void>((resolve) => credits.set(task.index, resolve));
        inFlight = 0;
      }
      const message = portable(part);
      port.postMessage({ kind: 'part', index: task.index, part: message } satisfies WorkerMessage, transferList(message));
      inFlight++;
    }
    credits.delete(task.index);
    port.postMessage({ kind: 'end', index: task.index } satisfies WorkerMessage);
  });
}
