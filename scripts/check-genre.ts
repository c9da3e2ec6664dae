/**
 * `npx tsx scripts/check-genre.ts`: runs generated documents through `extract()` and compares the
 * result with what the genre grammar says it wrote (title, year, domains and their leads, every
 * measure's lead, responsible and supporting units, lead rule, deadlines with dates, no warnings).
 * Prints the first difference of each failing seed with the lines around it, then the failure
 * count, the kinds of failure, and for each convention the documents that use it and fail.
 *
 *   npx tsx scripts/check-genre.ts                      3,000 seeds (0–2999), every convention
 *   npx tsx scripts/check-genre.ts --seeds 500 --from 7000
 *   npx tsx scripts/check-genre.ts --only run-in-measures,brackets   only these conventions
 *   npx tsx scripts/check-genre.ts --each               each convention alone, one run per convention
 *   npx tsx scripts/check-genre.ts --seed 42            one document: its text and its first difference
 *   npx tsx scripts/check-genre.ts --quiet              counts only
 *   npx tsx scripts/check-genre.ts --measures 2 --shortest --only sub-items
 *                                                       two measures a domain; the shortest failing document of each kind, whole
 *
 * Exits 1 when a seed fails. A development tool: it reads no files and writes none.
 */

import { pathToFileURL } from 'node:url';
import { extract } from '../src/pipeline.ts';
import type { PolicyDocument } from '../src/schema/index.ts';
import { type Convention, conventions, type GeneratedDocument, type GenerateOptions, generateDocument } from './genre.ts';

interface Difference {
  /** Where: `title`, `domains[1].name`, `domains[0].measures[3].lead`, `warnings`. */
  readonly path: string;
  /** The kind, for the tally: the path without indices (`measure.lead`). */
  readonly kind: string;
  readonly expected: unknown;
  readonly actual: unknown;
  /** 1-based lines of the generated text to show around the difference. */
  readonly lines: readonly [number, number];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The first place where the extraction differs from what was generated, or null. */
export function firstDifference(generated: GeneratedDocument, doc: PolicyDocument): Difference | null {
  const head: [number, number] = [1, 8];
  if (doc.title !== generated.title) return { path: 'title', kind: 'title', expected: generated.title, actual: doc.title, lines: head };
  if (doc.year !== generated.year) return { path: 'year', kind: 'year', expected: generated.year, actual: doc.year, lines: head };
  for (let d = 0; d < Math.max(generated.domains.length, doc.domains.length); d++) {
    const want = generated.domains[d];
    const got = doc.domains[d];
    const domainLines = (): [number, number] => {
      const line = got?.line ?? doc.domains[d - 1]?.measures.at(-1)?.endLine ?? 1;
      return [line, line + 3];
    };
    if (want === undefined || got === undefined)
      return { path: `domains.length`, kind: 'domains.length', expected: generated.domains.length, actual: doc.domains.length, lines: domainLines() };
    if (got.name !== want.name) return { path: `domains[${d}].name`, kind: 'domain.name', expected: want.name, actual: got.name, lines: domainLines() };
    if (!same(got.leadUnits, want.lead))
      return { path: `domains[${d}].lead`, kind: 'domain.lead', expected: want.lead, actual: got.leadUnits, lines: domainLines() };
    for (let m = 0; m < Math.max(want.measures.length, got.measures.length); m++) {
      const wanted = want.measures[m];
      const found = got.measures[m];
      const previous = got.measures[m - 1];
      const lines: [number, number] =
        found !== undefined ? [found.line - 1, found.endLine + 1] : [previous?.endLine ?? got.line ?? 1, (previous?.endLine ?? got.line ?? 1) + 4];
      const at = `domains[${d}].measures[${m}]`;
      if (wanted === undefined || found === undefined)
        return { path: `${at} (count)`, kind: 'measures.length', expected: want.measures.length, actual: got.measures.length, lines };
      const fields: [string, unknown, unknown][] = [
        ['lead', wanted.lead, found.leadUnits],
        ['responsible', wanted.responsible, found.responsibleUnits],
        ['supporting', wanted.supporting, found.supportingUnits],
        ['deadlines', wanted.deadlines, found.deadlines.map((x) => ({ text: x.text, date: x.date }))],
        ['leadRule', wanted.leadRule, found.leadRule],
      ];
      for (const [field, expected, actual] of fields)
        if (!same(expected, actual)) return { path: `${at}.${field}`, kind: `measure.${field}`, expected, actual, lines };
    }
  }
  if (doc.warnings.length > 0) {
    const [warning] = doc.warnings;
    const line = warning?.line ?? 1;
    return {
      path: 'warnings',
      kind: `warning:${warning?.code}`,
      expected: [],
      actual: doc.warnings.map((w) => `${w.code} ${w.line ?? '-'}:${w.column ?? '-'}`),
      lines: [line - 1, line + 2],
    };
  }
  return null;
}

function excerpt(text: string, [from, to]: readonly [number, number]): string {
  const lines = text.split(/\r\n|\r|\n/);
  const start = Math.max(1, from);
  const end = Math.min(lines.length, Math.max(start, to));
  const shown: string[] = [];
  for (let n = start; n <= end; n++) {
    const line = lines[n - 1] as string;
    shown.push(`    ${String(n).padStart(4)}| ${line.length > 150 ? `${line.slice(0, 150)}…` : line}`);
  }
  return shown.join('\n');
}

interface Run {
  readonly seeds: number;
  /** The shortest failing document of each kind. */
  readonly shortest: Map<string, { seed: number; text: string; difference: Difference }>;
  readonly failures: number;
  /** Failing seeds by kind of first difference. */
  readonly kinds: Map<string, number[]>;
  /** Per convention: documents that use it, and those of them that fail. */
  readonly byConvention: Map<Convention, { used: number; failed: number[] }>;
}

function run(
  from: number,
  count: number,
  options: GenerateOptions & { conventions: readonly Convention[] },
  report: (line: string) => void,
  verbose: boolean,
): Run {
  const kinds = new Map<string, number[]>();
  const shortest: Run['shortest'] = new Map();
  const byConvention = new Map<Convention, { used: number; failed: number[] }>(conventions.map((c) => [c, { used: 0, failed: [] }]));
  let failures = 0;
  for (let seed = from; seed < from + count; seed++) {
    const generated = generateDocument(seed, options);
    let difference: Difference | null;
    try {
      difference = firstDifference(generated, extract(generated.text));
    } catch (error) {
      difference = { path: 'extract', kind: 'throws', expected: 'a document', actual: String(error), lines: [1, 3] };
    }
    for (const convention of generated.conventions) {
      const tally = byConvention.get(convention) as { used: number; failed: number[] };
      tally.used++;
      if (difference !== null) tally.failed.push(seed);
    }
    if (difference === null) continue;
    failures++;
    kinds.set(difference.kind, [...(kinds.get(difference.kind) ?? []), seed]);
    const known = shortest.get(difference.kind);
    if (known === undefined || generated.text.length < known.text.length) shortest.set(difference.kind, { seed, text: generated.text, difference });
    if (verbose) {
      report(
        `seed ${seed} [${generated.style}${generated.script === 'traditional' ? ', traditional' : ''}${generated.conventions.length > 0 ? `; ${generated.conventions.join(', ')}` : ''}]`,
      );
      report(`  ${difference.path}: expected ${JSON.stringify(difference.expected)}, got ${JSON.stringify(difference.actual)}`);
      report(excerpt(generated.text, difference.lines));
    }
  }
  return { seeds: count, shortest, failures, kinds, byConvention };
}

function summarise(result: Run, report: (line: string) => void): void {
  report(`${result.failures} of ${result.seeds} seeds fail`);
  for (const [kind, seeds] of [...result.kinds].sort((a, b) => b[1].length - a[1].length))
    report(`  ${kind}: ${seeds.length} (e.g. ${seeds.slice(0, 5).join(', ')})`);
  report('by convention (documents using it / failing among them):');
  for (const [convention, { used, failed }] of result.byConvention)
    if (used > 0)
      report(
        `  ${convention.padEnd(24)} ${String(used).padStart(5)} / ${String(failed.length).padStart(4)}${failed.length > 0 ? `  (e.g. ${failed.slice(0, 4).join(', ')})` : ''}`,
      );
}

function main(argv: readonly string[]): number {
  const option = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const report = (line: string) => process.stdout.write(`${line}\n`);
  const only = option('--only');
  const allowed = only === undefined ? conventions : (only.split(',') as Convention[]);
  const unknown = allowed.filter((c) => !conventions.includes(c));
  if (unknown.length > 0) {
    process.stderr.write(`check-genre: unknown convention ${unknown.join(', ')}; known: ${conventions.join(', ')}\n`);
    return 2;
  }
  const measures = option('--measures');
  const generateOptions = { conventions: allowed, ...(measures === undefined ? {} : { measures: Number(measures) }) };
  const single = option('--seed');
  if (single !== undefined) {
    const seed = Number(single);
    const generated = generateDocument(seed, generateOptions);
    report(generated.text);
    report('----');
    report(`conventions: ${generated.conventions.join(', ') || '(none)'}`);
    const difference = firstDifference(generated, extract(generated.text));
    if (difference === null) report('no difference');
    else report(`${difference.path}: expected ${JSON.stringify(difference.expected)}, got ${JSON.stringify(difference.actual)}`);
    return difference === null ? 0 : 1;
  }
  const count = Number(option('--seeds') ?? 3000);
  const from = Number(option('--from') ?? 0);
  const quiet = argv.includes('--quiet');
  if (argv.includes('--each')) {
    const baseline = run(from, count, { ...generateOptions, conventions: [] }, report, false);
    report(`no convention: ${baseline.failures} of ${count} seeds fail`);
    let failed = baseline.failures;
    for (const convention of allowed) {
      const result = run(from, count, { ...generateOptions, conventions: [convention] }, () => {}, false);
      const tally = result.byConvention.get(convention) as { used: number; failed: number[] };
      const kinds = [...result.kinds].map(([kind, seeds]) => `${kind} ${seeds.length}`).join(', ');
      report(
        `${convention.padEnd(24)} used in ${String(tally.used).padStart(4)}, failing ${String(tally.failed.length).padStart(4)}${kinds ? `  [${kinds}]` : ''}${tally.failed.length > 0 ? ` e.g. ${tally.failed.slice(0, 4).join(', ')}` : ''}`,
      );
      failed += result.failures;
    }
    return failed > 0 ? 1 : 0;
  }
  const result = run(from, count, generateOptions, report, !quiet && !argv.includes('--shortest'));
  if (argv.includes('--shortest'))
    for (const [kind, { seed, text, difference }] of result.shortest) {
      report(`=== ${kind}: seed ${seed}${measures === undefined ? '' : ` --measures ${measures}`}`);
      report(`  ${difference.path}: expected ${JSON.stringify(difference.expected)}, got ${JSON.stringify(difference.actual)}`);
      report(text);
    }
  summarise(result, report);
  return result.failures > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // A reader that stops early (`| head`) is no error.
  process.stdout.on('error', () => process.exit(process.exitCode ?? 0));
  process.exitCode = main(process.argv.slice(2));
}
