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
