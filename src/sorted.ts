/**
 * The index of the last element of `sorted` (ascending, non-empty) that is at most `value`, or 0
 * when none is. The search starts at `hint`, the previous answer: the pipeline looks up offsets
 * that are close to each other (the fields of one measure), so it gallops outward from the hint
 * and finishes with a binary search over the last stride, a few steps instead of a search over
 * the whole document's lines.
 */
export function lastAtOrBefore(sorted: readonly number[], value: number, hint: number): number {
  const count = sorted.length;
  let low: number;
  let high: number;
  if ((sorted[hint] as number) <= value) {
    // Gallop right: [low, high] brackets the answer.
    low = hint;
    let step = 1;
    high = hint + step;
    while (high < count && (sorted[high] as number) <= value) {
      low = high;
      step *= 2;
      high = low + step;
    }
    high = Math.min(high - 1, count - 1);
  } else {
    // Gallop left.
    high = hint - 1;
    let step = 1;
    low = hint - step;
    while (low > 0 && (sorted[low] as number) > value) {
      high = low - 1;
      step *= 2;
      low = hint - step;
    }
    low = Math.max(low, 0);
  }
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((sorted[mid] as number) <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The index of the first item of `sorted` whose key is at least `value` (`sorted.length` when none
 * is): `sorted` is in ascending order of `key`, as marks are in text order.
 */
export function firstAtOrAfter<T>(sorted: readonly T[], key: (item: T) => number, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(sorted[mid] as T) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
