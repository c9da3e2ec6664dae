/**
 * How alike two measures read: the Sørensen–Dice coefficient of their character bigram sets,
 * on text without whitespace and punctuation (a re-wrapped line or a changed comma is not a
 * new measure). Bigrams suit Chinese, where words are not spaced and a unit name is a run of
 * characters. Sets are sorted arrays, so one comparison is linear in the two lengths.
 */

/** Whitespace and punctuation of any script: `，。、；：（）“”《》` and ASCII alike. */
const ignoredRe = /[\s\p{P}]+/gu;

export function normalizeForComparison(text: string): string {
  return text.replace(ignoredRe, '');
}

/** The sorted, distinct bigrams of `text` as numbers (two UTF-16 units each); one for a single character. */
export function bigrams(text: string): Uint32Array {
  if (text.length === 1) return Uint32Array.of(text.charCodeAt(0) * 0x10000);
  const grams = new Uint32Array(Math.max(text.length - 1, 0));
  for (let i = 0; i + 1 < text.length; i++) grams[i] = text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1);
  grams.sort();
  let distinct = 0;
  for (let i = 0; i < grams.length; i++) if (i === 0 || grams[i] !== grams[distinct - 1]) grams[distinct++] = grams[i] as number;
  return grams.slice(0, distinct);
}

/** 2·|A∩B| / (|A|+|B|) of two sorted sets: 1 for equal sets, 0 when they share nothing; 1 for two empty ones. */
export function dice(a: Uint32Array, b: Uint32Array): number {
  if (a.length + b.length === 0) return 1;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}
