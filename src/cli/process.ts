import { readFileSync, readlinkSync, unlinkSync } from 'node:fs';
import { exitStatus, type StopSignal, stopSignals } from './errors.ts';
import { main } from './main.ts';
import { pendingTemporaries } from './temporaries.ts';

/**
 * Whether the shell started us with stdout closed (`>&-`). Node then opens /dev/null in its place
 * (read-write and close-on-exec), so writes would vanish and the run would "succeed". A
 * descriptor inherited across exec can never be close-on-exec, so that flag tells the two
 * apart: `> /dev/null` is write-only and inherited. Linux only; elsewhere: not detected.
 */
function stdoutWasClosed(): boolean {
  try {
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = Number.parseInt(/^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'))?.[1] ?? '0', 8);
    const closeOnExec = 0o2000000;
    const readWrite = 2;
    return (flags & closeOnExec) !== 0 && (flags & 3) === readWrite;
  } catch {
    return false;
  }
}

/**
 * The bytes of arguments that are not UTF-8, keyed by the text Node made of them: Node decodes
 * argv as UTF-8 and a Latin-1 or GBK file name would be lost. Linux keeps the bytes in
 * /proc/self/cmdline, whose last entries are our arguments.
 */
function rawArguments(argv: readonly string[]): Map<string, Buffer> {
  const raw = new Map<string, Buffer>();
  if (!argv.some((arg) => arg.includes('\ufffd'))) return raw;
  try {
    const entries: Buffer[] = [];
    const cmdline = readFileSync('/proc/self/cmdline');
    let start = 0;
    for (let end = cmdline.indexOf(0, start); end >= 0; end = cmdline.indexOf(0, start)) {
      entries.push(cmdline.subarray(start, end));
      start = end + 1;
    }
    const ours = entries.slice(entries.length - argv.length);
    if (ours.length !== argv.length || ours.some((bytes, i) => bytes.toString('utf8') !== argv[i])) return raw;
    ours.forEach((bytes, i) => {
      if ((argv[i] as string).includes('\ufffd')) raw.set(argv[i] as string, Buffer.from(bytes));
    });
  } catch {
    // Not Linux: such names stay as Node decoded them.
  }
  return raw;
}

/** Removes every temporary output file; run from signal handlers, so synchronous. */
function removeTemporaries(): void {
  for (const file of pendingTemporaries) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
  pendingTemporaries.clear();
}

/**
 * The process edge of every command but `--version` and `--help`: wires `main` to the real
 * stdin/stdout/stderr, sets `process.exitCode` (never `process.exit` while stdout drains), and
 * turns unexpected errors into one line.
 */
export async function runProcess(argv: readonly string[]): Promise<void> {
  // Ctrl-C, kill, a closed terminal: remove any half-written output file, then stop at once with
  // the conventional status. Long extractions run in a worker thread (see run-documents.ts), so
  // this thread is free to answer.
  for (const signal of Object.keys(stopSignals) as StopSignal[]) {
    process.once(signal, () => {
      removeTemporaries();
      process.exit(exitStatus({ kind: 'signal', signal }));
    });
  }
  // Broken pipes are handled where the output is written; a stderr that went away is only silence.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  try {
    process.exitCode = await main(argv, {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      stderrIsTTY: Boolean(process.stderr.isTTY),
      stdoutIsTTY: Boolean(process.stdout.isTTY),
      stdoutClosed: stdoutWasClosed(),
      rawArguments: rawArguments(argv),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!process.stderr.destroyed) process.stderr.write(`policy-extract: internal error: ${message}\n`);
    if (process.env.POLICY_EXTRACT_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    removeTemporaries();
    process.exitCode = exitStatus({ kind: 'internal' });
  }
}
