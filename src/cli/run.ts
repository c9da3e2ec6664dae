import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.ts';
import { version } from './version.ts';

function readBuiltHelp(): string | null {
  try {
    return readFileSync(join(packageRoot(), 'dist', 'help.txt'), 'utf8');
  } catch {
    return null;
  }
}

/**
 * The command-line entry. `--version` and `--help` need nothing else: they answer here, before
 * the rest of the tool is loaded (the help text is rendered by commander at build time,
 * dist/help.txt, 80 columns). Everything else runs in `process.ts`, built as one file.
 */
export async function run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
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
  const { runProcess } = await import('./process.ts');
  await runProcess(argv);
}

/** `main` itself, loaded on demand: tests run the built CLI in-process through it. */
export async function loadMain(): Promise<typeof import('./main.ts').main> {
  return (await import('./main.ts')).main;
}
