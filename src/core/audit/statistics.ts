/**
 * Descriptive statistics of an indicator over a set of observations (COINr's `get_stats`): count, mean, sample
 * standard deviation, extremes, skewness and kurtosis of the e1071 type 2 (Excel `SKEW` and `KURT`, the estimators
 * COINr's `skew()` and `kurt()` and the outlier treatment use), the share of the most frequent value, and the number
 * of points the outlier treatment would winsorise.
 * Reference: OECD/JRC Handbook (2008), step 4; COINr `get_stats()` and `check_SkewKurt()` (Becker et al. 2022).
 */
import { kurtosis, skewness, winsorise } from "../outliers.js";

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

/**
 * Describes the observed values of `values` (`NaN` is left out).
 * @example describeValues([1, 2, 3, 10]) // => { n: 4, mean: 4, sd: 4.0825, skewness: 1.7636, kurtosis: 3.2126, sameShare: 0.25, ... }
 */
export function describeValues(values: ArrayLike<number>): Description {
  let n = 0;
  for (let k = 0; k < values.length; k++) if (!Number.isNaN(values[k])) n++;
  if (n === 0) return { n, mean: Number.NaN, sd: Number.NaN, min: Number.NaN, max: Number.NaN, skewness: Number.NaN, kurtosis: Number.NaN, sameShare: Number.NaN };
  const sorted = new Float64Array(n);
  for (let k = 0, j = 0; k < values.length; k++) if (!Number.isNaN(values[k])) sorted[j++] = values[k];
  sorted.sort();
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
  // The outlier treatment's estimators, on the sorted values (they read only length, indices and iteration).
  const observed = sorted as unknown as number[];
  return {
    n,
    mean,
    sd: n >= 2 ? Math.sqrt(squares / (n - 1)) : Number.NaN,
    min: sorted[0],
    max: sorted[n - 1],
    skewness: skewness(observed),
    kurtosis: kurtosis(observed),
    sameShare: longest / n,
  };
}

/**
 * The points the outlier treatment would winsorise in these values (`winsorise` of `outliers.ts` on a copy, at most
 * `maxPoints` points, tied extremes together): 0 when the rule (|skewness| > 2 and kurtosis > 3.5) already holds.
 * `passes` says whether the rule holds after them.
 * @example countOutliers([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 5) // => { points: 1, passes: true }
 */
export function countOutliers(values: ArrayLike<number>, maxPoints: number): { points: number; passes: boolean } {
  return winsorise(Float64Array.from(values), maxPoints);
}
