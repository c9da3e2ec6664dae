import { readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.ts';
import { pendingTemporaries } from './temporaries.ts';
import { version } from './version.ts';

function readBuiltHelp(): string | null {
  try {
    return readFileSync(join(packageRoot(), 'dist', 'help.txt'), 'utf8');
  } catch {
    return null;
  }
}

/**
 * The process edge: wires `main` to the real stdin/stdout/stderr, sets `process.exitCode`
 * (never `process.exit` while stdout drains), and turns unexpected errors into one line.
 */
export async function run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // `--version` and `--help` need nothing else: answer before loading the command-line parser.
  // The help text is rendered by commander at build time (dist/help.txt, 80 columns).
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${version}\n`);
    return;
  }
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    const help = readBuiltHelp();
    if (help !== null) {
      process.stdout.write(help);
      return;
    }
  }
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
    const { main } = await import('./main.ts');
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
