import type { RowKind } from '../../schema/rows.ts';
import { BrokenPipe, type Ending } from '../errors.ts';
import type { Io } from '../io.ts';
import { openOutput } from './extract.ts';

export interface SchemaCliOptions {
  format: 'json' | 'yaml';
  ndjson?: boolean;
  rows?: RowKind;
  output?: string;
}

/** `policy-extract schema`: the JSON Schema of the output, as JSON or as YAML that every loader reads the same. */
export async function runSchema(options: SchemaCliOptions, io: Io): Promise<Ending> {
  const sink = await openOutput(io, options.output);
  const { buildJsonSchema, buildRowsJsonSchema } = await import('../../schema/json-schema.ts');
  const schema = options.rows ? buildRowsJsonSchema(options.rows) : buildJsonSchema(options.ndjson ? 'ndjson' : 'json');
  const text = options.format === 'yaml' ? (await import('../../emit/yaml.ts')).toYamlText(schema) : `${JSON.stringify(schema, null, 2)}\n`;
  try {
    await sink.write(text);
    await sink.commit();
  } catch (error) {
    await sink.abort();
    if (error instanceof BrokenPipe) return { kind: 'broken-pipe' };
    throw error;
  }
  return { kind: 'done', failedInputs: 0, warnings: 0, strict: false };
}
