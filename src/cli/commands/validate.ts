import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatInputError } from '../../report/index.ts';
import { choosePalette } from '../common.ts';
import { describeSystemError, type Ending } from '../errors.ts';
import type { Io } from '../io.ts';

/** `policy-extract validate FILE...`: checks stored JSON or NDJSON output against the current schema. */
export async function runValidate(files: readonly string[], options: { color: boolean }, io: Io): Promise<Ending> {
  const palette = await choosePalette(io, options.color);
  const { validateText } = await import('../../validate.ts');
  let violations = 0;
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      text =
        file === '-'
          ? await new Promise<string>((done, fail) => {
              let data = '';
              io.stdin.setEncoding('utf8');
              io.stdin.on('data', (chunk: string) => (data += chunk));
              io.stdin.on('end', () => done(data));
              io.stdin.on('error', fail);
            })
          : await readFile(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      failed++;
      io.stderr.write(`${formatInputError(file, describeSystemError(error), palette)}\n`);
      continue;
    }
    const kind = /\.(ndjson|jsonl)$/i.test(file) ? 'ndjson' : /\.json$/i.test(file) ? 'json' : undefined;
    const result = validateText(text, kind);
    violations += result.violations.length;
    for (const violation of result.violations) {
      const place = violation.line === undefined ? file : `${file}:${violation.line}`;
      io.stderr.write(`${palette.path(place)}: ${violation.path}: ${palette.error(violation.message)}\n`);
    }
  }
  io.stdout.write(
    `policy-extract validate: ${files.length} file${files.length === 1 ? '' : 's'}, ${violations} violation${violations === 1 ? '' : 's'}${failed > 0 ? `, ${failed} unreadable` : ''}: ${violations + failed === 0 ? 'ok' : 'failed'}\n`,
  );
  return { kind: 'done', failedInputs: violations + failed, warnings: 0, strict: false };
}
