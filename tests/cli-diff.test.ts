import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DiffReportSchema } from '../src/schema/diff.ts';
import { runCli } from './cli-harness.ts';
import { insertedAndUnitChanged } from './diff-documents.ts';
import { seedFile } from './helpers.ts';

// `policy-extract diff OLD NEW` on the built command line (issue 14): the seed against a revised
// copy with one measure inserted after 1.3 (the rest of the domain renumbered) and 2.3's lead
// unit changed.

/** A folder with the two versions, old.txt and new.txt. */
function versions(): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-extract-diff-'));
  copyFileSync(seedFile, join(dir, 'old.txt'));
  writeFileSync(join(dir, 'new.txt'), insertedAndUnitChanged());
  return dir;
}

describe('policy-extract diff', () => {
  test('the text report: exactly 1 added and 1 changed, the renumbering collapsed, exit 1', async () => {
    const dir = versions();
    const [code, stdout, stderr] = await runCli(['diff', 'old.txt', 'new.txt'], { cwd: dir });
    expect([code, stderr]).toEqual([1, '']);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      '--- old.txt  山东省深化营商环境创新提升行动 · 2023 · 158 measures',
      '+++ new.txt  山东省深化营商环境创新提升行动 · 2023 · 159 measures',
      '1 added, 0 removed, 1 changed, 12 renumbered, 145 unchanged',
    ]);
    expect(stdout).toContain('\n+ 1.4  推行政务服务“免证办”  (优化政务服务)\n');
    expect(stdout).toContain('\n    leadUnits: - 省市场监管局 + 省商务厅\n');
    expect(stdout).toContain('\n    1.4–1.15 → 1.5–1.16  (12 measures)\n');
    // No colour off a terminal.
    expect(stdout).not.toContain('\u001b[');
  });

  test('--format json is a DiffReport; -o writes it to a file', async () => {
    const dir = versions();
    const [code, stdout] = await runCli(['diff', 'old.txt', 'new.txt', '--format', 'json', '-o', 'changes.json'], { cwd: dir });
    expect([code, stdout]).toEqual([1, '']);
    const report = DiffReportSchema.parse(JSON.parse(readFileSync(join(dir, 'changes.json'), 'utf8')));
    expect(report.added.map((m) => m.id)).toEqual(['1.4']);
    expect(report.removed).toEqual([]);
    expect(report.changed.map((m) => [m.old.id, m.fields.map((f) => f.field)])).toEqual([['2.3', ['text', 'leadUnits']]]);
    expect(report.renumbered).toHaveLength(12);
    expect(report.equal).toBe(false);
  });

  test('equal versions: "no differences", exit 0; a saved JSON output stands for its document', async () => {
    const dir = versions();
    const [same, text] = await runCli(['diff', 'old.txt', 'old.txt'], { cwd: dir });
    expect(same).toBe(0);
    expect(text.split('\n')[2]).toBe('no differences');
    const [, json] = await runCli(['old.txt'], { cwd: dir });
    writeFileSync(join(dir, 'old.json'), json);
    const [code, stdout] = await runCli(['diff', 'old.json', 'new.txt', '-f', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const report = DiffReportSchema.parse(JSON.parse(stdout));
    expect([report.old.path, report.added.length, report.changed.length]).toEqual(['old.txt', 1, 1]);
  });

  test('--color colours the report; a terminal does by itself, NO_COLOR stops it', async () => {
    const dir = versions();
    const [, forced] = await runCli(['diff', 'old.txt', 'new.txt', '--color'], { cwd: dir });
    expect(forced).toContain('\u001b[32m+ 1.4');
    const [, terminal] = await runCli(['diff', 'old.txt', 'new.txt'], { cwd: dir, stdoutTTY: true });
    expect(terminal).toContain('\u001b[');
    const [, plain] = await runCli(['diff', 'old.txt', 'new.txt'], { cwd: dir, stdoutTTY: true, env: { NO_COLOR: '1' } });
    expect(plain).not.toContain('\u001b[');
  });

  test('--year passes through to both versions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-extract-diff-'));
    const plan = (lead: string) =>
      `某市优化营商环境工作方案\n一、优化政务服务\n1.推进“一网通办”。（牵头单位：${lead}；完成时限：6月底前）\n2.深化“一件事一次办”。（牵头单位：市政府办公室；完成时限：9月底前）\n`;
    writeFileSync(join(dir, 'a.txt'), plan('市大数据局'));
    writeFileSync(join(dir, 'b.txt'), plan('市政务服务管理局'));
    const [code, stdout] = await runCli(['diff', 'a.txt', 'b.txt', '--year', '2025', '-f', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const report = DiffReportSchema.parse(JSON.parse(stdout));
    expect([report.old.year, report.new.year]).toEqual([2025, 2025]);
    expect(report.changed.map((m) => m.new.id)).toEqual(['1.1']);
  });

  test('an unreadable version: one line naming it, exit 1, no output file', async () => {
    const dir = versions();
    const [code, stdout, stderr] = await runCli(['diff', 'old.txt', 'missing.txt', '-o', 'changes.txt'], { cwd: dir });
    expect([code, stdout, stderr]).toEqual([1, '', 'policy-extract: missing.txt: no such file or directory\n']);
    expect(existsSync(join(dir, 'changes.txt'))).toBe(false);
  });

  test.each([
    [['diff', 'old.txt'], "error: missing required argument 'new'"],
    [['diff', 'old.txt', 'new.txt', '--format', 'yaml'], "error: option '-f, --format <format>' argument 'yaml' is invalid. Allowed choices are text, json."],
    [['diff', 'old.txt', 'new.txt', '--year', '23'], "policy-extract: --year takes a four-digit year such as 2023, got '23'"],
    [['diff', '-', '-'], 'policy-extract: diff reads at most one version from stdin (-)'],
  ])('%j is a usage error, exit 2', async (args, message) => {
    const [code, stdout, stderr] = await runCli(args, { cwd: versions() });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.split('\n')[0]).toBe(message);
  });
});
