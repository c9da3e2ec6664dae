import * as z from 'zod';
import { NdjsonRecordSchema, OutputSchema, schemaVersion } from './index.ts';
import { type RowKind, RowSchemas } from './rows.ts';

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

/**
 * The JSON Schema (draft 2020-12) of one kind of row (`--rows measure|unit|deadline`), for
 * `schema` to print: generated from `schema/rows.ts` like the output's.
 */
export function buildRowsJsonSchema(kind: RowKind): Record<string, unknown> {
  const schema = z.toJSONSchema(RowSchemas[kind], { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: `https://policy-extract.dev/schema/${schemaVersion}/policy-extract.${kind}-row.schema.json`,
    title: `policy-extract ${kind} row ${schemaVersion}`,
    'x-schema-version': schemaVersion,
    ...rest,
  };
}
