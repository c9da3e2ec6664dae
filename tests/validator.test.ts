import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { compiledValidatorPath, generateValidator } from '../scripts/generate-validator.ts';
import { createJsonEmitter } from '../src/emit/json.ts';
import { renderNdjson } from '../src/emit/ndjson.ts';
import { emitToString } from '../src/emit/types.ts';
import { extract } from '../src/pipeline.ts';
import { DocumentSchema, NdjsonRecordSchema, OutputSchema, type PolicyDocument } from '../src/schema/index.ts';
import { schemaVersion } from '../src/schema/version.ts';
import { type Violation, validateDocument, validateNdjsonRecord, validateOutput, validateStream, validateText } from '../src/validate.ts';
import { loadFixtures, root, seedText } from './helpers.ts';

const documents: PolicyDocument[] = [
  extract(seedText, { path: 'seed.txt' }),
  ...loadFixtures().map((fixture) => extract(fixture.input, { ...fixture.options, path: fixture.name })),
];
const records = documents.flatMap((doc) =>
  [...renderNdjson(doc)]
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

/** Every object and array in `value`, with the `$.a[0].b` path of each. */
function containers(value: Json, path = '$'): { node: Container; path: string }[] {
  if (value === null || typeof value !== 'object') return [];
  const inner = Array.isArray(value)
    ? value.flatMap((item, index) => containers(item, `${path}[${index}]`))
    : Object.entries(value).flatMap(([key, item]) => containers(item, `${path}.${key}`));
  return [{ node: value, path }, ...inner];
}

/** A value of another JSON type than `value`. */
function otherType(value: Json): Json {
  if (typeof value === 'string') return 7;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return 'true';
  if (value === null) return false;
  return Array.isArray(value) ? {} : [];
}

/**
 * Breaks `root` in place in every way the brief lists, one at a time, calls `check` on each
 * broken value, and puts it back: a field dropped, its type changed, an extra field, and, where
 * the field is one, a wrong enum value, a bad date, a fractional or out-of-range number.
 */
function eachMutation(root: Json, check: (what: string, path: string) => void): number {
  let count = 0;
  for (const { node, path } of containers(root)) {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const kept = node[index] as Json;
        node[index] = otherType(kept);
        check('type changed', `${path}[${index}]`);
        node[index] = kept;
        count++;
      }
      continue;
    }
    for (const key of Object.keys(node)) {
      const kept = node[key] as Json;
      const at = `${path}.${key}`;
      const variants: [string, Json][] = [['type changed', otherType(kept)]];
      if (key === 'kind' || key === 'severity' || key === 'yearSource') variants.push(['wrong enum value', 'sometime']);
      if (key === 'date' && kept !== null) variants.push(['bad date', '2024-6-30'], ['bad date', '30/06/2024']);
      if (key === 'schemaVersion')
        variants.push(['bad schemaVersion', '2.0.0'], ['bad schemaVersion', '1.0'], ['good schemaVersion', `${schemaVersion.split('.')[0]}.9.3`]);
      if (typeof kept === 'number') variants.push(['fraction', kept + 0.5], ['zero', 0], ['negative', -1]);
      if (key === 'id') variants.push(['bad id', '1']);
      if (key === 'code') variants.push(['bad code', 'Not-Kebab']);
      for (const [what, value] of variants) {
        node[key] = value;
        check(what, at);
        count++;
      }
      delete node[key];
      check('field dropped', at);
      node[key] = kept;
      count++;
    }
    node['x-extra'] = 'surplus';
    check('extra field', `${path}.x-extra`);
    delete node['x-extra'];
    count++;
  }
  return count;
}

/** Runs every mutation of `value` through both validators and collects where they disagree. */
function disagreements(value: Json, generated: (value: unknown) => Violation[], schema: z.ZodType): string[] {
  const found: string[] = [];
  eachMutation(value, (what, path) => {
    const violations = generated(value);
    const zodAccepts = schema.safeParse(value).success;
    if ((violations.length === 0) !== zodAccepts)
      found.push(`${what} at ${path}: zod ${zodAccepts ? 'accepts' : 'rejects'}, generated ${violations.length} violations`);
    // A broken field is named where it broke (a changed element of a string array also is).
    if (violations.length > 0 && !violations.some((violation) => violation.path === path || path.startsWith(`${violation.path}`)))
      found.push(`${what} at ${path}: reported at ${violations.map((violation) => violation.path).join(', ')}`);
  });
  return found;
}

describe('the generated validator', () => {
  test('is what scripts/generate-validator.ts makes of the zod schema today', () => {
    expect(readFileSync(compiledValidatorPath, 'utf8') === generateValidator(), 'src/validate/compiled.js is stale: run `npm run schema:write`').toBe(true);
  });

  test('accepts the seed and every fixture, as zod does', () => {
    for (const doc of documents) {
      expect(validateDocument(doc)).toEqual([]);
      expect(DocumentSchema.safeParse(doc).success).toBe(true);
    }
    expect(validateOutput({ schemaVersion, documents })).toEqual([]);
    for (const record of records) expect(validateNdjsonRecord(record)).toEqual([]);
  });

  test('decides as zod on every mutation of every fixture document: a field dropped, a type changed, an extra field, a bad enum or date', () => {
    const found: string[] = [];
    let mutations = 0;
    for (const doc of documents.slice(1)) {
      const copy = structuredClone(doc) as unknown as Json;
      found.push(...disagreements(copy, validateDocument, DocumentSchema));
      mutations += eachMutation(copy, () => {});
    }
    expect(found).toEqual([]);
    expect(mutations).toBeGreaterThan(5000);
  });

  test('decides as zod on every mutation of a whole output and of NDJSON records', () => {
    const output = structuredClone({ schemaVersion, documents: documents.slice(1, 4) }) as unknown as Json;
    expect(disagreements(output, validateOutput, OutputSchema)).toEqual([]);
    const found = records.slice(0, 40).flatMap((record) => disagreements(structuredClone(record) as Json, validateNdjsonRecord, NdjsonRecordSchema));
    expect(found).toEqual([]);
  });

  test('decides as zod on the seed, mutated at a sample of its places', () => {
    const seed = structuredClone(documents[0]) as unknown as Json;
    const found: string[] = [];
    let index = 0;
    eachMutation(seed, (what, path) => {
      if (index++ % 29 !== 0) return;
      const accepts = validateDocument(seed).length === 0;
      if (accepts !== DocumentSchema.safeParse(seed).success) found.push(`${what} at ${path}`);
    });
    expect(found).toEqual([]);
  });
});

describe('validation is exactly as strict as the published JSON Schema', () => {
  const output = { schemaVersion, documents: documents.slice(1, 2) };

  test.each([
    ['an extra top-level field', { ...output, generatedBy: 'hand' }, '$.generatedBy', 'unexpected field: the schema has no such field'],
    ['schemaVersion 2.0.0', { ...output, schemaVersion: '2.0.0' }, '$.schemaVersion', 'expected a string matching /^1\\.\\d+\\.\\d+$/, received "2.0.0"'],
    [
      'an extra field in a document',
      { ...output, documents: [{ ...output.documents[0], reviewer: '张三' }] },
      '$.documents[0].reviewer',
      'unexpected field: the schema has no such field',
    ],
    [
      'a document year as text',
      { ...output, documents: [{ ...output.documents[0], year: '2024' }] },
      '$.documents[0].year',
      'expected integer or null, received string "2024"',
    ],
  ])('rejects %s', (_name, value, path, message) => {
    expect(validateOutput(value)).toEqual([{ path, message }]);
  });

  test('accepts a later minor version of the same contract', () => {
    expect(validateOutput({ ...output, schemaVersion: '1.7.2' })).toEqual([]);
  });

  test('names a missing field, an out-of-range line and a bad date where they are', () => {
    const record = structuredClone(records.find((candidate) => (candidate.deadlines as unknown[]).length > 0)) as Record<string, unknown>;
    delete record.leadUnits;
    record.line = 0;
    (record.deadlines as { date: string }[])[0] = { ...(record.deadlines as { date: string }[])[0], date: '2024-6-30' } as { date: string };
    expect(validateNdjsonRecord(record, 3)).toEqual([
      { path: '$.leadUnits', message: 'missing: the field is required', line: 3 },
      { path: '$.deadlines[0].date', message: 'expected a string matching /^\\d{4}-\\d{2}-\\d{2}$/, received "2024-6-30"', line: 3 },
      { path: '$.line', message: 'expected a number >= 1, received 0', line: 3 },
    ]);
  });
});

async function* inPieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

describe('validateStream', () => {
  const json = emitToString(createJsonEmitter(), documents.slice(0, 6));
  const broken = JSON.parse(json) as { documents: Record<string, unknown>[] } & Record<string, unknown>;
  broken.schemaVersion = '2.0.0';
  (broken.documents[2] as Record<string, unknown>).year = 'soon';
  delete (broken.documents[4] as Record<string, unknown>).warnings;
  const brokenJson = JSON.stringify(broken, null, 2);
  const ndjson = documents.map((doc) => [...renderNdjson(doc)].join('')).join('');

  test.each([1, 3, 64, 65536])('gives the same report whatever the chunks (%i bytes) a JSON output arrives in', async (size) => {
    expect(await validateStream(inPieces(json, size))).toEqual({ kind: 'json', violations: [], total: 0 });
    expect(await validateStream(inPieces(brokenJson, size))).toEqual({
      kind: 'json',
      violations: [
        { path: '$.schemaVersion', message: 'expected a string matching /^1\\.\\d+\\.\\d+$/, received "2.0.0"' },
        { path: '$.documents[2].year', message: 'expected integer or null, received string "soon"' },
        { path: '$.documents[4].warnings', message: 'missing: the field is required' },
      ],
      total: 3,
    });
  });

  test('reads one-line (compact) JSON output and NDJSON, telling them apart by their first line', async () => {
    expect(await validateStream(inPieces(JSON.stringify(JSON.parse(json)), 1000))).toEqual({ kind: 'json', violations: [], total: 0 });
    expect(await validateStream(inPieces(ndjson, 333))).toEqual({ kind: 'ndjson', violations: [], total: 0 });
    expect(await validateStream(Readable.from([`\uFEFF${ndjson}`]))).toEqual({ kind: 'ndjson', violations: [], total: 0 });
  });

  test('reports a truncated output, a second value and a broken document as not JSON, once', async () => {
    expect((await validateStream(inPieces(json.slice(0, json.length / 2), 4096))).violations).toEqual([
      { path: '$', message: 'not JSON: the file ends inside a value' },
    ]);
    expect((await validateStream(inPieces(`${json}{}`, 4096))).violations).toEqual([
      { path: '$', message: 'not JSON: Unexpected non-whitespace character after JSON (outside the documents array)' },
    ]);
    const cut = json.replace('"encoding": "utf-8"', '"encoding": utf-8');
    expect((await validateStream(inPieces(cut, 4096))).violations).toEqual([
      { path: '$', message: expect.stringMatching(/^not JSON: .* \(in documents\[0\]\)$/) },
    ]);
  });

  test('keeps the first violations only and counts the rest', async () => {
    const lines = ndjson.split('\n').filter(Boolean);
    const bad = lines.map((line, index) => (index % 2 === 0 ? line.replace('"leadUnitsOpen":', '"leadUnitsOpen":"no","x":') : line)).join('\n');
    const report = await validateStream(inPieces(bad, 4096), { limit: 5 });
    expect(report.violations).toHaveLength(5);
    expect(report.violations.map((violation) => violation.line)).toEqual([1, 1, 3, 3, 5]);
    expect(report.total).toBe(2 * Math.ceil(lines.length / 2));
  });

  test('checks 10 MB of garbage line by line in bounded memory (a 48 MB heap), counting every bad line', () => {
    const script = [
      `import { validateStream } from ${JSON.stringify(join(root, 'src', 'validate.ts'))};`,
      'async function* garbage() {',
      '  let seed = 7;',
      '  for (let chunk = 0; chunk < 160; chunk++) {',
      '    const bytes = Buffer.alloc(65536);',
      // Short lines of printable noise: 500,000 violations, far more than 48 MB would hold.
      '    for (let i = 0; i < bytes.length; i++) { seed = (seed * 1103515245 + 12345) >>> 0; bytes[i] = seed % 21 === 0 ? 10 : 33 + (seed >>> 8) % 90; }',
      '    yield bytes;',
      '  }',
      '}',
      'const report = await validateStream(garbage(), { limit: 3 });',
      'console.log(JSON.stringify({ kind: report.kind, shown: report.violations.length, total: report.total, heap: process.memoryUsage().heapUsed }));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--max-old-space-size=48', '--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    const result = JSON.parse(out) as { kind: string; shown: number; total: number };
    expect(result).toMatchObject({ kind: 'ndjson', shown: 3 });
    expect(result.total).toBeGreaterThan(400_000);
  });

  test('escapes control characters from the file in its messages and paths', async () => {
    const report = await validateStream(Readable.from(['\u001b[2J\u0007 cleared\n', '{"\\u001b[31m": 1}\n']), { kind: 'ndjson' });
    const text = report.violations.map((violation) => `${violation.path} ${violation.message}`).join('\n');
    expect([...text].filter((character) => character !== '\n' && character.charCodeAt(0) < 0x20)).toEqual([]);
    expect(text).toContain('\\u001b[2J\\u0007');
    expect(report.violations).toContainEqual({ path: '$.\\u001b[31m', message: 'unexpected field: the schema has no such field', line: 2 });
  });

  test('validateText keeps its answer for a whole text', () => {
    expect(validateText(json)).toEqual({ kind: 'json', violations: [] });
    expect(validateText(ndjson, 'ndjson')).toEqual({ kind: 'ndjson', violations: [] });
    expect(validateText('', 'ndjson').violations).toEqual([{ path: '$', message: 'no records: the file is empty' }]);
  });
});
