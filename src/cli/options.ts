import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { type Format, formatByExtension, rowFormats } from '../emit/index.ts';
import { type Encoding, encodingAliases } from '../read/encodings.ts';
import type { RowKind } from '../schema/rows.ts';
import { defaultDueSoonDays, isIsoDate, type StatusOptions } from '../status.ts';
import { UsageError } from './errors.ts';

/** `--year`: a four-digit year a policy can be about. */
export function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value) || Number(value) < 1949 || Number(value) > 2200) {
    throw new UsageError(`--year takes a four-digit year such as 2023, got '${value}'`);
  }
  return Number(value);
}

/** More threads than this never pay: each costs a heap and a copy of the code (about 40 MB). */
export const maxJobs = 32;

/**
 * Threads for a batch: what was asked, never more than the CPUs nor `maxJobs` (more only adds memory).
 * Unasked, one thread on one or two CPUs: measured on 2 CPUs (`npm run bench`, 2,000 documents to
 * NDJSON), a second thread took 1.16× the wall time and 1.48× the CPU of one, and paid only from
 * several thousand documents (1.1× at 8,000), since the main thread already reads, writes and
 * validates alongside. From 3 CPUs on, one thread per CPU.
 */
export function effectiveJobs(requested: number | undefined, cpus: number): number {
  const unasked = cpus <= 2 ? 1 : cpus;
  return Math.max(1, Math.min(requested ?? unasked, cpus, maxJobs));
}

export function parseJobs(value: string | undefined): number {
  if (value !== undefined && (!/^\d+$/.test(value) || Number(value) < 1)) throw new UsageError(`--jobs takes a whole number of 1 or more, got '${value}'`);
  return effectiveJobs(value === undefined ? undefined : Number(value), availableParallelism());
}

/** `--encoding`, in any case: `UTF-8`, `utf8`, `GBK`. */
export function parseEncoding(value: string | undefined): Encoding | undefined {
  if (value === undefined) return undefined;
  const encoding = encodingAliases[value.toLowerCase()];
  if (!encoding) throw new UsageError(`--encoding takes one of ${Object.keys(encodingAliases).join(', ')} (in any case); got '${value}'`);
  return encoding;
}

/** The output format: `--format` when given, else the one `-o FILE`'s extension names (`.csv`, `.YAML`), else JSON. */
export function chooseFormat(given: Format, explicit: boolean, output: string | undefined): Format {
  if (explicit || output === undefined || output === '-') return given;
  return formatByExtension[extname(output).slice(1).toLowerCase()] ?? given;
}

/** `--as-of` and `--due-soon`: a real calendar day, and a whole number of days; `--due-soon` alone is an error (it would mean nothing). */
export function parseStatus(asOf: string | undefined, dueSoon: string | undefined): StatusOptions | undefined {
  if (dueSoon !== undefined && (!/^\d{1,4}$/.test(dueSoon) || Number(dueSoon) > 3660)) {
    throw new UsageError(`--due-soon takes a whole number of days from 0 to 3660, got '${dueSoon}'`);
  }
  if (asOf === undefined) {
    if (dueSoon !== undefined) throw new UsageError('--due-soon needs --as-of YYYY-MM-DD: statuses are computed for a given day');
    return undefined;
  }
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of takes a date written YYYY-MM-DD, such as 2023-07-01, got '${asOf}'`);
  return { asOf, dueSoonDays: dueSoon === undefined ? defaultDueSoonDays : Number(dueSoon) };
}

/**
 * `--rows`: only CSV and NDJSON have more than one shape. `--rows measure` with another format
 * asks for what that format already is (one entry per measure), so it is no error.
 */
export function checkRows(rows: RowKind | undefined, format: Format): RowKind | undefined {
  if (rows === undefined || rowFormats.includes(format)) return rows;
  if (rows === 'measure') return undefined;
  throw new UsageError(`--rows ${rows} is for --format csv or ndjson; --format ${format} has one row per measure`);
}
