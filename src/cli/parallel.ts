import type { Worker } from 'node:worker_threads';
import type { Emitter } from '../emit/index.ts';
import { processDocument } from './document.ts';
import type { InputError } from './errors.ts';
import { type Input, readInput } from './inputs.ts';
import type { Reporter } from './reporter.ts';
import { isLargeFile } from './run-documents.ts';
import type { WorkerMessage, WorkerOptions } from './worker-protocol.ts';
import { startWorker } from './workers.ts';

/** Tasks each worker has queued at once. */
const tasksInFlightPerWorker = 3;

type Finished = Extract<WorkerMessage, { kind: 'rendered' | 'failed' }>;

/**
 * Spreads a batch of files over `threads` threads, the main one included, and writes the results
 * in input order as soon as each next one is ready: output starts before the batch is read, and
 * at most a few documents per thread are held in memory, however large the batch.
 *
 * The main thread renders documents too, whenever the next one to write is not ready: it
 * would otherwise sit idle, and each worker it replaces saves a heap and a copy of the code.
 */
export async function processInWorkers(
  inputs: readonly (Input & { kind: 'file' })[],
  expansionErrors: readonly InputError[],
  settings: WorkerOptions & { readonly threads: number },
  emitter: Emitter<unknown>,
  reporter: Reporter,
  writeDocument: (parts: Iterable<unknown>) => Promise<void>,
): Promise<void> {
  for (const error of expansionErrors) reporter.inputFailed(error.path, error.message);
  const threads = Math.min(settings.threads, inputs.length);
  const workers = Array.from({ length: threads - 1 }, () => startWorker(settings));
  const finished = new Map<number, Finished>();
  // How far dispatching may run ahead of writing: this bounds memory. The main thread renders a
  // document itself only while that leaves room for every worker's queue: a main thread that
  // filled the window would leave the workers idle until it wrote again.
  const maxAhead = threads * tasksInFlightPerWorker * 2;
  const maxAheadForLocal = maxAhead - workers.length * tasksInFlightPerWorker;
  let nextToDispatch = 0;
  let nextToWrite = 0;
  let wake: (() => void) | null = null;
  let crash: Error | null = null;
  const idle: Worker[] = [];

  const dispatch = (worker: Worker): void => {
    if (nextToDispatch >= inputs.length || nextToDispatch - nextToWrite >= maxAhead) {
      idle.push(worker);
      return;
    }
    const index = nextToDispatch++;
    worker.postMessage({ kind: 'file', index, input: inputs[index] });
  };
  for (const worker of workers) {
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'ready') {
        // A few tasks queued per worker, so that it never waits for a round trip to the main thread.
        // Until a worker is ready (its code loaded), the main thread takes the first documents.
        for (let i = 0; i < tasksInFlightPerWorker; i++) dispatch(worker);
        return;
      }
      if (message.kind !== 'rendered' && message.kind !== 'failed') return;
      finished.set(message.index, message);
      dispatch(worker);
      wake?.();
    });
    worker.on('error', (error) => {
      crash = error;
      wake?.();
    });
  }

  /** The main thread's share: the same work as a worker's. */
  const renderHere = async (index: number): Promise<Finished> => {
    const input = inputs[index] as Input & { kind: 'file' };
    try {
      const read = await readInput(input, process.stdin, settings.encoding, settings.inputFormat);
      const processed = processDocument(read, { display: input.display, year: settings.year, status: settings.status }, emitter);
      if (!processed.ok) return { kind: 'failed', index, path: input.display, reason: processed.reason };
      return { kind: 'rendered', index, parts: [...processed.parts], warnings: processed.warnings };
    } catch (error) {
      return { kind: 'failed', index, path: input.display, reason: (error as Error).message };
    }
  };

  try {
    while (nextToWrite < inputs.length) {
      const result = finished.get(nextToWrite);
      if (!result) {
        if (crash) throw crash;
        const next = inputs[nextToDispatch];
        if (next && isLargeFile(next.path) && idle.length > 0 && nextToDispatch - nextToWrite < maxAhead) {
          // A large file is never extracted here, where it would keep Ctrl-C waiting: a worker takes it.
          dispatch(idle.pop() as Worker);
          continue;
        }
        if (next && !isLargeFile(next.path) && nextToDispatch - nextToWrite < maxAheadForLocal) {
          // Nothing to write yet: render the next document here rather than wait.
          const index = nextToDispatch++;
          finished.set(index, await renderHere(index));
          // Workers that finished meanwhile wait in the queue of events: let them in.
          await new Promise<void>((resolve) => setImmediate(resolve));
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      finished.delete(nextToWrite);
      nextToWrite++;
      while (idle.length > 0 && nextToDispatch < inputs.length && nextToDispatch - nextToWrite < maxAhead) dispatch(idle.pop() as Worker);
      if (result.kind === 'failed') {
        reporter.inputFailed(result.path, result.reason);
        continue;
      }
      reporter.documentWarnings((inputs[result.index] as Input).display, result.warnings);
      await writeDocument(result.parts);
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
