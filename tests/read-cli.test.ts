import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './cli-harness.ts';
import { fixturesDir } from './helpers.ts';

const formats = (name: string) => join(fixturesDir, 'formats', name);

describe('the command line reads every format', () => {
  test('a folder picks up .docx, .HTML, .pdf and .ofd (any case); a bad file fails alone with one line, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-extract-formats-'));
    mkdirSync(join(dir, 'docs'));
    copyFileSync(formats('task-division.docx'), join(dir, 'docs', 'a.docx'));
    copyFileSync(formats('task-division-gbk.html'), join(dir, 'docs', 'b.HTML'));
    copyFileSync(formats('task-division.pdf'), join(dir, 'docs', 'c.pdf'));
    copyFileSync(formats('task-division.ofd'), join(dir, 'docs', 'd.ofd'));
    copyFileSync(formats('scan.pdf'), join(dir, 'docs', 'e-scan.pdf'));
    writeFileSync(join(dir, 'docs', 'f-old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const [code, stdout, stderr] = await runCli(['docs', '--jobs', '1'], { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'policy-extract: docs/e-scan.pdf: the PDF has no text layer (a scan?): run OCR first (e.g. `ocrmypdf scan.pdf out.pdf`) and read the result\n',
    );
    const documents = (
      JSON.parse(stdout) as {
        documents: Array<{ source: { path: string; encoding: string }; domains: Array<{ measures: Array<{ id: string; leadUnits: string[] }> }> }>;
      }
    ).documents;
    expect(documents.map((doc) => [doc.source.path, doc.source.encoding])).toEqual([
      ['docs/a.docx', 'utf-8'],
      ['docs/b.HTML', 'gb18030'],
      ['docs/c.pdf', 'pdf'],
      ['docs/d.ofd', 'utf-8'],
    ]);
    for (const doc of documents)
      expect(doc.domains[0]?.measures.map((measure) => [measure.id, measure.leadUnits])).toEqual([
        ['1.1', ['市政务服务管理局']],
        ['1.2', ['市发展改革委']],
        ['1.3', ['市政府办公室']],
      ]);
  });

  test('a .doc named on the command line is refused with the conversion to make', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-extract-formats-'));
    writeFileSync(join(dir, 'plan.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const [code, , stderr] = await runCli(['plan.doc'], { cwd: dir });
    expect([code, stderr]).toEqual([
      1,
      'policy-extract: plan.doc: a Word 97-2003 document (.doc): convert it with `soffice --headless --convert-to docx plan.doc`\n',
    ]);
  });

  test('--input-format forces a reader, and an unknown one is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-extract-formats-'));
    writeFileSync(join(dir, 'page.txt'), '<p>一、总体要求</p><p>1. 推进改革。（牵头单位：市财政局）</p>');
    const [asHtml, html] = await runCli(['page.txt', '--input-format', 'html', '-f', 'ndjson'], { cwd: dir });
    expect([asHtml, JSON.parse(html).leadUnits]).toEqual([0, ['市财政局']]);
    const [usage, , stderr] = await runCli(['page.txt', '--input-format', 'xlsx'], { cwd: dir });
    expect(usage).toBe(2);
    expect(stderr).toContain("argument 'xlsx' is invalid");
  });

  test('a web page piped in on stdin is read as HTML', async () => {
    const [code, stdout] = await runCli(['-', '-f', 'ndjson'], {
      stdin: '<!doctype html><html><body><div id="zoom"><p>一、总体要求</p><p>1. 推进改革。（牵头单位：市财政局）</p></div></body></html>',
    });
    expect([code, JSON.parse(stdout).leadUnits]).toEqual([0, ['市财政局']]);
  });
});
