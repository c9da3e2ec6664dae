import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateDocument } from '../scripts/genre.ts';
import { fixturesDir, root } from './helpers.ts';

// Issue 15 through the built command, as a shell runs it: special files, closed streams, signals.
const bin = join(root, 'bin', 'policy-extract.js');
const work = mkdtempSync(join(tmpdir(), 'policy-extract-process-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const flatList = join(fixturesDir, 'flat-list', 'input.txt');
const noYear = join(fixturesDir, 'month-end-no-year', 'input.txt');
const folder = () => mkdtempSync(join(work, 'case-'));
const sh = (script: string, cwd: string) => spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, BIN: bin } });
const isRoot = process.getuid?.() === 0;

describe('-o onto what is not a regular file', () => {
  test('a FIFO is written in place and stays a FIFO', () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'out.fifo')]);
    const run = sh(`cat out.fifo > got.json & node "$BIN" "${flatList}" -o out.fifo; echo "rc=$?"; wait`, dir);
    expect(run.stdout).toBe('rc=0\n');
    expect(lstatSync(join(dir, 'out.fifo')).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'got.json'), 'utf8')).documents).toHaveLength(1);
  });

  test('a symlink is written through: the link stays, its target gets the output', () => {
    const dir = folder();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    expect(sh(`node "$BIN" "${flatList}" -o link.json`, dir).status).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).documents).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'real.json']);
  });

  test('a symlink to /dev/null leaves both the link and the device as they were', () => {
    const dir = folder();
    symlinkSync('/dev/null', join(dir, 'sink'));
    expect(sh(`node "$BIN" "${flatList}" -o sink`, dir).status).toBe(0);
    expect(lstatSync(join(dir, 'sink')).isSymbolicLink()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  test('a replaced file keeps its mode and owner', () => {
    const dir = folder();
    const ledger = join(dir, 'ledger.json');
    writeFileSync(ledger, 'old', { mode: 0o600 });
    if (isRoot) chownSync(ledger, 4321, 4322);
    expect(sh(`node "$BIN" "${flatList}" -o ledger.json`, dir).status).toBe(0);
    const info = statSync(ledger);
    expect(info.mode & 0o777).toBe(0o600);
    if (isRoot) expect([info.uid, info.gid]).toEqual([4321, 4322]);
    expect(JSON.parse(readFileSync(ledger, 'utf8')).documents).toHaveLength(1);
  });
});

describe('a full disk', () => {
  // A 64 kB tmpfs is a full disk for the seed's output; it needs root (or CAP_SYS_ADMIN) to mount.
  const disk = join(work, 'tiny');
  const mounted = (() => {
    execFileSync('mkdir', ['-p', disk]);
    return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]).status === 0;
  })();
  afterAll(() => {
    if (mounted) spawnSync('umount', [disk]);
  });

  test.skipIf(!mounted)('-o fails with the disk named, keeps the old file and leaves no temporary', () => {
    writeFileSync(join(disk, 'ledger.json'), 'previous');
    const run = sh(`node "$BIN" -o "${join(disk, 'ledger.json')}"`, work);
    expect([run.status, run.stderr]).toEqual([1, `policy-extract: cannot write ${join(disk, 'ledger.json')}: no space left on device\n`]);
    expect(readdirSync(disk)).toEqual(['ledger.json']);
    expect(readFileSync(join(disk, 'ledger.json'), 'utf8')).toBe('previous');
  });

  test.skipIf(!mounted)('check --update fails for that input and leaves no temporary', () => {
    rmSync(join(disk, 'ledger.json'), { force: true });
    const run = sh(`node "$BIN" check --expect "${disk}" --update`, root);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^policy-extract: seeds\/shandong-2023-business-environment\.txt: cannot write .*shandong-2023-business-environment\.json: no space left on device\n$/,
    );
    expect(readdirSync(disk)).toEqual([]);
  });
});

describe('folders', () => {
  test('a subfolder that cannot be read is an error of its own, and the rest of the folder is read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-extract-perm-'));
    try {
      execFileSync(
        'bash',
        ['-c', `mkdir -p docs/secret && cp "${flatList}" docs/a.txt && cp "${flatList}" docs/secret/b.txt && chmod 755 . docs && chmod 700 docs/secret`],
        {
          cwd: dir,
        },
      );
      // Root reads every folder: run as nobody, from a copy of the built CLI that nobody may read
      // (a checkout in a private folder, as `mktemp -d` makes, is out of its reach).
      const asUser = isRoot ? 'setpriv --reuid=65534 --regid=65534 --clear-groups ' : '';
      for (const part of ['bin', 'dist', 'package.json']) cpSync(join(root, part), join(dir, 'cli', part), { recursive: true });
      const run = sh(`${asUser}node cli/bin/policy-extract.js docs -f ndjson`, dir);
      expect([run.status, run.stderr]).toEqual([1, 'policy-extract: docs/secret: cannot read this folder: permission denied\n']);
      expect(
        run.stdout
          .trimEnd()
          .split('\n')
          .map((line) => JSON.parse(line).document.path),
      ).toEqual(['docs/a.txt', 'docs/a.txt', 'docs/a.txt']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('file names that are not UTF-8', () => {
  test('are read, from the command line and inside folders', () => {
    const dir = folder();
    execFileSync('bash', ['-c', `mkdir docs && cp "${flatList}" $'plan-\\xe9.txt' && cp "${flatList}" $'docs/\\xb0\\xb2.txt'`], { cwd: dir });
    const named = sh(`node "$BIN" $'plan-\\xe9.txt' -f ndjson`, dir);
    expect([named.status, named.stderr]).toEqual([0, '']);
    expect(named.stdout.trimEnd().split('\n')).toHaveLength(3);
    const walked = sh(`node "$BIN" docs -f ndjson`, dir);
    expect([walked.status, walked.stderr]).toEqual([0, '']);
    expect(walked.stdout.trimEnd().split('\n')).toHaveLength(3);
  });
});

describe('closed and failing streams', () => {
  test('a closed stdout is an error, not a silent success', () => {
    const run = sh(`node "$BIN" "${flatList}" >&-`, work);
    expect([run.status, run.stderr]).toEqual([1, 'policy-extract: cannot write the output to stdout: it is closed\n']);
  });

  test('/dev/full is an error that names the full disk', () => {
    const run = sh(`node "$BIN" "${flatList}" > /dev/full`, work);
    expect([run.status, run.stderr]).toEqual([1, 'policy-extract: cannot write the output to stdout: no space left on device\n']);
  });

  test('a closed stderr (2>&1 | head -1) neither crashes the run nor loses -o', () => {
    const dir = folder();
    const run = sh(`node "$BIN" "${noYear}" -o out.json 2>&1 | head -c 10 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`, dir);
    expect(run.stdout).toBe('rc=0\n');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).documents).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['out.json']);
  });
});

describe('every stream has the size cap', () => {
  test('/dev/zero is refused at the cap', () => {
    const run = sh(`node "$BIN" /dev/zero -f ndjson`, work);
    expect([run.status, run.stderr]).toEqual([1, 'policy-extract: /dev/zero: larger than 256 MB\n']);
  });

  test('a FIFO that never ends is refused at the cap', () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, 'in.fifo')]);
    const run = sh(`(yes 推进改革 > in.fifo 2>/dev/null &) ; node "$BIN" in.fifo -f ndjson`, dir);
    expect([run.status, run.stderr]).toEqual([1, 'policy-extract: in.fifo: larger than 256 MB\n']);
  });

  test('an --stdin-ndjson record without end is refused at the cap, and the next record still runs', () => {
    const record = JSON.stringify({ path: 'after.txt', text: readFileSync(flatList, 'utf8') });
    const run = sh(
      `{ printf '{"path":"x","text":"'; head -c 270000000 /dev/zero | tr '\\0' a; printf '"}\\n%s\\n' '${record}'; } | node "$BIN" --stdin-ndjson -f ndjson`,
      work,
    );
    expect(run.stderr).toBe('policy-extract: <stdin>:1: the record is larger than 256 MB\n');
    expect(run.status).toBe(1);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).document.path),
    ).toEqual(['after.txt', 'after.txt', 'after.txt']);
  });
});

describe('signals', () => {
  const docs = join(work, 'docs');
  const makeDocs = () => {
    if (readdirSync(work).includes('docs')) return;
    execFileSync('mkdir', [docs]);
    for (let i = 0; i < 400; i++) writeFileSync(join(docs, `doc-${String(i).padStart(4, '0')}.txt`), generateDocument(i).text);
  };

  test.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)('%s during -o removes the temporary file, keeps the old output and exits %i', async (signal, status) => {
    makeDocs();
    const dir = folder();
    writeFileSync(join(dir, 'ledger.ndjson'), 'previous output\n');
    const child = spawn(process.execPath, [bin, docs, '-f', 'ndjson', '--jobs', '1', '-o', 'ledger.ndjson'], { cwd: dir, stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    while (readdirSync(dir).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(status);
    expect(readdirSync(dir)).toEqual(['ledger.ndjson']);
    expect(readFileSync(join(dir, 'ledger.ndjson'), 'utf8')).toBe('previous output\n');
  });

  test('Ctrl-C stops a long extraction of one large document without waiting for it', async () => {
    const dir = folder();
    const parts: string[] = [generateDocument(7, { measures: 400 }).text];
    for (let i = 0; parts.join('').length < 12_000_000; i++)
      parts.push(
        generateDocument(100 + i, { measures: 400 })
          .text.split('\n')
          .slice(1)
          .join('\n'),
      );
    writeFileSync(join(dir, 'large.txt'), parts.join('\n'));
    const started = Date.now();
    const full = spawnSync(process.execPath, [bin, 'large.txt', '-f', 'ndjson', '-q', '-o', 'full.ndjson'], { cwd: dir });
    const fullRun = Date.now() - started;
    expect(full.status).toBe(0);
    rmSync(join(dir, 'full.ndjson'));
    const child = spawn(process.execPath, [bin, 'large.txt', '-f', 'ndjson', '-q', '-o', 'out.ndjson'], { cwd: dir, stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    while (readdirSync(dir).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const interrupted = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    const stopped = Date.now() - interrupted;
    expect(code).toBe(130);
    expect(readdirSync(dir)).toEqual(['large.txt']);
    // Not a speed test: the run takes seconds, and a prompt stop takes a small part of it.
    expect(stopped, `stopped after ${stopped} ms of a ${fullRun} ms run`).toBeLessThan(fullRun / 3);
  });
});

describe('memory', () => {
  test('a document too large for the heap is refused as its own one-line error, saying how to allow it; the batch goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-extract-heap-'));
    try {
      const plan = readFileSync(flatList, 'utf8');
      writeFileSync(join(dir, 'big.txt'), plan.repeat(Math.ceil((3 << 20) / Buffer.byteLength(plan))));
      writeFileSync(join(dir, 'small.txt'), plan);
      const run = spawnSync(process.execPath, ['--max-old-space-size=48', bin, 'big.txt', 'small.txt', '-f', 'ndjson'], { cwd: dir, encoding: 'utf8' });
      expect(run.status).toBe(1);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^policy-extract: big\.txt: too large for this process's memory: .* run it with NODE_OPTIONS=--max-old-space-size=\d+, or split the document$/,
      );
      expect(
        new Set(
          run.stdout
            .trimEnd()
            .split('\n')
            .map((line) => JSON.parse(line).document.path),
        ),
      ).toEqual(new Set(['small.txt']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the estimate: a plan of a million characters fits the default heap, thirty million do not', async () => {
    const { beyondMemory } = await import('../src/cli/document.ts');
    expect(beyondMemory(1_000_000, 4144 * 1048576)).toBeNull();
    expect(beyondMemory(30_000_000, 4144 * 1048576)).toMatch(
      /^too large for this process's memory: 30\.0 million characters need about 4292 MB of heap, more than the 4144 MB this Node allows; run it with NODE_OPTIONS=--max-old-space-size=5120/,
    );
  });
});
