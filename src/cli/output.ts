import { type FileHandle, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { BrokenPipe } from './errors.ts';
import { pendingTemporaries } from './temporaries.ts';

/** Where output goes: written in pieces, then committed or abandoned. */
export interface OutputSink {
  write(chunk: string | Uint8Array): Promise<void>;
  /** Makes the output final: for a file, renames the complete temporary file into place. */
  commit(): Promise<void>;
  /** Drops the output: for a file, deletes the temporary file; an existing file stays as it was. */
  abort(): Promise<void>;
}

/** Writes to a stream, waiting for it to drain; a closed pipe becomes BrokenPipe. */
export function streamSink(stream: Writable): OutputSink {
  let broken: Error | null = null;
  const onError = (error: NodeJS.ErrnoException): void => {
    broken = error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' ? new BrokenPipe('stdout closed') : error;
  };
  stream.on('error', onError);
  return {
    async write(chunk) {
      if (broken) throw broken;
      if (chunk.length === 0) return;
      const flushed = stream.write(chunk);
      if (!flushed) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            stream.off('drain', done);
            stream.off('error', done);
            stream.off('close', done);
            resolve();
          };
          stream.on('drain', done);
          stream.on('error', done);
          stream.on('close', done);
        });
      }
      if (broken) throw broken;
    },
    async commit() {
      if (broken) throw broken;
    },
    async abort() {},
  };
}

let temporaryCount = 0;

/**
 * Writes to a temporary file beside `path` and renames it over `path` on commit: a failure
 * or an interrupt never leaves a truncated file, and an existing file is only ever replaced
 * by a complete one (rename is atomic within a folder).
 */
export async function fileSink(path: string): Promise<OutputSink> {
  // Unique per process and call; 'wx' below refuses to reuse a name that exists.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}${temporaryCount++}.tmp`);
  const handle: FileHandle = await open(temporary, 'wx');
  pendingTemporaries.add(temporary);
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await handle.close();
    }
  };
  return {
    async write(chunk) {
      // writeFile on a handle writes all of it from the current position (write() may be partial).
      if (chunk.length > 0) await handle.writeFile(chunk);
    },
    async commit() {
      await handle.sync();
      await close();
      await rename(temporary, path);
      pendingTemporaries.delete(temporary);
    },
    async abort() {
      await close().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
      pendingTemporaries.delete(temporary);
    },
  };
}
