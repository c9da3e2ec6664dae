import { resolve } from 'node:path';
import { formatInputError } from '../../report/index.ts';
import { choosePalette } from '../common.ts';
import { describeSystemError, type Ending } from '../errors.ts';
import type { Io } from '../io.ts';

/** Violations printed per file; the rest are counted (a file of garbage has millions). */
const violationsShown = 20;

/**
 * `policy-extract validate FILE...`: checks stored JSON or NDJSON output against the current
 * schema, each file streamed through the checks generated from it, memory bounded by a record.
 */
export async function runValidate(files: readonly string[], options: { color: boolean }, io: Io): Promise<Ending> {
  const palette = await choosePalette(io, options.color);
  const { kindFromName, validateFile, validateStream } = await import('../../validate.ts');
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
  return { kind: 'done', failedInputs: violations + failed, warnings: 0, strict: false };
}
