/**
 * Bootstrap confidence intervals for the Sobol indices of a group of outputs taken together (all units of a year):
 * the N rows of the Saltelli design are drawn again with replacement, the estimators of `estimateSobol` (Saltelli 2010
 * first order, Jansen 1999 total) recomputed on each draw,
 * and the 2.5% and 97.5% quantiles of the draws kept (a 95% percentile bootstrap, as Archer, Saltelli and Sobol 1997
 * propose for Sobol indices). Neither COINr nor SALib reports this interval: COINr's `SA_estimate` keeps the 5% and
 * 95% quantiles (a 90% interval) with the variance of the nominal runs fixed and each factor's terms resampled on their
 * own; SALib's `sobol.analyze` draws rows jointly and recomputes the variance as here, but reports a normal
 * half-width, 1.96 × the standard deviation of the draws (`S1_conf`, `ST_conf` at `conf_level` 0.95).
 *
 * For a group G of outputs (the units of a year), with rows j of the design drawn with multiplicity c_j (Σ c_j = N):
 * - `V = Σ_{g∈G} Var_g`, each variance over the 2N runs of A and B in the drawn rows (divisor 2N − 1);
 * - `S_i = Σ_j c_j·F_ij / (N·V)` with `F_ij = Σ_g (f_g(B_j) − center_g)·(f_g(A_B(i)_j) − f_g(A_j))` (Saltelli 2010, with
 *   the design's constant `center_g`);
 * - `S_Ti = Σ_j c_j·T_ij / (2N·V)` with `T_ij = Σ_g (f_g(A_j) − f_g(A_B(i)_j))²`.
 * With every c_j = 1 these are the estimates of `estimateSobol` for the group.
 */
import { quantileSorted } from "./quantile.js";
import type { RandomSource } from "./random.js";
import { ROUNDING_NOISE } from "./sensitivity.js";

/** The per-row terms of one group of outputs, gathered while the design runs. */
export interface GroupTerms {
  /** Rows N of the design. */
  samples: number;
  /** Outputs in the group. */
  outputCount: number;
  /** `f_g(A_j)` at `[g * samples + j]`. */
  runsA: Float64Array;
  /** `f_g(B_j)` at `[g * samples + j]`. */
  runsB: Float64Array;
  /** `F_ij = Σ_g (f_g(B_j) − center_g)·(f_g(A_B(i)_j) − f_g(A_j))` at `[i * samples + j]`, one block per factor. */
  first: Float64Array;
  /** `T_ij = Σ_g (f_g(A_j) − f_g(A_B(i)_j))²` at `[i * samples + j]`. */
  total: Float64Array;
}

/** 95% bootstrap intervals, per factor. */
export interface IndexIntervals {
  firstOrderLow: Float64Array;
  firstOrderHigh: Float64Array;
  totalLow: Float64Array;
  totalHigh: Float64Array;
}

/**
 * Draws the design's rows `resamples` times (indices `floor(random() · N)`, N per draw) and returns the 95% percentile
 * intervals of the first-order and total indices of each factor for every group. Every group is recomputed on the same
 * draws. A draw where the group's variance is 0 or undefined counts as `NaN`, and the intervals are then `NaN`; an
 * output whose runs differ by rounding alone adds nothing to the variance (`ROUNDING_NOISE`).
 * @throws RangeError for fewer than 2 resamples
 */
export function bootstrapGroupIndices(groups: readonly GroupTerms[], factorCount: number, resamples: number, random: RandomSource): IndexIntervals[] {
  if (!(Number.isInteger(resamples) && resamples >= 2)) throw new RangeError(`bootstrapGroupIndices requires at least 2 resamples, got ${resamples}`);
  const samples = groups[0]?.samples ?? 0;
  // Each output's runs centred on their mean, summed and squared per row, so a draw's variance is two sums. An output
  // whose runs differ by rounding alone does not vary, as in `estimateSobol`: its sums stay 0.
  const centred = groups.map((group) => {
    const sums = new Float64Array(group.outputCount * samples);
    const squares = new Float64Array(group.outputCount * samples);
    for (let g = 0; g < group.outputCount; g++) {
      let mean = 0;
      for (let j = 0; j < samples; j++) mean += group.runsA[g * samples + j] + group.runsB[g * samples + j];
      mean /= 2 * samples;
      let squared = 0;
      for (let j = 0; j < samples; j++) squared += (group.runsA[g * samples + j] - mean) ** 2 + (group.runsB[g * samples + j] - mean) ** 2;
      const noise = ROUNDING_NOISE * Math.max(1, Math.abs(mean));
      if (squared / (2 * samples - 1) <= noise * noise) continue;
      for (let j = 0; j < samples; j++) {
        const a = group.runsA[g * samples + j] - mean;
        const b = group.runsB[g * samples + j] - mean;
        sums[g * samples + j] = a + b;
        squares[g * samples + j] = a * a + b * b;
      }
    }
    return { sums, squares };
  });
  const draws = new Int32Array(samples);
  const firstDraws = groups.map(() => new Float64Array(factorCount * resamples));
  const totalDraws = groups.map(() => new Float64Array(factorCount * resamples));
  const runCount = 2 * samples;
  for (let r = 0; r < resamples; r++) {
    for (let d = 0; d < samples; d++) draws[d] = Math.min(samples - 1, Math.floor(random() * samples));
    groups.forEach((group, k) => {
      const { sums, squares } = centred[k];
      let variance = 0;
      for (let g = 0; g < group.outputCount; g++) {
        let sum = 0;
        let square = 0;
        for (let d = 0; d < samples; d++) {
          sum += sums[g * samples + draws[d]];
          square += squares[g * samples + draws[d]];
        }
        variance += (square - (sum * sum) / runCount) / (runCount - 1);
      }
      for (let i = 0; i < factorCount; i++) {
        let first = 0;
        let total = 0;
        for (let d = 0; d < samples; d++) {
          first += group.first[i * samples + draws[d]];
          total += group.total[i * samples + draws[d]];
        }
        const defined = variance > 0;
        firstDraws[k][i * resamples + r] = defined ? first / (samples * variance) : Number.NaN;
        totalDraws[k][i * resamples + r] = defined ? total / (runCount * variance) : Number.NaN;
      }
    });
  }
  return groups.map((_, k) => {
    const intervals: IndexIntervals = {
      firstOrderLow: new Float64Array(factorCount),
      firstOrderHigh: new Float64Array(factorCount),
      totalLow: new Float64Array(factorCount),
      totalHigh: new Float64Array(factorCount),
    };
    for (let i = 0; i < factorCount; i++) {
      const first = firstDraws[k].subarray(i * resamples, (i + 1) * resamples).sort();
      const total = totalDraws[k].subarray(i * resamples, (i + 1) * resamples).sort();
      // A typed-array sort puts NaN last: one undefined draw makes the interval undefined.
      const firstDefined = !Number.isNaN(first[resamples - 1]);
      const totalDefined = !Number.isNaN(total[resamples - 1]);
      intervals.firstOrderLow[i] = firstDefined ? quantileSorted(first, 0.025) : Number.NaN;
      intervals.firstOrderHigh[i] = firstDefined ? quantileSorted(first, 0.975) : Number.NaN;
      intervals.totalLow[i] = totalDefined ? quantileSorted(total, 0.025) : Number.NaN;
      intervals.totalHigh[i] = totalDefined ? quantileSorted(total, 0.975) : Number.NaN;
    }
    return intervals;
  });
}
