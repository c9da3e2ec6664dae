import type { LocatedRun, SourceLocation } from './types.ts';

/**
 * Where the character at `offset` of a ReadDocument's text stood in the original file: the
 * location of the run that holds it, or null between runs (a line break, a tab between cells)
 * and for text files, whose place is their line and column. Runs are sorted: a binary search.
 */
export function locationAt(runs: readonly LocatedRun[], offset: number): SourceLocation | null {
  let low = 0;
  let high = runs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const run = runs[middle] as LocatedRun;
    if (offset < run.start) high = middle - 1;
    else if (offset >= run.end) low = middle + 1;
    else return run.location;
  }
  return null;
}
