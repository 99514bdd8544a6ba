/**
 * Scores relative to the best unit of the year: the fraction of the best value, and the distance to the best value
 * measured in units of the year's range.
 */
import type { NormalizeContext } from "./methods.js";
import { rangeFactor } from "./min-max.js";

/** Min and max of the observed values of one year (units `unit * yearCount + year`). */
function yearExtremes(values: ArrayLike<number>, context: NormalizeContext, year: number): { minValue: number; maxValue: number } {
  let minValue = Infinity;
  let maxValue = -Infinity;
  for (let unit = 0; unit < context.unitCount; unit++) {
    const value = values[unit * context.yearCount + year];
    if (value < minValue) minValue = value;
    if (value > maxValue) maxValue = value;
  }
  return { minValue, maxValue };
}

/**
 * Fraction of the maximum, within each year across units: `100·x / max` for a positive indicator (COINr `n_fracmax`
 * on the 0-100 scale; a value of 0 scores 0) and `100·min / x` for a negative one (the best value is the smallest, and
 * the score is the fraction of it the unit achieves; COINr, which negates x first, would give `x / min` here, above 1).
 * The best unit scores 100. Defined for values >= 0 with a positive maximum (positive indicator), and for positive
 * values (negative indicator): any other value gives `NaN` (reported first by `checkNewNormalizations`).
 * @example normalizeFractionOfMax([5, 20, 10], { unitCount: 3, yearCount: 1, baseYear: 0, direction: "positive" }, out) // out => [25, 100, 50]
 * Reference: COINr `n_fracmax` (Becker et al. 2022); OECD/JRC Handbook (2008), section 5, "distance to a reference" (the leader).
 */
export function normalizeFractionOfMax(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  const positive = context.direction === "positive";
  for (let year = 0; year < context.yearCount; year++) {
    const { minValue, maxValue } = yearExtremes(values, context, year);
    for (let unit = 0; unit < context.unitCount; unit++) {
      const cell = unit * context.yearCount + year;
      const value = values[cell];
      if (positive) out[cell] = !(value >= 0) || !(maxValue > 0) ? Number.NaN : value === maxValue ? 100 : (100 * value) / maxValue;
      else out[cell] = !(value > 0) || !(minValue > 0) ? Number.NaN : value === minValue ? 100 : (100 * minValue) / value;
    }
  }
  return out;
}

/**
 * Distance to the best unit, within each year across units: `100·(1 − (best − x)/(max − min))`, where best is the
 * year's maximum for a positive indicator and its minimum for a negative one (the distance then is `x − min`). The best
 * unit scores 100 and the worst 0; numerically the same as `min-max-year`, written as a distance to the frontier (COINr
 * `n_dist2max`, `1 − (max − x)/(max − min)`, on the 0-100 scale). A year where every unit has the same value gives `NaN`
 * (reported first by `checkNormalization`).
 * @example normalizeDistanceToMax([5, 20, 10], { unitCount: 3, yearCount: 1, baseYear: 0, direction: "positive" }, out) // out => [0, 100, 33.33…]
 * Reference: COINr `n_dist2max`; OECD/JRC Handbook (2008), section 5.
 */
export function normalizeDistanceToMax(values: ArrayLike<number>, context: NormalizeContext, out: Float64Array): Float64Array {
  const positive = context.direction === "positive";
  for (let year = 0; year < context.yearCount; year++) {
    const { minValue, maxValue } = yearExtremes(values, context, year);
    // Halved when the range is beyond a number (see rangeFactor): the same shares.
    const half = rangeFactor(minValue, maxValue);
    const range = maxValue * half - minValue * half;
    for (let unit = 0; unit < context.unitCount; unit++) {
      const cell = unit * context.yearCount + year;
      const value = values[cell];
      const distance = positive ? maxValue * half - value * half : value * half - minValue * half;
      out[cell] = Number.isNaN(value) || !(range > 0) ? Number.NaN : 100 * (1 - distance / range);
    }
  }
  return out;
}
