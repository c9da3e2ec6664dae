import { Command, CommanderError, Option } from 'commander';
import { formats } from '../emit/index.ts';
import { encodingAliases } from '../read/encodings.ts';
import { inputFormats } from '../read/types.ts';
import { rowKinds } from '../schema/version.ts';
import type { CheckCliOptions } from './commands/check.ts';
import type { DiffCliOptions } from './commands/diff.ts';
import type { ExtractCliOptions } from './commands/extract.ts';
import type { SchemaCliOptions } from './commands/schema.ts';
import { type Ending, exitStatus, OutputError, UsageError } from './errors.ts';
import type { Io } from './io.ts';
import { version } from './version.ts';

const examples = `
Exit codes:
  0  success (warnings allowed)
  1  some input failed, or warnings under --strict (and in \`check\`); the output could not be written
     (in \`diff\`: the two versions differ)
  2  usage error: unknown option, bad value, -o onto a folder
  129, 130, 143  stopped by SIGHUP, SIGINT (Ctrl-C), SIGTERM: no output file was written

Try the following:
  $ policy-extract                                   # the bundled seed, as JSON
  $ policy-extract --format summary                  # a human summary of it
  $ policy-extract docs/*.txt --bom -o ledger.csv    # the format follows -o's extension
  $ policy-extract plan.docx -o ledger.xlsx          # the 台账 workbook, for Excel
  $ policy-extract plan.docx -f summary --as-of 2023-07-01   # who is late on a day
  $ policy-extract plan.docx -o review.html          # the review page: every field in its source
  $ policy-extract diff old.txt new.txt              # what changed between two versions
  $ policy-extract 'archive/**/*.txt' --format ndjson | jq -r '.leadUnits[]' | sort | uniq -c
  $ cat plan.txt | policy-extract - --year 2024 --format yaml
  $ policy-extract check docs/ --expect expected/
`;

const inputFormatHelp = 'read every input as this format instead of detecting it from its bytes';
const encodingHelp = `force the input encoding instead of detecting it: ${[...new Set(Object.values(encodingAliases))].join(', ')} (also gbk, gb2312; any case)`;

/** The command line, declared; each command's work is in commands/, loaded only when it runs. */
function buildProgram(io: Io, end: (ending: Ending) => void): Command {
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
    .addOption(new Option('-f, --format <format>', 'output format (default: from the extension of -o FILE, else json)').choices(formats).default('json'))
    .option('-o, --output <file>', 'write to FILE (a regular file atomically: complete or untouched) instead of stdout')
    .option('--year <year>', 'year for deadlines without one (6月底前); overrides the year found in the document')
    .option('--encoding <encoding>', encodingHelp)
    .addOption(new Option('--input-format <format>', inputFormatHelp).choices(inputFormats).default('auto'))
    .addOption(new Option('--rows <kind>', "CSV, NDJSON: one row per measure, per unit and measure, or per deadline (the workbook's sheets)").choices(rowKinds))
    .option('--as-of <date>', 'statuses on this day (YYYY-MM-DD): daysLeft and status (overdue, due-soon, pending) on every deadline and measure')
    .option('--due-soon <days>', 'with --as-of: a deadline at most this many days ahead is due-soon (default 14)')
    .addOption(new Option('--headers <language>', 'CSV and workbook header language').choices(['zh', 'en']).default('zh'))
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark, for Excel')
    .option('--no-formula-escape', "CSV: raw cells, for programs: no ' before cells starting with = + - @ or before ids such as 1.10")
    .option('--stdin-ndjson', 'read documents as NDJSON records {"path", "text"} from stdin (for Hadoop Streaming, Spark pipe, GNU parallel)')
    .option(
      '-j, --jobs <n>',
      'threads for a batch of files, the main one included (default: 1 on one or two CPUs, else one per CPU; most: the CPUs; batches under 4 files use one)',
    )
    .option('--strict', 'exit 1 when any warning is raised')
    .option('-q, --quiet', 'do not print warnings (input errors are still printed)')
    .option('--no-color', 'no colour in diagnostics (also: NO_COLOR=1)')
    .addHelpText('after', examples)
    .action(async (inputs: string[], options: ExtractCliOptions) => {
      const { runExtract } = await import('./commands/extract.ts');
      end(await runExtract(inputs, options, program.getOptionValueSource('format') === 'cli', io));
    });

  program
    .command('check')
    .description('extract and fail (exit 1) on any warning, or on any difference from the expected output (for CI)')
    .argument('[inputs...]', 'files, folders or glob patterns; default: the bundled seed')
    .option('--expect <path>', 'expected JSON output: a file, or a folder (an existing one, or PATH/) of NAME.json files matched by input name')
    .option('--update', 'write the current extraction as the expected output')
    .option('--year <year>', 'year for deadlines without one')
    .option('--encoding <encoding>', encodingHelp)
    .addOption(new Option('--input-format <format>', inputFormatHelp).choices(inputFormats).default('auto'))
    .option('--no-color', 'no colour in diagnostics')
    .addHelpText(
      'after',
      '\nTry the following:\n  $ policy-extract check docs/*.txt\n  $ policy-extract check docs/ --expect expected/ --update\n  $ policy-extract check docs/ --expect expected/\n',
    )
    .action(async (inputs: string[], options: CheckCliOptions) => {
      const { runCheck } = await import('./commands/check.ts');
      end(await runCheck(inputs, options, io));
    });

  program
    .command('validate')
    .description('validate JSON or NDJSON output files against the current schema')
    .argument('<files...>', 'output files (.json, .ndjson; - for stdin)')
    .option('--no-color', 'no colour in diagnostics')
    .addHelpText(
      'after',
      '\nTry the following:\n  $ policy-extract validate ledger.json\n  $ policy-extract seeds/*.txt -f ndjson | policy-extract validate -\n',
    )
    .action(async (files: string[], options: { color: boolean }) => {
      const { runValidate } = await import('./commands/validate.ts');
      end(await runValidate(files, options, io));
    });

  program
    .command('diff')
    .description('what changed between two versions of a plan: measures paired by content; exit 0 when equal, 1 when different')
    .argument('<old>', 'the old version: any input format, or a JSON output of policy-extract (its first document)')
    .argument('<new>', 'the new version, the same way')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('--year <year>', 'year for deadlines without one, for both versions')
    .option('--encoding <encoding>', encodingHelp)
    .addOption(new Option('--input-format <format>', inputFormatHelp).choices(inputFormats).default('auto'))
    .option('--color', 'colour the text report even when stdout is not a terminal')
    .option('--no-color', 'no colour in the report (also: NO_COLOR=1)')
    .addHelpText(
      'after',
      '\nTry the following:\n  $ policy-extract diff plan-2023.docx plan-2024.docx\n  $ policy-extract diff old.json new.txt --format json -o changes.json\n',
    )
    .action(async (oldInput: string, newInput: string, options: DiffCliOptions) => {
      const { runDiff } = await import('./commands/diff.ts');
      end(await runDiff(oldInput, newInput, options, io));
    });

  program
    .command('schema')
    .description('print the JSON Schema (draft 2020-12) of the output, generated from the zod schema')
    .addOption(new Option('-f, --format <format>', 'schema format').choices(['json', 'yaml']).default('json'))
    .option('--ndjson', 'the schema of one NDJSON record instead of the JSON output')
    .addOption(new Option('--rows <kind>', 'the schema of one row of --rows KIND (CSV and NDJSON rows)').choices(rowKinds).conflicts('ndjson'))
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .action(async (options: SchemaCliOptions) => {
      const { runSchema } = await import('./commands/schema.ts');
      end(await runSchema(options, io));
    });

  return program;
}

/**
 * The command line, as a function: parses `argv` (without `node` and the script), runs, and
 * returns the exit status, always through `exitStatus`. Writes only to `io`; never calls
 * `process.exit`.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let ending: Ending = { kind: 'help' };
  const program = buildProgram(io, (value) => (ending = value));
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      ending = error.exitCode === 0 ? { kind: 'help' } : { kind: 'usage' };
    } else if (error instanceof UsageError) {
      io.stderr.write(`policy-extract: ${error.message}\n`);
      ending = { kind: 'usage' };
    } else if (error instanceof OutputError) {
      io.stderr.write(`policy-extract: ${error.message}\n`);
      ending = { kind: 'output-failed' };
    } else {
      throw error;
    }
  }
  return exitStatus(ending);
}
