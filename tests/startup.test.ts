import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { root } from './helpers.ts';

// The built CLI keeps zod off its start-up path (issue 16): outputs are checked by the validator
// generated from the zod schema, and zod is loaded only to explain a failure. This runs dist/ with
// a module hook that lists every module the process loads, and looks for the chunk holding zod.
const chunks = join(root, 'dist', 'chunks');
const zodChunks = readdirSync(chunks).filter((name) => readFileSync(join(chunks, name), 'utf8').includes('ZodError'));
const work = mkdtempSync(join(tmpdir(), 'policy-extract-startup-'));
writeFileSync(join(work, 'hooks.mjs'), 'export async function load(url, context, next) { process._rawDebug("loaded " + url); return next(url, context); }\n');
writeFileSync(
  join(work, 'register.mjs'),
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(work, 'hooks.mjs')).href)});\n`,
);

function loadedModules(args: readonly string[]): string[] {
  const result = spawnSync(process.execPath, ['--import', join(work, 'register.mjs'), join(root, 'bin', 'policy-extract.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
  });
  expect(result.status).toBe(0);
  return result.stderr.split('\n').filter((line) => line.startsWith('loaded '));
}

describe('start-up', () => {
  test('the zod schema is in a chunk of its own', () => {
    expect(zodChunks.length).toBe(1);
  });

  test.each([
    ['json', []],
    ['ndjson', ['-f', 'ndjson']],
    ['csv', ['-f', 'csv']],
    ['yaml', ['-f', 'yaml']],
    ['csv rows by unit', ['-f', 'csv', '--rows', 'unit']],
  ])('the seed to %s never loads zod', (_name, options) => {
    const loaded = loadedModules(['seeds/shandong-2023-business-environment.txt', ...options]);
    expect(loaded.some((line) => line.includes('/dist/cli.js'))).toBe(true);
    expect(loaded.filter((line) => zodChunks.some((chunk) => line.endsWith(`/${chunk}`)))).toEqual([]);
  });

  test('the JSON Schema is printed from zod: the chunk is found when it is loaded', () => {
    const loaded = loadedModules(['schema']);
    expect(loaded.filter((line) => zodChunks.some((chunk) => line.endsWith(`/${chunk}`)))).toHaveLength(1);
  });
});
