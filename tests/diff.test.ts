import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import { generateDocument } from '../scripts/genre.ts';
import { alignMeasures, diffDocuments, diffExitCode, diffVersions, formatDiffReport } from '../src/diff/index.ts';
import { bigrams, dice, normalizeForComparison } from '../src/diff/similarity.ts';
import { extract } from '../src/pipeline.ts';
import { DiffReportSchema } from '../src/schema/diff.ts';
import type { Measure } from '../src/schema/index.ts';
import { insertedAndUnitChanged, measure, movedAcrossDomains, seedDoc, swapped } from './diff-documents.ts';
import { root, seedText } from './helpers.ts';

const version = (text: string) => extract(text, { path: 'new.txt' });

describe('similarity', () => {
  test('ignores whitespace and punctuation of both widths', () => {
    expect(normalizeForComparison('加快 推进，“一网通办”。(牵头单位:省大数据局)')).toBe('加快推进一网通办牵头单位省大数据局');
  });

  test.each([
    ['the same text', '推进政务服务一网通办', '推进政务服务一网通办', 1],
    ['nothing shared', '推进政务服务', '降低物流成本', 0],
    ['the last character of four changed', '省商务厅', '省商务局', 2 / 3],
    ['two empty texts', '', '', 1],
  ])('scores %s', (_, a, b, expected) => {
    expect(dice(bigrams(a), bigrams(b))).toBeCloseTo(expected, 6);
  });
});

describe('diffVersions', () => {
  test('one inserted measure, the rest renumbered and one unit changed: exactly 1 added and 1 changed', () => {
    const report = diffVersions(seedDoc, version(insertedAndUnitChanged()));
    expect(report.added).toEqual([{ id: '1.4', domain: '优化政务服务', title: '推行政务服务“免证办”' }]);
    expect(report.removed).toEqual([]);
    expect(report.changed).toHaveLength(1);
    expect(report.changed[0]?.old.id).toBe('2.3');
    expect(report.changed[0]?.new.id).toBe('2.3');
    expect(report.changed[0]?.fields.map((field) => field.field)).toEqual(['text', 'leadUnits']);
    expect(report.changed[0]?.fields[1]).toEqual({ field: 'leadUnits', added: ['省商务厅'], removed: ['省市场监管局'] });
    expect(report.renumbered.map((r) => `${r.old.id}→${r.new.id}`)).toEqual(Array.from({ length: 12 }, (_, i) => `1.${i + 4}→1.${i + 5}`));
    expect(report.unchanged).toBe(145);
    expect([report.equal, diffExitCode(report)]).toEqual([false, 1]);
    expect(DiffReportSchema.parse(report)).toEqual(report);
    expect(z.toJSONSchema(DiffReportSchema).properties).toHaveProperty('renumbered');
  });

  test('the same edit read backwards is 1 removed and 1 changed', () => {
    const report = diffVersions(version(insertedAndUnitChanged()), seedDoc);
    expect([report.added.length, report.removed.length, report.changed.length, report.renumbered.length]).toEqual([0, 1, 1, 12]);
    expect(report.removed[0]?.title).toBe('推行政务服务“免证办”');
  });

  test('a measure moved to another domain is renumbered, with its old and new domain', () => {
    const report = diffVersions(seedDoc, version(movedAcrossDomains()));
    expect([report.added.length, report.removed.length, report.changed.length]).toEqual([0, 0, 0]);
    const moved = report.renumbered.find((r) => r.old.id === '2.3');
    expect(moved).toEqual({
      old: { id: '2.3', domain: '企业准入退出', title: '深化企业“一照多址”改革' },
      new: { id: '5.7', domain: '登记财产', title: '深化企业“一照多址”改革' },
    });
    expect(report.renumbered).toHaveLength(6);
  });

  test('two measures that swapped places are renumbered only', () => {
    const report = diffVersions(seedDoc, version(swapped()));
    expect(report.renumbered.map((r) => `${r.old.id}→${r.new.id}`)).toEqual(['3.2→3.1', '3.1→3.2']);
    expect(report.added.length + report.removed.length + report.changed.length).toBe(0);
  });

  test('a version equal to the old one: no differences, exit code 0', () => {
    const report = diffVersions(seedDoc, version(seedText));
    expect([report.equal, diffExitCode(report), report.unchanged]).toEqual([true, 0, 158]);
    expect(formatDiffReport(report)).toBe(
      [
        '--- old.txt  山东省深化营商环境创新提升行动 · 2023 · 158 measures',
        '+++ new.txt  山东省深化营商环境创新提升行动 · 2023 · 158 measures',
        'no differences',
        '',
      ].join('\n'),
    );
  });

  test('a measure rewritten beyond recognition is one removed and one added, not a change', () => {
    const old = measure(seedDoc, '1.2');
    const text = `${seedText.slice(0, old.position.start.offset)}２建设省级数据共享平台,统一数据标准.(牵头单位:省大数据局)${seedText.slice(old.position.end.offset)}`;
    const report = diffVersions(seedDoc, version(text));
    expect(report.removed.map((m) => m.id)).toEqual(['1.2']);
    expect(report.added.map((m) => m.id)).toEqual(['1.2']);
    expect(report.changed).toEqual([]);
  });

  test('a changed deadline is one removed and one added deadline', () => {
    const old = measure(seedDoc, '1.3');
    const deadline = old.deadlines[0] as Measure['deadlines'][number];
    const text = `${seedText.slice(0, deadline.position.start.offset)}９月底前${seedText.slice(deadline.position.end.offset)}`;
    const [change] = diffVersions(seedDoc, version(text)).changed;
    expect(change?.fields.at(-1)).toEqual({
      field: 'deadlines',
      added: [{ text: '9月底前', date: '2023-09-30' }],
      removed: [{ text: '6月底前', date: '2023-06-30' }],
    });
  });
});

describe('formatDiffReport', () => {
  const report = diffVersions(seedDoc, version(insertedAndUnitChanged()));

  test('reads like diff: both versions, the counts, each change, renumbering in runs', () => {
    expect(formatDiffReport(report)).toBe(
      [
        '--- old.txt  山东省深化营商环境创新提升行动 · 2023 · 158 measures',
        '+++ new.txt  山东省深化营商环境创新提升行动 · 2023 · 159 measures',
        '1 added, 0 removed, 1 changed, 12 renumbered, 145 unchanged',
        '',
        '+ 1.4  推行政务服务“免证办”  (优化政务服务)',
        '~ 2.3  深化企业“一照多址”改革',
        '    text: …注册效率。（牵头单位：省[-市场监管局-]{+商务厅+}）',
        '    leadUnits: - 省市场监管局 + 省商务厅',
        '',
        'renumbered (12):',
        '    1.4–1.15 → 1.5–1.16  (12 measures)',
        '',
      ].join('\n'),
    );
  });

  test('is the output the README shows', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toContain(`$ policy-extract diff old.txt new.txt\n${formatDiffReport(report).trimEnd()}\n\`\`\``);
  });

  test('colours only through the palette it is given', () => {
    const palette = {
      added: (s: string) => `<g>${s}</g>`,
      removed: (s: string) => `<r>${s}</r>`,
      changed: (s: string) => `<y>${s}</y>`,
      heading: (s: string) => `<b>${s}</b>`,
    };
    const text = formatDiffReport(report, palette);
    expect(text).toContain('<g>+ 1.4  推行政务服务“免证办”  (优化政务服务)</g>');
    expect(text).toContain('<y>~ 2.3  深化企业“一照多址”改革</y>');
    expect(text).toContain('    leadUnits: <r>- 省市场监管局</r> <g>+ 省商务厅</g>');
    expect(formatDiffReport(report)).not.toMatch(/<[a-z]>/);
  });
});

describe('alignMeasures at scale', () => {
  // 5,000 distinct generated measures against the same with every text edited, so none pairs by
  // equal text and all go through the candidate index; then against them in reverse order.
  const seen = new Set<string>();
  const measures: Measure[] = [];
  for (let seed = 1; measures.length < 5000; seed++) {
    for (const m of extract(generateDocument(seed, { measures: 40 }).text).domains.flatMap((d) => d.measures)) {
      if (!seen.has(m.text) && m.text.length > 20) {
        seen.add(m.text);
        measures.push(m);
      }
    }
  }
  const before = measures.slice(0, 5000).map((m, i) => ({ ...m, id: `${Math.floor(i / 100) + 1}.${(i % 100) + 1}` }));
  const after = before.map((m) => ({ ...m, text: `${m.text.slice(0, 10)}进一步${m.text.slice(10)}` }));

  test('pairs 5,000 edited measures with their originals, scoring about ten candidates each', () => {
    const alignment = alignMeasures(before, after);
    expect(alignment.pairs.filter(([i, j]) => i !== j)).toEqual([]);
    expect(alignment.pairs).toHaveLength(5000);
    expect(alignment.comparisons).toBeLessThanOrEqual(10 * 5000);
  });

  test('pairs them by content when their order is reversed', () => {
    const alignment = alignMeasures(before, [...after].reverse());
    expect(alignment.pairs.filter(([i, j]) => i !== 4999 - j)).toEqual([]);
    expect(alignment.comparisons).toBeLessThanOrEqual(10 * 5000);
  });
});

describe('diffDocuments (check --expect)', () => {
  test('says nothing when the extractions agree', () => {
    expect(diffDocuments(seedDoc, version(seedText))).toEqual([]);
  });

  test('a measure found in addition shifts no other: one + line and renumbering lines', () => {
    const lines = diffDocuments(seedDoc, version(insertedAndUnitChanged()));
    expect(lines.filter((line) => line.startsWith('+ '))).toEqual(['+ 1.4 推行政务服务“免证办”']);
    expect(lines).toContain('1.4 → 1.5: renumbered (label 4 → 5)');
    expect(lines).toContain('2.3 leadUnits: - 省市场监管局');
    expect(lines).toContain('2.3 leadUnits: + 省商务厅');
    expect(lines.some((line) => /^1\.\d+ (title|text):/.test(line))).toBe(false);
  });
});
