import { describe, expect, test } from 'vitest';
import { deadlineRules, extractDeadlines } from '../src/extract/deadlines/index.ts';
import { extractTargets } from '../src/extract/targets/index.ts';
import { issueCodes } from '../src/issue-codes.ts';
import { headingRules, matchHeading } from '../src/segment/headings.ts';
import { readTableHeader, tableExamples } from '../src/segment/table.ts';

// Every rule carries its own examples (remark-lint's docs-as-tests); this file runs them all.
describe.each(deadlineRules.map((rule) => ({ id: rule.id, rule })))('$id', ({ rule }) => {
  test.each(rule.examples.ok.map((example) => [...example]))('finds %s as %s (%s in 2023)', (input, text, date) => {
    const found = extractDeadlines(input, 2023).find((deadline) => deadline.rule === rule.id);
    expect(found).toMatchObject({ text, date });
  });
  test.each(rule.examples.notOk.map((example) => [example]))('leaves %s alone', (input) => {
    expect(extractDeadlines(input, 2023).filter((deadline) => deadline.rule === rule.id)).toEqual([]);
  });
});

describe.each(headingRules.map((rule) => ({ id: rule.id, rule })))('$id', ({ rule }) => {
  test.each(rule.examples.ok.map((example) => [...example]))('recognises %s as %s (%s)', (line, label, number) => {
    expect(rule.match(line)).toMatchObject({ kind: rule.kind, label, number });
  });
  test.each(rule.examples.notOk.map((example) => [example]))('leaves %s alone', (line) => {
    expect(rule.match(line)).toBeNull();
  });
  // matchHeading tries a rule only on lines starting with one of its first characters.
  test.each(rule.examples.ok.map((example) => [...example]))('matchHeading finds %s by its first character', (line, label) => {
    if (rule.firstChars !== null) expect(rule.firstChars).toContain(line.charAt(0));
    expect(matchHeading(line)).toMatchObject({ label });
  });
});

describe('conventions', () => {
  test('rule ids are unique and named stage/rule', () => {
    const ids = [...deadlineRules, ...headingRules].map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\/[a-z-]+$/);
  });

  test('issue codes are kebab-case and each has a severity, a source and an example', () => {
    for (const [code, entry] of Object.entries(issueCodes)) {
      expect(code).toMatch(/^[a-z]+(?:-[a-z]+)+$/);
      expect(['error', 'warning', 'info']).toContain(entry.severity);
      expect(entry.source.length).toBeGreaterThan(0);
      expect(entry.example.length).toBeGreaterThan(0);
    }
  });
});

describe('targets', () => {
  test('in Traditional script keep their units and bounds', () => {
    expect(extractTargets('新增試點20個以上，辦理時間不超過3個工作日，覆蓋率達到95%以上').map((t) => [t.text, t.value, t.unit, t.qualifier])).toEqual([
      ['20個以上', 20, '個', '以上'],
      ['不超過3個工作日', 3, '個工作日', '不超過'],
      ['達到95%以上', 95, '%', '以上'],
    ]);
  });
});

describe('table header rows', () => {
  test.each(tableExamples.ok.map(([line, columns]) => [line, columns] as const))('reads %j', (line, columns) => {
    expect(readTableHeader(line)).toEqual(columns);
  });
  test.each(tableExamples.notOk.map((line) => [line]))('leaves %j alone', (line) => {
    expect(readTableHeader(line)).toBeNull();
  });
});
