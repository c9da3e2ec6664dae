// Builds dist/: bundled ESM for plain `node` (bin/ and the library), and TypeScript
// declarations for library users. Runs from `npm ci` through `prepare`.
//
// Each file is one bundle, because Node 20's module loader costs about a millisecond per
// module: the command line is a small entry (`--version` and `--help` answer there) and one
// file with the rest; the worker thread and the library are a file each. Code they share is
// repeated on disk rather than split into chunks that every run would load one by one.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

rmSync('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundling the dependencies makes start-up one file read instead of hundreds.
  packages: 'bundle',
  legalComments: 'none',
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  define: { POLICY_EXTRACT_VERSION: JSON.stringify(version) },
  logLevel: 'warning',
};

/** The entry loads the rest of the command line from its own file, at run time. */
const restOfTheCli = {
  name: 'rest-of-the-cli',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/process\.ts$/ }, () => ({ path: './cli-main.js', external: true }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['src/cli/run.ts'], outfile: 'dist/cli.js', plugins: [restOfTheCli] }),
  build({ ...common, entryPoints: ['src/cli/process.ts'], outfile: 'dist/cli-main.js' }),
  build({ ...common, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.js' }),
  build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' }),
]);

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

// The help text is static: render it once here (80 columns, as for a pipe) so that `--help`
// answers without loading the command-line parser.
const help = execFileSync(process.execPath, ['bin/policy-extract.js', '--help', '--no-color'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '80' } });
writeFileSync('dist/help.txt', help);
