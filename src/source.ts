import type { Issue, Place, Span } from './types.ts';

/** Finds the line and column of raw offsets; built once per file, lazily. */
export class LineIndex {
  readonly #lineStarts: number[];
  readonly #length: number;

  constructor(text: string) {
    const starts = [0];
    // \r\n, \r and \n all end a line, as editors count them.
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.#lineStarts = starts;
    this.#length = text.length;
  }

  get lineCount(): number {
    return this.#lineStarts.length;
  }

  place(offset: number): Place {
    const clamped = Math.max(0, Math.min(offset, this.#length));
    const starts = this.#lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (starts[low] as number) + 1, offset: clamped };
  }
}

/**
 * One document travelling through the pipeline: its raw text and the issues raised about it
 * (vfile's idea). Stages report through `report`, never through the console.
 */
export class SourceFile {
  readonly raw: string;
  readonly issues: Issue[] = [];
  #lines: LineIndex | undefined;

  constructor(raw: string) {
    this.raw = raw;
  }

  get lines(): LineIndex {
    this.#lines ??= new LineIndex(this.raw);
    return this.#lines;
  }

  report(issue: Issue): void {
    this.issues.push(issue);
  }

  place(offset: number): Place {
    return this.lines.place(offset);
  }

  /** The place of a raw span's start and the line of its last character. */
  placeSpan(span: Span): Place & { endLine: number } {
    const start = this.place(span.start);
    const endLine = this.place(Math.max(span.start, span.end - 1)).line;
    return { line: start.line, column: start.column, offset: start.offset, endLine };
  }
}
