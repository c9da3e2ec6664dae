/**
 * Kept for the command line's `check`, which imports `diffDocuments` from here: the diff
 * modules live in src/diff/.
 */
export { diffDocuments } from './diff/documents.ts';
