import type { EmitOptions, Emitter, Format } from './types.ts';

export { type EmitOptions, type Emitter, emitAll, type Format, formats } from './types.ts';

/** Emitters load on demand: a run that writes CSV never loads the YAML library. */
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
