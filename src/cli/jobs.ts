import { maxInputBytes, tooLargeReason } from '../input-checks.ts';
import type { Encoding } from '../read/encodings.ts';
import type { InputFormat, ReadDocument } from '../read/types.ts';
import { InputError } from './errors.ts';
import { checkText, type Input, readInput, textDocument } from './inputs.ts';

/** One document to process: its name in messages, and how to get its text. */
export interface Job {
  readonly display: string;
  /** The input, when it is a file or stdin (a worker thread can read it itself). */
  readonly input?: Input;
  readonly load: () => Promise<ReadDocument>;
}

export async function* fileJobs(
  inputs: readonly Input[],
  errors: readonly InputError[],
  stdin: NodeJS.ReadableStream,
  encoding: Encoding | undefined,
  format: InputFormat | 'auto' = 'auto',
): AsyncGenerator<Job | InputError> {
  yield* errors;
  for (const input of inputs) yield { display: input.display, input, load: () => readInput(input, stdin, encoding, format) };
}

/** A line of a stream, or the news that line `number` was longer than the cap (and was skipped). */
export type Line = { readonly number: number; readonly text: string } | { readonly number: number; readonly tooLong: true };

/**
 * Splits a byte stream into lines in linear time: each chunk is searched once for line ends, and
 * the pieces of a line are joined once, when it ends. A line over `maxBytes` is dropped as it
 * grows (memory stays bounded on an endless line) and reported when its end comes.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>, maxBytes: number = maxInputBytes): AsyncGenerator<Line> {
  let pieces: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let number = 0;
  const finish = (): Line => {
    number++;
    const line: Line = tooLong ? { number, tooLong: true } : { number, text: Buffer.concat(pieces, size).toString('utf8') };
    pieces = [];
    size = 0;
    tooLong = false;
    return line;
  };
  const add = (piece: Buffer): void => {
    if (tooLong) return;
    size += piece.length;
    if (size > maxBytes) {
      tooLong = true;
      pieces = [];
      return;
    }
    pieces.push(piece);
  };
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(10, start); end >= 0; end = buffer.indexOf(10, start)) {
      add(buffer.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    if (start < buffer.length) add(buffer.subarray(start));
  }
  if (size > 0 || tooLong) yield finish();
}

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`);

/**
 * Documents as NDJSON records `{path, text}` on stdin, one per line (Hadoop Streaming, Spark's
 * pipe, GNU parallel). A record that is not one is a one-line error of its own, named by its
 * line; the records after it are still read.
 */
export async function* ndjsonJobs(stdin: NodeJS.ReadableStream): AsyncGenerator<Job | InputError> {
  for await (const line of readLines(stdin as AsyncIterable<Buffer | string>)) {
    const place = `<stdin>:${line.number}`;
    if ('tooLong' in line) {
      yield new InputError(place, `the record is ${tooLargeReason}`);
      continue;
    }
    if (line.text.trim().length === 0) continue;
    let record: unknown;
    try {
      record = JSON.parse(line.text);
    } catch {
      yield new InputError(place, 'not a JSON record');
      continue;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      yield new InputError(place, `the record is ${kindOf(record)}, not an object {"path", "text"}`);
      continue;
    }
    const { path, text } = record as { path?: unknown; text?: unknown };
    const named = typeof path === 'string' && path.length > 0 ? path : null;
    if (typeof text !== 'string') {
      yield new InputError(named === null ? place : `${named} (${place})`, 'record has no "text" string');
      continue;
    }
    const display = named ?? place;
    yield {
      display,
      load: async () => {
        checkText(display, text);
        return textDocument(text);
      },
    };
  }
}
