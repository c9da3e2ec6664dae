/**
 * Version of the output contract (semver), in a module of its own so that the emitters and the
 * generated validator can name it without loading zod.
 *
 * Adding an optional field is a minor bump; removing or renaming a field, or changing what one
 * means, is a major bump. `tests/schema.test.ts` ties the committed JSON Schema to this version.
 */
export const schemaVersion = '1.3.0';

/** The major version an output must carry to be read as this contract: `1.4.0` is, `2.0.0` is not. */
export const schemaMajor = Number(schemaVersion.split('.')[0]);

/** The shapes of a row in `--rows` (CSV, NDJSON) and the workbook's sheets: here, so the CLI names them without loading zod. */
export const rowKinds = ['measure', 'unit', 'deadline'] as const;
export type RowKind = (typeof rowKinds)[number];
