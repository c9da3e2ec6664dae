/**
 * Throughput of each reader in MB/s of input file bytes, and of the whole path (read, then
 * extract) on the seed converted to each format by scripts/format-writers.ts; plus the
 * start-up of a text run, which must not grow with the readers (they load only when met).
 * Best of several rounds after a warm-up; nothing is asserted. `npx tsx scripts/bench-readers.ts`
 * (the lead folds it into `npm run bench`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/pipeline.ts';
import { readDocument } from '../src/read/index.ts';
import { a4, type Block, layOut, writeDocx, writeHtml, writeOfd, writePdf } from './format-writers.ts';

const root = join(import.meta.dirname, '..');
const MB = 1_000_000;
const seed = readFileSync(join(root, 'seeds', 'shandong-2023-business-environment.txt'), 'utf8');

/** The seed's lines as paragraphs (blank and page-number lines dropped): enough for timing, no extraction needed. */
const blocks: Block[] = seed
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.length > 0 && !/^—[０-９0-9]+—$/.test(line))
  .map((text, i) => ({ kind: i === 0 ? 'title' : 'paragraph', text }));
const pages = layOut(blocks, { ...a4, header: '山东省人民政府办公厅文件' });

const inputs: ReadonlyArray<readonly [name: string, bytes: Uint8Array, rounds: number]> = [
  ['text', new TextEncoder().encode(seed), 20],
  ['docx', writeDocx(blocks), 20],
  ['html', new TextEncoder().encode(writeHtml(blocks, { charset: 'utf-8', site: '山东省人民政府' })), 20],
  ['pdf', writePdf(pages), 3],
  ['ofd', writeOfd(pages), 10],
];

async function best(rounds: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    await fn();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

console.log('readers on the seed in each format (best of N after a warm-up)');
console.log('format   file kB   read ms   read MB/s   read+extract MB/s');
for (const [name, bytes, rounds] of inputs) {
  const read = await best(rounds, () => readDocument(bytes, {}));
  const whole = await best(rounds, async () => extract((await readDocument(bytes, {})).text));
  const mbps = (ms: number) => (bytes.length / MB / (ms / 1000)).toFixed(1);
  console.log(
    `${name.padEnd(8)} ${(bytes.length / 1000).toFixed(0).padStart(7)}   ${read.toFixed(1).padStart(7)}   ${mbps(read).padStart(9)}   ${mbps(whole).padStart(17)}`,
  );
}

const bin = join(root, 'bin', 'policy-extract.js');
/** Where the runs' output goes: /dev/null opened for writing (an `ignore`d stdout looks closed to the CLI). */
const devNull = openSync('/dev/null', 'w');
if (existsSync(join(root, 'dist', 'cli.js'))) {
  const run = () => {
    const start = performance.now();
    spawnSync(process.execPath, [bin, join(root, 'seeds', 'shandong-2023-business-environment.txt')], { stdio: ['ignore', devNull, 'ignore'] });
    return performance.now() - start;
  };
  run();
  const times = Array.from({ length: 11 }, run).sort((a, b) => a - b);
  console.log(`start-up: the seed as text to JSON, whole process, median of 11: ${(times[5] as number).toFixed(0)} ms`);
} else console.log('start-up: dist/ is missing; run npm run build first');
