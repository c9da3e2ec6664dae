import { describe, expect, test } from 'vitest';
import * as conventions from '../src/lexicon/conventions.ts';
import * as frame from '../src/lexicon/frame.ts';
import * as headings from '../src/lexicon/numbering.ts';
import * as deadlines from '../src/mark/deadlines/index.ts';
import * as deadlineRules from '../src/mark/deadlines/rules.ts';
import * as targets from '../src/mark/targets.ts';
import * as artefacts from '../src/normalize/artefacts.ts';
import { extract } from '../src/pipeline.ts';

// Linear time on hostile input, checked as a ratio (4x the input must cost about 4x, not 16x),
// never as a wall-clock limit. Each size runs after a warm-up, best of three.
const MB = 1024 * 1024;

function bestOf(runs: number, fn: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Repeats `unit` to about `size` UTF-16 units. */
const repeat = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.floor(size / unit.length)));

const hostile: ReadonlyArray<readonly [name: string, make: (size: number) => string]> = [
  ['a line without a newline', (size) => repeat('持续深化改革加快推进数字政府建设', size)],
  ['（牵头单位： with no closing parenthesis', (size) => repeat('（牵头单位：', size)],
  ['digits', (size) => repeat('1234567890', size)],
  ['月底前', (size) => repeat('月底前', size)],
  ['１ and a newline', (size) => repeat('１\n', size)],
  ['repeated heading markers on one line', (size) => repeat('一、（一）1.（1）', size)],
  ['repeated heading markers on many lines', (size) => repeat('一、（一）1.（1）\n', size)],
  ['a million 、', (size) => repeat('、', size)],
  ['commas and spaces', (size) => repeat(', ', size)],
  ['clauses without units', (size) => repeat('（牵头单位：）', size)],
  ['deadlines in a clause', (size) => repeat('（省财政厅牵头，6月底完成）', size)],
  ['labels after sentence ends', (size) => repeat('牵头单位：。', size)],
  ['labels at line starts', (size) => repeat('牵头单位：\n', size)],
  ['labels after semicolons on one line', (size) => repeat('；责任单位：', size)],
  ['labelled lists after semicolons on one line', (size) => repeat('；责任单位：市财政局', size)],
  ['bracket labels on many lines, no sentence end', (size) => repeat('【牵头单位】\n', size)],
  ['bracket labels on one line', (size) => repeat('【责任单位】市财政局', size)],
  ['pipes on one line', (size) => repeat('| 1 | 推进 |', size)],
  ['lone pipes on lines', (size) => repeat('|\n', size)],
  ['run-in items without end', (size) => repeat('。（一）推进', size)],
  ['nested brackets', (size) => repeat('（〔【[', size)],
  ['role verbs without units', (size) => repeat('牵头，配合，负责；', size)],
  ['header words glued', (size) => repeat('工作任务责任单位', size)],
  ['field names alone on lines', (size) => repeat('责任单位\n', size)],
  ['prose assignments', (size) => repeat('由市财政局会同', size)],
];

describe('the whole pipeline runs in linear time on hostile input', () => {
  test.each(hostile)('%s: 4 MB costs about 4x 1 MB', (_name, make) => {
    const small = make(MB);
    const large = make(4 * MB);
    extract(small.slice(0, 64 * 1024)); // warm-up
    // Alternate the sizes, so that a burst of load from other test files hits both alike.
    let smallTime = Number.POSITIVE_INFINITY;
    let largeTime = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      smallTime = Math.min(
        smallTime,
        bestOf(1, () => extract(small)),
      );
      largeTime = Math.min(
        largeTime,
        bestOf(1, () => extract(large)),
      );
    }
    // Linear is 4x; allow up to 7x for noise and garbage collection. Quadratic would be 16x.
    expect(largeTime / Math.max(smallTime, 1), `1 MB: ${smallTime.toFixed(0)} ms, 4 MB: ${largeTime.toFixed(0)} ms`).toBeLessThan(7);
  });
});

/** Every RegExp a rule module exports, and every rule's pattern. */
function allPatterns(): [string, RegExp][] {
  const found: [string, RegExp][] = [];
  const modules = { deadlines, deadlineRules, targets, artefacts, headings, conventions, frame };
  for (const [moduleName, module] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(module)) {
      if (value instanceof RegExp) found.push([`${moduleName}.${name}`, value]);
    }
  }
  for (const rule of deadlineRules.deadlineRules) found.push([rule.id, rule.pattern]);
  for (const entry of frame.framePatterns) found.push([`frame/${entry.kind}`, entry.pattern]);
  return found;
}

/** Characters a pattern mentions: repeating them is what would make a backtracking pattern blow up. */
function alphabet(pattern: RegExp): string {
  const chars = new Set(pattern.source.replace(/\\[dDsSwWbBu]|\\x[0-9a-f]{2}|\\u[0-9a-fA-F]{4}/g, '').replace(/[\\^$|?*+()[\]{}<>=!:]/g, ''));
  return [...chars, '1', '2', '月', '年', '、', ' '].join('');
}

describe('every exported pattern runs in linear time (zod-style sweep)', () => {
  test.each(allPatterns())('%s', (_name, pattern) => {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    const letters = alphabet(pattern);
    const scan = (text: string) => () => {
      global.lastIndex = 0;
      for (let match = global.exec(text); match; match = global.exec(text)) if (match[0].length === 0) global.lastIndex++;
    };
    for (const unit of [letters, letters.slice(0, 3), `${letters}!`]) {
      const small = repeat(unit, 100_000);
      const large = repeat(unit, 400_000);
      scan(small)();
      // 4x the input: linear is 4x, quadratic 16x. Sizes alternate so that load from other test
      // files hits both alike, and timings under 5 ms are noise, so they count as 5 ms.
      let smallTime = Number.POSITIVE_INFINITY;
      let largeTime = Number.POSITIVE_INFINITY;
      for (let round = 0; round < 5; round++) {
        smallTime = Math.min(smallTime, bestOf(1, scan(small)));
        largeTime = Math.min(largeTime, bestOf(1, scan(large)));
      }
      const ratio = largeTime / Math.max(smallTime, 5);
      expect(ratio, `${pattern.source.slice(0, 60)} on ${JSON.stringify(unit.slice(0, 12))}`).toBeLessThan(10);
    }
  });
});
