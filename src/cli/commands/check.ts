import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { InputFormat } from '../../read/types.ts';
import type { PolicyDocument } from '../../schema/index.ts';
import { choosePalette, displayPath, seedPath } from '../common.ts';
import type { Ending } from '../errors.ts';
import { expandInputs } from '../inputs.ts';
import type { Io } from '../io.ts';
import { fileJobs } from '../jobs.ts';
import { parseEncoding, parseYear } from '../options.ts';
import { fileSink } from '../output.ts';
import { Reporter } from '../reporter.ts';
import { processSequentially } from '../run-documents.ts';

export interface CheckCliOptions {
  expect?: string;
  update?: boolean;
  year?: string;
  encoding?: string;
  inputFormat: InputFormat | 'auto';
  color: boolean;
}

/** Where the expected outputs are: one file, or a folder of NAME.json (`--expect DIR/` that does not exist yet is a folder). */
async function expectationTarget(expect: string, io: Io, update: boolean): Promise<{ folder: string } | { file: string }> {
  const target = resolve(io.cwd, expect);
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) return { folder: target };
  if (!info && /[/\\]$/.test(expect)) {
    if (update) await mkdir(target, { recursive: true });
    return { folder: target };
  }
  return { file: target };
}

/** `policy-extract check`: extract and fail on any warning, or on any difference from the expected output. */
export async function runCheck(args: readonly string[], options: CheckCliOptions, io: Io): Promise<Ending> {
  const year = parseYear(options.year);
  const encoding = parseEncoding(options.encoding);
  const reporter = new Reporter(io.stderr, await choosePalette(io, options.color));
  const palette = reporter.palette;
  const given = args.length > 0 ? args : [displayPath(io, seedPath())];
  const target = options.expect === undefined ? null : await expectationTarget(options.expect, io, options.update ?? false);
  const { inputs, errors } = await expandInputs(given, io.cwd, io.rawArguments);
  const { diffDocuments } = await import('../../diff/documents.ts');
  const { createJsonEmitter } = await import('../../emit/json.ts');
  const { emitToString } = await import('../../emit/types.ts');
  const json = createJsonEmitter();
  let differences = 0;
  let measures = 0;
  let updated = 0;
  let documents = 0;
  /** Expected files already claimed in this run, by input: two inputs named plan.txt must not share one. */
  const claimed = new Map<string, string>();
  await processSequentially(
    fileJobs(inputs, errors, io.stdin, encoding, options.inputFormat),
    { format: 'json', emitOptions: {}, year, encoding, inputFormat: options.inputFormat, offload: false },
    json,
    reporter,
    async (display, processed) => {
      const doc = processed.doc as PolicyDocument;
      documents++;
      measures += doc.domains.reduce((n, d) => n + d.measures.length, 0);
      if (target === null) return;
      const expectedPath = 'folder' in target ? join(target.folder, `${basename(display, extname(display))}.json`) : target.file;
      const owner = claimed.get(expectedPath);
      if (owner !== undefined) {
        reporter.inputFailed(display, `its expected file ${displayPath(io, expectedPath)} is already ${owner}'s; check these inputs separately`);
        return;
      }
      claimed.set(expectedPath, display);
      if (options.update) {
        try {
          const sink = await fileSink(expectedPath, displayPath(io, expectedPath));
          try {
            await sink.write(emitToString(json, [doc]));
            await sink.commit();
          } catch (error) {
            await sink.abort();
            throw error;
          }
        } catch (error) {
          reporter.inputFailed(display, error instanceof Error ? error.message : String(error));
          return;
        }
        updated++;
        return;
      }
      let expected: PolicyDocument | undefined;
      try {
        // A whole output (`{schemaVersion, documents}`) or a single document, as the fixtures keep it.
        const parsed = JSON.parse(await readFile(expectedPath, 'utf8')) as { documents?: PolicyDocument[] } & Partial<PolicyDocument>;
        expected = parsed.documents?.[0] ?? (Array.isArray(parsed.domains) ? (parsed as PolicyDocument) : undefined);
      } catch (error) {
        reporter.inputFailed(
          displayPath(io, expectedPath),
          `cannot read the expected output (${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing; run with --update to create it' : (error as Error).message})`,
        );
        return;
      }
      if (!expected) {
        reporter.inputFailed(displayPath(io, expectedPath), 'the expected output has no document');
        return;
      }
      const lines = diffDocuments(expected, doc);
      differences += lines.length;
      for (const line of lines) reporter.line(`${palette.path(display)}: ${line}`);
    },
  );
  const ok = reporter.failed === 0 && reporter.warnings === 0 && differences === 0;
  const parts = [
    `${documents} document${documents === 1 ? '' : 's'}`,
    `${measures} measures`,
    `${reporter.warnings} warnings`,
    ...(options.expect !== undefined ? [options.update ? `${updated} expected files written` : `${differences} differences`] : []),
    ...(reporter.failed > 0 ? [`${reporter.failed} failed`] : []),
  ];
  io.stdout.write(`policy-extract check: ${parts.join(', ')}: ${ok ? 'ok' : 'failed'}\n`);
  // check is --strict by nature, and a difference fails it as a failed input does.
  return { kind: 'done', failedInputs: reporter.failed + (differences > 0 ? 1 : 0), warnings: reporter.warnings, strict: true };
}
