import { lastAtOrBefore } from './sorted.ts';

/**
 * A string derived from the raw source text, with an exact map from every one of its
 * UTF-16 offsets back to an offset in the raw text.
 *
 * The map is piecewise linear: each piece is a run of derived text that was copied one
 * unit for one unit from a run of raw text (character mapping keeps lengths, so a whole
 * untouched line is one piece). Characters the pipeline inserts (a newline between kept
 * lines, a space between two Latin words joined across a line break) are pieces with a
 * raw length of 0: they map to the raw position they stand for.
 */
export class MappedText {
  readonly text: string;
  // Plain arrays of small integers, not typed arrays: a measure's map has a handful of pieces,
  // and allocating three typed arrays per measure cost more than every lookup in it.
  readonly #textStarts: readonly number[];
  readonly #rawStarts: readonly number[];
  readonly #rawLengths: readonly number[];

  constructor(text: string, textStarts: readonly number[], rawStarts: readonly number[], rawLengths: readonly number[]) {
    this.text = text;
    this.#textStarts = textStarts;
    this.#rawStarts = rawStarts;
    this.#rawLengths = rawLengths;
  }

  get length(): number {
    return this.text.length;
  }

  /** The piece the last lookup found: lookups come in runs of nearby offsets. */
  #lastPiece = 0;

  /** Index of the piece that holds derived offset `offset`. */
  #pieceAt(offset: number): number {
    this.#lastPiece = lastAtOrBefore(this.#textStarts, offset, this.#lastPiece);
    return this.#lastPiece;
  }

  /** Raw offset of the character at derived offset `offset`. */
  toRaw(offset: number): number {
    if (this.#textStarts.length === 0) return 0;
    const piece = this.#pieceAt(offset);
    const delta = offset - (this.#textStarts[piece] as number);
    return (this.#rawStarts[piece] as number) + Math.min(delta, this.#rawLengths[piece] as number);
  }

  /** Raw span `[start, end)` covered by the derived span `[start, end)`. */
  toRawSpan(start: number, end: number): { start: number; end: number } {
    const rawStart = this.toRaw(start);
    if (end <= start) return { start: rawStart, end: rawStart };
    return { start: rawStart, end: Math.max(rawStart, this.toRaw(end - 1) + 1) };
  }

  /**
   * The derived offset of raw offset `raw`: where a raw character stands in this text, or, for one
   * that normalisation removed, where the text goes on after it. Pieces follow the raw text in order,
   * so a binary search over their raw starts finds it.
   */
  fromRaw(raw: number): number {
    const count = this.#textStarts.length;
    if (count === 0) return 0;
    let low = 0;
    let high = count - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((this.#rawStarts[mid] as number) <= raw) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    if (found < 0) return 0;
    // An inserted piece (raw length 0) shares its raw start with the copied piece after it.
    while (found + 1 < count && (this.#rawStarts[found + 1] as number) === (this.#rawStarts[found] as number)) found++;
    const rawStart = this.#rawStarts[found] as number;
    const rawLength = this.#rawLengths[found] as number;
    const textStart = this.#textStarts[found] as number;
    if (raw < rawStart + rawLength) return textStart + (raw - rawStart);
    // Removed by normalisation: the next piece's start, or the text's end.
    return found + 1 < count ? (this.#textStarts[found + 1] as number) : this.text.length;
  }

  /** Visits the pieces that overlap `[start, end)`, clipped to it. */
  forEachPiece(start: number, end: number, visit: (textStart: number, textEnd: number, rawStart: number, rawLength: number) => void): void {
    if (end <= start || this.#textStarts.length === 0) return;
    const count = this.#textStarts.length;
    for (let piece = this.#pieceAt(start); piece < count; piece++) {
      const pieceStart = this.#textStarts[piece] as number;
      if (pieceStart >= end) break;
      const pieceEnd = piece + 1 < count ? (this.#textStarts[piece + 1] as number) : this.text.length;
      const from = Math.max(pieceStart, start);
      const to = Math.min(pieceEnd, end);
      if (to <= from) continue;
      const rawLength = this.#rawLengths[piece] as number;
      const offsetInPiece = from - pieceStart;
      const rawStart = (this.#rawStarts[piece] as number) + Math.min(offsetInPiece, rawLength);
      visit(from, to, rawStart, rawLength === 0 ? 0 : Math.min(to - from, rawLength - offsetInPiece));
    }
  }
}

/** Builds a MappedText from copied runs, inserted characters and slices of other mapped texts. */
export class MappedTextBuilder {
  #parts: string[] = [];
  #length = 0;
  #textStarts: number[] = [];
  #rawStarts: number[] = [];
  #rawLengths: number[] = [];

  get length(): number {
    return this.#length;
  }

  #push(text: string, rawStart: number, rawLength: number): void {
    if (text.length === 0) return;
    const last = this.#textStarts.length - 1;
    // Merge with the previous piece when the raw runs are contiguous: keeps the map small.
    if (
      last >= 0 &&
      rawLength > 0 &&
      (this.#rawLengths[last] as number) === this.#length - (this.#textStarts[last] as number) &&
      (this.#rawStarts[last] as number) + (this.#rawLengths[last] as number) === rawStart
    ) {
      this.#rawLengths[last] = (this.#rawLengths[last] as number) + rawLength;
    } else {
      this.#textStarts.push(this.#length);
      this.#rawStarts.push(rawStart);
      this.#rawLengths.push(rawLength);
    }
    this.#parts.push(text);
    this.#length += text.length;
  }

  /** Appends `text`, which stands one unit for one unit for raw text starting at `rawStart`. */
  copy(text: string, rawStart: number): this {
    this.#push(text, rawStart, text.length);
    return this;
  }

  /** Appends characters that have no raw counterpart; they map to `rawAt`. */
  insert(text: string, rawAt: number): this {
    this.#push(text, rawAt, 0);
    return this;
  }

  /** Appends `source.text.slice(start, end)`, keeping its map to the raw text. */
  copyFrom(source: MappedText, start: number, end: number): this {
    source.forEachPiece(start, end, (from, to, rawStart, rawLength) => {
      this.#push(source.text.slice(from, to), rawStart, rawLength);
    });
    return this;
  }

  /** The code of the last character appended; NaN when empty. */
  lastCharCode(): number {
    const last = this.#parts[this.#parts.length - 1];
    return last === undefined ? Number.NaN : last.charCodeAt(last.length - 1);
  }

  /** The finished text. The builder hands its arrays over: append nothing after this. */
  build(): MappedText {
    return new MappedText(this.#parts.join(''), this.#textStarts, this.#rawStarts, this.#rawLengths);
  }
}
