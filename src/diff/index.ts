export { type Alignment, type AlignOptions, alignMeasures } from './align.ts';
export { diffDocuments } from './documents.ts';
export { type DiffPalette, formatDiffReport, plainDiffPalette } from './format.ts';
export { compareMeasures, diffExitCode, diffVersions } from './versions.ts';
