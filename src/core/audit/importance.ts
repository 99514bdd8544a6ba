/**
 * Effective importance: how much each node actually drives its parent and the overall index, set beside its nominal
 * weight (Paruolo, Saisana & Saltelli 2013, "Ratings and rankings: voodoo or science?", JRSS A 176(3)). Two measures:
 *
 * - the squared Pearson correlation r² of the node with its parent (and with the index): the share of the variance
 *   of the parent a straight line in the node explains;
 * - the correlation ratio, the first-order sensitivity index S = V(E(y | x)) / V(y) of the parent y on the node x,
 *   which also catches a non-linear dependence. It is estimated here by binning: the pairwise-complete observations
 *   are ordered by x and cut into B = ⌊√n⌋ bins of consecutive observations (observation j, from 0, falls into bin
 *   ⌊j·B/n⌋, and a run of tied x values into the bin of its first observation, so no bin boundary splits a tie); S
 *   is the variance of the bin means of y, weighted by the bins' sizes, over the variance of y (both with divisor n). Binning overstates S by roughly (B − 1)/n when x explains nothing, so it
 *   needs `MIN_RATIO_OBSERVATIONS` observations at least. Paruolo et al. use a smoother; binning is the estimator of
 *   the scatterplot-partitioning literature (Saltelli et al. 2008, Global Sensitivity Analysis, section 5.2).
 *
 * Each measure is normalised within siblings (divided by the siblings' sum) to compare with the nominal weights,
 * which sum to 1 within siblings: a node whose share is far below its weight matters less than its weight says.
 */
import type { RankedSeries } from "./correlation.js";
import { auditMessages } from "./messages.js";

/** Observations the binned correlation ratio needs (about 4 bins of 5). */
export const MIN_RATIO_OBSERVATIONS = 20;

/** The correlation ratio and the observations it used; `NaN` with a note when undefined. */
export interface CorrelationRatio {
  n: number;
  ratio: number;
  note?: string;
}

/**
 * The correlation ratio S = V(E(y | x)) / V(y) by binning (see the module comment), over the positions where both
 * `x` (ranked once by `rankSeries`) and `y` have a value. `codes` name x and y in the notes.
 * @example correlationRatio(rankSeries(x), y) // => { n: 51, ratio: 0.62 }
 */
export function correlationRatio(x: RankedSeries, y: ArrayLike<number>, codes: readonly [string, string] = ["x", "y"]): CorrelationRatio {
  // Three walks along x's order over the complete pairs (no copy): count and sum, squares, bin sums.
  const { order } = x;
  let n = 0;
  let sum = 0;
  for (let k = 0; k < order.length; k++) {
    const value = y[order[k]];
    if (Number.isNaN(value)) continue;
    n++;
    sum += value;
  }
  if (n < MIN_RATIO_OBSERVATIONS) return { n, ratio: Number.NaN, note: auditMessages.tooFew("correlation ratio", n, MIN_RATIO_OBSERVATIONS) };
  const mean = sum / n;
  let total = 0;
  for (let k = 0; k < order.length; k++) {
    const value = y[order[k]];
    if (!Number.isNaN(value)) total += (value - mean) ** 2;
  }
  if (!(total > 0)) return { n, ratio: Number.NaN, note: auditMessages.constant(codes[1], n) };
  const bins = Math.floor(Math.sqrt(n));
  const binSums = new Float64Array(bins);
  const binCounts = new Float64Array(bins);
  // A run of tied x values stays in one bin, the bin of its first observation: the bins then never depend on the
  // order of the units within a tie, and a discrete x (a 0/1 indicator) gives its exact correlation ratio, the share
  // of the variance of y between its values' groups.
  let bin = 0;
  let previous = Number.NaN;
  for (let k = 0, j = 0; k < order.length; k++) {
    const value = y[order[k]];
    if (Number.isNaN(value)) continue;
    const xValue = x.values[order[k]];
    if (xValue !== previous) bin = Math.floor((j * bins) / n);
    previous = xValue;
    j++;
    binSums[bin] += value;
    binCounts[bin]++;
  }
  let between = 0;
  for (let b = 0; b < bins; b++) if (binCounts[b] > 0) between += binCounts[b] * (binSums[b] / binCounts[b] - mean) ** 2;
  return { n, ratio: between / total };
}

/**
 * Each value over the sum of all (shares within siblings), or all `NaN` when some value is missing or the sum is not
 * positive.
 * @example shareWithinSiblings([0.5, 0.3, 0.2]) // => [0.5, 0.3, 0.2]
 */
export function shareWithinSiblings(values: readonly number[]): number[] {
  const sum = values.reduce((total, value) => total + value, 0);
  if (!(sum > 0) || values.some((value) => !Number.isFinite(value))) return values.map(() => Number.NaN);
  return values.map((value) => value / sum);
}
