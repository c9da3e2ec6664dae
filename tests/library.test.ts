import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extract, extractFile, PolicyExtractError } from '../src/index.ts';
import { root } from './helpers.ts';

const plan = '重点任务\n1.推进改革。6月底前完成。（牵头单位：市财政局）';

describe('the library checks its arguments', () => {
  test.each([
    ['a string year', { year: '2023' }],
    ['NaN', { year: Number.NaN }],
    ['a fraction', { year: 2023.5 }],
    ['a five-digit year', { year: 20230 }],
    ['a year before the People’s Republic', { year: 1800 }],
  ])('rejects %s as the year with one typed error', (_name, options) => {
    const run = () => extract(plan, options as never);
    expect(run).toThrow(PolicyExtractError);
    expect(run).toThrow(/year/);
    try {
      run();
    } catch (error) {
      expect((error as PolicyExtractError).code).toBe('option-invalid');
    }
  });

  test.each([
    ['a number', 42],
    ['undefined', undefined],
    ['a Buffer', Buffer.from(plan)],
  ])('rejects %s as the text with a typed error, not a TypeError', (_name, text) => {
    expect(() => extract(text as never)).toThrow(PolicyExtractError);
    try {
      extract(text as never);
    } catch (error) {
      expect((error as PolicyExtractError).code).toBe('text-invalid');
    }
  });

  test('accepts a year in range', () => {
    expect(extract(plan, { year: 2024 }).domains[0]?.measures[0]?.deadlines[0]?.date).toBe('2024-06-30');
  });

  test("extractFile('') says, as the CLI does, that an empty path names no file", async () => {
    await expect(extractFile('')).rejects.toThrow(new PolicyExtractError('input-unreadable', "'': an empty path names no file"));
  });

  test('extractFile refuses a file of only whitespace, as the CLI does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-extract-lib-'));
    writeFileSync(join(dir, 'blank.txt'), '\u00a0\u200b\n');
    await expect(extractFile(join(dir, 'blank.txt'))).rejects.toMatchObject({ code: 'input-unreadable', message: expect.stringContaining('only whitespace') });
    rmSync(dir, { recursive: true });
  });
});

describe('CommonJS', () => {
  test("require('policy-extract') works from a .cjs file", () => {
    const dir = mkdtempSync(join(root, '.package-test-'));
    try {
      writeFileSync(
        join(dir, 'use.cjs'),
        "const { extract } = require('policy-extract');\nconsole.log(extract('重点任务\\n1.推进改革。（牵头单位：市财政局）', { year: 2024 }).domains[0].measures[0].leadUnits[0]);\n",
      );
      expect(execFileSync(process.execPath, [join(dir, 'use.cjs')], { encoding: 'utf8' })).toBe('市财政局\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
