import { describe, expect, test } from 'vitest';
import { issueCodes } from '../src/issue-codes.ts';
import { conventionExamples, firstListedLeadRe } from '../src/lexicon/conventions.ts';
import { framePatterns } from '../src/lexicon/frame.ts';
import { labels } from '../src/lexicon/labels.ts';
import { headingRules, matchHeading } from '../src/lexicon/numbering.ts';
import { foldScript } from '../src/lexicon/script.ts';
import { roleVerbs } from '../src/lexicon/verbs.ts';
import { type DeadlineRule, deadlineRules } from '../src/mark/deadlines/index.ts';
import { mark } from '../src/mark/index.ts';
import { extractTargets } from '../src/mark/targets.ts';
import { normalize, toParagraphs } from '../src/normalize/index.ts';
import { resolveDeadline } from '../src/resolve/dates.ts';

// Every rule and every lexicon entry carries its own examples (remark-lint's docs-as-tests); this
// file runs them all.

/** A rule alone on a text: its first match, as text and the date it resolves to in 2023. */
function runRule(rule: DeadlineRule, input: string): { text: string; date: string | null } | null {
  const folded = foldScript(input);
  rule.pattern.lastIndex = 0;
  for (let match = rule.pattern.exec(folded); match; match = rule.pattern.exec(folded)) {
    const parts = rule.extract(match.groups ?? {});
    if (!parts) continue;
    const span = { start: match.index, end: match.index + match[0].length };
    const resolved = resolveDeadline({ span, rule: rule.id, parts }, { documentYear: 2023, relativeBase: 2023 });
    return { text: input.slice(span.start, span.end), date: resolved.date };
  }
  return null;
}

describe.each(deadlineRules.map((rule) => ({ id: rule.id, rule })))('$id', ({ rule }) => {
  test.each(rule.examples.ok.map((example) => [...example]))('finds %s as %s (%s in 2023)', (input, text, date) => {
    expect(runRule(rule, input)).toEqual({ text, date });
  });
  test.each(rule.examples.notOk.map((example) => [example]))('leaves %s alone', (input) => {
    expect(runRule(rule, input)).toBeNull();
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

const marksOf = (text: string) => mark(toParagraphs(normalize(text)));

describe('labels', () => {
  test.each(labels.filter((entry) => entry.use === 'clause').map((entry) => [entry.word, entry.role, entry.example]))(
    '%s (%s) is read in %s',
    (word, role, example) => {
      const marks = marksOf(example);
      const clauseRoles = marks.clauses.flatMap((clause) => [...clause.units.map((unit) => unit.role), ...clause.fields.map((field) => field.role)]);
      const fieldRoles = marks.fields.map((field) => field.role);
      if (role === 'deadline') expect(marks.deadlines.length, `a deadline after ${word} in ${example}`).toBeGreaterThan(0);
      else expect([...clauseRoles, ...fieldRoles], `${word} in ${example}`).toContain(role);
      // A person is never a unit.
      if (role === 'person') {
        const person = /[：:]([^；，;,）]+)/.exec(example)?.[1] ?? '';
        expect(marks.clauses.flatMap((clause) => clause.units.map((unit) => unit.name))).not.toContain(person);
      }
    },
  );
});

describe('role verbs', () => {
  test.each(roleVerbs.map((entry) => [entry.verb, entry.role, entry.example]))('%s gives its list the role %s in %s', (_verb, role, example) => {
    const units = marksOf(example).clauses.flatMap((clause) => clause.units);
    expect(units.map((unit) => unit.role)).toContain(role);
  });
});

describe.each(framePatterns.map((entry) => ({ kind: entry.kind, entry })))('frame: $kind', ({ entry }) => {
  test.each(entry.examples.ok.map((line) => [line]))('takes %s', (line) => {
    expect(entry.pattern.test(foldScript(line))).toBe(true);
  });
  test.each(entry.examples.notOk.map((line) => [line]))('leaves %s', (line) => {
    expect(entry.pattern.test(foldScript(line))).toBe(false);
  });
});

describe('the first-listed-lead convention', () => {
  test.each(conventionExamples.ok.map((note) => [note]))('is stated by %s', (note) => {
    expect(firstListedLeadRe.test(foldScript(note))).toBe(true);
  });
  test.each(conventionExamples.notOk.map((note) => [note]))('is not stated by %s', (note) => {
    expect(firstListedLeadRe.test(foldScript(note))).toBe(false);
  });
});

describe('conventions of the rule tables', () => {
  test('rule ids are unique and named stage/rule', () => {
    const ids = [...deadlineRules, ...headingRules].map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\/[a-z-]+$/);
  });

  test('issue codes are kebab-case and each has a severity, a source, an example and a message', () => {
    for (const [code, entry] of Object.entries(issueCodes)) {
      expect(code).toMatch(/^[a-z]+(?:-[a-z]+)+$/);
      expect(['error', 'warning', 'info']).toContain(entry.severity);
      expect(entry.source.length).toBeGreaterThan(0);
      expect(entry.example.length).toBeGreaterThan(0);
      expect(entry.message({ id: '1.2', text: '6月底前', label: '3.', expected: 2, name: '二、要素保障', year: 2023 }).length).toBeGreaterThan(0);
    }
  });

  test('lexicon words are written in simplified script (the rules match folded text)', () => {
    for (const entry of labels) expect(foldScript(entry.word)).toBe(entry.word);
    for (const entry of roleVerbs) expect(foldScript(entry.verb)).toBe(entry.verb);
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
