import { readFileSync } from 'node:fs';

/** Set by the build (scripts/build.mjs); absent when running the sources through tsx. */
declare const POLICY_EXTRACT_VERSION: string | undefined;

/** The tool's version (of the package, not of the output schema). */
export const version: string =
  typeof POLICY_EXTRACT_VERSION === 'string'
    ? POLICY_EXTRACT_VERSION
    : (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
