import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extract } from '../src/pipeline.ts';
import { validateDocument } from '../src/validate.ts';
import { loadFixtures } from './helpers.ts';
import { ledgerOf } from './ledger.ts';

// Each fixtures/<case>/input.txt is extracted and its ledger (tests/ledger.ts) compared with
// expected.ledger beside it, which a person wrote or checked line by line. A missing expectation
// fails; only `UPDATE=1 npx vitest run tests/fixtures.test.ts` writes one, and its diff is read
// before it is committed.
const update = process.env.UPDATE === '1';

describe.each(loadFixtures())('fixture $name', (fixture) => {
  const doc = extract(fixture.input, { ...fixture.options, path: 'input.txt' });

  test('gives the expected ledger', () => {
    const ledger = ledgerOf(doc);
    if (update) writeFileSync(fixture.expectedPath, ledger);
    expect(
      existsSync(fixture.expectedPath),
      `${fixture.name}: no expected.ledger; write it by hand, or run UPDATE=1 npx vitest run tests/fixtures.test.ts and check it`,
    ).toBe(true);
    expect(ledger).toBe(readFileSync(fixture.expectedPath, 'utf8'));
  });

  test('validates against the schema', () => {
    expect(validateDocument(doc)).toEqual([]);
  });

  test('gives byte-identical output when run again', () => {
    expect(JSON.stringify(extract(fixture.input, { ...fixture.options, path: 'input.txt' }))).toBe(JSON.stringify(doc));
  });
});
