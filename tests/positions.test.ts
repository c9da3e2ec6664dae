import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalize } from '../src/normalize/index.ts';
import { extract } from '../src/pipeline.ts';
import { lastAtOrBefore } from '../src/sorted.ts';
import { LineIndex } from '../src/source.ts';
import { loadFixtures, normalizeSlice, placedTexts, repeatedLines, seedText } from './helpers.ts';

const cases = [{ name: 'seed', input: seedText, options: {} }, ...loadFixtures()];

describe.each(cases)('positions in $name', ({ input, options }) => {
  const doc = extract(input, options);
  const lines = new LineIndex(input);
  // Running headers are removed only from paged (PDF) text; elsewhere a repeated line is content.
  const headers = normalize(input).removed.runningHeaders > 0 ? repeatedLines(input) : new Set<string>();

  test('every deadline, target and clause points at its own text in the raw file', () => {
    for (const field of placedTexts(doc)) {
      const raw = input.slice(field.offset, field.offset + field.text.length * 4 + 120);
      // The raw text may hold line breaks, spaces and page numbers that normalisation removed.
      // A table cell may span lines: its text keeps the line break, the raw slice is read without it.
      expect(normalizeSlice(raw, headers).startsWith(field.text.replace(/\n/g, '')), `${field.text} at ${field.offset}: ${raw}`).toBe(true);
      expect(lines.place(field.offset)).toEqual({ line: field.line, column: field.column, offset: field.offset });
    }
  });

  test('every line number is inside the file', () => {
    const lineCount = lines.lineCount;
    const allLines = [
      ...doc.domains.flatMap((d) => [d.line ?? 1, ...d.measures.flatMap((m) => [m.line, m.endLine, ...m.deadlines.map((x) => x.line)])]),
      ...doc.warnings.map((w) => w.line ?? 1),
    ];
    for (const line of allLines) {
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(lineCount);
    }
  });
});

describe('lastAtOrBefore, the search behind every position lookup', () => {
  test('finds the last index at or before the value, as a linear scan does, from any hint', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }).map((values) => [...values].sort((a, b) => a - b)),
        fc.integer({ min: -5, max: 1005 }),
        fc.nat(),
        (sorted, value, hintSeed) => {
          let expected = 0;
          for (let i = 0; i < sorted.length; i++) if ((sorted[i] as number) <= value) expected = i;
          const found = lastAtOrBefore(sorted, value, hintSeed % sorted.length);
          expect(found).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('a line index answers the same for offsets in any order', () => {
    const text = seedText;
    const lines = new LineIndex(text);
    const fresh = (offset: number) => new LineIndex(text).place(offset);
    for (const offset of [70000, 5, 35000, 35001, 34000, 0, text.length, 120, 69999]) expect(lines.place(offset)).toEqual(fresh(offset));
  });
});
