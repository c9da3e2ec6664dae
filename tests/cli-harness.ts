import { PassThrough, Readable } from 'node:stream';
import type { main as sourceMain } from '../src/cli/main.ts';

// The CLI under test is the built one (dist/, rebuilt by `npm test` before vitest runs): a bundle
// that differs from the sources (a dependency bundled wrongly) cannot pass.
const { loadMain } = (await import('../dist/cli.js' as string)) as { loadMain: () => Promise<typeof sourceMain> };
const main = await loadMain();

/** Runs the CLI in-process and returns [exitCode, stdout, stderr] together (unified-args' style). */
export async function runCli(
  argv: string[],
  options: { stdin?: string; env?: Record<string, string>; cwd?: string; tty?: boolean } = {},
): Promise<[number, string, string]> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const code = await main(argv, {
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout,
    stderr,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    stderrIsTTY: options.tty ?? false,
  });
  await new Promise((resolve) => setImmediate(resolve));
  return [code, out, err];
}
