/**
 * `npm run bench`: how fast policy-extract is on this machine, in one run.
 *
 * - start-up: whole-process time of `--version`, `--help` and the seed to JSON, as a ratio to
 *   `node -e 0` (median of 11 runs after a warm-up), and a floor under the last: a process that
 *   only loads the zod schema and validates the seed's output once, as every run must;
 * - throughput of the built `extract()` in MB/s (UTF-8 bytes of input) on the seed and on a
 *   generated corpus of 50 MB, beside a bare `text.normalize('NFKC')` as a floor reference;
 * - scaling: milliseconds per MB at 1, 10 and 50 MB of the corpus;
 * - batch: folders of 200, 2,000 and 8,000 generated documents to NDJSON, whole process, with
 *   one thread and with --jobs, wall time, time to first output byte and peak memory (the
 *   8,000 are the 2,000 four times over, by links: long enough for threads to pay off);
 * - the machine's own parallel ceiling: extract() alone on the same documents in 1 and in N
 *   threads at once, no I/O: no --jobs speed-up can exceed it.
 *
 * Figures print as they come; nothing is asserted (the test suite holds no timings).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { generateCorpus, generateDocument } from './genre.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'policy-extract.js');
const seedPath = join(root, 'seeds', 'shandong-2023-business-environment.txt');
if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('bench: dist/ is missing; run npm run build first');
  process.exit(1);
}
const { extract } = (await import(join(root, 'dist', 'index.js'))) as typeof import('../src/index.ts');

const MB = 1_000_000;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const fixed = (value: number, digits = 1): string => value.toFixed(digits);

function timeProcess(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'], cwd: root });
  if (result.status !== 0 && args[0] !== '-e') throw new Error(`${args.join(' ')} exited ${result.status}`);
  return performance.now() - start;
}

function medianProcess(args: string[], runs = 11): number {
  timeProcess(args); // warm-up: file cache
  return median(Array.from({ length: runs }, () => timeProcess(args)));
}

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

/** Runs the CLI on a folder; wall time, time to the first output byte and peak memory (RSS, from GNU time when present). */
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
  const library = join(root, 'dist', 'index.js');
  const workers = Array.from({ length: threads }, () => new Worker(source, { eval: true, workerData: { library, texts } }));
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

async function batch(folder: string, jobs: number): Promise<{ wall: number; firstByte: number; peakMb: number | null; bytes: number }> {
  const gnuTime = existsSync('/usr/bin/time');
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const args = gnuTime
    ? ['-f', '%M', process.execPath, bin, folder, '-f', 'ndjson', '--jobs', String(jobs), '--quiet']
    : [bin, folder, '-f', 'ndjson', '--jobs', String(jobs), '--quiet'];
  const start = performance.now();
  let firstByte = -1;
  let bytes = 0;
  let stderr = '';
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => {
      if (firstByte < 0) firstByte = performance.now() - start;
      bytes += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`batch exited ${code}: ${stderr}`))));
  });
  const peakKb = gnuTime ? Number(stderr.trim().split('\n').at(-1)) : Number.NaN;
  return { wall: performance.now() - start, firstByte, peakMb: Number.isFinite(peakKb) ? peakKb / 1024 : null, bytes };
}

const started = performance.now();
console.log(
  `policy-extract benchmark · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${cpus()[0]?.model.trim() ?? 'cpu'} · ${availableParallelism()} CPUs`,
);

// Start-up.
const nodeBaseline = medianProcess(['-e', '0']);
const startup = [
  ['--version', medianProcess([bin, '--version'])],
  ['--help', medianProcess([bin, '--help'])],
  ['seed → JSON', medianProcess([bin])],
] as const;
// A floor under `seed → JSON`: a process that only loads the output contract (zod) and checks the
// seed's output once, which the CLI does for every document. No extraction, no CLI.
const seedJson = spawnSync(process.execPath, [bin], { cwd: root, encoding: 'utf8', maxBuffer: 64 * MB }).stdout;
const floorDir = mkdtempSync(join(tmpdir(), 'pe-bench-floor-'));
const floorDocument = join(floorDir, 'seed-document.json');
writeFileSync(floorDocument, JSON.stringify((JSON.parse(seedJson) as { documents: unknown[] }).documents[0]));
const validationFloor = medianProcess([
  '--input-type=module',
  '-e',
  `import { readFileSync } from 'node:fs'; import { validateDocument } from ${JSON.stringify(join(root, 'dist', 'validate.js'))}; if (validateDocument(JSON.parse(readFileSync(${JSON.stringify(floorDocument)}, 'utf8'))).length) process.exit(1);`,
]);
rmSync(floorDir, { recursive: true, force: true });
console.log('\nStart-up (whole process, median of 11)');
console.log(`  node -e 0        ${fixed(nodeBaseline, 0).padStart(5)} ms   1.00x`);
for (const [name, ms] of startup) console.log(`  ${name.padEnd(16)} ${fixed(ms, 0).padStart(5)} ms   ${fixed(ms / nodeBaseline, 2)}x`);
console.log(
  `  ${'floor: zod only'.padEnd(16)} ${fixed(validationFloor, 0).padStart(5)} ms   ${fixed(validationFloor / nodeBaseline, 2)}x   (a process that only loads the schema and validates the seed's output)`,
);
// Where a cold run's time goes: importing the library, then the first extract() and validation
// of the seed, in a fresh process each time (the JIT has seen none of it yet).
{
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
  const runs = Array.from({ length: 7 }, () => JSON.parse(spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).stdout) as number[]);
  const part = (index: number) => median(runs.map((run) => run[index] as number));
  console.log(
    `  inside a cold process: import the whole library ${fixed(part(0), 0)} ms · first extract() of the seed ${fixed(part(1), 0)} ms · first validation ${fixed(part(2), 0)} ms`,
  );
}

// Throughput.
const seed = readFileSync(seedPath, 'utf8');
const seedExtract = throughput([seed], (text) => extract(text), 60);
const seedFloor = throughput([seed], (text) => text.normalize('NFKC'), 60);
const corpus = generateCorpus(50 * MB);
const corpusBytes = corpus.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
throughput(corpus.slice(0, 50), (text) => extract(text), 2); // warm-up
const corpusExtract = throughput(corpus, (text) => extract(text), 1);
const corpusFloor = throughput(corpus, (text) => text.normalize('NFKC'), 2);
console.log('\nThroughput of extract() in-process, single thread (MB/s of UTF-8 input)');
console.log(
  `  seed (${fixed(Buffer.byteLength(seed) / 1000, 0)} kB)          extract ${fixed(seedExtract.mbPerSecond).padStart(6)} MB/s   NFKC floor ${fixed(seedFloor.mbPerSecond).padStart(7)} MB/s`,
);
console.log(
  `  corpus (${fixed(corpusBytes / MB, 0)} MB, ${corpus.length} docs) extract ${fixed(corpusExtract.mbPerSecond).padStart(6)} MB/s   NFKC floor ${fixed(corpusFloor.mbPerSecond).padStart(7)} MB/s`,
);

// Scaling.
console.log('\nScaling (ms per MB; flat means linear cost)');
for (const size of [1, 10, 50]) {
  const subset: string[] = [];
  let bytes = 0;
  for (const text of corpus) {
    if (bytes >= size * MB) break;
    subset.push(text);
    bytes += Buffer.byteLength(text);
  }
  const result = throughput(subset, (text) => extract(text), size >= 50 ? 1 : 3);
  console.log(`  ${String(size).padStart(2)} MB   ${fixed(result.msPerMb).padStart(6)} ms/MB`);
}

// Batches.
const folder = mkdtempSync(join(tmpdir(), 'policy-extract-bench-'));
try {
  for (const count of [200, 2000]) {
    const dir = join(folder, String(count));
    mkdirSync(dir);
    for (let i = 0; i < count; i++) writeFileSync(join(dir, `doc-${String(i).padStart(5, '0')}.txt`), generateDocument(i).text);
  }
  mkdirSync(join(folder, '8000'));
  for (let copy = 0; copy < 4; copy++) {
    for (let i = 0; i < 2000; i++) {
      const name = `doc-${String(i).padStart(5, '0')}.txt`;
      symlinkSync(join(folder, '2000', name), join(folder, '8000', `${copy}-${name}`));
    }
  }
  console.log('\nBatch to NDJSON (whole process)');
  const threads = availableParallelism();
  for (const count of [200, 2000, 8000]) {
    let oneThread = 0;
    for (const jobs of [1, threads]) {
      const result = await batch(join(folder, String(count)), jobs);
      const peak = result.peakMb === null ? 'n/a' : `${fixed(result.peakMb, 0)} MB`;
      if (jobs === 1) oneThread = result.wall;
      const speedUp = jobs === 1 ? '' : `   speed-up ${fixed(oneThread / result.wall, 2)}x`;
      console.log(
        `  ${String(count).padStart(4)} docs, --jobs ${jobs}   wall ${fixed(result.wall / 1000, 2)} s   first byte ${fixed(result.firstByte, 0)} ms   peak RSS ${peak}   output ${fixed(result.bytes / MB, 0)} MB${speedUp}`,
      );
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}

// What the machine allows: the same extraction work in one thread, then in one thread per CPU
// at once. Two busy threads on a VM's two vCPUs may share one physical core's resources.
{
  const threads = availableParallelism();
  const texts = corpus.slice(0, 1500);
  const single = Math.min(await extractInThreads(texts, 1), await extractInThreads(texts, 1));
  const parallel = Math.min(await extractInThreads(texts, threads), await extractInThreads(texts, threads));
  console.log(`\nParallel ceiling of this machine (extract() alone, ${texts.length} docs per thread, no I/O)`);
  console.log(
    `  1 thread ${fixed(single, 0)} ms · ${threads} threads at once ${fixed(parallel, 0)} ms · speed-up ${fixed((threads * single) / parallel, 2)}x of ${threads}x`,
  );
}
console.log(`\nBenchmark took ${fixed((performance.now() - started) / 1000, 0)} s.`);
