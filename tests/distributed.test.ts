import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateDocument } from '../scripts/genre.ts';
import { root } from './helpers.ts';

// The README's recipe for running as a filter in a distributed engine (Hadoop Streaming,
// Spark's RDD.pipe, GNU parallel): NDJSON records {path, text} in, NDJSON measures out.
// Here xargs -P stands in for the engine, over a generated folder.
const bin = join(root, 'bin', 'policy-extract.js');
const work = mkdtempSync(join(tmpdir(), 'policy-extract-distributed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Sorts NDJSON lines by document path, then measure id: the order a merge does not keep. */
const sortRecords = (ndjson: string): string[] =>
  ndjson
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { document: { path: string }; id: string })
    .sort((a, b) => a.document.path.localeCompare(b.document.path) || a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map((record) => JSON.stringify(record));

describe('as a filter in a distributed engine', () => {
  test('xargs -P over record shards gives the same measures as one process', () => {
    const docs = join(work, 'docs');
    mkdirSync(docs);
    for (let i = 0; i < 40; i++) writeFileSync(join(docs, `doc-${String(i).padStart(3, '0')}.txt`), generateDocument(1000 + i).text);
    const single = execFileSync(process.execPath, [bin, 'docs', '-f', 'ndjson', '--jobs', '1'], { encoding: 'utf8', cwd: work, maxBuffer: 1 << 28 });

    // Shard the documents into record files, as an engine splits its input.
    const shards = join(work, 'shards');
    const outputs = join(work, 'out');
    mkdirSync(shards);
    mkdirSync(outputs);
    readdirSync(docs).forEach((name, i) => {
      const record = `${JSON.stringify({ path: `docs/${name}`, text: readFileSync(join(docs, name), 'utf8') })}\n`;
      writeFileSync(join(shards, `shard-${i % 4}.ndjson`), record, { flag: 'a' });
    });
    execFileSync('bash', ['-c', `ls shards/*.ndjson | xargs -P 2 -I{} sh -c 'node "${bin}" --stdin-ndjson -f ndjson < {} > out/$(basename {})'`], {
      cwd: work,
    });
    const merged = readdirSync(outputs)
      .map((name) => readFileSync(join(outputs, name), 'utf8'))
      .join('');
    expect(sortRecords(merged)).toEqual(sortRecords(single));
    expect(sortRecords(merged).length).toBeGreaterThan(100);
  });
});
