import { lastAtOrBefore } from './sorted.ts';
import type { Issue, Place, Span } from './types.ts';

/** Finds the line and column of raw offsets; built once per file, lazily. */
export class LineIndex {
  readonly #lineStarts: number[];
  readonly #length: number;

  constructor(text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // The usual case: indexOf skips to the next line end far faster than a loop over every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.#lineStarts = starts;
      this.#length = text.length;
      return;
    }
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

  /** `offset` kept inside the text. */
  clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.#length));
  }

  /** The line the last lookup found: lookups come in runs of nearby offsets. */
  #lastLine = 0;

  /** Index (0-based) of the line holding the clamped offset. */
  lineIndexOf(clamped: number): number {
    this.#lastLine = lastAtOrBefore(this.#lineStarts, clamped, this.#lastLine);
    return this.#lastLine;
  }

  place(offset: number): Place {
    const clamped = this.clamp(offset);
    const index = this.lineIndexOf(clamped);
    return { line: index + 1, column: clamped - (this.#lineStarts[index] as number) + 1, offset: clamped };
  }

  /** The place of a span's start and the line of its last character, as one object (this runs for every field). */
  placeSpan(start: number, end: number): Place & { endLine: number } {
    const clamped = this.clamp(start);
    const index = this.lineIndexOf(clamped);
    const last = this.clamp(Math.max(start, end - 1));
    const starts = this.#lineStarts;
    // The span's last character is usually on the same line: check that before searching.
    const sameLine = index + 1 >= starts.length || last < (starts[index + 1] as number);
    const endIndex = sameLine ? index : this.lineIndexOf(last);
    return { line: index + 1, column: clamped - (starts[index] as number) + 1, offset: clamped, endLine: endIndex + 1 };
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
    return this.lines.placeSpan(span.start, span.end);
  }
}
