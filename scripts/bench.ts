/**
 * `npm run bench`: how fast policy-extract is on this machine, each figure next to its target
 * (issue 16). `npm run bench -- --quick` runs smaller sizes and fewer rounds, for a fast look
 * (its figures are indicative only: the targets are for the full sizes).
 *
 * Whole-process timings are paired: the two commands of a ratio run in turn (A B, B A, A B, …)
 * and the ratio is the median of the pairs' ratios, so that the machine's drift (these VMs move
 * 15-30% from minute to minute) cancels out of it. Peak memory is the process's maximum resident
 * set (GNU time's %M when /usr/bin/time exists, else the kernel's VmHWM polled from /proc).
 *
 * Sections:
 * - start-up: `--version`, `--help` and the seed to JSON against `node -e 0`; a floor (a process
 *   that only loads the output check and checks the seed's output); a cold process's parts;
 * - throughput of the built `extract()` on the seed and a generated corpus (scripts/genre.ts);
 * - cost per MB of one document of 1 to 100 MB (flat means linear);
 * - readers: decoding bytes to text, per input encoding;
 * - large input: one generated document of 250 MB to each format, peak memory;
 * - batches: 2,000 and 8,000 documents to NDJSON with --jobs 1, 2 and N, paired; peak memory;
 * - the parallel ceiling: extract() alone in 1 and N threads at once, no I/O.
 *
 * Nothing is asserted (the test suite holds no timings); a missed target prints `MISSED`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { conventions, generateCorpus, generateDocument } from './genre.ts';

const quick = process.argv.includes('--quick');
const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'policy-extract.js');
const seedPath = join(root, 'seeds', 'shandong-2023-business-environment.txt');
if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('bench: dist/ is missing; run npm run build first');
  process.exit(1);
}
const library = (await import(join(root, 'dist', 'index.js'))) as typeof import('../src/index.ts');
const { extract } = library;

const MB = 1_000_000;
const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);
const median = (values: readonly number[]): number => {
  const s = sorted(values);
  const middle = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[middle] as number) : ((s[middle - 1] as number) + (s[middle] as number)) / 2;
};
const fixed = (value: number, digits = 1): string => value.toFixed(digits);
const gnuTime = existsSync('/usr/bin/time');

/** Every figure that has a target, for the summary at the end. */
const targets: { figure: string; measured: string; target: string; met: boolean | null }[] = [];
function target(figure: string, measured: string, targetText: string, met: boolean | null): string {
  targets.push({ figure, measured, target: targetText, met });
  return met === null ? `(target ${targetText})` : `${met ? 'ok' : 'MISSED'} (target ${targetText})`;
}

// Processes ----------------------------------------------------------------------------------------

interface Run {
  readonly wall: number;
  readonly peakMb: number | null;
  readonly status: number | null;
  readonly stderr: string;
  readonly firstByte: number | null;
  readonly bytes: number;
  /** User + system CPU seconds (GNU time only). */
  readonly cpuSeconds: number | null;
}

const devNull = openSync('/dev/null', 'w');

function timeProcess(args: readonly string[]): number {
  const start = performance.now();
  // Output to /dev/null opened for writing: an `ignore`d stdout is /dev/null opened close-on-exec,
  // which is what a shell's `>&-` leaves too, and the CLI refuses a closed stdout (exit 1).
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', devNull, 'ignore'], cwd: root });
  const wall = performance.now() - start;
  if (result.status !== 0 && args[0] !== '-e') throw new Error(`${args.join(' ')} exited ${result.status}`);
  return wall;
}

/**
 * `a` and `b` in turn, `pairs` times after a warm-up of each, the order swapped every pair;
 * the median of each command's times and the median of the pairs' ratios a/b.
 */
function paired(a: readonly string[], b: readonly string[], pairs: number): { a: number; b: number; ratio: number; low: number; high: number } {
  timeProcess(a);
  timeProcess(b);
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    const [ta, tb] = pair % 2 === 0 ? [timeProcess(a), timeProcess(b)] : ([timeProcess(b), timeProcess(a)].reverse() as [number, number]);
    as.push(ta);
    bs.push(tb);
    ratios.push(ta / tb);
  }
  const s = sorted(ratios);
  return { a: median(as), b: median(bs), ratio: median(ratios), low: s[0] as number, high: s.at(-1) as number };
}

/** Peak resident memory of a running process from the kernel, polled: VmHWM only grows. */
function pollPeak(pid: number): () => number | null {
  let peakKb: number | null = null;
  const read = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peakKb = Math.max(peakKb ?? 0, Number(match[1]));
    } catch {
      // The process has ended: the last reading stands.
    }
  };
  const timer = setInterval(read, 20);
  return () => {
    clearInterval(timer);
    return peakKb === null ? null : peakKb / 1024;
  };
}

/** Runs the CLI once: wall time, peak memory, time to the first byte of output; output counted, not kept. */
async function runCli(args: readonly string[], timeoutMs = 0): Promise<Run> {
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const fullArgs = gnuTime ? ['-f', '%M %U %S', process.execPath, bin, ...args] : [bin, ...args];
  const start = performance.now();
  let firstByte: number | null = null;
  let bytes = 0;
  let stderr = '';
  // A process group of its own, so that a time-out ends node and GNU time together.
  const child = spawn(command, fullArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const timer = timeoutMs > 0 ? setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), timeoutMs) : null;
  const stopPolling = gnuTime ? () => null : pollPeak(child.pid as number);
  child.stdout.on('data', (chunk: Buffer) => {
    firstByte ??= performance.now() - start;
    bytes += chunk.length;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const wall = performance.now() - start;
  if (timer) clearTimeout(timer);
  let peakMb = stopPolling();
  let cpuSeconds: number | null = null;
  // A killed GNU time reports nothing: its last line is then the command's.
  if (gnuTime && status !== null) {
    const lines = stderr.trimEnd().split('\n');
    const [kb, user, system] = (lines.at(-1) ?? '').split(' ').map(Number) as [number, number, number];
    peakMb = Number.isFinite(kb) ? kb / 1024 : null;
    cpuSeconds = Number.isFinite(user + system) ? user + system : null;
    stderr = lines.slice(0, -1).join('\n');
  }
  return { wall, peakMb, status, stderr, firstByte, bytes, cpuSeconds };
}

/** The line of a failed run's stderr that says why (GNU time's own status line left out). */
function lastWords(stderr: string): string {
  const lines = stderr
    .trim()
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('Command '));
  return (lines.find((line) => /FATAL ERROR|RangeError|Error:|error/.test(line)) ?? lines.at(-1) ?? 'no message').slice(0, 140);
}

const megabytes = (value: number | null): string => (value === null ? 'n/a' : `${fixed(value, 0)} MB`);

// In-process ---------------------------------------------------------------------------------------

/** Best throughput over `rounds` passes of `fn` over `texts`, in MB/s of UTF-8 input. */
function throughput(texts: readonly string[], fn: (text: string) => unknown, rounds: number): { mbPerSecond: number; msPerMb: number } {
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const text of texts) fn(text);
    best = Math.min(best, performance.now() - start);
  }
  return { mbPerSecond: bytes / MB / (best / 1000), msPerMb: best / (bytes / MB) };
}

/** One document of about `bytes` UTF-8 bytes: generated documents one after another, under one title. */
/**
 * One document of `bytes`: a covering title, then the generated documents as its annexes
 * (`附件N：` before each, so each is segmented as a part of its own, its numbering afresh). They are
 * generated without the frame of a web page or a covering notice, since a page's tail (`相关链接`,
 * `延伸阅读`) ends a document, and all after it would be left out.
 */
function largeDocument(bytes: number): string {
  const parts = ['关于印发大型测试实施方案的通知\n'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = bodies[i % bodies.length] as string;
    const annex = `附件${i + 1}：`;
    parts.push(annex, text);
    size += Buffer.byteLength(annex) + Buffer.byteLength(text) + 2;
  }
  return parts.join('\n');
}

/** Wall time of `threads` worker threads each running extract() over `texts` once (after a warm-up pass). */
async function extractInThreads(texts: readonly string[], threads: number): Promise<number> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.library).then(({ extract }) => {
      for (const text of workerData.texts) extract(text);
      parentPort.postMessage('ready');
      parentPort.once('message', () => {
        for (const text of workerData.texts) extract(text);
        parentPort.postMessage('done');
      });
    });`;
  const libraryPath = join(root, 'dist', 'index.js');
  const workers = Array.from({ length: threads }, () => new Worker(source, { eval: true, workerData: { library: libraryPath, texts } }));
  const once = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
  await Promise.all(workers.map(once));
  const start = performance.now();
  const done = Promise.all(workers.map(once));
  for (const worker of workers) worker.postMessage('go');
  await done;
  const wall = performance.now() - start;
  await Promise.all(workers.map((worker) => worker.terminate()));
  return wall;
}

// The run ------------------------------------------------------------------------------------------

const started = performance.now();
const cpuCount = availableParallelism();
// Other work on the machine moves every figure: a load average above the CPU count says so.
const load = (): string =>
  loadavg()
    .map((value) => fixed(value, 1))
    .join(' ');
const loadAtStart = load();
console.log(
  `policy-extract benchmark${quick ? ' (--quick: smaller sizes, indicative only)' : ''} · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · node ${process.version} · ${cpus()[0]?.model.trim() ?? 'cpu'} · ${cpuCount} CPUs · ${gnuTime ? 'peak memory by GNU time' : 'peak memory by /proc VmHWM'}`,
);

// Start-up.
{
  const pairs = quick ? 6 : 20;
  const node = ['-e', '0'];
  console.log(`\nStart-up: whole process against \`node -e 0\`, median ratio of ${pairs} interleaved pairs (lowest–highest pair)`);
  const row = (name: string, args: string[], limit: number | null) => {
    const result = paired(args, node, pairs);
    const verdict = limit === null ? '' : target(name, `${fixed(result.ratio, 2)}×`, `≤ ${limit}×`, result.ratio <= limit);
    console.log(
      `  ${name.padEnd(30)} ${fixed(result.a, 0).padStart(5)} ms vs ${fixed(result.b, 0).padStart(4)} ms   ${fixed(result.ratio, 2)}× (${fixed(result.low, 2)}–${fixed(result.high, 2)})   ${verdict}`,
    );
  };
  row('--version', [bin, '--version'], 1.3);
  row('--help', [bin, '--help'], 1.3);
  row('seed → JSON', [bin, seedPath], 1.5);
  // A floor under `seed → JSON`: load only the output check and check the seed's output once, as
  // every run does; no extraction, no command line.
  const floorDir = mkdtempSync(join(tmpdir(), 'pe-bench-floor-'));
  const floorDocument = join(floorDir, 'seed-document.json');
  writeFileSync(floorDocument, JSON.stringify(extract(readFileSync(seedPath, 'utf8'), { path: seedPath })));
  row(
    'floor: load + check the output',
    [
      '--input-type=module',
      '-e',
      `import { readFileSync } from 'node:fs'; import { validateDocument } from ${JSON.stringify(join(root, 'dist', 'validate.js'))}; if (validateDocument(JSON.parse(readFileSync(${JSON.stringify(floorDocument)}, 'utf8'))).length) process.exit(1);`,
    ],
    null,
  );
  rmSync(floorDir, { recursive: true, force: true });
  // Where a cold run's time goes: importing the library, then the first extract() and check of
  // the seed, in a fresh process each time (the JIT has seen none of it yet).
  const probe = `
    const { readFileSync } = require('node:fs');
    const text = readFileSync(${JSON.stringify(seedPath)}, 'utf8');
    const t0 = performance.now();
    import(${JSON.stringify(join(root, 'dist', 'index.js'))}).then(({ extract, validateDocument }) => {
      const t1 = performance.now();
      const doc = extract(text);
      const t2 = performance.now();
      validateDocument(doc);
      const t3 = performance.now();
      console.log(JSON.stringify([t1 - t0, t2 - t1, t3 - t2]));
    });`;
  const runs = Array.from({ length: quick ? 3 : 9 }, () => JSON.parse(spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).stdout) as number[]);
  const part = (index: number) => median(runs.map((run) => run[index] as number));
  console.log(
    `  inside a cold process (median of ${runs.length}): import the library ${fixed(part(0), 0)} ms · first extract() of the seed ${fixed(part(1), 0)} ms ${target('cold first extract() of the seed', `${fixed(part(1), 0)} ms`, '< 15 ms', part(1) < 15)} · first check of its output ${fixed(part(2), 1)} ms`,
  );
}

// Throughput.
const seed = readFileSync(seedPath, 'utf8');
const corpus = generateCorpus((quick ? 10 : 50) * MB);
const bodies = generateCorpus(10 * MB, 2, { conventions: conventions.filter((convention) => !convention.startsWith('frame-')) });
{
  const seedExtract = throughput([seed], (text) => extract(text), quick ? 15 : 60);
  const corpusBytes = corpus.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  throughput(corpus.slice(0, 50), (text) => extract(text), 2);
  const corpusExtract = throughput(corpus, (text) => extract(text), quick ? 1 : 2);
  const corpusFloor = throughput(corpus, (text) => text.normalize('NFKC'), 2);
  console.log('\nThroughput of extract() in-process, one thread (MB/s of UTF-8 input; best of the rounds)');
  console.log(`  seed (${fixed(Buffer.byteLength(seed) / 1000, 0)} kB)                      ${fixed(seedExtract.mbPerSecond).padStart(6)} MB/s`);
  console.log(
    `  corpus (${fixed(corpusBytes / MB, 0)} MB, ${corpus.length} documents)   ${fixed(corpusExtract.mbPerSecond).padStart(6)} MB/s   ${target('extract() on the generated corpus', `${fixed(corpusExtract.mbPerSecond)} MB/s`, '≥ 40 MB/s', corpusExtract.mbPerSecond >= 40)}   (a bare NFKC pass: ${fixed(corpusFloor.mbPerSecond, 0)} MB/s)`,
  );
}

// Cost per MB of one large document.
{
  const sizes = quick ? [1, 4, 16] : [1, 10, 100];
  console.log(`\nCost per MB of one document of ${sizes.join(', ')} MB (extract() in-process; flat means linear)`);
  const costs: number[] = [];
  extract(largeDocument(MB));
  for (const size of sizes) {
    const text = largeDocument(size * MB);
    const result = throughput([text], (input) => extract(input), size >= 50 ? 1 : 5);
    costs.push(result.msPerMb);
    console.log(`  ${String(size).padStart(3)} MB   ${fixed(result.msPerMb).padStart(7)} ms/MB   ${fixed(result.mbPerSecond).padStart(5)} MB/s`);
  }
  const growth = (costs.at(-1) as number) / (costs[0] as number);
  console.log(
    `  ${sizes.at(-1)} MB against 1 MB: ${fixed(growth, 2)}× the cost per MB   ${target(`cost per MB, ${sizes.at(-1)} MB against 1 MB`, `${fixed(growth, 2)}×`, 'flat: ≤ 1.25×', growth <= 1.25)}`,
  );
}

// Readers.
{
  console.log('\nReaders: bytes to text (decode(), in-process, MB/s of input bytes)');
  const text = corpus.slice(0, 400).join('\n');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const cases: [string, Uint8Array][] = [
    ['utf-8', Buffer.from(text)],
    ['utf-16le (BOM)', utf16],
  ];
  for (const [name, bytes] of cases) {
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 5; round++) {
      const start = performance.now();
      library.decode(bytes);
      best = Math.min(best, performance.now() - start);
    }
    console.log(`  ${name.padEnd(16)} ${fixed(bytes.length / MB / (best / 1000), 0).padStart(6)} MB/s`);
  }
}

const folder = mkdtempSync(join(tmpdir(), 'policy-extract-bench-'));
try {
  // One large input to every format.
  {
    const size = quick ? 25 : 250;
    const path = join(folder, `large-${size}mb.txt`);
    const fd = openSync(path, 'w');
    writeFileSync(fd, largeDocument(size * MB));
    closeSync(fd);
    const limit = Math.min(2000, 4 * size + 150);
    const largeTimeout = quick ? 60 : 180;
    console.log(`\nOne ${size} MB input to each format (whole process, output to a pipe; target: peak < 2 GB and < 4× the input + 150 MB = ${limit} MB)`);
    for (const format of ['json', 'ndjson', 'yaml', 'csv']) {
      const run = await runCli([path, '-f', format, '--quiet'], largeTimeout * 1000);
      const ok = run.status === 0;
      const verdict = target(
        `${size} MB input → ${format.toUpperCase()}, peak memory`,
        ok ? megabytes(run.peakMb) : `failed (${megabytes(run.peakMb)})`,
        `< ${limit} MB`,
        ok && run.peakMb !== null && run.peakMb < limit,
      );
      const why = ok ? '' : run.status === null ? `   killed after ${largeTimeout} s` : `   exit ${run.status}: ${lastWords(run.stderr)}`;
      console.log(
        `  ${format.padEnd(7)} wall ${fixed(run.wall / 1000, 1).padStart(5)} s   peak ${megabytes(run.peakMb).padStart(8)}   output ${fixed(run.bytes / MB, 0)} MB   ${verdict}${why}`,
      );
    }
    rmSync(path);
  }

  // Batches.
  const counts = quick ? [500] : [2000, 8000];
  for (const count of counts.filter((value) => value <= 2000)) {
    const dir = join(folder, String(count));
    mkdirSync(dir);
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `doc-${String(i).padStart(5, '0')}.txt`), generateDocument(i).text);
  }
  if (counts.includes(8000)) {
    // The 2,000 four times over, by links: long enough for threads to pay off if they ever do.
    mkdirSync(join(folder, '8000'));
    for (let copy = 0; copy < 4; copy++) {
      for (let i = 0; i < 2000; i++) {
        const name = `doc-${String(i).padStart(5, '0')}.txt`;
        symlinkSync(join(folder, '2000', name), join(folder, '8000', `${copy}-${name}`));
      }
    }
  }
  const jobsSettings = [...new Set([1, 2, cpuCount])];
  const pairs = quick ? 1 : 3;
  console.log(
    `\nBatches to NDJSON (whole process; --jobs ${jobsSettings.join(', ')} in turn, ${pairs} round${pairs === 1 ? '' : 's'}; medians; speed-up = median of each round's ratio to --jobs 1)`,
  );
  for (const count of counts) {
    const runs = new Map<number, Run[]>(jobsSettings.map((jobs) => [jobs, []]));
    for (let round = 0; round < pairs; round++) {
      const order = round % 2 === 0 ? jobsSettings : [...jobsSettings].reverse();
      for (const jobs of order) {
        const run = await runCli([join(folder, String(count)), '-f', 'ndjson', '--jobs', String(jobs), '--quiet']);
        if (run.status !== 0) throw new Error(`batch of ${count} with --jobs ${jobs} exited ${run.status}: ${run.stderr}`);
        runs.get(jobs)?.push(run);
      }
    }
    const one = runs.get(1) as Run[];
    for (const jobs of jobsSettings) {
      const mine = runs.get(jobs) as Run[];
      const wall = median(mine.map((run) => run.wall));
      const peak = median(mine.map((run) => run.peakMb ?? Number.NaN));
      const speedUp = jobs === 1 ? '' : `   speed-up ${fixed(median(mine.map((run, index) => (one[index] as Run).wall / run.wall)), 2)}×`;
      const memoryTarget =
        count === 2000 ? `   ${target(`2,000 documents → NDJSON, --jobs ${jobs}, peak memory`, megabytes(peak), '< 150 MB', peak < 150)}` : '';
      const cpu = median(mine.map((run) => run.cpuSeconds ?? Number.NaN));
      console.log(
        `  ${String(count).padStart(5)} docs, --jobs ${jobs}   wall ${fixed(wall / 1000, 2).padStart(5)} s   CPU ${Number.isNaN(cpu) ? 'n/a' : `${fixed(cpu, 1)} s`}   first byte ${fixed(median(mine.map((run) => run.firstByte ?? Number.NaN)), 0).padStart(4)} ms   peak ${megabytes(peak).padStart(7)}${speedUp}${memoryTarget}`,
      );
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

// What the machine allows: the same extraction in one thread, then in one thread per CPU at once.
// Two busy threads on a VM's two vCPUs may share one physical core's resources.
{
  const texts = corpus.slice(0, quick ? 300 : 1500);
  const single = Math.min(await extractInThreads(texts, 1), await extractInThreads(texts, 1));
  const parallel = Math.min(await extractInThreads(texts, cpuCount), await extractInThreads(texts, cpuCount));
  console.log(`\nParallel ceiling (extract() alone, ${texts.length} documents per thread, no I/O: no --jobs speed-up can exceed it)`);
  console.log(
    `  1 thread ${fixed(single, 0)} ms · ${cpuCount} threads at once ${fixed(parallel, 0)} ms · speed-up ${fixed((cpuCount * single) / parallel, 2)}× of ${cpuCount}×`,
  );
}

console.log('\nTargets (issue 16)');
const width = Math.max(...targets.map((row) => row.figure.length));
for (const row of targets)
  console.log(`  ${row.figure.padEnd(width)}   ${row.measured.padStart(18)}   ${row.target.padEnd(16)} ${row.met === null ? '' : row.met ? 'ok' : 'MISSED'}`);
console.log(
  `\nBenchmark took ${fixed((performance.now() - started) / 1000, 0)} s; load average ${loadAtStart} at the start, ${load()} at the end (${cpuCount} CPUs).`,
);
