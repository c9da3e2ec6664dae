import { describe, expect, test } from 'vitest';
import { extract } from '../src/pipeline.ts';
import { LineIndex } from '../src/source.ts';
import { loadFixtures, normalizeSlice, placedTexts, repeatedLines, seedText } from './helpers.ts';

const cases = [{ name: 'seed', input: seedText, options: {} }, ...loadFixtures()];

describe.each(cases)('positions in $name', ({ input, options }) => {
  const doc = extract(input, options);
  const lines = new LineIndex(input);
  const headers = repeatedLines(input);

  test('every deadline, target and clause points at its own text in the raw file', () => {
    for (const field of placedTexts(doc)) {
      const raw = input.slice(field.offset, field.offset + field.text.length * 4 + 120);
      // The raw text may hold line breaks, spaces and page numbers that normalisation removed.
      expect(normalizeSlice(raw, headers).startsWith(field.text), `${field.text} at ${field.offset}: ${raw}`).toBe(true);
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
