/**
 * Descriptive statistics of an indicator over a set of observations (COINr's `get_stats`): count, mean, sample
 * standard deviation, extremes, skewness and kurtosis of the e1071 type 2 (Excel `SKEW` and `KURT`, the estimators
 * COINr's `skew()` and `kurt()` and the outlier treatment use), the share of the most frequent value, and the number
 * of points the outlier treatment would winsorise.
 * Reference: OECD/JRC Handbook (2008), step 4; COINr `get_stats()` and `check_SkewKurt()` (Becker et al. 2022).
 */
import { KURTOSIS_THRESHOLD, SKEWNESS_THRESHOLD } from "../outliers.js";
import { sortObservedInto } from "../radix.js";

/** The statistics of the observed (non-`NaN`) values; `NaN` where undefined. */
export interface Description {
  /** Observed values. */
  n: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1); `NaN` below 2 values. */
  sd: number;
  min: number;
  max: number;
  /** e1071 type 2 (Excel `SKEW`); `NaN` below 3 values or without spread. */
  skewness: number;
  /** Excess kurtosis, e1071 type 2 (Excel `KURT`); `NaN` below 4 values or without spread. */
  kurtosis: number;
  /** Share of the observed values equal to the most frequent one (COINr's `Frc.Same`); 1 for a constant. */
  sameShare: number;
}

/** The sorted values of `describeValues`, reused from one call to the next (the calls run one at a time). */
let sortedBuffer = new Float64Array(0);
/** The values `countOutliers` winsorises, reused likewise. */
let outlierBuffer = new Float64Array(0);

/**
 * Describes the observed values of `values` (`NaN` is left out).
 * @example describeValues([1, 2, 3, 10]) // => { n: 4, mean: 4, sd: 4.0825, skewness: 1.7636, kurtosis: 3.228, sameShare: 0.25, ... }
 */
export function describeValues(values: ArrayLike<number>): Description {
  let n = 0;
  for (let k = 0; k < values.length; k++) if (!Number.isNaN(values[k])) n++;
  if (n === 0) return { n, mean: Number.NaN, sd: Number.NaN, min: Number.NaN, max: Number.NaN, skewness: Number.NaN, kurtosis: Number.NaN, sameShare: Number.NaN };
  // Sorted by a radix sort (the array `sort()` gives, in linear time) into a reused buffer: the extremes, the runs
  // of equal values.
  if (sortedBuffer.length < n) sortedBuffer = new Float64Array(Math.max(n, Math.ceil(sortedBuffer.length * 1.5)));
  sortObservedInto(values, sortedBuffer);
  const sorted = sortedBuffer.subarray(0, n);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += sorted[k];
  const mean = sum / n;
  let squares = 0;
  for (let k = 0; k < n; k++) squares += (sorted[k] - mean) ** 2;
  let longest = 1;
  for (let k = 1, run = 1; k < n; k++) {
    run = sorted[k] === sorted[k - 1] ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  const shape = shapeOf(sorted);
  return {
    n,
    mean,
    sd: n >= 2 ? Math.sqrt(squares / (n - 1)) : Number.NaN,
    min: sorted[0],
    max: sorted[n - 1],
    skewness: shape.skewness,
    kurtosis: shape.kurtosis,
    sameShare: longest / n,
  };
}

/**
 * The points the outlier treatment would winsorise in these values (`winsorise` of `outliers.ts` on a copy, at most
 * `maxPoints` points, tied extremes together): 0 when the rule (|skewness| > 2 and kurtosis > 3.5) already holds.
 * `passes` says whether the rule holds after them.
 *
 * The same loop as `winsorise`, step for step and with the same arithmetic (its `skewness` and `kurtosis` over the
 * observed values in the same order), on one copy of the observed values instead of a new array per pass: the audit
 * counts every indicator of every period, and a pooled period holds every unit-year.
 * @example countOutliers([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 5) // => { points: 1, passes: true }
 */
export function countOutliers(values: ArrayLike<number>, maxPoints: number): { points: number; passes: boolean } {
  let n = 0;
  for (let k = 0; k < values.length; k++) if (!Number.isNaN(values[k])) n++;
  if (outlierBuffer.length < n) outlierBuffer = new Float64Array(Math.max(n, Math.ceil(outlierBuffer.length * 1.5)));
  const observed = outlierBuffer.subarray(0, n);
  for (let k = 0, j = 0; k < values.length; k++) if (!Number.isNaN(values[k])) observed[j++] = values[k];
  let shape = shapeOf(observed);
  const fails = () => Math.abs(shape.skewness) > SKEWNESS_THRESHOLD && shape.kurtosis > KURTOSIS_THRESHOLD;
  let passes = !fails();
  let high = 0;
  let low = 0;
  while (!passes && high + low < maxPoints) {
    const upper = shape.skewness >= 0;
    let extreme = upper ? -Infinity : Infinity;
    for (let k = 0; k < n; k++) extreme = upper ? Math.max(extreme, observed[k]) : Math.min(extreme, observed[k]);
    let replacement = upper ? -Infinity : Infinity;
    let inside = 0;
    let tied = 0;
    for (let k = 0; k < n; k++) {
      const value = observed[k];
      if (value !== extreme) {
        inside++;
        replacement = upper ? Math.max(replacement, value) : Math.min(replacement, value);
      } else tied++;
    }
    if (inside === 0) break;
    // Points winsorised before sit at the extreme now, so they are counted again with it (as in COINr).
    for (let k = 0; k < n; k++) if (observed[k] === extreme) observed[k] = replacement;
    if (upper) high = tied;
    else low = tied;
    shape = shapeOf(observed);
    passes = !fails();
  }
  return { points: high + low, passes };
}

/**
 * `skewness` and `kurtosis` of `outliers.ts` (Excel `SKEW` and `KURT`) of the values in one walk for the mean and one
 * for the deviations, with their arithmetic term for term (the same sums in the same order, hence the same doubles), on
 * a typed array: the audit computes them for every indicator of every period.
 */
function shapeOf(values: Float64Array): { skewness: number; kurtosis: number } {
  const n = values.length;
  if (n < 3) return { skewness: Number.NaN, kurtosis: Number.NaN };
  let sum = 0;
  for (let k = 0; k < n; k++) sum += values[k];
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m2Kurtosis = 0;
  let m4 = 0;
  for (let k = 0; k < n; k++) {
    const d = values[k] - mean;
    m2 += d * d;
    m3 += d * d * d;
    const d2 = d ** 2;
    m2Kurtosis += d2;
    m4 += d2 * d2;
  }
  const skewness = m2 > 0 ? ((Math.sqrt(n) * m3) / Math.pow(m2, 1.5)) * (Math.sqrt(n * (n - 1)) / (n - 2)) : Number.NaN;
  if (n < 4 || !(m2Kurtosis > 0)) return { skewness, kurtosis: Number.NaN };
  const r = (n * m4) / (m2Kurtosis * m2Kurtosis);
  return { skewness, kurtosis: (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3)) };
}
