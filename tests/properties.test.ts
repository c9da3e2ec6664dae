import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type Convention, conventions, generateDocument } from '../scripts/genre.ts';
import { normalize } from '../src/normalize/index.ts';
import { extract } from '../src/pipeline.ts';
import { LineIndex } from '../src/source.ts';
import { validateDocument } from '../src/validate.ts';

/** Pieces of the genre, odd characters and every kind of line end, to build hostile-but-plausible text from. */
const tokens = [
  '（',
  '）',
  '(',
  ')',
  '牵头单位：',
  '責任單位:',
  '；',
  '、',
  '等部门',
  '1.',
  '一、',
  '（一）',
  '①',
  '１２',
  '６月底前',
  '2023年',
  '十二月底前',
  '年内',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '　　',
  ' ',
  '—０１—',
  '。',
  '.',
  ',',
  '“',
  '”',
  '«',
  '»',
  '\u0000',
  '\u000c',
  '\ud800',
  '\udfff',
  '\ufeff',
  '𠀀',
  '省财政厅',
  '配套措施———纳税',
];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...tokens), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

describe('for any text', () => {
  test('extract never throws, its output validates, and every line points inside the file', () => {
    fc.assert(
      fc.property(hostileText, fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: undefined }), (text, year) => {
        const doc = extract(text, { year });
        expect(validateDocument(doc)).toEqual([]);
        const lineCount = new LineIndex(text).lineCount;
        const lines = [
          ...doc.domains.flatMap((d) => [
            d.line ?? 1,
            ...d.measures.flatMap((m) => [m.line, m.endLine, ...m.deadlines.map((x) => x.line), ...m.clauses.flatMap((c) => [c.line, c.endLine])]),
          ]),
          ...doc.warnings.map((w) => w.line ?? 1),
        ];
        for (const line of lines) expect(line >= 1 && line <= lineCount, `line ${line} of ${lineCount}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  test('normalisation is idempotent', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const once = normalize(text).text.text;
        expect(normalize(once).text.text).toBe(once);
      }),
      { numRuns: 600 },
    );
  });
});

/**
 * Conventions of real documents (issue 11) the grammar writes that the extraction does not yet
 * recover exactly; `npx tsx scripts/check-genre.ts --each` shows how each fails. Take one off the
 * list when the checker shows it clean: the property test then holds the extraction to it.
 */
const notYetRecovered: readonly Convention[] = [
  // With a 配合单位 column as well, an empty cell leaves no line of its own, so a unit cell between
  // empty ones is placed by its text alone (responsible or supporting): 15 of 3000 seeds.
  'table-cell-per-line',
];
const recovered = conventions.filter((convention) => !notYetRecovered.includes(convention));

describe('for documents generated from a grammar of the genre', () => {
  test('the extraction recovers exactly the units and deadlines that were generated', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const generated = generateDocument(seed, { conventions: recovered });
        const doc = extract(generated.text);
        expect(doc.year).toBe(generated.year);
        expect(doc.title).toBe(generated.title);
        expect(doc.warnings).toEqual([]);
        expect(doc.domains.map((d) => ({ name: d.name, lead: d.leadUnits }))).toEqual(generated.domains.map((d) => ({ name: d.name, lead: d.lead })));
        expect(
          doc.domains.map((d) =>
            d.measures.map((m) => ({
              lead: m.leadUnits,
              responsible: m.responsibleUnits,
              supporting: m.supportingUnits,
              deadlines: m.deadlines.map((x) => ({ text: x.text, date: x.date })),
              leadRule: m.leadRule,
            })),
          ),
        ).toEqual(generated.domains.map((d) => d.measures));
      }),
      { numRuns: 150 },
    );
  });

  test('the grammar writes every convention it knows, only those it is allowed, the same way for a seed', () => {
    const seen = new Set<Convention>();
    for (let seed = 0; seed < 600; seed++) for (const convention of generateDocument(seed).conventions) seen.add(convention);
    expect([...seen].sort()).toEqual([...conventions].sort());
    for (let seed = 0; seed < 200; seed++) {
      expect(generateDocument(seed, { conventions: recovered }).conventions.filter((c) => notYetRecovered.includes(c))).toEqual([]);
      expect(generateDocument(seed, { conventions: [] }).conventions).toEqual([]);
    }
    expect(generateDocument(7).text).toBe(generateDocument(7).text);
  });
});
