// Regenerates the committed JSON Schemas (the output, an NDJSON record, the three row views)
// from the zod schema (through the built CLI) and records the schema's fingerprint for the current schemaVersion in schema/fingerprints.json.
// A changed fingerprint under an already-recorded version is refused: bump schemaVersion.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const cli = ['bin/policy-extract.js'];
execFileSync(process.execPath, [...cli, 'schema', '-o', 'schema/policy-extract.schema.json'], { stdio: 'inherit' });
execFileSync(process.execPath, [...cli, 'schema', '--ndjson', '-o', 'schema/policy-extract.ndjson.schema.json'], { stdio: 'inherit' });
// The row views (--rows): tests/rows.test.ts checks that these stay what zod generates.
for (const kind of ['measure', 'unit', 'deadline']) {
  execFileSync(process.execPath, [...cli, 'schema', '--rows', kind, '-o', `schema/policy-extract.${kind}-row.schema.json`], { stdio: 'inherit' });
}

const schema = JSON.parse(readFileSync('schema/policy-extract.schema.json', 'utf8'));
const record = JSON.parse(readFileSync('schema/policy-extract.ndjson.schema.json', 'utf8'));
const strip = ({ $id, title, 'x-schema-version': _version, ...rest }) => rest;
const fingerprint = createHash('sha256')
  .update(JSON.stringify([strip(schema), strip(record)]))
  .digest('hex');
const version = schema['x-schema-version'];
const fingerprints = JSON.parse(readFileSync('schema/fingerprints.json', 'utf8'));
if (fingerprints[version] && fingerprints[version] !== fingerprint) {
  console.error(
    `schema/: the output shape changed but schemaVersion is still ${version}. Bump schemaVersion in src/schema/index.ts (minor: a new optional field; major: a field removed, renamed or changed in meaning), rebuild, and run npm run schema:write again.`,
  );
  process.exit(1);
}
fingerprints[version] = fingerprint;
writeFileSync('schema/fingerprints.json', `${JSON.stringify(fingerprints, null, 2)}\n`);
console.log(`schema ${version}: ${fingerprint}`);
