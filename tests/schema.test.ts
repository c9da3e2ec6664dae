import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { createNdjsonEmitter, toNdjsonRecords } from '../src/emit/ndjson.ts';
import { extract } from '../src/pipeline.ts';
import { OutputSchema, schemaVersion } from '../src/schema/index.ts';
import { buildJsonSchema } from '../src/schema/json-schema.ts';
import { loadFixtures, root, seedText } from './helpers.ts';

const committed = (name: string) => JSON.parse(readFileSync(join(root, 'schema', name), 'utf8')) as Record<string, unknown>;
const regenerate = 'regenerate it with `npm run schema:write` and review the diff';

describe('the published JSON Schema', () => {
  test('equals the schema generated from zod', () => {
    expect(buildJsonSchema('json'), `schema/policy-extract.schema.json is stale: ${regenerate}`).toEqual(committed('policy-extract.schema.json'));
    expect(buildJsonSchema('ndjson'), `schema/policy-extract.ndjson.schema.json is stale: ${regenerate}`).toEqual(
      committed('policy-extract.ndjson.schema.json'),
    );
  });

  test('changes shape only with a new schemaVersion', () => {
    const strip = ({ $id: _id, title: _title, 'x-schema-version': _version, ...rest }: Record<string, unknown>) => rest;
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([strip(buildJsonSchema('json')), strip(buildJsonSchema('ndjson'))]))
      .digest('hex');
    const fingerprints = committed('fingerprints.json');
    expect(fingerprints[schemaVersion], `no fingerprint recorded for schemaVersion ${schemaVersion}: ${regenerate}`).toBeDefined();
    expect(
      fingerprints[schemaVersion],
      `the output shape changed but schemaVersion is still ${schemaVersion}: bump it in src/schema/index.ts (minor for a new optional field, major for a removed, renamed or re-meant one), then ${regenerate}`,
    ).toBe(fingerprint);
  });

  test('every field has a description', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const object = node as Record<string, unknown>;
      if (object.properties) {
        for (const [key, child] of Object.entries(object.properties as Record<string, Record<string, unknown>>)) {
          if (typeof child.description !== 'string') missing.push(`${path}.${key}`);
          walk(child, `${path}.${key}`);
        }
      }
      if (object.items) walk(object.items, `${path}[]`);
      for (const option of (object.anyOf as unknown[] | undefined) ?? []) walk(option, path);
    };
    walk(buildJsonSchema('json'), '$');
    walk(buildJsonSchema('ndjson'), '$');
    expect(missing).toEqual([]);
  });

  test('validates the seed and every fixture output with a real JSON Schema validator (ajv, not zod)', () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    const validateOutput = ajv.compile(committed('policy-extract.schema.json'));
    const validateRecord = ajv.compile(committed('policy-extract.ndjson.schema.json'));
    const docs = [extract(seedText, { path: 'seed.txt' }), ...loadFixtures().map((f) => extract(f.input, { ...f.options, path: f.name }))];
    const output = { schemaVersion, documents: docs };
    expect(validateOutput(output), JSON.stringify(validateOutput.errors)).toBe(true);
    expect(OutputSchema.safeParse(output).success).toBe(true);
    const emitter = createNdjsonEmitter();
    for (const doc of docs) {
      for (const line of [...emitter.render(doc)].join('').trimEnd().split('\n').filter(Boolean)) {
        expect(validateRecord(JSON.parse(line)), JSON.stringify(validateRecord.errors)).toBe(true);
      }
    }
  });

  test('NDJSON lines are the records serialised one by one, byte for byte', () => {
    const docs = [extract(seedText, { path: 'seed.txt' }), ...loadFixtures().map((f) => extract(f.input, { ...f.options, path: f.name }))];
    for (const doc of docs) {
      expect([...createNdjsonEmitter().render(doc)].join('')).toBe(
        toNdjsonRecords(doc)
          .map((record) => `${JSON.stringify(record)}\n`)
          .join(''),
      );
    }
  });

  test('the schema rejects an output that breaks the contract', () => {
    const ajv = new Ajv2020.default({ strict: false });
    const validate = ajv.compile(committed('policy-extract.schema.json'));
    expect(validate({ schemaVersion: '1.0.0', documents: [{ source: { path: null, encoding: 'utf-8' } }] })).toBe(false);
  });
});
