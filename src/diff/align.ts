import type { Measure } from '../schema/index.ts';
import { bigrams, dice, normalizeForComparison } from './similarity.ts';

/**
 * Which measure of one version is which of the other, by content, never by number or place:
 * an inserted measure and the renumbering after it leave every other measure paired with
 * itself, within a domain or across domains.
 *
 * 1. Measures with the same text (whitespace and punctuation aside) pair first, in order,
 *    a same-id partner preferred: on most revisions this pairs nearly everything in linear time.
 * 2. The rest pair greedily by score, best first, above `threshold`. Candidates come from an
 *    index of bigrams to measures that skips bigrams too common to tell measures apart
 *    (`推进`, `单位`), so a measure is scored against a handful of others, not all of them.
 */

export interface AlignOptions {
  /** Least score for two measures to be one measure changed rather than one removed and one added (default 0.5). */
  readonly threshold?: number;
}

export interface Alignment {
  /** Index in `before`, index in `after`, score (1 for the same text). In the order of `after`. */
  readonly pairs: readonly (readonly [number, number, number])[];
  /** Indices in `after` paired with nothing. */
  readonly added: readonly number[];
  /** Indices in `before` paired with nothing. */
  readonly removed: readonly number[];
  /** How many pairs were scored: bounded by the candidate index, not by the product of the counts. */
  readonly comparisons: number;
}

/** Weight of the title in the score; the text carries the rest (the title is usually its first sentence). */
const titleWeight = 0.3;
/** Candidates scored for a measure, besides its same-id and same-place measures. */
const candidatesPerMeasure = 8;
/** Bigrams in more measures than this say nothing about which one a measure is. */
const commonPostings = 64;

interface Profile {
  readonly text: string;
  readonly textGrams: Uint32Array;
  readonly titleGrams: Uint32Array;
}

function profile(measure: Measure): Profile {
  const text = normalizeForComparison(measure.text);
  return { text, textGrams: bigrams(text), titleGrams: bigrams(normalizeForComparison(measure.title)) };
}

/** Title and text similarity of two measures, 0 to 1. */
function similarity(a: Profile, b: Profile): number {
  return (1 - titleWeight) * dice(a.textGrams, b.textGrams) + titleWeight * dice(a.titleGrams, b.titleGrams);
}

export function alignMeasures(before: readonly Measure[], after: readonly Measure[], options: AlignOptions = {}): Alignment {
  const threshold = options.threshold ?? 0.5;
  const old = before.map(profile);
  const next = after.map(profile);
  const partnerOfNew = new Int32Array(after.length).fill(-1);
  const partnerOfOld = new Int32Array(before.length).fill(-1);
  const scoreOfNew = new Float64Array(after.length);
  const pair = (i: number, j: number, score: number): void => {
    partnerOfOld[i] = j;
    partnerOfNew[j] = i;
    scoreOfNew[j] = score;
  };

  // 1. The same text.
  const byText = new Map<string, number[]>();
  old.forEach((measure, i) => {
    const list = byText.get(measure.text);
    if (list) list.push(i);
    else byText.set(measure.text, [i]);
  });
  after.forEach((measure, j) => {
    const list = byText.get((next[j] as Profile).text);
    if (!list || list.length === 0) return;
    const sameId = list.findIndex((i) => (before[i] as Measure).id === measure.id);
    const [i] = list.splice(Math.max(sameId, 0), 1);
    pair(i as number, j, 1);
  });

  // 2. The best of a few candidates each, greedily.
  const freeOld = old.flatMap((_, i) => (partnerOfOld[i] === -1 ? [i] : []));
  const freeNew = next.flatMap((_, j) => (partnerOfNew[j] === -1 ? [j] : []));
  const postings = new Map<number, number[]>();
  for (const j of freeNew) {
    for (const gram of (next[j] as Profile).textGrams) {
      const list = postings.get(gram);
      if (!list) postings.set(gram, [j]);
      else if (list.length <= commonPostings) list.push(j);
    }
  }
  const newIdIndex = new Map(freeNew.map((j) => [(after[j] as Measure).id, j]));
  const shared = new Int32Array(after.length);
  const candidates: [number, number, number][] = [];
  let comparisons = 0;
  freeOld.forEach((i, rank) => {
    const touched: number[] = [];
    for (const gram of (old[i] as Profile).textGrams) {
      const list = postings.get(gram);
      if (!list || list.length > commonPostings) continue;
      for (const j of list) {
        if (shared[j] === 0) touched.push(j);
        shared[j] = (shared[j] as number) + 1;
      }
    }
    touched.sort((a, b) => (shared[b] as number) - (shared[a] as number) || a - b);
    const chosen = new Set(touched.slice(0, candidatesPerMeasure));
    for (const j of touched) shared[j] = 0;
    const sameId = newIdIndex.get((before[i] as Measure).id);
    if (sameId !== undefined) chosen.add(sameId);
    const samePlace = freeNew[Math.min(rank, freeNew.length - 1)];
    if (samePlace !== undefined) chosen.add(samePlace);
    for (const j of chosen) {
      comparisons++;
      const score = similarity(old[i] as Profile, next[j] as Profile);
      if (score >= threshold) candidates.push([i, j, score]);
    }
  });
  const sameId = (i: number, j: number): number => ((before[i] as Measure).id === (after[j] as Measure).id ? 0 : 1);
  candidates.sort((a, b) => b[2] - a[2] || sameId(a[0], a[1]) - sameId(b[0], b[1]) || Math.abs(a[0] - a[1]) - Math.abs(b[0] - b[1]) || a[1] - b[1]);
  for (const [i, j, score] of candidates) if (partnerOfOld[i] === -1 && partnerOfNew[j] === -1) pair(i, j, score);

  const pairs: [number, number, number][] = [];
  const added: number[] = [];
  partnerOfNew.forEach((i, j) => {
    if (i === -1) added.push(j);
    else pairs.push([i, j, scoreOfNew[j] as number]);
  });
  const removed = old.flatMap((_, i) => (partnerOfOld[i] === -1 ? [i] : []));
  return { pairs, added, removed, comparisons };
}
