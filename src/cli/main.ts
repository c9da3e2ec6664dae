import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, extname, join, relative, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { type Format, formats, loadEmitter } from '../emit/index.ts';
import { type Encoding, encodingAliases } from '../read/encodings.ts';
import { formatInputError, formatWarning, type Palette, plainPalette } from '../report/index.ts';
import type { PolicyDocument } from '../schema/index.ts';
import { BrokenPipe, describeSystemError, exitCodeFor, exitCodes, InputError, UsageError } from './errors.ts';
import type { Input } from './inputs.ts';
import type { Io } from './io.ts';
import type { OutputSink } from './output.ts';
import { packageRoot } from './package-root.ts';
import { version } from './version.ts';

/** The bundled default input. */
export const seedPath = (): string => join(packageRoot(), 'seeds', 'shandong-2023-business-environment.txt');

const examples = `
Exit codes:
  0  success (warnings allowed)
  1  some input failed, or warnings under --strict (and in \`check\`)
  2  usage error: unknown option, bad value

Try the following:
  $ policy-extract                                   # the bundled seed, as JSON
  $ policy-extract --format summary                  # a human summary of it
  $ policy-extract docs/*.txt --format csv --bom -o ledger.csv
  $ policy-extract 'archive/**/*.txt' --format ndjson | jq -r '.leadUnits[]' | sort | uniq -c
  $ cat plan.txt | policy-extract - --year 2024 --format yaml
  $ policy-extract check docs/ --expect expected/
`;

interface ExtractCliOptions {
  jobs?: string;
  format: Format;
  output?: string;
  year?: string;
  encoding?: string;
  headers: 'zh' | 'en';
  bom?: boolean;
  formulaEscape: boolean;
  strict?: boolean;
  quiet?: boolean;
  color: boolean;
  stdinNdjson?: boolean;
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value) || Number(value) < 1949 || Number(value) > 2200) {
    throw new UsageError(`--year takes a four-digit year such as 2023, got '${value}'`);
  }
  return Number(value);
}

/** Below this many files a batch runs in the main thread: starting workers costs more than it saves. */
export const minimumFilesForWorkers = 4;

function parseJobs(value: string | undefined): number {
  if (value === undefined) return Math.max(1, availableParallelism());
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) throw new UsageError(`--jobs takes a whole number from 1 to 256, got '${value}'`);
  return Number(value);
}

function parseEncoding(value: string | undefined): Encoding | undefined {
  if (value === undefined) return undefined;
  const encoding = encodingAliases[value.toLowerCase()];
  if (!encoding) throw new UsageError(`--encoding takes one of ${Object.keys(encodingAliases).join(', ')}; got '${value}'`);
  return encoding;
}

/** Colour on stderr only on a terminal, never with NO_COLOR or --no-color (chalk ignores NO_COLOR itself). */
async function choosePalette(io: Io, colorOption: boolean): Promise<Palette> {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  if (!colorOption || noColor || !io.stderrIsTTY) return plainPalette;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { path: chalk.bold, warning: chalk.yellow, info: chalk.blue, error: chalk.red };
}

function displayPath(io: Io, path: string): string {
  const rel = relative(io.cwd, path);
  return rel.startsWith('..') ? path : rel.split('\\').join('/');
}

/** A source of documents: files and stdin, or NDJSON records `{path, text}` on stdin. */
type Job = { readonly display: string; readonly load: () => Promise<{ text: string; encoding: Encoding }> };

async function* stdinRecords(io: Io): AsyncGenerator<Job | InputError> {
  let buffer = '';
  let lineNumber = 0;
  const parse = (line: string): Job | InputError | null => {
    lineNumber++;
    if (line.trim().length === 0) return null;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      return new InputError(`<stdin>:${lineNumber}`, 'not a JSON record');
    }
    const { path, text } = record as { path?: unknown; text?: unknown };
    if (typeof text !== 'string') return new InputError(`<stdin>:${lineNumber}`, 'record has no "text" string');
    const display = typeof path === 'string' && path.length > 0 ? path : `<stdin>:${lineNumber}`;
    return {
      display,
      load: async () => {
        (await import('./inputs.ts')).checkText(display, text);
        return { text, encoding: 'utf-8' };
      },
    };
  };
  io.stdin.setEncoding('utf8');
  for await (const chunk of io.stdin) {
    buffer += chunk as string;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const job = parse(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      if (job) yield job;
      newline = buffer.indexOf('\n');
    }
  }
  const last = parse(buffer);
  if (last) yield last;
}

async function* fileJobs(inputs: readonly Input[], errors: readonly InputError[], io: Io, encoding: Encoding | undefined): AsyncGenerator<Job | InputError> {
  yield* errors;
  const { readInput } = await import('./inputs.ts');
  for (const input of inputs) yield { display: input.display, load: () => readInput(input, io.stdin, encoding) };
}

interface Processed {
  readonly failed: number;
  readonly warnings: number;
  readonly documents: number;
}

/**
 * Runs the pipeline over every job in order and hands each valid document to `onDocument`.
 * A failed input is reported and skipped; warnings go to stderr as `file:line: code message`.
 */
async function processJobs(
  jobs: AsyncIterable<Job | InputError>,
  options: { year: number | undefined; quiet: boolean; palette: Palette },
  io: Io,
  onDocument: (doc: PolicyDocument, display: string) => Promise<void>,
): Promise<Processed> {
  // Loaded here, not at the top: `--version` and `--help` never pay for the pipeline or zod.
  const [{ validateDocument }, { extract }] = await Promise.all([import('../validate.ts'), import('../pipeline.ts')]);
  let failed = 0;
  let warnings = 0;
  let documents = 0;
  for await (const job of jobs) {
    try {
      if (job instanceof InputError) throw job;
      const { text, encoding } = await job.load();
      const doc = extract(text, { year: options.year, path: job.display, encoding });
      const violations = validateDocument(doc);
      if (violations.length > 0) {
        const first = violations[0] as { path: string; message: string };
        throw new InputError(job.display, `internal error: the output breaks the schema at ${first.path}: ${first.message}`);
      }
      for (const warning of doc.warnings) {
        if (warning.severity === 'info') continue;
        warnings++;
        if (!options.quiet) io.stderr.write(`${formatWarning(job.display, warning, options.palette)}\n`);
      }
      await onDocument(doc, job.display);
      documents++;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failed++;
      io.stderr.write(`${formatInputError(error.path, error.message, options.palette)}\n`);
    }
  }
  return { failed, warnings, documents };
}

async function openSink(io: Io, output: string | undefined): Promise<OutputSink> {
  const { fileSink, streamSink } = await import('./output.ts');
  if (output === undefined || output === '-') return streamSink(io.stdout);
  try {
    return await fileSink(resolve(io.cwd, output));
  } catch (error) {
    throw new UsageError(
      `cannot write ${output}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : (error as Error).message}`,
    );
  }
}

async function runExtract(args: readonly string[], options: ExtractCliOptions, io: Io): Promise<number> {
  const year = parseYear(options.year);
  const encoding = parseEncoding(options.encoding);
  const threads = parseJobs(options.jobs);
  const palette = await choosePalette(io, options.color);
  const emitOptions = { headers: options.headers, bom: options.bom ?? false, escapeFormulas: options.formulaEscape };
  let jobs: AsyncIterable<Job | InputError> | null = null;
  let parallel: { inputs: Input[]; errors: InputError[] } | null = null;
  if (options.stdinNdjson) {
    if (args.length > 0) throw new UsageError('--stdin-ndjson reads documents from stdin only; drop the other inputs');
    jobs = stdinRecords(io);
  } else {
    const given = args.length > 0 ? args : [displayPath(io, seedPath())];
    const { inputs, errors } = await (await import('./inputs.ts')).expandInputs(given, io.cwd);
    const files = inputs.filter((input) => input.kind === 'file');
    if (threads > 1 && files.length === inputs.length && files.length >= minimumFilesForWorkers) parallel = { inputs, errors };
    else jobs = fileJobs(inputs, errors, io, encoding);
  }
  const emitter = await loadEmitter(options.format, emitOptions);
  const sink = await openSink(io, options.output);
  try {
    await sink.write(emitter.begin());
    let written = 0;
    const write = async (chunk: string | Uint8Array): Promise<void> => {
      const separator = emitter.separator(written++);
      if (typeof chunk === 'string') return sink.write(separator + chunk);
      await sink.write(separator);
      return sink.write(chunk);
    };
    const settings = { year, quiet: options.quiet ?? false, palette };
    const outcome = parallel
      ? await (await import('./parallel.ts')).processInWorkers(
          parallel.inputs,
          parallel.errors,
          { ...settings, threads, format: options.format, emitOptions, encoding },
          io,
          write,
        )
      : await processJobs(jobs as AsyncIterable<Job | InputError>, settings, io, (doc) => write(emitter.document(doc)));
    await sink.write(emitter.end(written));
    // A file is replaced only by a complete output with at least one document in it.
    if (outcome.documents > 0 || outcome.failed === 0) await sink.commit();
    else await sink.abort();
    return exitCodeFor({ failedInputs: outcome.failed, warnings: outcome.warnings, strict: options.strict ?? false });
  } catch (error) {
    await sink.abort();
    if (error instanceof BrokenPipe) return exitCodes.ok;
    throw error;
  }
}

interface CheckCliOptions {
  expect?: string;
  update?: boolean;
  year?: string;
  encoding?: string;
  color: boolean;
}

async function expectedFileFor(expect: string, display: string, io: Io): Promise<string> {
  const target = resolve(io.cwd, expect);
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) return join(target, `${basename(display, extname(display))}.json`);
  return target;
}

async function runCheck(args: readonly string[], options: CheckCliOptions, io: Io): Promise<number> {
  const year = parseYear(options.year);
  const encoding = parseEncoding(options.encoding);
  const palette = await choosePalette(io, options.color);
  const given = args.length > 0 ? args : [displayPath(io, seedPath())];
  const { inputs, errors } = await (await import('./inputs.ts')).expandInputs(given, io.cwd);
  const { diffDocuments } = await import('../diff.ts');
  const { createJsonEmitter } = await import('../emit/json.ts');
  let differences = 0;
  let measures = 0;
  let updated = 0;
  let failedExpectations = 0;
  const outcome = await processJobs(fileJobs(inputs, errors, io, encoding), { year, quiet: false, palette }, io, async (doc, display) => {
    measures += doc.domains.reduce((n, d) => n + d.measures.length, 0);
    if (options.expect === undefined) return;
    const expectedPath = await expectedFileFor(options.expect, display, io);
    if (options.update) {
      const emitter = createJsonEmitter();
      const { fileSink } = await import('./output.ts');
      const sink = await fileSink(expectedPath).catch((error: unknown) => {
        throw new InputError(display, `cannot write ${displayPath(io, expectedPath)}: ${(error as Error).message}`);
      });
      await sink.write(emitter.begin() + emitter.separator(0) + emitter.document(doc) + emitter.end(1));
      await sink.commit();
      updated++;
      return;
    }
    let expected: PolicyDocument | undefined;
    try {
      // A whole output (`{schemaVersion, documents}`) or a single document, as the fixtures keep it.
      const parsed = JSON.parse(await readFile(expectedPath, 'utf8')) as { documents?: PolicyDocument[] } & Partial<PolicyDocument>;
      expected = parsed.documents?.[0] ?? (Array.isArray(parsed.domains) ? (parsed as PolicyDocument) : undefined);
    } catch (error) {
      failedExpectations++;
      io.stderr.write(
        `${formatInputError(displayPath(io, expectedPath), `cannot read the expected output (${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing; run with --update to create it' : (error as Error).message})`, palette)}\n`,
      );
      return;
    }
    if (!expected) {
      failedExpectations++;
      io.stderr.write(`${formatInputError(displayPath(io, expectedPath), 'the expected output has no document', palette)}\n`);
      return;
    }
    const lines = diffDocuments(expected, doc);
    differences += lines.length;
    for (const line of lines) io.stderr.write(`${palette.path(display)}: ${line}\n`);
  });
  const failed = outcome.failed + failedExpectations;
  const ok = failed === 0 && outcome.warnings === 0 && differences === 0;
  const parts = [
    `${outcome.documents} document${outcome.documents === 1 ? '' : 's'}`,
    `${measures} measures`,
    `${outcome.warnings} warnings`,
    ...(options.expect !== undefined ? [options.update ? `${updated} expected files written` : `${differences} differences`] : []),
    ...(failed > 0 ? [`${failed} failed`] : []),
  ];
  io.stdout.write(`policy-extract check: ${parts.join(', ')}: ${ok ? 'ok' : 'failed'}\n`);
  return ok ? exitCodes.ok : exitCodes.failed;
}

/** Violations printed per file; the rest are counted. */
const violationsShown = 20;

async function runValidate(files: readonly string[], options: { color: boolean }, io: Io): Promise<number> {
  const palette = await choosePalette(io, options.color);
  const { kindFromName, validateFile, validateStream } = await import('../validate.ts');
  let violations = 0;
  let failed = 0;
  for (const file of files) {
    let report: Awaited<ReturnType<typeof validateFile>>;
    try {
      const limit = violationsShown;
      report =
        file === '-'
          ? await validateStream(io.stdin, { limit, kind: kindFromName(file) })
          : await validateFile(resolve(io.cwd, file), { limit, kind: kindFromName(file) });
    } catch (error) {
      failed++;
      io.stderr.write(`${formatInputError(file, describeSystemError(error), palette)}\n`);
      continue;
    }
    violations += report.total;
    for (const violation of report.violations) {
      const place = violation.line === undefined ? file : `${file}:${violation.line}`;
      io.stderr.write(`${palette.path(place)}: ${violation.path}: ${palette.error(violation.message)}\n`);
    }
    const more = report.total - report.violations.length;
    if (more > 0) io.stderr.write(`${palette.path(file)}: … and ${more.toLocaleString('en-US')} more violation${more === 1 ? '' : 's'}\n`);
  }
  io.stdout.write(
    `policy-extract validate: ${files.length} file${files.length === 1 ? '' : 's'}, ${violations} violation${violations === 1 ? '' : 's'}${failed > 0 ? `, ${failed} unreadable` : ''}: ${violations + failed === 0 ? 'ok' : 'failed'}\n`,
  );
  return violations + failed === 0 ? exitCodes.ok : exitCodes.failed;
}

async function runSchema(options: { format: 'json' | 'yaml'; ndjson?: boolean; output?: string }, io: Io): Promise<number> {
  const { buildJsonSchema } = await import('../schema/json-schema.ts');
  const schema = buildJsonSchema(options.ndjson ? 'ndjson' : 'json');
  const text = options.format === 'yaml' ? (await import('yaml')).stringify(schema, { lineWidth: 0 }) : `${JSON.stringify(schema, null, 2)}\n`;
  const sink = await openSink(io, options.output);
  try {
    await sink.write(text);
    await sink.commit();
  } catch (error) {
    await sink.abort();
    if (error instanceof BrokenPipe) return exitCodes.ok;
    throw error;
  }
  return exitCodes.ok;
}

function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('policy-extract');
  program
    .exitOverride()
    // Options after a subcommand's name belong to the subcommand (`schema -o FILE`).
    .enablePositionalOptions()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    })
    .showHelpAfterError('(run policy-extract --help for usage)')
    .version(version, '-V, --version', 'print the version')
    .description(
      'Turn Chinese policy task-division documents (配套措施, 实施方案, 任务分工) into a validated ledger: domains, measures, lead and responsible units, deadlines.',
    )
    .argument('[inputs...]', 'files, folders, glob patterns (quote them), or - for stdin; default: the bundled seed')
    .addOption(new Option('-f, --format <format>', 'output format').choices(formats).default('json'))
    .option('-o, --output <file>', 'write to FILE (atomically: complete or untouched) instead of stdout')
    .option('--year <year>', 'year for deadlines without one (6月底前); overrides the year found in the document')
    .addOption(new Option('--encoding <encoding>', 'force the input encoding instead of detecting it').choices(Object.keys(encodingAliases)))
    .addOption(new Option('--headers <language>', 'CSV header language').choices(['zh', 'en']).default('zh'))
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark, for Excel')
    .option('--no-formula-escape', "CSV: keep cells starting with = + - @ as they are (default: prefix them with ')")
    .option('--stdin-ndjson', 'read documents as NDJSON records {"path", "text"} from stdin (for Hadoop Streaming, Spark pipe, GNU parallel)')
    .option('-j, --jobs <n>', 'threads for a batch of files, the main one included (default: the number of CPUs; batches under 4 files use one)')
    .option('--strict', 'exit 1 when any warning is raised')
    .option('-q, --quiet', 'do not print warnings (input errors are still printed)')
    .option('--no-color', 'no colour in diagnostics (also: NO_COLOR=1)')
    .addHelpText('after', examples)
    .action(async (inputs: string[], options: ExtractCliOptions) => setCode(await runExtract(inputs, options, io)));

  program
    .command('check')
    .description('extract and fail (exit 1) on any warning, or on any difference from the expected output (for CI)')
    .argument('[inputs...]', 'files, folders or glob patterns; default: the bundled seed')
    .option('--expect <path>', 'expected JSON output: a file, or a folder of NAME.json files matched by input name')
    .option('--update', 'write the current extraction as the expected output')
    .option('--year <year>', 'year for deadlines without one')
    .addOption(new Option('--encoding <encoding>', 'force the input encoding').choices(Object.keys(encodingAliases)))
    .option('--no-color', 'no colour in diagnostics')
    .addHelpText(
      'after',
      '\nTry the following:\n  $ policy-extract check docs/*.txt\n  $ policy-extract check docs/ --expect expected/ --update\n  $ policy-extract check docs/ --expect expected/\n',
    )
    .action(async (inputs: string[], options: CheckCliOptions) => setCode(await runCheck(inputs, options, io)));

  program
    .command('validate')
    .description('validate JSON or NDJSON output files against the current schema')
    .argument('<files...>', 'output files (.json, .ndjson; - for stdin)')
    .option('--no-color', 'no colour in diagnostics')
    .addHelpText(
      'after',
      '\nTry the following:\n  $ policy-extract validate ledger.json\n  $ policy-extract seeds/*.txt -f ndjson | policy-extract validate -\n',
    )
    .action(async (files: string[], options: { color: boolean }) => setCode(await runValidate(files, options, io)));

  program
    .command('schema')
    .description('print the JSON Schema (draft 2020-12) of the output, generated from the zod schema')
    .addOption(new Option('-f, --format <format>', 'schema format').choices(['json', 'yaml']).default('json'))
    .option('--ndjson', 'the schema of one NDJSON record instead of the JSON output')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .action(async (options: { format: 'json' | 'yaml'; ndjson?: boolean; output?: string }) => setCode(await runSchema(options, io)));

  return program;
}

/**
 * The command line, as a function: parses `argv` (without `node` and the script), runs, and
 * returns the exit status. Writes only to `io`; never calls `process.exit`.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code: number = exitCodes.ok;
  const program = buildProgram(io, (value) => (code = value));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`policy-extract: ${error.message}\n`);
      return exitCodes.usage;
    }
    throw error;
  }
}
