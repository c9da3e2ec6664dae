import type { EmitOptions, Emitter, Format } from './types.ts';

export type { Chunk, Chunks, EmitOptions, Emitter, Format } from './types.ts';
export { formats } from './types.ts';

/** Emitters load on demand: a run that writes CSV never loads another format's code. */
const loaders: Record<Format, (options: EmitOptions) => Promise<Emitter>> = {
  json: async () => (await import('./json.ts')).createJsonEmitter(),
  ndjson: async () => (await import('./ndjson.ts')).createNdjsonEmitter(),
  csv: async (options) => (await import('./csv.ts')).createCsvEmitter(options),
  yaml: async () => (await import('./yaml.ts')).createYamlEmitter(),
  summary: async () => (await import('./summary.ts')).createSummaryEmitter(),
};

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
};
