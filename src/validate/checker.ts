import { printable, type Violation } from './violations.ts';

/** What one file holds: one JSON output, or NDJSON records (one per line). */
export type OutputKind = 'json' | 'ndjson';

export interface ValidationReport {
  readonly kind: OutputKind;
  /** The first violations, in file order, up to the limit asked for. */
  readonly violations: readonly Violation[];
  /** How many violations there are in all, past the limit too. */
  readonly total: number;
}

/** The contract's checks, one per shape (given by src/validate.ts, which holds the generated code). */
export interface ShapeChecks {
  readonly output: (value: unknown) => Violation[];
  readonly document: (value: unknown) => Violation[];
  readonly record: (value: unknown, line: number) => Violation[];
}

export interface CheckerOptions {
  /** JSON or NDJSON; when not given, the first line tells (see `OutputChecker`). */
  readonly kind?: OutputKind | undefined;
  /** How many violations to keep; the rest are only counted. */
  readonly limit?: number | undefined;
}

/** A line longer than this is not an NDJSON record anyone wrote: it is counted, not kept (V8's strings stop at 2^29 units). */
const longestLine = 256 * 1024 * 1024;
/** A first line this long that opens an object is one JSON value, not the first of many records. */
const longestSniff = 1024 * 1024;
/** The JSON output's top level besides its documents: two short fields. */
const longestSkeleton = 16 * 1024 * 1024;

/** JSON.parse's message on one line (it quotes the text around the error, line breaks and all). */
const parseMessage = (error: unknown): string => printable((error as Error).message.replace(/\s+/g, ' '));
const notJson = (error: unknown): string => `not JSON: ${parseMessage(error)}`;
/** Without its position, which counts from the start of a part of the file only. */
const notJsonIn = (error: unknown, where: string): string => `not JSON: ${parseMessage(error).replace(/,? at position \d+.*$/, '')} (${where})`;

type Mode = 'sniff' | 'json' | 'ndjson' | 'done';

/** Inside a JSON string: the next character that ends it or escapes the one after. */
const stringStopRe = /["\\]/g;

/**
 * Checks an output as it streams in, holding one line (NDJSON) or one document (JSON) at a time,
 * and only the first `limit` violations.
 *
 * Which kind, when not given: NDJSON when the first non-blank line is a JSON value by itself and
 * another line follows (or it is a lone record without `documents`); JSON when the first line
 * opens a value it does not close (`{` of a pretty-printed output); otherwise NDJSON, so that a
 * file of anything else gets one violation per line.
 *
 * A JSON output is split at its `documents` array: each element is parsed and checked as a
 * document as soon as it is complete, and the rest (the top level, with `documents: []`) is
 * checked at the end. That is the same check as the whole output at once, in bounded memory.
 */
export class OutputChecker {
  private mode: Mode;
  private readonly limit: number;
  private readonly kept: Violation[] = [];
  private total = 0;
  private readonly topLevel: Violation[] = [];
  // Lines (NDJSON and sniffing).
  private pending: string[] = [];
  private pendingLength = 0;
  private lineNumber = 0;
  private records = 0;
  private skippingLongLine = false;
  private firstRecord: { value: unknown; line: number } | null = null;
  private sniffed: string[] = [];
  // The JSON scanner.
  private depth = 0;
  private inString = false;
  private escaped = false;
  private skeleton: string[] = [];
  private skeletonLength = 0;
  private sink: 'skeleton' | 'element' | 'none' = 'skeleton';
  private keyText: string | null = null;
  private lastString = '';
  private currentKey: string | null = null;
  private inDocuments = false;
  private element: string[] = [];
  private elementIsPrimitive = false;
  private afterElement = false;
  private afterComma = false;
  private documentIndex = 0;

  constructor(
    private readonly checks: ShapeChecks,
    options: CheckerOptions = {},
  ) {
    this.mode = options.kind ?? 'sniff';
    this.limit = options.limit ?? Number.POSITIVE_INFINITY;
  }

  push(chunk: string): void {
    if (chunk.length === 0) return;
    if (this.mode === 'json') this.scanJson(chunk);
    else if (this.mode !== 'done') this.splitLines(chunk);
  }

  finish(): ValidationReport {
    if (this.mode === 'sniff') {
      const rest = this.pending.join('');
      this.pending = [];
      this.pendingLength = 0;
      this.sniffLine(rest, true);
      if (this.is('json')) this.replaySniffed('');
    } else if (this.mode === 'ndjson' && (this.pendingLength > 0 || this.skippingLongLine)) {
      this.line(this.pending.join(''), this.skippingLongLine);
    }
    if (this.mode === 'ndjson') this.flushFirstRecord(true);
    if (this.mode === 'ndjson') {
      if (this.records === 0) this.report([{ path: '$', message: 'no records: the file is empty' }]);
      return { kind: 'ndjson', violations: this.kept, total: this.total };
    }
    if (this.mode === 'json') this.finishJson();
    const violations = [...this.topLevel, ...this.kept].slice(0, this.limit);
    return { kind: 'json', violations, total: this.total + this.topLevel.length };
  }

  /** The mode now: a method, since the calls before a test may change it. */
  private is(mode: Mode): boolean {
    return this.mode === mode;
  }

  private report(violations: readonly Violation[]): void {
    this.total += violations.length;
    for (const violation of violations) {
      if (this.kept.length >= this.limit) break;
      this.kept.push(violation);
    }
  }

  // Lines --------------------------------------------------------------------------------------

  private splitLines(chunk: string): void {
    let start = 0;
    let newline = chunk.indexOf('\n');
    while (newline >= 0 && this.mode !== 'json') {
      const text = this.pendingLength === 0 ? chunk.slice(start, newline) : this.pending.join('') + chunk.slice(start, newline);
      this.pending = [];
      this.pendingLength = 0;
      const skipped = this.skippingLongLine;
      this.skippingLongLine = false;
      if (this.mode === 'sniff') {
        this.sniffed.push(chunk.slice(start, newline + 1));
        this.sniffLine(text, false);
        if (this.is('json')) {
          this.replaySniffed(chunk.slice(newline + 1));
          return;
        }
      } else this.line(text, skipped);
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    if (this.mode === 'json') return;
    const rest = chunk.slice(start);
    if (this.mode === 'sniff') {
      this.sniffed.push(rest);
      if (this.pendingLength + rest.length > longestSniff) {
        // Too long to wait for: an object is one JSON value; anything else is a line of NDJSON.
        if (this.sniffed.join('').trimStart().startsWith('{')) {
          this.mode = 'json';
          this.replaySniffed('');
          return;
        }
        this.mode = 'ndjson';
        this.sniffed = [];
      }
    }
    if (this.skippingLongLine) return;
    if (this.pendingLength + rest.length > longestLine) {
      this.pending = [];
      this.pendingLength = 0;
      this.skippingLongLine = true;
      return;
    }
    if (rest.length > 0) {
      this.pending.push(rest);
      this.pendingLength += rest.length;
    }
  }

  /** Decides the kind from the first non-blank line; until then, lines are kept to be replayed. */
  private sniffLine(text: string, last: boolean): void {
    this.lineNumber++;
    const trimmed = text.trim();
    if (trimmed.length === 0) {
      if (last) this.mode = 'ndjson';
      return;
    }
    let value: unknown;
    let parsed = false;
    try {
      value = JSON.parse(trimmed);
      parsed = true;
    } catch {
      parsed = false;
    }
    if (!parsed && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
      this.mode = 'json';
      this.lineNumber = 0;
      return;
    }
    this.sniffed = [];
    this.mode = 'ndjson';
    this.records++;
    if (!parsed) {
      this.lineNumber--;
      this.records--;
      this.line(text);
      return;
    }
    this.firstRecord = { value, line: this.lineNumber };
  }

  private replaySniffed(after: string): void {
    const text = this.sniffed.join('') + after;
    this.sniffed = [];
    this.pending = [];
    this.pendingLength = 0;
    this.scanJson(text);
  }

  /** A lone first record may be a one-line JSON output; any second record settles it as NDJSON. */
  private flushFirstRecord(atEnd: boolean): void {
    const first = this.firstRecord;
    if (!first) return;
    this.firstRecord = null;
    const value = first.value as { documents?: unknown } | null;
    if (atEnd && this.records === 1 && value !== null && typeof value === 'object' && 'documents' in value) {
      this.mode = 'done';
      this.topLevel.push(...this.checks.output(value));
      return;
    }
    this.report(this.checks.record(first.value, first.line));
  }

  private line(raw: string, tooLong = false): void {
    this.lineNumber++;
    const line = this.lineNumber;
    if (tooLong) {
      this.records++;
      this.flushFirstRecord(false);
      this.report([{ path: '$', message: `not checked: the line is longer than ${longestLine / 1024 / 1024} MiB`, line }]);
      return;
    }
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim().length === 0) return;
    this.records++;
    this.flushFirstRecord(false);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.report([{ path: '$', message: notJson(error), line }]);
      return;
    }
    this.report(this.checks.record(value, line));
  }

  // JSON ---------------------------------------------------------------------------------------

  private fail(message: string): void {
    this.topLevel.push({ path: '$', message });
    this.mode = 'done';
  }

  private toSkeleton(text: string): void {
    if (this.skeletonLength + text.length > longestSkeleton) {
      this.fail(`not checked: more than ${longestSkeleton / 1024 / 1024} MiB outside the documents array; is this a policy-extract output?`);
      return;
    }
    this.skeleton.push(text);
    this.skeletonLength += text.length;
  }

  /** Everything from `start` to `end` of `chunk` belongs to the current sink. */
  private flush(chunk: string, start: number, end: number): void {
    if (end <= start) return;
    if (this.sink === 'skeleton') this.toSkeleton(chunk.slice(start, end));
    else if (this.sink === 'element') this.element.push(chunk.slice(start, end));
  }

  private endElement(): void {
    const index = this.documentIndex++;
    this.sink = 'none';
    this.afterElement = true;
    this.afterComma = false;
    let value: unknown;
    try {
      const text = this.element.join('');
      this.element = [];
      value = JSON.parse(text);
    } catch (error) {
      this.element = [];
      this.fail(notJsonIn(error, `in documents[${index}]`));
      return;
    }
    const prefix = `$.documents[${index}]`;
    this.report(this.checks.document(value).map((violation) => ({ ...violation, path: prefix + violation.path.slice(1) })));
  }

  private scanJson(chunk: string): void {
    let start = 0;
    let i = 0;
    const length = chunk.length;
    while (i < length && this.mode === 'json') {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        stringStopRe.lastIndex = i;
        const stop = stringStopRe.exec(chunk);
        const end = stop ? stop.index : length;
        if (this.keyText !== null && this.keyText.length < 64) this.keyText += chunk.slice(i, Math.min(end, i + 64));
        if (!stop) {
          i = length;
          break;
        }
        i = end + 1;
        if (chunk.charCodeAt(end) === 0x5c) {
          this.escaped = true;
          continue;
        }
        this.inString = false;
        if (this.keyText !== null) {
          this.lastString = this.keyText;
          this.keyText = null;
        }
        if (this.inDocuments && this.depth === 2 && this.sink === 'element') {
          this.flush(chunk, start, i);
          start = i;
          this.endElement();
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
        if (this.inDocuments && this.depth === 2 && this.sink === 'element' && this.elementIsPrimitive) {
          this.flush(chunk, start, i);
          start = i;
          this.endElement();
        }
        i++;
        continue;
      }
      if (this.inDocuments && this.depth === 2) {
        if (this.sink === 'element' && this.elementIsPrimitive && (c === 0x2c || c === 0x5d)) {
          this.flush(chunk, start, i);
          start = i;
          this.endElement();
          if (this.mode !== 'json') break;
        }
        if (c === 0x2c) {
          if (!this.afterElement) {
            this.fail('not JSON: a comma where a document should be, in the documents array');
            return;
          }
          this.afterElement = false;
          this.afterComma = true;
          i++;
          start = i;
          continue;
        }
        if (c === 0x5d) {
          if (this.afterComma) {
            this.fail('not JSON: a comma before the end of the documents array');
            return;
          }
          this.inDocuments = false;
          this.sink = 'skeleton';
          this.depth = 1;
          start = i;
          i++;
          continue;
        }
        if (c === 0x7d) {
          this.fail('not JSON: `}` where a document should be, in the documents array');
          return;
        }
        if (this.afterElement) {
          this.fail(`not JSON: a comma is missing after documents[${this.documentIndex - 1}]`);
          return;
        }
        this.sink = 'element';
        start = i;
        this.elementIsPrimitive = c !== 0x7b && c !== 0x5b && c !== 0x22;
        if (c === 0x7b || c === 0x5b) this.depth++;
        else if (c === 0x22) this.inString = true;
        i++;
        continue;
      }
      if (c === 0x22) {
        this.inString = true;
        if (this.depth === 1) this.keyText = '';
      } else if (c === 0x7b || c === 0x5b) {
        if (c === 0x5b && this.depth === 1 && this.currentKey === 'documents') {
          this.flush(chunk, start, i + 1);
          start = i + 1;
          this.inDocuments = true;
          this.sink = 'none';
          this.afterElement = false;
          this.afterComma = false;
          this.currentKey = null;
        }
        this.depth++;
      } else if (c === 0x7d || c === 0x5d) {
        this.depth--;
        if (this.inDocuments && this.depth === 2) {
          this.flush(chunk, start, i + 1);
          start = i + 1;
          i++;
          this.endElement();
          continue;
        }
      } else if (this.depth === 1) {
        if (c === 0x3a) this.currentKey = this.lastString;
        else if (c === 0x2c) this.currentKey = null;
      }
      i++;
    }
    if (this.mode === 'json') this.flush(chunk, start, length);
  }

  private finishJson(): void {
    if (this.inString || this.depth !== 0 || this.inDocuments) {
      this.fail('not JSON: the file ends inside a value');
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(this.skeleton.join(''));
    } catch (error) {
      this.fail(notJsonIn(error, 'outside the documents array'));
      return;
    }
    this.skeleton = [];
    this.topLevel.push(...this.checks.output(value));
  }
}
