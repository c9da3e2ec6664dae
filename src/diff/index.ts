export { alignMeasures } from './align.ts';
export { diffDocuments } from './documents.ts';
export { type DiffPalette, formatDiffReport, plainDiffPalette } from './format.ts';
export { diffExitCode, diffVersions } from './versions.ts';
