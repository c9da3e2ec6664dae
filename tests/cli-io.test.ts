import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from './cli-harness.ts';
import { fixturesDir, root } from './helpers.ts';

// Issue 15, as a careful user and a hostile input meet the CLI (the built one: see cli-harness.ts).
const temp = () => mkdtempSync(join(tmpdir(), 'policy-extract-io-'));
const flatList = readFileSync(join(fixturesDir, 'flat-list', 'input.txt'), 'utf8');
const noYear = readFileSync(join(fixturesDir, 'month-end-no-year', 'input.txt'), 'utf8');

describe('the output format', () => {
  test.each([
    ['ledger.csv', (out: string) => expect(out.split('\r\n')[0]).toMatch(/^序号,领域,/)],
    ['ledger.CSV', (out: string) => expect(out.split('\r\n')[0]).toMatch(/^序号,领域,/)],
    ['ledger.yaml', (out: string) => expect([out.startsWith('schemaVersion: '), parseYaml(out).documents.length]).toEqual([true, 1])],
    ['ledger.yml', (out: string) => expect(out.startsWith('schemaVersion: ')).toBe(true)],
    [
      'ledger.ndjson',
      (out: string) =>
        expect(
          out
            .trimEnd()
            .split('\n')
            .map((line) => JSON.parse(line).id),
        ).toEqual(['1.1', '1.2', '1.3']),
    ],
    ['ledger.jsonl', (out: string) => expect(out.trimEnd().split('\n')).toHaveLength(3)],
    ['ledger.out', (out: string) => expect(JSON.parse(out).documents).toHaveLength(1)],
  ])('-o %s without --format is inferred from the extension', async (name, check) => {
    const dir = temp();
    writeFileSync(join(dir, 'plan.txt'), flatList);
    const [code, , stderr] = await runCli(['plan.txt', '-o', name], { cwd: dir });
    expect([code, stderr]).toEqual([0, '']);
    check(readFileSync(join(dir, name), 'utf8'));
  });

  test('an explicit --format wins over the extension', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'plan.txt'), flatList);
    await runCli(['plan.txt', '-o', 'ledger.csv', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'ledger.csv'), 'utf8')).documents).toHaveLength(1);
  });

  test('schema --format yaml works in the built CLI', async () => {
    const [code, stdout, stderr] = await runCli(['schema', '--format', 'yaml']);
    expect([code, stderr]).toEqual([0, '']);
    expect(parseYaml(stdout)).toEqual(JSON.parse(readFileSync(join(root, 'schema', 'policy-extract.schema.json'), 'utf8')));
  });
});

describe('options', () => {
  test.each(['UTF-8', 'Utf8', 'GBK'])('--encoding %s is accepted whatever its case', async (encoding) => {
    const dir = temp();
    writeFileSync(join(dir, 'plan.txt'), encoding === 'GBK' ? readFileSync(join(fixturesDir, 'encodings', 'gb18030.txt')) : flatList);
    const [code, stdout, stderr] = await runCli(['plan.txt', '--encoding', encoding], { cwd: dir });
    expect([code, stderr]).toEqual([0, '']);
    expect(JSON.parse(stdout).documents[0].domains.length).toBeGreaterThan(0);
  });

  test('--jobs above the CPUs is accepted and clamped, not an error', async () => {
    const { effectiveJobs } = await import('../src/cli/options.ts');
    expect(effectiveJobs(256, 2)).toBe(2);
    expect(effectiveJobs(1, 64)).toBe(1);
    expect(effectiveJobs(undefined, 512)).toBeLessThanOrEqual(32);
    // Unasked: one thread on two CPUs or fewer (a second costs more than it saves there), one per CPU above.
    expect(effectiveJobs(undefined, 2)).toBe(1);
    expect(effectiveJobs(undefined, 1)).toBe(1);
    expect(effectiveJobs(undefined, 4)).toBe(4);
    expect(effectiveJobs(2, 2)).toBe(2);
    const [code] = await runCli(['fixtures/flat-list/input.txt', '--jobs', '100000'], { cwd: root });
    expect(code).toBe(0);
  });
});

describe('inputs', () => {
  test.each([
    ['nbsp.txt', '\u00a0\u00a0\n\u00a0'],
    ['zwsp.txt', '\u200b\u200b\n\u200b\ufeff\u2060'],
  ])('%s, of only invisible spaces, is empty', async (name, content) => {
    const dir = temp();
    writeFileSync(join(dir, name), content);
    const [code, , stderr] = await runCli([name], { cwd: dir });
    expect([code, stderr]).toEqual([1, `policy-extract: ${name}: the file has only whitespace\n`]);
  });

  test('Shift-JIS (Japanese) is refused, not decoded as GB18030 mojibake', async () => {
    const [code, stdout, stderr] = await runCli(['fixtures/encodings/shift-jis.txt'], { cwd: root });
    expect([code, stderr]).toEqual([
      1,
      'policy-extract: fixtures/encodings/shift-jis.txt: the bytes look like Shift-JIS (Japanese) text, which is not supported; pass --encoding gb18030 if it is Chinese\n',
    ]);
    expect(JSON.parse(stdout).documents).toEqual([]);
  });

  test('an empty path is an error that says so, not the current folder', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'plan.txt'), flatList);
    const [code, stdout, stderr] = await runCli([''], { cwd: dir });
    expect([code, stderr]).toEqual([1, "policy-extract: '': an empty path names no file\n"]);
    expect(JSON.parse(stdout).documents).toEqual([]);
  });

  test('control characters in file names are escaped in diagnostics', async () => {
    const [code, , stderr] = await runCli(['evil\u001b[2J\r\nname.txt'], { cwd: temp() });
    expect(code).toBe(1);
    expect(stderr).toBe('policy-extract: evil\\x1b[2J\\r\\nname.txt: no such file or directory\n');
  });

  test('folders take upper-case extensions and never follow a symlink back into themselves', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'docs', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'A.TXT'), flatList);
    writeFileSync(join(dir, 'docs', 'sub', 'b.Md'), flatList);
    symlinkSync('..', join(dir, 'docs', 'sub', 'up'));
    symlinkSync('../sub', join(dir, 'docs', 'sub', 'self'));
    const [code, stdout, stderr] = await runCli(['docs', '-f', 'ndjson'], { cwd: dir });
    expect([code, stderr]).toEqual([0, '']);
    expect([
      ...new Set(
        stdout
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line).document.path),
      ),
    ]).toEqual(['docs/A.TXT', 'docs/sub/b.Md']);
  });

  test('warnings say file:line:column', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'plan.txt'), noYear);
    const [, , stderr] = await runCli(['plan.txt'], { cwd: dir });
    expect(stderr.split('\n')[0]).toMatch(/^plan\.txt:2:\d+: deadline-year-unknown /);
  });
});

describe('--stdin-ndjson', () => {
  test('a null or broken record is a one-line error for that record, and the records after it are still read', async () => {
    const good = (name: string) => JSON.stringify({ path: name, text: flatList });
    const stdin = [good('a.txt'), 'null', '{"path": "broken', '[1, 2]', '{"path": "no-text.txt"}', good('b.txt')].join('\n');
    const [code, stdout, stderr] = await runCli(['--stdin-ndjson', '-f', 'ndjson'], { stdin });
    expect(code).toBe(1);
    expect(stderr).toBe(
      [
        'policy-extract: <stdin>:2: the record is null, not an object {"path", "text"}',
        'policy-extract: <stdin>:3: not a JSON record',
        'policy-extract: <stdin>:4: the record is an array, not an object {"path", "text"}',
        'policy-extract: no-text.txt (<stdin>:5): record has no "text" string',
        '',
      ].join('\n'),
    );
    expect([
      ...new Set(
        stdout
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line).document.path),
      ),
    ]).toEqual(['a.txt', 'b.txt']);
  });
});

describe('-o', () => {
  test('onto a folder is refused before any work is done', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'plan.txt'), noYear);
    mkdirSync(join(dir, 'out'));
    const [code, stdout, stderr] = await runCli(['plan.txt', '-o', 'out'], { cwd: dir });
    expect([code, stdout, stderr]).toEqual([2, '', 'policy-extract: cannot write out: it is a folder\n']);
  });

  test('a 255-byte file name works: the temporary file has a short name of its own', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'plan.txt'), flatList);
    const name = `${'台'.repeat(83)}.js`.slice(0, 84);
    expect(Buffer.byteLength(`${name}on`)).toBeLessThanOrEqual(255);
    const [code, , stderr] = await runCli(['plan.txt', '-o', `${name}on`], { cwd: dir });
    expect([code, stderr]).toEqual([0, '']);
    expect(readdirSync(dir).sort()).toEqual([`${name}on`, 'plan.txt'].sort());
  });
});

describe('check --update', () => {
  test('inputs with the same name in two folders do not share one expected file', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'docs', 'a'), { recursive: true });
    mkdirSync(join(dir, 'docs', 'b'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'a', 'plan.txt'), flatList);
    writeFileSync(join(dir, 'docs', 'b', 'plan.txt'), readFileSync(join(fixturesDir, 'global-numbering', 'input.txt')));
    mkdirSync(join(dir, 'expected'));
    const [code, stdout, stderr] = await runCli(['check', 'docs', '--expect', 'expected', '--update'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe("policy-extract: docs/b/plan.txt: its expected file expected/plan.json is already docs/a/plan.txt's; check these inputs separately\n");
    expect(stdout).toMatch(/: failed\n$/);
  });

  test('--expect DIR/ that does not exist yet is created as a folder', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'plan.txt'), flatList);
    const [code, , stderr] = await runCli(['check', 'plan.txt', '--expect', 'newdir/', '--update'], { cwd: dir });
    expect([code, stderr]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(join(dir, 'newdir', 'plan.json'), 'utf8')).documents).toHaveLength(1);
  });
});

describe('one exit mapping', () => {
  test('maps every ending to its status', async () => {
    const { exitStatus } = await import('../src/cli/errors.ts');
    expect(exitStatus({ kind: 'done', failedInputs: 0, warnings: 3, strict: false })).toBe(0);
    expect(exitStatus({ kind: 'done', failedInputs: 0, warnings: 3, strict: true })).toBe(1);
    expect(exitStatus({ kind: 'done', failedInputs: 1, warnings: 0, strict: false })).toBe(1);
    expect(exitStatus({ kind: 'usage' })).toBe(2);
    expect(exitStatus({ kind: 'broken-pipe' })).toBe(0);
    expect(exitStatus({ kind: 'output-failed' })).toBe(1);
    expect(exitStatus({ kind: 'signal', signal: 'SIGINT' })).toBe(130);
    expect(exitStatus({ kind: 'signal', signal: 'SIGTERM' })).toBe(143);
    expect(exitStatus({ kind: 'signal', signal: 'SIGHUP' })).toBe(129);
  });

  test('system errors are named as what they are', async () => {
    const { describeSystemError } = await import('../src/cli/errors.ts');
    expect(describeSystemError(Object.assign(new Error('ENOSPC: write'), { code: 'ENOSPC' }))).toBe('no space left on device');
    expect(describeSystemError(Object.assign(new Error('EISDIR: read'), { code: 'EISDIR' }))).toBe('is a folder');
    expect(describeSystemError(Object.assign(new Error('EROFS: open'), { code: 'EROFS' }))).toBe('read-only file system');
  });
});
