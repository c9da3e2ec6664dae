import * as z from 'zod';
import { NdjsonRecordSchema, OutputSchema, schemaVersion } from './index.ts';

/**
 * The published JSON Schema (draft 2020-12), generated from the zod schema: never edited by
 * hand. `kind` picks the JSON output or one NDJSON record.
 */
export function buildJsonSchema(kind: 'json' | 'ndjson' = 'json'): Record<string, unknown> {
  const schema = z.toJSONSchema(kind === 'json' ? OutputSchema : NdjsonRecordSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: `https://policy-extract.dev/schema/${schemaVersion}/${kind === 'json' ? 'policy-extract' : 'policy-extract.ndjson'}.schema.json`,
    title: kind === 'json' ? `policy-extract output ${schemaVersion}` : `policy-extract NDJSON record ${schemaVersion}`,
    'x-schema-version': schemaVersion,
    ...rest,
  };
}
