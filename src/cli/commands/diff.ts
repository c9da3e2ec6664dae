import { type DiffPalette, diffExitCode, diffVersions, formatDiffReport, plainDiffPalette } from '../../diff/index.ts';
import { extract } from '../../pipeline.ts';
import type { InputFormat, ReadDocument } from '../../read/types.ts';
import type { PolicyDocument } from '../../schema/index.ts';
import { validateOutput } from '../../validate.ts';
import { choosePalette, writeChunks } from '../common.ts';
import { BrokenPipe, type Ending, InputError, UsageError } from '../errors.ts';
import { expandInputs, readInput } from '../inputs.ts';
import type { Io } from '../io.ts';
import { parseEncoding, parseYear } from '../options.ts';
import { bufferedWriter } from '../output.ts';
import { Reporter } from '../reporter.ts';
import { openOutput } from './extract.ts';

export interface DiffCliOptions {
  format: 'text' | 'json';
  output?: string;
  year?: string;
  encoding?: string;
  inputFormat: InputFormat | 'auto';
  /** `--color` forces colour, `--no-color` refuses it; absent: colour on a terminal. */
  color?: boolean;
}

/**
 * A policy-extract JSON output (`{"schemaVersion", "documents": [...]}`) that is valid: its first
 * document is the version. Anything else is a document to extract, even a JSON file.
 */
function savedDocument(text: string): PolicyDocument | null {
  if (!/^\s*\{/.test(text) || !text.includes('"documents"')) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const documents = (value as { documents?: unknown }).documents;
  if (!Array.isArray(documents) || documents.length === 0 || validateOutput(value).length > 0) return null;
  return documents[0] as PolicyDocument;
}

/** One version: a file or stdin read as extract reads it; a saved JSON output gives its first document. */
async function loadVersion(arg: string, options: DiffCliOptions, io: Io): Promise<PolicyDocument> {
  const { inputs, errors } = await expandInputs([arg], io.cwd, io.rawArguments);
  if (errors.length > 0) throw errors[0] as InputError;
  if (inputs.length !== 1) throw new UsageError(`diff compares two files; '${arg}' is a folder or pattern of ${inputs.length} files`);
  const input = inputs[0] as (typeof inputs)[number];
  const read: ReadDocument = await readInput(input, io.stdin, parseEncoding(options.encoding), options.inputFormat);
  const saved = read.format === 'text' ? savedDocument(read.text) : null;
  if (saved) return saved;
  return extract(read.text, {
    year: parseYear(options.year),
    path: input.display,
    encoding: read.encoding,
    format: read.format,
    tables: read.tables,
    runs: read.runs,
  });
}

async function diffPalette(io: Io, color: boolean | undefined): Promise<DiffPalette> {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const toTerminal = (io.stdoutIsTTY ?? false) && (io.env.TERM ?? '') !== 'dumb';
  if (color === false || (color === undefined && (noColor || !toTerminal))) return plainDiffPalette;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { added: chalk.green, removed: chalk.red, changed: chalk.yellow, heading: chalk.bold };
}

/** `policy-extract diff OLD NEW`: exit 0 when the versions are equal, 1 when they differ (or an input cannot be read). */
export async function runDiff(oldArg: string, newArg: string, options: DiffCliOptions, io: Io): Promise<Ending> {
  parseYear(options.year);
  parseEncoding(options.encoding);
  if (oldArg === '-' && newArg === '-') throw new UsageError('diff reads at most one version from stdin (-)');
  const sink = await openOutput(io, options.output);
  const reporter = new Reporter(io.stderr, await choosePalette(io, options.color !== false));
  let versions: [PolicyDocument, PolicyDocument];
  try {
    versions = [await loadVersion(oldArg, options, io), await loadVersion(newArg, options, io)];
  } catch (error) {
    await sink.abort();
    if (!(error instanceof InputError)) throw error;
    reporter.inputFailed(error.path, error.message);
    return { kind: 'done', failedInputs: 1, warnings: 0, strict: false };
  }
  const report = diffVersions(...versions);
  const text = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatDiffReport(report, await diffPalette(io, options.color));
  const writer = bufferedWriter(sink);
  try {
    await writeChunks([text], writer.write);
    await writer.flush();
    await sink.commit();
  } catch (error) {
    await sink.abort();
    if (error instanceof BrokenPipe) return { kind: 'broken-pipe' };
    throw error;
  }
  return { kind: 'compared', equal: diffExitCode(report) === 0 };
}
