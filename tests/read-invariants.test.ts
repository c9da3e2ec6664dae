import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { locationAt, readDocument } from '../src/read/index.ts';
import { fixturesDir } from './helpers.ts';

// What every reader promises about its ReadDocument, checked over every readable fixture.
const files = readdirSync(join(fixturesDir, 'formats')).filter((file) => file !== 'scan.pdf');

describe.each(files)('%s', (file) => {
  test('runs are sorted, apart, inside the text, and cover only text that is there', async () => {
    const doc = await readDocument(readFileSync(join(fixturesDir, 'formats', file)), { path: file });
    let end = 0;
    for (const run of doc.runs) {
      expect(run.start).toBeGreaterThanOrEqual(end);
      expect(run.end).toBeGreaterThan(run.start);
      expect(run.end).toBeLessThanOrEqual(doc.text.length);
      expect(doc.text.slice(run.start, run.end).trim().length).toBeGreaterThan(0);
      for (const value of Object.values(run.location)) expect(value).toBeGreaterThanOrEqual(1);
      end = run.end;
    }
  });

  test('locationAt finds the run of every character, and none for the separators between runs', async () => {
    const doc = await readDocument(readFileSync(join(fixturesDir, 'formats', file)), { path: file });
    for (const run of doc.runs) {
      expect(locationAt(doc.runs, run.start)).toBe(run.location);
      expect(locationAt(doc.runs, run.end - 1)).toBe(run.location);
    }
    expect(locationAt(doc.runs, doc.text.indexOf('\n'))).toBeNull();
    expect(locationAt(doc.runs, doc.text.length)).toBeNull();
  });

  test('each table row is one line of tab-separated cells, one cell per grid column; covered cells are empty', async () => {
    const doc = await readDocument(readFileSync(join(fixturesDir, 'formats', file)), { path: file });
    for (const table of doc.tables) {
      const columns = table.rows[0]?.cells.length ?? 0;
      for (const row of table.rows) {
        expect(row.cells.map((cell) => cell.column)).toEqual(Array.from({ length: columns }, (_v, i) => i));
        expect(doc.text[row.end]).toBe('\n');
        const line = doc.text.slice(row.start, row.end);
        expect(line.split('\t')).toHaveLength(columns);
        for (const cell of row.cells) {
          expect(cell.start).toBeGreaterThanOrEqual(row.start);
          expect(cell.end).toBeLessThanOrEqual(row.end);
          expect(doc.text.slice(cell.start, cell.end)).not.toContain('\t');
          if (cell.continuation) expect(cell.end).toBe(cell.start);
        }
      }
      expect(table.start).toBe(table.rows[0]?.start);
    }
  });
});
