import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { createCsvEmitter } from '../src/emit/csv.ts';
import { createJsonEmitter } from '../src/emit/json.ts';
import { createNdjsonEmitter } from '../src/emit/ndjson.ts';
import { createYamlEmitter } from '../src/emit/yaml.ts';
import { extract, toCsv, toJson, toNdjson, toYaml } from '../src/index.ts';
import { schemaVersion } from '../src/schema/index.ts';
import { seedText } from './helpers.ts';

// Python's csv module and PyYAML stand in for the spreadsheets and YAML 1.1 loaders that read our
// output (Excel, LibreOffice, pandas, Ruby): what they read back must be what we wrote.
const python = '/usr/bin/python3';
const runPython = (script: string, input: string): string => execFileSync(python, ['-c', script], { input, encoding: 'utf8', maxBuffer: 1 << 28 });

/** A web-form measure of several paragraphs, one starting with `=`, and strings YAML 1.1 would retype. */
const webForm = [
  '2024年重点任务清单',
  '一、优化政务服务',
  '1.推进“一网通办”改革。',
  '=SUM(A1:A9)不是公式，是正文的一段。',
  '+86热线与@市民：yes、no、on、off、1:30、1_000、2024-06-30、<<、=、~、null均照原文。（牵头单位：市政务服务局；责任单位：市财政局）',
  '2.推进“一件事”集成服务，2024年6月底前完成。（牵头单位：市数据局）',
  ...Array.from({ length: 9 }, (_, i) => `${i + 3}.推进第${i + 3}项改革，2024年12月底前完成。（牵头单位：市财政局）`),
].join('\n');

describe('CSV', () => {
  test('quotes every cell with a line break, so that Python reads one row per measure and the same columns', () => {
    const doc = extract(webForm, { path: 'plan.txt' });
    const csv = toCsv([doc], { headers: 'en' });
    const rows = JSON.parse(
      runPython('import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))', csv),
    ) as string[][];
    const measures = doc.domains.flatMap((domain) => domain.measures);
    expect(rows).toHaveLength(measures.length + 1);
    expect(new Set(rows.map((row) => row.length))).toEqual(new Set([17]));
    const textColumn = (rows[0] as string[]).indexOf('text');
    expect(rows[1]?.[textColumn]).toBe(measures[0]?.text);
    expect(measures[0]?.text).toContain('\n=SUM');
  });

  test('keeps ids such as 1.10 as text for spreadsheets with a leading apostrophe, which Python keeps as written', () => {
    const doc = extract(webForm);
    const rows = JSON.parse(
      runPython('import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))', toCsv([doc])),
    ) as string[][];
    expect(rows.slice(1).map((row) => row[0])).toEqual(["'1.1", "'1.2", "'1.3", "'1.4", "'1.5", "'1.6", "'1.7", "'1.8", "'1.9", "'1.10", "'1.11"]);
  });

  test('without formula escaping, cells are the raw values', () => {
    const doc = extract(webForm);
    const rows = JSON.parse(
      runPython(
        'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))',
        toCsv([doc], { escapeFormulas: false }),
      ),
    ) as string[][];
    expect(rows[10]?.[0]).toBe('1.10');
  });
});

describe('YAML', () => {
  test.each([
    ['the web-form plan', () => extract(webForm, { path: 'yes', year: 2024 })],
    ['the seed', () => extract(seedText, { path: '2024-06-30.txt' })],
  ])('PyYAML (YAML 1.1) reads %s back equal to the JSON', (_name, make) => {
    const doc = make();
    const fromYaml = runPython('import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read()), ensure_ascii=False))', toYaml([doc]));
    expect(JSON.parse(fromYaml)).toEqual(JSON.parse(toJson([doc])));
  });

  test('quotes strings that YAML 1.1 or 1.2 would read as another type', () => {
    const doc = extract(webForm, { year: 2024 });
    const yaml = toYaml([{ ...doc, title: 'on', source: { path: '1:30', encoding: 'utf-8', format: 'text' } }]);
    expect(yaml).toContain('path: "1:30"');
    expect(yaml).toContain('title: "on"');
    expect(yaml).toMatch(/date: "2024-06-30"/);
  });
});

describe('streamed emitters', () => {
  const doc = extract(seedText, { path: 'seed.txt' });
  const measureJsonLengths = doc.domains.flatMap((domain) => domain.measures.map((measure) => JSON.stringify(measure, null, 2).length));
  const longestMeasure = Math.max(...measureJsonLengths);

  test.each([
    ['json', createJsonEmitter()],
    ['ndjson', createNdjsonEmitter()],
    ['csv', createCsvEmitter()],
    ['yaml', createYamlEmitter()],
  ])('%s renders a document in pieces no larger than a domain', (_format, emitter) => {
    const parts = [...emitter.render(doc)].map((part) => (typeof part === 'string' ? part : Buffer.from(part).toString('utf8')));
    expect(parts.length).toBeGreaterThanOrEqual(doc.domains.length);
    const largestDomain = Math.max(...doc.domains.map((domain) => JSON.stringify(domain, null, 4).length));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(Math.max(largestDomain, longestMeasure) * 2);
  });

  test('the library functions give the bytes of the streamed output', () => {
    const other = extract(webForm, { path: 'plan.txt' });
    expect(toJson([doc, other])).toBe(`${JSON.stringify({ schemaVersion, documents: [doc, other] }, null, 2)}\n`);
    expect(toNdjson([doc, other]).split('\n').filter(Boolean)).toHaveLength(158 + 11);
  });
});
