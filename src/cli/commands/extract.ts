import { resolve } from 'node:path';
import { type Format, loadEmitter } from '../../emit/index.ts';
import type { InputFormat } from '../../read/types.ts';
import type { RowKind } from '../../schema/rows.ts';
import { choosePalette, displayPath, seedPath, writeChunks } from '../common.ts';
import { BrokenPipe, type Ending, type InputError, OutputError, UsageError } from '../errors.ts';
import { expandInputs, type Input } from '../inputs.ts';
import type { Io } from '../io.ts';
import { fileJobs, type Job, ndjsonJobs } from '../jobs.ts';
import { checkRows, chooseFormat, parseEncoding, parseJobs, parseStatus, parseYear } from '../options.ts';
import { bufferedWriter, fileSink, type OutputSink, streamSink } from '../output.ts';
import { Reporter } from '../reporter.ts';
import { processSequentially } from '../run-documents.ts';

export interface ExtractCliOptions {
  jobs?: string;
  format: Format;
  output?: string;
  year?: string;
  encoding?: string;
  inputFormat: InputFormat | 'auto';
  headers: 'zh' | 'en';
  bom?: boolean;
  formulaEscape: boolean;
  strict?: boolean;
  quiet?: boolean;
  color: boolean;
  stdinNdjson?: boolean;
  rows?: RowKind;
  asOf?: string;
  dueSoon?: string;
}

/** Below this many files a batch runs in the main thread: starting workers costs more than it saves. */
const minimumFilesForWorkers = 4;

/** Opens where the output goes, before any work: a bad `-o` is refused at once. */
export async function openOutput(io: Io, output: string | undefined): Promise<OutputSink> {
  if (output === undefined || output === '-') {
    if (io.stdoutClosed) throw new OutputError('cannot write the output to stdout: it is closed');
    return streamSink(io.stdout);
  }
  return fileSink(resolve(io.cwd, output), output);
}

/** `policy-extract [inputs...]`: extract every input and write one output. */
export async function runExtract(args: readonly string[], options: ExtractCliOptions, formatGiven: boolean, io: Io): Promise<Ending> {
  const year = parseYear(options.year);
  const encoding = parseEncoding(options.encoding);
  const threads = parseJobs(options.jobs);
  const format = chooseFormat(options.format, formatGiven, options.output);
  const status = parseStatus(options.asOf, options.dueSoon);
  const rows = checkRows(options.rows, format);
  const toStdout = options.output === undefined || options.output === '-';
  if (format === 'xlsx' && toStdout && io.stdoutIsTTY) {
    throw new UsageError('--format xlsx writes a binary workbook, not for a terminal: add -o ledger.xlsx, or redirect stdout (> ledger.xlsx)');
  }
  const reporter = new Reporter(io.stderr, await choosePalette(io, options.color), { quiet: options.quiet ?? false });
  const emitOptions = {
    headers: options.headers,
    bom: options.bom ?? false,
    escapeFormulas: options.formulaEscape,
    status: status !== undefined,
    ...(rows === undefined ? {} : { rows }),
  };
  const strict = options.strict ?? false;
  const sink = await openOutput(io, options.output);
  try {
    let jobs: AsyncIterable<Job | InputError> | null = null;
    let batch: { inputs: (Input & { kind: 'file' })[]; errors: InputError[] } | null = null;
    if (options.stdinNdjson) {
      if (args.length > 0) {
        throw new UsageError('--stdin-ndjson reads documents from stdin only; drop the other inputs');
      }
      jobs = ndjsonJobs(io.stdin);
    } else {
      const given = args.length > 0 ? args : [displayPath(io, seedPath())];
      const { inputs, errors } = await expandInputs(given, io.cwd, io.rawArguments);
      const files = inputs.filter((input): input is Input & { kind: 'file' } => input.kind === 'file');
      if (threads > 1 && files.length === inputs.length && files.length >= minimumFilesForWorkers) batch = { inputs: files, errors };
      else jobs = fileJobs(inputs, errors, io.stdin, encoding, options.inputFormat);
    }
    const emitter = await loadEmitter(format, emitOptions);
    const run = emitter.start();
    const writer = bufferedWriter(sink);
    let written = 0;
    const writeDocument = async (parts: Iterable<unknown> | AsyncIterable<unknown>): Promise<void> => {
      await writeChunks(run.document(parts as Iterable<string>, written), writer.write);
      written++;
    };
    await writeChunks(run.begin(), writer.write);
    const settings = { format, emitOptions, year, encoding, inputFormat: options.inputFormat, status };
    if (batch) {
      const { processInWorkers } = await import('../parallel.ts');
      await processInWorkers(batch.inputs, batch.errors, { ...settings, threads }, emitter, reporter, writeDocument);
    } else {
      await processSequentially(jobs as AsyncIterable<Job | InputError>, { ...settings, offload: true }, emitter, reporter, (_display, processed) =>
        writeDocument(processed.parts),
      );
    }
    await writeChunks(run.end(written), writer.write);
    await writer.flush();
    for (const { path, warning } of run.warnings?.() ?? []) reporter.documentWarnings(path ?? '-', [warning]);
    // A file is replaced only by a complete output with at least one document in it.
    if (written > 0 || reporter.failed === 0) await sink.commit();
    else await sink.abort();
    return { kind: 'done', failedInputs: reporter.failed, warnings: reporter.warnings, strict };
  } catch (error) {
    await sink.abort();
    if (error instanceof BrokenPipe) return { kind: 'broken-pipe' };
    throw error;
  }
}
