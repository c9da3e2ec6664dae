import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { validateNdjsonRecord, validateOutput } from '../src/validate.ts';
import { runCli } from './cli-harness.ts';
import { fixturesDir, root, seedFile } from './helpers.ts';

const seed = 'seeds/shandong-2023-business-environment.txt';
const fixture = (name: string) => join('fixtures', name, 'input.txt');
const temp = () => mkdtempSync(join(tmpdir(), 'policy-extract-'));

describe('policy-extract (extract)', () => {
  test('with no input extracts the bundled seed to JSON', async () => {
    const [code, stdout, stderr] = await runCli([], { cwd: root });
    expect([code, stderr]).toEqual([0, '']);
    const output = JSON.parse(stdout);
    expect(validateOutput(output)).toEqual([]);
    expect(output.schemaVersion).toBe('1.3.0');
    expect(output.documents[0].source).toEqual({ path: seed, encoding: 'utf-8', format: 'text' });
    expect(output.documents[0].domains).toHaveLength(18);
  });

  test('when --format ndjson then writes one valid record per measure', async () => {
    const [code, stdout, stderr] = await runCli([seed, '--format', 'ndjson'], { cwd: root });
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(158);
    const first = JSON.parse(lines[0] as string);
    expect(validateNdjsonRecord(first)).toEqual([]);
    expect(first).toMatchObject({ id: '1.1', document: { title: '山东省深化营商环境创新提升行动', year: 2023 }, domain: { index: 1, name: '优化政务服务' } });
  });

  test('when --format csv then writes a header and one row per measure, joined with 、', async () => {
    const [code, stdout, stderr] = await runCli([seed, '--format', 'csv'], { cwd: root });
    expect([code, stderr]).toEqual([0, '']);
    const rows = stdout.split('\r\n');
    expect(rows[0]).toBe('序号,领域,领域牵头单位,编号,小节,任务,内容,牵头单位,责任单位,配合单位,完成时限,最早截止日期,最终截止日期,量化指标,文件,行,列');
    expect(rows.filter((row) => row.length > 0)).toHaveLength(159);
    expect(stdout).toContain('省大数据局,省政府办公厅、省市场监管局等,');
  });

  test('when --headers en --bom then the CSV starts with a BOM and English headers', async () => {
    const [, stdout] = await runCli([fixture('flat-list'), '-f', 'csv', '--headers', 'en', '--bom'], { cwd: root });
    expect(stdout.startsWith('\uFEFFid,domain,domainLeadUnits,label,section,title,text,leadUnits,responsibleUnits')).toBe(true);
    expect(stdout).toContain('1.1,,,1、,,推进企业开办标准化,');
    expect(stdout).toContain(',10月份,2023-10-31,2023-10-31,1个工作日,fixtures/flat-list/input.txt,2,1');
  });

  test('neutralises CSV cells that a spreadsheet would run as formulas, unless --no-formula-escape', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'evil.txt'), '任务清单\n1.=HYPERLINK("http://x")推进改革。（牵头单位：市财政局）\n');
    const [, escaped] = await runCli(['evil.txt', '-f', 'csv', '--headers', 'en'], { cwd: dir });
    expect(escaped).toContain(`'=HYPERLINK`);
    const [, raw] = await runCli(['evil.txt', '-f', 'csv', '--headers', 'en', '--no-formula-escape'], { cwd: dir });
    expect(raw).not.toContain(`'=HYPERLINK`);
  });

  test('when --format yaml then writes the same data as JSON', async () => {
    const [code, stdout] = await runCli([fixture('traditional-script'), '-f', 'yaml'], { cwd: root });
    const [, json] = await runCli([fixture('traditional-script')], { cwd: root });
    expect(code).toBe(0);
    expect(parseYaml(stdout)).toEqual(JSON.parse(json));
  });

  test('when --format summary then prints counts per domain', async () => {
    const [code, stdout] = await runCli(['--format', 'summary'], { cwd: root });
    expect(code).toBe(0);
    expect(stdout).toContain('18 domains · 158 measures');
    expect(stdout).toMatch(/8 {2}优化金融服务 +17 measures {2}lead: 省地方金融监管局/);
  });

  test('reads stdin with -, and --year overrides the document year', async () => {
    const [code, stdout] = await runCli(['-', '--year', '2025'], { stdin: readFileSync(join(fixturesDir, 'month-end-no-year', 'input.txt'), 'utf8') });
    const doc = JSON.parse(stdout).documents[0];
    expect(code).toBe(0);
    expect(doc.source.path).toBe('-');
    expect(doc.year).toBe(2025);
    expect(doc.domains[0].measures[0].deadlines[0].date).toBe('2025-06-30');
  });

  test('prints warnings as file:line:column: code message and exits 0, or 1 with --strict', async () => {
    const input = fixture('month-end-no-year');
    const [code, stdout, stderr] = await runCli([input], { cwd: root });
    expect(code).toBe(0);
    expect(stderr).toBe(
      `${input}:2:13: deadline-year-unknown Deadline \`6月底前\` of measure 1.1 has no year and the document year is unknown; pass --year\n` +
        `${input}:3:14: deadline-year-unknown Deadline \`12月底前\` of measure 1.2 has no year and the document year is unknown; pass --year\n`,
    );
    expect(JSON.parse(stdout).documents).toHaveLength(1);
    const [strictCode] = await runCli([input, '--strict'], { cwd: root });
    expect(strictCode).toBe(1);
    const [, , quiet] = await runCli([input, '--quiet'], { cwd: root });
    expect(quiet).toBe('');
  });

  test('colours diagnostics only on a terminal, never with NO_COLOR or --no-color', async () => {
    const input = fixture('month-end-no-year');
    const [, , coloured] = await runCli([input], { cwd: root, tty: true });
    expect(coloured).toContain('\u001b[');
    const [, , noColorEnv] = await runCli([input], { cwd: root, tty: true, env: { NO_COLOR: '1' } });
    expect(noColorEnv).not.toContain('\u001b[');
    const [, , noColorFlag] = await runCli([input, '--no-color'], { cwd: root, tty: true });
    expect(noColorFlag).not.toContain('\u001b[');
  });

  test('a missing file fails alone: the other inputs are still extracted, exit 1', async () => {
    const [code, stdout, stderr] = await runCli(['missing.txt', fixture('flat-list')], { cwd: root });
    expect(code).toBe(1);
    expect(stderr).toBe('policy-extract: missing.txt: no such file or directory\n');
    expect(JSON.parse(stdout).documents.map((d: { source: { path: string } }) => d.source.path)).toEqual([fixture('flat-list')]);
  });

  test.each([
    ['empty.txt', '', 'empty file'],
    ['blank.txt', ' \n\t\n\u3000\n', 'the file has only whitespace'],
    ['image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'a PNG image (a scan?): run OCR first, e.g. `ocrmypdf`, and read the result'],
    ['report.pdf', '%PDF-1.7\n', 'the PDF cannot be read: Invalid PDF structure.'],
    [
      'binary.dat',
      Buffer.from([1, 0, 2, 0, 3, 0]),
      'not a text file: it contains NUL bytes (binary data, or UTF-16 without a byte-order mark: pass --encoding utf-16le)',
    ],
  ])('refuses %s with a one-line reason', async (name, content, reason) => {
    const dir = temp();
    writeFileSync(join(dir, name), content);
    const [code, stdout, stderr] = await runCli([name], { cwd: dir });
    expect([code, stderr]).toEqual([1, `policy-extract: ${name}: ${reason}\n`]);
    expect(JSON.parse(stdout).documents).toEqual([]);
  });

  test('a file without read permission is an error that names it', async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const dir = temp();
    writeFileSync(join(dir, 'secret.txt'), '任务\n1.推进。（牵头单位：市财政局）');
    chmodSync(join(dir, 'secret.txt'), 0);
    const [code, , stderr] = await runCli(['secret.txt'], { cwd: dir });
    expect([code, stderr]).toEqual([1, 'policy-extract: secret.txt: permission denied\n']);
  });

  test('a folder expands to its documents, recursively and sorted; an empty folder is an error', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'docs', 'b'), { recursive: true });
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'docs', 'b', 'z.txt'), readFileSync(join(fixturesDir, 'flat-list', 'input.txt')));
    writeFileSync(join(dir, 'docs', 'a.txt'), readFileSync(join(fixturesDir, 'global-numbering', 'input.txt')));
    const [code, stdout, stderr] = await runCli(['docs', 'empty'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe('policy-extract: empty: folder has no documents (*.txt, *.text, *.md, *.docx, *.html, *.htm, *.pdf, *.ofd)\n');
    expect(JSON.parse(stdout).documents.map((d: { source: { path: string } }) => d.source.path)).toEqual(['docs/a.txt', 'docs/b/z.txt']);
  });

  test('expands quoted glob patterns itself; a pattern that matches nothing is an error', async () => {
    const [code, stdout, stderr] = await runCli(['fixtures/global-*/input.txt', 'nothing/*.txt', '-f', 'ndjson'], { cwd: root });
    expect(code).toBe(1);
    expect(stderr).toBe('policy-extract: nothing/*.txt: no files match this pattern\n');
    expect(stdout.trimEnd().split('\n')).toHaveLength(4);
  });

  test.each([
    [
      ['--format', 'xml'],
      "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are json, ndjson, csv, yaml, summary, xlsx, ics, html.",
    ],
    [['--year', '23'], "policy-extract: --year takes a four-digit year such as 2023, got '23'"],
    [['--bogus'], "error: unknown option '--bogus'"],
  ])('a usage error %j exits 2 with a message', async (argv, message) => {
    const [code, stdout, stderr] = await runCli(argv, { cwd: root });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(message);
  });

  test('--help lists the exit codes and examples; --version prints the version; both exit 0', async () => {
    const [helpCode, help] = await runCli(['--help']);
    expect(helpCode).toBe(0);
    expect(help).toContain('Exit codes:');
    expect(help).toContain('Try the following:');
    const [versionCode, version] = await runCli(['--version']);
    expect([versionCode, version]).toEqual([0, `${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`]);
  });

  test('-o writes the file atomically and leaves no temporary file; a failed batch leaves an old file untouched', async () => {
    const dir = temp();
    const [code] = await runCli([seedFile, '-o', 'out.json'], { cwd: dir });
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).documents).toHaveLength(1);
    writeFileSync(join(dir, 'old.json'), 'previous');
    const [failed] = await runCli(['missing.txt', '-o', 'old.json'], { cwd: dir });
    expect(failed).toBe(1);
    expect(readFileSync(join(dir, 'old.json'), 'utf8')).toBe('previous');
    expect(readdirSync(dir).sort()).toEqual(['old.json', 'out.json']);
  });

  test('-o into a folder that does not exist is a usage error', async () => {
    const [code, , stderr] = await runCli([seedFile, '-o', 'no/such/dir/out.json'], { cwd: temp() });
    expect(code).toBe(2);
    expect(stderr).toBe('policy-extract: cannot write no/such/dir/out.json: its folder does not exist\n');
  });

  test('--stdin-ndjson reads {path, text} records and keeps their order', async () => {
    const records = ['flat-list', 'global-numbering'].map((name) =>
      JSON.stringify({ path: `${name}.txt`, text: readFileSync(join(fixturesDir, name, 'input.txt'), 'utf8') }),
    );
    const [code, stdout] = await runCli(['--stdin-ndjson', '-f', 'ndjson'], { stdin: `${records.join('\n')}\n` });
    expect(code).toBe(0);
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).document.path),
    ).toEqual([
      'flat-list.txt',
      'flat-list.txt',
      'flat-list.txt',
      'global-numbering.txt',
      'global-numbering.txt',
      'global-numbering.txt',
      'global-numbering.txt',
    ]);
  });
});

describe('policy-extract check', () => {
  test('passes on the seed with a one-line summary', async () => {
    const [code, stdout, stderr] = await runCli(['check'], { cwd: root });
    expect([code, stdout, stderr]).toEqual([0, 'policy-extract check: 1 document, 158 measures, 0 warnings: ok\n', '']);
  });

  test('fails on warnings, printing each as file:line:column: code message', async () => {
    const input = fixture('measure-number-gap');
    const [code, stdout, stderr] = await runCli(['check', input], { cwd: root });
    expect(code).toBe(1);
    expect(stderr).toBe(`${input}:5:1: measure-number-gap Measure \`4.\` (1.3) follows number 2; expected 3\n`);
    expect(stdout).toBe('policy-extract check: 1 document, 3 measures, 1 warnings: failed\n');
  });

  test('--expect compares with the expected output and prints a minimal diff by measure id and field', async () => {
    const dir = temp();
    mkdirSync(join(dir, 'expected'), { recursive: true });
    const [updateCode, updated] = await runCli(['check', seedFile, '--expect', join(dir, 'expected'), '--update'], { cwd: root });
    expect([updateCode, updated]).toEqual([0, 'policy-extract check: 1 document, 158 measures, 0 warnings, 1 expected files written: ok\n']);
    const expectedFile = join(dir, 'expected', 'shandong-2023-business-environment.json');
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
    expected.documents[0].domains[2].measures[3].leadUnits.push('省财政厅');
    expected.documents[0].domains[0].measures[0].title = '旧标题';
    writeFileSync(expectedFile, JSON.stringify(expected));
    const [code, stdout, stderr] = await runCli(['check', seedFile, '--expect', join(dir, 'expected')], { cwd: root });
    expect(code).toBe(1);
    expect(stderr).toBe(`${seedFile}: 1.1 title: - 旧标题 + 持续深化“一次办好”改革\n${seedFile}: 3.4 leadUnits: - 省财政厅\n`);
    expect(stdout).toBe('policy-extract check: 1 document, 158 measures, 0 warnings, 2 differences: failed\n');
    expect(existsSync(expectedFile)).toBe(true);
  });

  test('a missing expected file says how to create it', async () => {
    const [code, , stderr] = await runCli(['check', seedFile, '--expect', join(temp(), 'none.json')], { cwd: root });
    expect(code).toBe(1);
    expect(stderr).toMatch(/none\.json: cannot read the expected output \(missing; run with --update to create it\)\n$/);
  });
});

describe('policy-extract validate', () => {
  test('accepts JSON and NDJSON output', async () => {
    const dir = temp();
    await runCli([seedFile, '-o', join(dir, 'out.json')]);
    await runCli([seedFile, '-f', 'ndjson', '-o', join(dir, 'out.ndjson')]);
    const [code, stdout, stderr] = await runCli(['validate', 'out.json', 'out.ndjson'], { cwd: dir });
    expect([code, stdout, stderr]).toEqual([0, 'policy-extract validate: 2 files, 0 violations: ok\n', '']);
  });

  test('reports each violation with its JSON path, and the line for NDJSON', async () => {
    const dir = temp();
    await runCli([fixture('flat-list'), '-f', 'ndjson', '-o', join(dir, 'out.ndjson')], { cwd: root });
    const lines = readFileSync(join(dir, 'out.ndjson'), 'utf8').trimEnd().split('\n');
    const broken = JSON.parse(lines[1] as string);
    broken.deadlines[0].date = 'October';
    delete broken.leadUnits;
    lines[1] = JSON.stringify(broken);
    writeFileSync(join(dir, 'out.ndjson'), `${lines.join('\n')}\n`);
    const [code, stdout, stderr] = await runCli(['validate', 'out.ndjson'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'out.ndjson:2: $.leadUnits: missing: the field is required\nout.ndjson:2: $.deadlines[0].date: expected a string matching /^\\d{4}-\\d{2}-\\d{2}$/, received "October"\n',
    );
    expect(stdout).toBe('policy-extract validate: 1 file, 2 violations: failed\n');
  });
});

describe('policy-extract schema', () => {
  test('prints the committed JSON Schema', async () => {
    const [code, stdout] = await runCli(['schema']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(join(root, 'schema', 'policy-extract.schema.json'), 'utf8'));
  });

  test('--format yaml prints it as YAML', async () => {
    const [code, stdout] = await runCli(['schema', '--format', 'yaml']);
    expect(code).toBe(0);
    expect(parseYaml(stdout)).toEqual(JSON.parse(readFileSync(join(root, 'schema', 'policy-extract.schema.json'), 'utf8')));
  });
});
