import { randomBytes } from 'node:crypto';
import { lstat, open, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { Chunk } from '../emit/index.ts';
import { BrokenPipe, describeSystemError, OutputError, UsageError } from './errors.ts';
import { pendingTemporaries } from './temporaries.ts';

/** Where output goes: written in pieces, then committed or abandoned. */
export interface OutputSink {
  write(chunk: Chunk): Promise<void>;
  /** Makes the output final: for a regular file, renames the complete temporary file into place. */
  commit(): Promise<void>;
  /** Drops the output: for a regular file, deletes the temporary file; an existing file stays as it was. */
  abort(): Promise<void>;
}

/** Writes to a stream (stdout), waiting for it to drain; a closed pipe becomes BrokenPipe, any other failure an OutputError. */
export function streamSink(stream: Writable, name = 'stdout'): OutputSink {
  let broken: Error | null = null;
  const fail = (error: NodeJS.ErrnoException): Error =>
    error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED'
      ? new BrokenPipe(`${name} closed`)
      : new OutputError(`cannot write the output to ${name}: ${describeSystemError(error)}`);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    broken ??= fail(error);
  });
  const settle = (): Promise<void> =>
    new Promise<void>((resolve) => {
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
  return {
    async write(chunk) {
      if (broken) throw broken;
      if (chunk.length === 0) return;
      let flushed: boolean;
      try {
        flushed = stream.write(chunk);
      } catch (error) {
        broken ??= fail(error as NodeJS.ErrnoException);
        throw broken;
      }
      if (!flushed) await settle();
      if (broken) throw broken;
    },
    async commit() {
      // A file or device behind stdout reports a failed write on the next tick.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (broken) throw broken;
    },
    async abort() {},
  };
}

/** The file a path finally names, through any chain of symbolic links (dangling ones too). */
async function finalTarget(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch(() => null);
    if (!info?.isSymbolicLink()) return current;
    const resolved = await realpath(current).catch(() => null);
    if (resolved !== null) return resolved;
    current = resolve(dirname(current), await readlink(current));
  }
  throw new OutputError(`cannot write ${path}: ${describeSystemError({ code: 'ELOOP' })}`);
}

/**
 * Opens `-o FILE` before any work is done, so that a folder, a missing folder or a folder that
 * cannot be written to is refused at once. What is written where:
 * - a regular file, or none yet: a temporary file beside the target (through symlinks, beside
 *   the file they name), renamed over it on commit with the old file's mode and owner; a failure
 *   or a signal never leaves a truncated file;
 * - anything else (a FIFO, /dev/null, a terminal, a socket): written in place, never replaced.
 */
export async function fileSink(path: string, shown: string = path): Promise<OutputSink> {
  const target = await finalTarget(path);
  const info = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new UsageError(`cannot write ${shown}: ${describeSystemError(error)}`);
  });
  if (info?.isDirectory()) throw new UsageError(`cannot write ${shown}: it is a folder`);
  if (info && !info.isFile()) return inPlaceSink(target, shown);
  const folder = dirname(target);
  // Short and unique: a temporary named after a 255-byte target would be too long for the file system.
  const temporary = join(folder, `.policy-extract-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', info ? info.mode & 0o7777 : 0o666).catch((error: NodeJS.ErrnoException) => {
    const reason = error.code === 'ENOENT' ? 'its folder does not exist' : describeSystemError(error);
    throw new UsageError(`cannot write ${shown}: ${reason}`);
  });
  pendingTemporaries.add(temporary);
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await handle.close();
    }
  };
  const failed = (error: unknown): OutputError => new OutputError(`cannot write ${shown}: ${describeSystemError(error)}`);
  const drop = async (): Promise<void> => {
    await close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    pendingTemporaries.delete(temporary);
  };
  return {
    async write(chunk) {
      // writeFile on a handle writes all of it from the current position (write() may be partial).
      if (chunk.length === 0) return;
      try {
        await handle.writeFile(chunk);
      } catch (error) {
        await drop();
        throw failed(error);
      }
    },
    async commit() {
      try {
        if (info) {
          // The umask and the creating user must not change who can read a ledger (a 0600 file stays 0600).
          await handle.chmod(info.mode & 0o7777);
          await handle.chown(info.uid, info.gid).catch(() => undefined);
        }
        await handle.sync();
        await close();
        await rename(temporary, target);
        pendingTemporaries.delete(temporary);
      } catch (error) {
        await drop();
        throw failed(error);
      }
    },
    abort: drop,
  };
}

/** Writes straight into what is not a regular file; nothing to rename, nothing to remove. */
async function inPlaceSink(target: string, shown: string): Promise<OutputSink> {
  const handle = await open(target, 'w').catch((error: unknown) => {
    throw new UsageError(`cannot write ${shown}: ${describeSystemError(error)}`);
  });
  let closed = false;
  const close = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await handle.close();
    }
  };
  return {
    async write(chunk) {
      if (chunk.length === 0) return;
      try {
        await handle.writeFile(chunk);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') throw new BrokenPipe(`${shown} closed`);
        throw new OutputError(`cannot write ${shown}: ${describeSystemError(error)}`);
      }
    },
    commit: close,
    abort: () => close().catch(() => undefined),
  };
}

/** Gathers small pieces into writes of about 64 kB: a document renders in many small parts. */
export function bufferedWriter(sink: OutputSink): { write(chunk: Chunk): Promise<void>; flush(): Promise<void> } {
  const limit = 1 << 16;
  let pending: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    await sink.write(text);
  };
  return {
    async write(chunk) {
      if (typeof chunk !== 'string') {
        await flush();
        await sink.write(chunk);
        return;
      }
      pending.push(chunk);
      size += chunk.length;
      if (size >= limit) await flush();
    },
    flush,
  };
}
