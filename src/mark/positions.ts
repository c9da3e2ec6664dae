/**
 * Where a few rare characters stand in a document (label colons, brackets), found in one pass.
 * The stages ask for them paragraph by paragraph and bracket by bracket; a regex searched from
 * each start runs on past the range to the next match, which in a text without one is the end of
 * the document, once per paragraph (quadratic). Here a range costs a binary search.
 */
export class Positions {
  readonly #at: Int32Array;

  constructor(text: string, pattern: RegExp) {
    const found: number[] = [];
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (let match = global.exec(text); match !== null; match = global.exec(text)) found.push(match.index);
    this.#at = Int32Array.from(found);
  }

  /** The positions in `[start, end)`, in order. */
  *within(start: number, end: number): Generator<number> {
    const at = this.#at;
    let low = 0;
    let high = at.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((at[middle] as number) < start) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < at.length && (at[i] as number) < end; i++) yield at[i] as number;
  }
}
