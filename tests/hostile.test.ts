import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { root } from './helpers.ts';

// Linear time on hostile input, checked as a ratio (4x the input must cost about 4x, not 16x),
// never as a wall-clock limit. Sizes are the smallest that still tell linear from quadratic
// (a quadratic cost at the small size is already tens of milliseconds); each size runs after a
// warm-up, best of five (the minimum filters out the load of other processes), alternating so that a burst of load hits both alike.

/**
 * Every regex of src/, exported or not: the literals, read from the sources' syntax trees, and
 * every RegExp the modules construct (patterns glued from strings, rule tables), recorded by
 * wrapping the RegExp constructor while every module of src/ is imported. This must happen
 * before anything else imports src/, so this file imports it only here.
 */
const sourceFiles = (readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }) as string[])
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => join(root, 'src', file))
  .sort();

const constructed: RegExp[] = [];
const NativeRegExp = RegExp;
globalThis.RegExp = new Proxy(NativeRegExp, {
  construct(target, args: [string | RegExp, string?]) {
    const made = Reflect.construct(target, args) as RegExp;
    constructed.push(made);
    return made;
  },
});
const modules: Record<string, Record<string, unknown>> = {};
try {
  for (const file of sourceFiles) modules[relative(root, file)] = (await import(file)) as Record<string, unknown>;
} finally {
  globalThis.RegExp = NativeRegExp;
}
const { extract } = modules['src/pipeline.ts'] as { extract: (text: string) => unknown };
const { readLines } = modules['src/cli/jobs.ts'] as { readLines: (stream: AsyncIterable<Buffer>, max?: number) => AsyncGenerator<unknown> };

function literalRegexes(file: string): [string, RegExp][] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: [string, RegExp][] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText(source);
      const slash = text.lastIndexOf('/');
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push([`${relative(root, file)}:${line + 1}`, new NativeRegExp(text.slice(1, slash), text.slice(slash + 1))]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function allPatterns(): [string, RegExp][] {
  const byKey = new Map<string, [string, RegExp]>();
  const add = (name: string, pattern: RegExp): void => {
    const key = `/${pattern.source}/${pattern.flags}`;
    if (!byKey.has(key)) byKey.set(key, [name, pattern]);
  };
  for (const file of sourceFiles) for (const [name, pattern] of literalRegexes(file)) add(name, pattern);
  for (const pattern of constructed) add(`constructed /${pattern.source.slice(0, 40)}/`, pattern);
  return [...byKey.values()];
}

function bestOf(runs: number, fn: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The best times of `small` and `large`, alternating rounds. */
function compare(rounds: number, small: () => void, large: () => void): { small: number; large: number } {
  let smallTime = Number.POSITIVE_INFINITY;
  let largeTime = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    smallTime = Math.min(smallTime, bestOf(1, small));
    largeTime = Math.min(largeTime, bestOf(1, large));
  }
  return { small: smallTime, large: largeTime };
}

/** Repeats `unit` to about `size` UTF-16 units. */
const repeat = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.floor(size / unit.length)));

const KB = 1024;

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
  ['one cell per line under a header', (size) => `序号\n工作任务\n牵头单位\n完成时限\n${repeat('1\n推进改革\n市财政局\n6月底前\n', size)}`],
  ['notice lines', (size) => repeat('各县区人民政府：\n现将方案印发给你们，请认真贯彻落实。\n', size)],
  ['many labelled fields on one line', (size) => `责任单位：${repeat('市财政局 牵头单位：', size)}`],
  ['brackets with role verbs on one line', (size) => repeat('（市财政局牵头）', size)],
  ['lines of lone colons', (size) => repeat('：\n', size)],
];

describe('the whole pipeline runs in linear time on hostile input', () => {
  test.each(hostile)('%s: 256 kB costs about 4x 64 kB', (_name, make) => {
    const small = make(64 * KB);
    const large = make(256 * KB);
    // The warm-up is the large input: it grows the heap, so that the small one does not run in a
    // young generation that the large one would outgrow (that alone makes 64 kB look 3x cheaper).
    extract(large);
    const times = compare(
      5,
      () => extract(small),
      () => extract(large),
    );
    // Linear is 4x; allow up to 10x for noise, garbage collection and the caches (64 kB of text and
    // what is built from it fit in them, 256 kB does not). Quadratic would be 16x, and already
    // costs hundreds of milliseconds at 64 kB, so times under 10 ms count as 10 ms.
    expect(times.large / Math.max(times.small, 10), `64 kB: ${times.small.toFixed(0)} ms, 256 kB: ${times.large.toFixed(0)} ms`).toBeLessThan(10);
  });
});

describe('reading --stdin-ndjson is linear in the length of a record', () => {
  test('a 32 MB record costs about 4x an 8 MB one', async () => {
    const chunk = Buffer.alloc(64 * KB, 'a');
    const feed = (bytes: number) => Readable.from(Array.from({ length: bytes / chunk.length }, () => chunk).concat([Buffer.from('\n')]));
    const time = async (bytes: number): Promise<number> => {
      const start = performance.now();
      for await (const _line of readLines(feed(bytes), 64 * 1024 * KB));
      return performance.now() - start;
    };
    await time(32 * KB * KB);
    let small = Number.POSITIVE_INFINITY;
    let large = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 3; round++) {
      small = Math.min(small, await time(8 * KB * KB));
      large = Math.min(large, await time(32 * KB * KB));
    }
    // Joining the line's pieces again on every chunk (the old reader) took about a second at 8 MB
    // and 16x that at 32 MB; a linear reader takes milliseconds, counted as at least 50.
    expect(large / Math.max(small, 50), `8 MB: ${small.toFixed(0)} ms, 32 MB: ${large.toFixed(0)} ms`).toBeLessThan(8);
  });
});

/** Characters a pattern mentions: repeating them is what would make a backtracking pattern blow up. */
function alphabet(pattern: RegExp): string {
  const chars = new Set(pattern.source.replace(/\\[dDsSwWbBu]|\\x[0-9a-f]{2}|\\u[0-9a-fA-F]{4}/g, '').replace(/[\\^$|?*+()[\]{}<>=!:]/g, ''));
  return [...chars, '1', '2', '月', '年', '、', ' '].join('');
}

const patterns = allPatterns();

describe('every regex of the code runs in linear time (zod-style sweep)', () => {
  test('the sweep finds the literals and the constructed patterns of every stage', () => {
    const names = patterns.map(([name]) => name);
    for (const stage of ['src/cli/', 'src/emit/', 'src/lexicon/', 'src/mark/', 'src/normalize/', 'src/read/', 'src/segment/']) {
      expect(
        names.some((name) => name.startsWith(stage)),
        stage,
      ).toBe(true);
    }
    expect(names.filter((name) => name.startsWith('constructed')).length).toBeGreaterThan(10);
  });

  test.each(patterns)('%s', (_name, pattern) => {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    const letters = alphabet(pattern);
    const scan = (text: string) => () => {
      global.lastIndex = 0;
      for (let match = global.exec(text); match; match = global.exec(text)) if (match[0].length === 0) global.lastIndex++;
    };
    // The pattern's characters cycled, a few of them, with a stranger; and one long run of its first
    // character that ends in one it does not expect (what makes `/ +$/` quadratic).
    const inputs: ((size: number) => string)[] = [
      (size) => repeat(letters, size),
      (size) => repeat(letters.slice(0, 3), size),
      (size) => repeat(`${letters}!`, size),
      (size) => `${(letters[0] as string).repeat(size)}!`,
    ];
    for (const make of inputs) {
      const unit = make(12);
      const small = make(25_000);
      const large = make(100_000);
      scan(small)();
      // Timings under 5 ms are noise (one garbage collection), so they count as 5 ms; a quadratic
      // pattern takes about a second at the small size.
      const times = compare(3, scan(small), scan(large));
      expect(times.large / Math.max(times.small, 5), `${pattern.source.slice(0, 60)} on ${JSON.stringify(unit.slice(0, 12))}`).toBeLessThan(10);
    }
  });
});
