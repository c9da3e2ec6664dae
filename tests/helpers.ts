import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapCharacters } from '../src/normalize/characters.ts';
import type { PolicyDocument } from '../src/schema/index.ts';

export const root = join(import.meta.dirname, '..');
export const seedFile = join(root, 'seeds', 'shandong-2023-business-environment.txt');
export const seedText = readFileSync(seedFile, 'utf8');
export const fixturesDir = join(root, 'fixtures');

export interface Fixture {
  readonly name: string;
  readonly dir: string;
  readonly input: string;
  readonly options: { year?: number };
  readonly expectedPath: string;
}

/** Every folder of fixtures/ with an input.txt (decoded as UTF-8; encoding fixtures are read as bytes by their own test). */
export function loadFixtures(): Fixture[] {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(fixturesDir, entry.name, 'input.txt')))
    .map((entry) => {
      const dir = join(fixturesDir, entry.name);
      const optionsPath = join(dir, 'options.json');
      return {
        name: entry.name,
        dir,
        input: readFileSync(join(dir, 'input.txt'), 'utf8'),
        options: existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as { year?: number }) : {},
        expectedPath: join(dir, 'expected.ledger'),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Every place-carrying field of a document: its text, and the raw offset it claims to start at. */
export function placedTexts(doc: PolicyDocument): { text: string; offset: number; line: number; column: number }[] {
  return doc.domains.flatMap((domain) =>
    domain.measures.flatMap((measure) =>
      [...measure.deadlines, ...measure.targets, ...measure.clauses].map((field) => ({
        text: field.text,
        offset: field.offset,
        line: field.line,
        column: field.column,
      })),
    ),
  );
}

/** Lines repeated as page headers in `input`: short, unpunctuated, seen at least twice. */
export function repeatedLines(input: string): Set<string> {
  const counts = new Map<string, number>();
  for (const line of input.split(/\r\n|\r|\n/)) {
    const key = line.trim();
    if (key.length >= 4 && key.length <= 40 && !/[,.:;()，。：；（）、]/.test(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= 2).map(([key]) => key));
}

/**
 * Normalises a raw slice the way the pipeline does, minus line structure, for the position
 * invariant: drops page-number lines, repeated header lines, line breaks and spaces.
 */
export function normalizeSlice(raw: string, headers: ReadonlySet<string> = new Set()): string {
  return raw
    .split(/\r\n|\r|\n/)
    .filter((line) => !headers.has(line.trim()) && !/^\s*[—-]\s*[０-９\d]+\s*[—-]\s*$/.test(line))
    .map((line) => mapCharacters(line.trim()).replace(/[ \t\u3000]+/g, ''))
    .join('');
}
