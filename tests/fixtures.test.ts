import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extract } from '../src/pipeline.ts';
import { validateDocument } from '../src/validate.ts';
import { loadFixtures } from './helpers.ts';

// Each fixtures/<case>/input.txt is extracted and compared with expected.json beside it.
// The expected files were reviewed by hand; regenerate deliberately with UPDATE=1 npm test
// and read the diff before committing it.
const update = process.env.UPDATE === '1';

describe.each(loadFixtures())('fixture $name', (fixture) => {
  const doc = extract(fixture.input, { ...fixture.options, path: 'input.txt' });

  test('matches expected.json', () => {
    if (update || !existsSync(fixture.expectedPath)) writeFileSync(fixture.expectedPath, `${JSON.stringify(doc, null, 2)}\n`);
    expect(doc).toEqual(JSON.parse(readFileSync(fixture.expectedPath, 'utf8')));
  });

  test('validates against the schema', () => {
    expect(validateDocument(doc)).toEqual([]);
  });

  test('gives byte-identical output when run again', () => {
    expect(JSON.stringify(extract(fixture.input, { ...fixture.options, path: 'input.txt' }))).toBe(JSON.stringify(doc));
  });
});
