/**
 * What makes bytes and text a document worth extracting, shared by the CLI and `extractFile`
 * so that both refuse the same inputs with the same words. Pure.
 */

/** Larger inputs are refused rather than exhaust memory: no policy document is this big. */
export const maxInputBytes = 256 * 1024 * 1024;
export const tooLargeReason = `larger than ${maxInputBytes / 1024 / 1024} MB`;
export const emptyPathReason = 'an empty path names no file';

/**
 * Text that shows nothing: whitespace (`\s` covers NBSP, U+3000 and the BOM) and the
 * zero-width characters editors leave behind (ZWSP, ZWNJ, ZWJ, word joiner, Mongolian vowel
 * separator). Leaves out visible spaces of other scripts' punctuation.
 */
const invisibleOnlyRe = /^[\s\u180e\u200b-\u200d\u2060]*$/;

/** Why `text` is not a document (`empty file`, `the file has only whitespace`), or null when it is one. */
export function emptinessOf(text: string): string | null {
  if (text.length === 0) return 'empty file';
  if (invisibleOnlyRe.test(text)) return 'the file has only whitespace';
  return null;
}

/** A path for messages: the empty path as `''`, so that the reader sees there was one. */
export const shownPath = (path: string): string => (path === '' ? "''" : path);
