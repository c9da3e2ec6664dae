// Builds dist/: a bundled, minified-free ESM build for plain `node` (bin/ and the library),
// and TypeScript declarations for library users. Runs from `npm ci` through `prepare`.

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

rmSync('dist', { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli/run.ts', index: 'src/index.ts', validate: 'src/validate.ts', worker: 'src/cli/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Bundling the dependencies makes start-up one file read instead of hundreds.
  packages: 'bundle',
  legalComments: 'none',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  define: { POLICY_EXTRACT_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
});

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// The help text is static: render it once here (80 columns, as for a pipe) so that `--help`
// answers without loading the command-line parser.
const help = execFileSync(process.execPath, ['bin/policy-extract.js', '--help', '--no-color'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '80' } });
writeFileSync('dist/help.txt', help);
