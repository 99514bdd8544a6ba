/**
 * The one rule for when two values tie: they are equal to 12 significant digits. A tie on paper can differ in the last
 * bits once computed (0.7 + (0.1 − 0.7)/2 = 0.39999999999999997 against 0.4, 115.5 against 115.49999999999999), and a
 * ranking should not split it. Used by the ranks of `ranks.csv`, the report and `uncertainty.csv`, by Spearman's ρ in
 * `compare`, and by the rank, percentile-rank and Borda normalisations.
 */

/** Significant digits two values must share to tie. */
export const TIE_DIGITS = 12;

/**
 * The value rounded to `TIE_DIGITS` significant digits (`NaN` and ±Infinity stay as they are): two values tie when
 * their keys are equal. Rounding never reverses an order, so values sorted by value are sorted by key, and tied values
 * are neighbours. Symmetric in sign (`tieKey(−x) = −tieKey(x)`).
 * @example tieKey(0.39999999999999997) === tieKey(0.4) // => true
 */
export function tieKey(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(TIE_DIGITS)) : value;
}

/**
 * Whether `higher` (≥ `value`) may round to the same `TIE_DIGITS` significant digits as `value`: two values with the
 * same rounding are at most one unit of the 12th digit apart, below 10^-11 of their size; twice that is a safe bound.
 * A cheap test before `tieKey`, which formats a string.
 */
export const mayTie = (value: number, higher: number): boolean => higher - value <= 2e-11 * Math.max(Math.abs(value), Math.abs(higher));

/**
 * Whether two values tie (equal, or equal to `TIE_DIGITS` significant digits), in either order.
 * @example ties(0.39999999999999997, 0.4) // => true; ties(0.3999, 0.4) // => false
 */
export function ties(a: number, b: number): boolean {
  if (a === b) return true;
  // No array for the pair: Copeland calls this for every child of every pair of units.
  const low = a < b ? a : b;
  const high = a < b ? b : a;
  return mayTie(low, high) && tieKey(low) === tieKey(high);
}
