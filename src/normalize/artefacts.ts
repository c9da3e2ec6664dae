import { CharClass } from '../char-class.ts';

/**
 * Lines that PDF extraction adds to a document and that are not part of its text.
 * Patterns run on a trimmed line after character mapping (ASCII digits, Chinese punctuation).
 */

/** A page-number line between dashes: `—01—`, `- 12 -`, `－３－`. Leaves bare numbers alone: they may be list numbers. */
export const dashedPageNumberRe = /^[-—–－~_]{1,3} {0,3}\d{1,4} {0,3}[-—–－~_]{1,3}$/;

/** A page-number line in words: `第3页`, `第 3 页 共 20 页`. */
export const pageOfRe = /^第 {0,3}\d{1,4} {0,3}页(?: {0,3}[,，/]? {0,3}共 {0,3}\d{1,4} {0,3}页)?$/;

/** A page-number line as a fraction: `3/20`, `3 / 20`. */
export const pageFractionRe = /^\d{1,4} {0,3}\/ {0,3}\d{1,4}$/;

export function isPageNumberLine(line: string): boolean {
  return line.length > 0 && line.length <= 24 && (dashedPageNumberRe.test(line) || pageOfRe.test(line) || pageFractionRe.test(line));
}

/**
 * A table-of-contents line: a heading, dot leaders, a page number (`一、优化政务服务……………3`), or the
 * `目录` heading. Its headings would repeat the body's. The lookbehind lets a match start only at the
 * first leader of a run: without it, a long run of dots with no page number is quadratic.
 */
export const tableOfContentsRe = /(?<![.…·．。])[.…·．。]{3,} {0,3}\d{1,4}$|^目 {0,3}录$/;

/**
 * The last characters of every page-number and table-of-contents line above: a digit, a dash,
 * `页` or `录`. A line ending otherwise is neither, and normalisation skips their patterns.
 */
export const pageOrContentsLineEndings = new CharClass('0123456789', '-—–－~_', '页录');

/** Punctuation that a running header never contains but body text, headings (`配套措施———X`) and clauses do. */
const bodyPunctuationRe = /[，。：；（）、！？,:;—]/;

/**
 * A candidate running header: a short line with no sentence punctuation, e.g. the document
 * title repeated at the top of each page (`山东省深化营商环境创新提升行动`).
 */
export function mayBeRunningHeader(line: string): boolean {
  return line.length >= 4 && line.length <= 40 && !bodyPunctuationRe.test(line) && !/^\d/.test(line);
}
