/**
 * Normalisation: raw text → canonical characters and lines (lines.ts) → paragraphs, joined once
 * where hard-wrapped lines wrapped (paragraphs.ts). Every offset stays mapped to the raw text.
 */
export { normalize, startsWithClauseLabel } from './lines.ts';
export { type Paragraphs, toParagraphs } from './paragraphs.ts';
