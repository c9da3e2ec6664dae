import { PassThrough, Readable } from 'node:stream';
import type { main as sourceMain } from '../src/cli/main.ts';

// The CLI under test is the built one (dist/, rebuilt by `npm test` before vitest runs): a bundle
// that differs from the sources (a dependency bundled wrongly) cannot pass.
const { loadMain } = (await import('../dist/cli.js' as string)) as { loadMain: () => Promise<typeof sourceMain> };
const main = await loadMain();

interface RunOptions {
  stdin?: string;
  env?: Record<string, string>;
  cwd?: string;
  /** stderr is a terminal (colour in diagnostics). */
  tty?: boolean;
  /** stdout is a terminal (a workbook is refused, the diff's report is coloured). */
  stdoutTTY?: boolean;
}

/** Runs the CLI in-process and returns [exitCode, stdout as bytes, stderr]. */
export async function runCliBytes(argv: string[], options: RunOptions = {}): Promise<[number, Buffer, string]> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  let err = '';
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const code = await main(argv, {
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout,
    stderr,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    stderrIsTTY: options.tty ?? false,
    stdoutIsTTY: options.stdoutTTY ?? false,
  });
  await new Promise((resolve) => setImmediate(resolve));
  return [code, Buffer.concat(out), err];
}

/** Runs the CLI in-process and returns [exitCode, stdout, stderr] together (unified-args' style). */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<[number, string, string]> {
  const [code, out, err] = await runCliBytes(argv, options);
  return [code, out.toString('utf8'), err];
}
