import type { EmitOptions, Emitter, Format } from './types.ts';

export type { Chunk, Chunks, EmitOptions, Emitter, Format } from './types.ts';
export { formats } from './types.ts';

/** Emitters load on demand: a run that writes CSV never loads another format's code. */
const loaders: Record<Format, (options: EmitOptions) => Promise<Emitter>> = {
  json: async () => (await import('./json.ts')).createJsonEmitter(),
  ndjson: async (options) =>
    options.rows ? (await import('./rows.ts')).createRowsNdjsonEmitter(options.rows) : (await import('./ndjson.ts')).createNdjsonEmitter(),
  csv: async (options) =>
    options.rows ? (await import('./rows.ts')).createRowsCsvEmitter(options.rows, options) : (await import('./csv.ts')).createCsvEmitter(options),
  yaml: async () => (await import('./yaml.ts')).createYamlEmitter(),
  summary: async () => (await import('./summary.ts')).createSummaryEmitter(),
  xlsx: async (options) => (await import('./xlsx.ts')).createXlsxEmitter(options) as Emitter<unknown> as Emitter,
  ics: async (options) => (await import('./ics.ts')).createIcsEmitter(options),
  html: async () => (await import('./html.ts')).createHtmlEmitter() as Emitter<unknown> as Emitter,
};

/** The formats that take `--rows`: the others have one shape. */
export const rowFormats: readonly Format[] = ['csv', 'ndjson'];

export function loadEmitter(format: Format, options: EmitOptions = {}): Promise<Emitter> {
  return loaders[format](options);
}

/** Output file extensions and the format each means, for `-o FILE` without `--format`. */
export const formatByExtension: Readonly<Record<string, Format>> = {
  json: 'json',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  csv: 'csv',
  yaml: 'yaml',
  yml: 'yaml',
  xlsx: 'xlsx',
  ics: 'ics',
  html: 'html',
  htm: 'html',
};
