/**
 * Standardisation (z-scores), over the whole panel or within each year, on the 100 ± 10 scale.
 */
import { DEFAULT_Z_SCALE, type NormalizeContext } from "./methods.js";
import { forEachCellSet, type Scope } from "./cells.js";

/**
 * The power of two that brings `largest` (the largest absolute value of a set) near 1 when the squares of the set's
 * deviations could overflow (1e200² is beyond a number, so the sd would be Infinity and every z-score 0) or underflow
 * (1e-200² is 0, so the sd would be 0); 1 otherwise, for every set of ordinary values. Multiplying by a power of two is
 * exact, so mean and sd are those of the scaled values as if computed without limits, and the z-scores, which do not
 * depend on the scale, are those of the values.
 * @example squaresScale(1e200) // => 2 ** -664 (1e200 · 2^-664 ≈ 0.85)
 * @example squaresScale(12.5) // => 1
 */
export function squaresScale(largest: number): number {
  if (!(largest > 0) || (largest < 2 ** 300 && largest > 2 ** -300)) return 1;
  // At most 2^1000 up, so that the scale itself is a number (a subnormal largest, 1e-320, scales to about 1e-19).
  return 2 ** Math.min(1000, -Math.floor(Math.log2(largest)));
}

/**
 * Mean and sample standard deviation (divisor n − 1, like R's `sd` and COINr) of a list; sd is `NaN` for n < 2.
 * Computed on the list scaled by `squaresScale`, so that values as large as 1e200 or as small as 1e-200 do not
 * overflow or underflow on the way (an sd beyond ±1.8e308 itself is Infinity).
 */
export function meanAndSampleSd(list: readonly number[]): { mean: number; sd: number } {
  const n = list.length;
  let sum = 0;
  let largest = 0;
  for (const value of list) {
    sum += value;
    if (Math.abs(value) > largest) largest = Math.abs(value);
  }
  const scale = squaresScale(largest);
  if (scale !== 1) {
    sum = 0;
    for (const value of list) sum += value * scale;
  }
  // The mean in two parts, as `zScore` takes it: see there.
  const mean = sum / n;
  let residual = 0;
  for (const value of list) residual += value * scale - mean;
  const lower = residual / n;
  let squares = 0;
  for (const value of list) squares += (value * scale - mean - lower) * (value * scale - mean - lower);
  return { mean: (mean + lower) / scale, sd: n >= 2 ? Math.sqrt(squares / (n - 1)) / scale : Number.NaN };
}

function zScore(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array, scope: Scope): Float64Array {
  const sign = context.direction === "positive" ? 1 : -1;
  const scale = context.zScale ?? DEFAULT_Z_SCALE;
  forEachCellSet(context, scope, (start, step, count) => {
    const end = start + step * count;
    // The same sums in the same order as meanAndSampleSd over the observed values, without listing them, on the
    // values scaled by `squaresScale` (1 for ordinary values): z does not depend on the scale.
    let n = 0;
    let sum = 0;
    let largest = 0;
    for (let cell = start; cell < end; cell += step) {
      const value = values[cell];
      if (Number.isNaN(value)) continue;
      n++;
      sum += value;
      if (Math.abs(value) > largest) largest = Math.abs(value);
    }
    const factor = squaresScale(largest);
    if (factor !== 1) {
      sum = 0;
      for (let cell = start; cell < end; cell += step) if (!Number.isNaN(values[cell])) sum += values[cell] * factor;
    }
    // The mean in two parts, `mean + lower`, as R's `mean` refines it: values far from 0 (1e12 + 10 … 1e12 + 50) lose
    // about 1e-3 to rounding in the sum, and a double near 1e12 cannot even hold the mean closer than 6e-5, which is
    // 1e-4 points of a z-score. A value minus `mean` is exact there (the two within a factor of 2), so the deviations'
    // mean is what was lost, and `value − mean − lower` the deviation to about 1e-16 of the sd.
    const mean = sum / n;
    let residual = 0;
    for (let cell = start; cell < end; cell += step) if (!Number.isNaN(values[cell])) residual += values[cell] * factor - mean;
    const lower = residual / n;
    let squares = 0;
    for (let cell = start; cell < end; cell += step) {
      const value = values[cell] * factor;
      if (!Number.isNaN(value)) squares += (value - mean - lower) * (value - mean - lower);
    }
    const sd = n >= 2 ? Math.sqrt(squares / (n - 1)) : Number.NaN;
    for (let cell = start; cell < end; cell += step) {
      const value = values[cell] * factor;
      out[cell] = Number.isNaN(value) || !(sd > 0) ? Number.NaN : scale.mean + (scale.sd * sign * (value - mean - lower)) / sd;
    }
  });
  return out;
}

/**
 * Z-score over the whole panel (every unit and year): `z = (x − mean)/sd` with the sample sd (n − 1, as COINr's
 * `n_zscore` and R's `sd`), negated for a negative indicator, reported on the Mazziotta–Pareto scale `100 + 10·z`
 * (so the panel mean scores 100, one sd above it 110; COINr `n_zscore(x, m_sd = c(100, 10))`), or on
 * `mean + sd·z` with `context.zScale` (`--z-scale 0,1` is COINr's default). `NaN` cells are left
 * out of mean and sd and stay `NaN`; sd = 0 (a constant indicator) gives `NaN` (reported as an error).
 * @example normalizeZScore([1, 2, 3], { unitCount: 1, yearCount: 3, baseYear: 0, direction: "positive" }, out) // out => [90, 100, 110]
 * Reference: OECD/JRC Handbook (2008), section 5; Mazziotta & Pareto (2016); COINr `n_zscore`.
 */
export function normalizeZScore(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  return zScore(values, context, out, "panel");
}

/** Z-score within each year (mean and sample sd across the units of that year), on the `100 + 10·z` scale. */
export function normalizeZScoreYear(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  return zScore(values, context, out, "year");
}
