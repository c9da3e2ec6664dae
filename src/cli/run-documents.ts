import { statSync } from 'node:fs';
import type { Emitter } from '../emit/index.ts';
import type { ReadDocument } from '../read/types.ts';
import { type Processed, processDocument } from './document.ts';
import { InputError } from './errors.ts';
import type { Job } from './jobs.ts';
import type { Reporter } from './reporter.ts';
import { partsInFlight, type WorkerOptions, type WorkerTask } from './worker-protocol.ts';
import { WorkerChannel } from './workers.ts';

/**
 * Documents of this many characters or more are extracted in a worker thread: extraction is
 * synchronous, and seconds of it in the main thread would keep Ctrl-C waiting. Below it, a
 * document takes well under a second and starting a worker would cost more than it saves.
 */
const offloadCharacters = 1 << 20;
/** The same for a file, by its size: UTF-8 Chinese is 3 bytes a character, GB18030 2. */
const offloadBytes = 2 << 20;

/** Whether a file is large enough to be extracted in a worker thread; false for a FIFO, a device, or a file that cannot be read (its reading will say why). */
export function isLargeFile(path: string | Buffer): boolean {
  try {
    const info = statSync(path);
    return info.isFile() && info.size >= offloadBytes;
  } catch {
    return false;
  }
}

export interface SequentialSettings extends WorkerOptions {
  /** Extract large documents in a worker thread (not for `check`, which needs the document itself). */
  readonly offload: boolean;
}

/** What the caller does with each good document: its parts to write, and the document when it was extracted here. */
export type Consume = (
  display: string,
  processed: Extract<Processed<unknown>, { ok: true }> | { readonly parts: AsyncIterable<unknown>; readonly doc: null },
) => Promise<void>;

/**
 * Runs documents one after the other: a failed input is reported and skipped, the others go on;
 * warnings go through the reporter before a document is written.
 */
export async function processSequentially(
  jobs: AsyncIterable<Job | InputError>,
  settings: SequentialSettings,
  emitter: Emitter<unknown>,
  reporter: Reporter,
  consume: Consume,
): Promise<void> {
  let channel: WorkerChannel | null = null;
  let index = 0;
  try {
    for await (const job of jobs) {
      if (job instanceof InputError) {
        reporter.inputFailed(job.path, job.message);
        continue;
      }
      if (settings.offload && job.input?.kind === 'file' && isLargeFile(job.input.path)) {
        channel ??= new WorkerChannel(settings);
        await processInWorker(channel, { kind: 'large-file', index: index++, input: job.input }, job.display, reporter, consume);
        continue;
      }
      let loaded: ReadDocument;
      try {
        loaded = await job.load();
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        reporter.inputFailed(error.path, error.message);
        continue;
      }
      if (settings.offload && loaded.text.length >= offloadCharacters) {
        channel ??= new WorkerChannel(settings);
        await processInWorker(channel, { kind: 'text', index: index++, display: job.display, read: loaded }, job.display, reporter, consume);
        continue;
      }
      const processed = processDocument(loaded, { display: job.display, year: settings.year, status: settings.status }, emitter);
      if (!processed.ok) {
        reporter.inputFailed(job.display, processed.reason);
        continue;
      }
      reporter.documentWarnings(job.display, processed.warnings);
      await consume(job.display, processed);
    }
  } finally {
    await channel?.terminate();
  }
}

/** One large document through the worker: its warnings first, then its parts as the output takes them. */
async function processInWorker(
  channel: WorkerChannel,
  task: Extract<WorkerTask, { kind: 'text' | 'large-file' }>,
  display: string,
  reporter: Reporter,
  consume: Consume,
): Promise<void> {
  const { index } = task;
  channel.post(task);
  const first = await channel.next();
  if (first.kind === 'failed') {
    reporter.inputFailed(first.path, first.reason);
    return;
  }
  if (first.kind !== 'processed') throw new Error(`unexpected message from a worker: ${first.kind}`);
  reporter.documentWarnings(display, first.warnings);
  async function* parts(): AsyncGenerator<unknown> {
    for (let received = 1; ; received++) {
      const message = await channel.next();
      if (message.kind === 'end') return;
      if (message.kind !== 'part') throw new Error(`unexpected message from a worker: ${message.kind}`);
      // The parts before this one are written: the worker may render more.
      if (received % partsInFlight === 0) channel.post({ kind: 'credit', index });
      yield message.part;
    }
  }
  await consume(display, { parts: parts(), doc: null });
}
