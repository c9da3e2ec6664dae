import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateDocument } from '../scripts/genre.ts';
import { root } from './helpers.ts';

// Batches through the built CLI: worker threads change nothing in the output, and output streams.
const bin = join(root, 'bin', 'policy-extract.js');
const work = mkdtempSync(join(tmpdir(), 'policy-extract-batch-'));
beforeAll(() => {
  mkdirSync(join(work, 'docs'));
  // Without the conventions of real pages the extraction is exact, so stderr holds only the broken file.
  for (let i = 0; i < 300; i++)
    writeFileSync(join(work, 'docs', `doc-${String(i).padStart(3, '0')}.txt`), generateDocument(5000 + i, { conventions: [] }).text);
  writeFileSync(join(work, 'docs', 'doc-150-broken.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[]) => {
  try {
    return {
      code: 0,
      stdout: execFileSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] }),
      stderr: '',
    };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { code: failure.status, stdout: failure.stdout, stderr: failure.stderr };
  }
};

describe('a batch of files', () => {
  test.each(['json', 'ndjson', 'csv', 'yaml'])('--jobs 2 writes the same %s bytes as --jobs 1, in input order', (format) => {
    const single = run(['docs', '-f', format, '--jobs', '1']);
    const parallel = run(['docs', '-f', format, '--jobs', '2']);
    expect(parallel).toEqual(single);
    // The broken file fails alone; the 300 others are all there.
    expect(single.code).toBe(1);
    expect(single.stderr).toBe('policy-extract: docs/doc-150-broken.txt: a PNG image (a scan?): run OCR first, e.g. `ocrmypdf`, and read the result\n');
  });

  test('the JSON of a batch is one valid document list in input order', () => {
    const output = JSON.parse(run(['docs', '--jobs', '2']).stdout) as { documents: { source: { path: string } }[] };
    expect(output.documents).toHaveLength(300);
    expect(output.documents[0]?.source.path).toBe('docs/doc-000.txt');
    expect(output.documents[299]?.source.path).toBe('docs/doc-299.txt');
  });

  test('output starts before the batch is finished', async () => {
    const child = spawn(process.execPath, [bin, 'docs', '-f', 'ndjson', '--jobs', '1'], { cwd: work, stdio: ['ignore', 'pipe', 'ignore'] });
    let exited = false;
    child.on('exit', () => (exited = true));
    const firstChunkBeforeExit = await new Promise<boolean>((resolve) => child.stdout.once('data', () => resolve(!exited)));
    child.stdout.resume();
    await new Promise((resolve) => child.on('close', resolve));
    expect(firstChunkBeforeExit).toBe(true);
  });
});
