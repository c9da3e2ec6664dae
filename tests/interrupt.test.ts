import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateDocument } from '../scripts/genre.ts';
import { root } from './helpers.ts';

const work = mkdtempSync(join(tmpdir(), 'policy-extract-interrupt-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Ctrl-C during -o', () => {
  test('leaves neither a truncated file nor a temporary file, and keeps the old output', async () => {
    const docs = join(work, 'docs');
    mkdirSync(docs);
    for (let i = 0; i < 600; i++) writeFileSync(join(docs, `doc-${String(i).padStart(4, '0')}.txt`), generateDocument(i).text);
    writeFileSync(join(work, 'ledger.ndjson'), 'previous output\n');
    const child = spawn(process.execPath, [join(root, 'bin', 'policy-extract.js'), 'docs', '-f', 'ndjson', '--jobs', '1', '-o', 'ledger.ndjson'], {
      cwd: work,
      stdio: 'ignore',
    });
    // Wait until the temporary file exists, then interrupt.
    const deadline = Date.now() + 30_000;
    while (!readdirSync(work).some((name) => name.endsWith('.tmp')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(130);
    expect(readdirSync(work).sort()).toEqual(['docs', 'ledger.ndjson']);
    expect(readFileSync(join(work, 'ledger.ndjson'), 'utf8')).toBe('previous output\n');
    expect(existsSync(join(work, 'docs'))).toBe(true);
  });
});
