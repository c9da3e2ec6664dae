import { parentPort, workerData } from 'node:worker_threads';
import { loadEmitter } from '../emit/index.ts';
import { runTask, type Task, type TaskOptions, type TaskResult } from './task.ts';

/** What a worker answers: the document as UTF-8 bytes, transferred rather than copied. */
export type WorkerResult = TaskResult<Uint8Array>;
/** A worker says `ready` once its code is loaded, then answers each task. */
export type WorkerMessage = { readonly ready: true } | WorkerResult;

// A worker thread of `--jobs`: renders one document at a time. Rendering here (not in the main
// thread) is what makes the work parallel; the main thread writes the chunks in input order.
const options = workerData as TaskOptions;
const emitter = await loadEmitter(options.format, options.emitOptions);
const port = parentPort;
port?.postMessage({ ready: true } satisfies WorkerMessage);

port?.on('message', async (task: Task) => {
  const rendered = await runTask(task, options, emitter);
  if ('error' in rendered) {
    port.postMessage(rendered);
    return;
  }
  const result: WorkerResult = { index: rendered.index, chunk: Buffer.from(rendered.chunk, 'utf8'), warnings: rendered.warnings };
  port.postMessage(result, [result.chunk.buffer as ArrayBuffer]);
});
