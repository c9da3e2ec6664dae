import { unlinkSync } from 'node:fs';
import { main } from './main.ts';
import { pendingTemporaries } from './temporaries.ts';

/**
 * The process edge of every command but `--version` and `--help`: wires `main` to the real
 * stdin/stdout/stderr, sets `process.exitCode` (never `process.exit` while stdout drains), and
 * turns unexpected errors into one line.
 */
export async function runProcess(argv: readonly string[]): Promise<void> {
  // Ctrl-C: remove any half-written output file, then stop with the conventional status.
  process.once('SIGINT', () => {
    for (const file of pendingTemporaries) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone.
      }
    }
    process.exit(130);
  });
  // A reader that went away (`| head -1`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exitCode ??= 0;
  });
  try {
    process.exitCode = await main(argv, {
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      stderrIsTTY: Boolean(process.stderr.isTTY),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`policy-extract: internal error: ${message}\n`);
    if (process.env.POLICY_EXTRACT_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    process.exitCode = 1;
  }
}
