/**
 * Quantiles of sorted values.
 */

/**
 * The p-quantile of sorted values by linear interpolation between order statistics (R's default, type 7):
 * `h = (n − 1)·p`, `x[floor(h)] + (h − floor(h))·(x[floor(h) + 1] − x[floor(h)])`. `NaN` for no values.
 * @example quantileSorted([1, 2, 3, 4], 0.5) // => 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const below = Math.floor(h);
  const above = Math.min(n - 1, below + 1);
  return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
}

/**
 * `quantileSorted` of `values` without sorting them: the two order statistics the quantile needs are found by
 * selection (Hoare's quickselect, median-of-three pivots), expected linear time instead of a sort's n·log n. `values`
 * must hold no `NaN`; they are reordered in place. The result is the same number as `quantileSorted` of the sorted
 * values, as it is made of the same two order statistics by the same formula.
 * @example quantileSelect(Float64Array.from([4, 1, 3, 2]), 0.5) // => 2.5
 */
export function quantileSelect(values: Float64Array, p: number): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const below = Math.floor(h);
  const low = selectInPlace(values, below);
  if (below + 1 >= n) return low;
  // Everything after position `below` is >= it: the next order statistic is the smallest of them.
  let high = values[below + 1];
  for (let i = below + 2; i < n; i++) if (values[i] < high) high = values[i];
  return low + (h - below) * (high - low);
}

/** Reorders `values` so that `values[k]` is its k-th smallest (0-based), smaller ones before it, larger after; returns it. */
function selectInPlace(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    // Median of three as the pivot, then Hoare's partition around it.
    const middle = (left + right) >>> 1;
    const a = values[left];
    const b = values[middle];
    const c = values[right];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k];
}
