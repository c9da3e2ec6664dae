/**
 * Generates src/validate/compiled.js: the output contract as plain JavaScript checks, so that
 * checking an output does not load zod. The zod schema stays the single source of truth: this
 * reads it through `z.toJSONSchema` (the published JSON Schema) and has ajv write standalone
 * code for it. `tests/validator.test.ts` fails when the committed file differs from what this
 * generates; `npm run schema:write` rewrites it.
 *
 *   tsx scripts/generate-validator.ts          write src/validate/compiled.js
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import * as z from 'zod';
import {
  ClauseSchema,
  DeadlineSchema,
  DocumentSchema,
  DomainSchema,
  MeasureSchema,
  NdjsonRecordSchema,
  OutputSchema,
  SourceSchema,
  TargetSchema,
  WarningSchema,
} from '../src/schema/index.ts';

export const compiledValidatorPath = join(import.meta.dirname, '..', 'src', 'validate', 'compiled.js');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Drops what does not change what validates (prose, ids): the generated code then holds no copy of it. */
function withoutAnnotations(node: Json): Json {
  if (Array.isArray(node)) return node.map(withoutAnnotations);
  if (node === null || typeof node !== 'object') return node;
  const kept: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' || key === 'title' || key === '$id' || key === '$schema' || key.startsWith('x-')) continue;
    // Under `properties` the keys are field names, never annotations.
    kept[key] =
      key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, withoutAnnotations(v)])) : withoutAnnotations(value);
  }
  return kept;
}

const jsonSchemaOf = (schema: z.ZodType): Json => withoutAnnotations(z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Json);

/**
 * The parts of the contract that get a function of their own in the generated code, innermost
 * first: a few small functions are cheaper for V8 to compile and optimise than one function of
 * 100 kB (which cost 30 MB of peak memory in a batch).
 */
const parts: [string, z.ZodType][] = [
  ['deadline', DeadlineSchema],
  ['target', TargetSchema],
  ['clause', ClauseSchema],
  ['measure', MeasureSchema],
  ['domain', DomainSchema],
  ['warning', WarningSchema],
  ['source', SourceSchema],
  ['document', DocumentSchema],
];

/** Replaces every subtree of `node` equal to `part` by a reference to it. */
function factorOut(node: Json, part: string, name: string): Json {
  if (JSON.stringify(node) === part) return { $ref: name };
  if (Array.isArray(node)) return node.map((item) => factorOut(item, part, name));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, factorOut(value, part, name)]));
}

export function generateValidator(): string {
  // Each part as it reads once its own inner parts are references: that is how it appears, by
  // then, inside its parent.
  const schemas: Record<string, Json> = {};
  const factored = (schema: z.ZodType): Json => {
    let json = jsonSchemaOf(schema);
    for (const [name, part] of Object.entries(schemas)) json = factorOut(json, JSON.stringify(part), name);
    return json;
  };
  for (const [name, schema] of parts) schemas[name] = factored(schema);
  const output = factored(OutputSchema);
  const ndjsonRecord = factored(NdjsonRecordSchema);
  Object.assign(schemas, { output, ndjsonRecord });
  // A part no longer found verbatim in its parent would silently be inlined again.
  const expected: Record<string, string[]> = {
    measure: ['clause', 'deadline', 'target'],
    domain: ['measure'],
    document: ['source', 'domain', 'warning'],
    output: ['document'],
    ndjsonRecord: ['clause', 'deadline', 'target'],
  };
  for (const [name, children] of Object.entries(expected)) {
    for (const child of children) if (!JSON.stringify(schemas[name]).includes(`{"$ref":"${child}"}`)) throw new Error(`${name} does not refer to ${child}`);
  }
  const ajv = new Ajv2020.default({
    allErrors: true,
    strict: true,
    // The violations' wording is ours (src/validate/violations.ts), from the keyword and params.
    messages: false,
    // One function per part, called where it is referenced.
    inlineRefs: false,
    logger: { log: console.log, warn: (message: unknown) => void (String(message).includes('option unicode') || console.warn(message)), error: console.error },
    // Lengths in UTF-16 code units, as zod counts them (JSON Schema counts code points).
    unicode: false,
    code: { source: true, esm: true, optimize: true },
    schemas: Object.entries(schemas).map(([name, json]) => ({ $id: name, ...(json as object) })),
  });
  const code = standaloneCode.default(ajv, { validateDocumentShape: 'document', validateOutputShape: 'output', validateNdjsonRecordShape: 'ndjsonRecord' });
  if (/\brequire\(/.test(code)) throw new Error('the generated validator needs an ajv runtime module; it must stand alone');
  return `// Generated by scripts/generate-validator.ts from src/schema/index.ts: do not edit.\n// Regenerate with \`npm run schema:write\`.\n${code}\n`;
}

if (process.argv[1] === import.meta.filename) writeFileSync(compiledValidatorPath, generateValidator());
