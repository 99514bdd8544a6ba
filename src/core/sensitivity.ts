/**
 * Variance-based sensitivity analysis: Sobol first-order and total indices of groups of input factors, estimated with
 * the Saltelli design, the Saltelli 2010 first-order estimator and the Jansen 1999 total-effect estimator (Saltelli et
 * al. 2010, "Variance based sensitivity analysis of model output", Computer Physics Communications 181, table 2,
 * estimators (b) and (f)).
 *
 * The inputs are `D` independent uniforms on [0, 1), split into `k` *factors*: consecutive groups of columns that vary
 * together (a vector of weights is one factor; the choice of a normalisation method is another). The design draws two
 * independent N × D matrices A and B; `A_B(i)` is A with the columns of factor i taken from B. With `f` the model:
 *
 * - variance `V = Var(f)`, estimated from the 2N runs of A and B together (sample variance, divisor 2N − 1);
 * - first order `S_i = V_i / V` with `V_i = (1/N)·Σ_j (f(B)_j − c)·(f(A_B(i))_j − f(A)_j)` (Saltelli 2010): the share
 *   of the variance that factor i explains alone. `c` is a constant (the design's `center`); any constant leaves the
 *   estimator unbiased, because `f(A_B(i)) − f(A)` has mean 0, and one near the mean of `f` keeps its error small when
 *   the output is far from 0 (an index near 100 that varies by a few points). A factor that does not change the output
 *   gets exactly 0, where Jansen's first-order form `V − (1/2N)·Σ (f(B) − f(A_B(i)))²` gives sampling noise of the
 *   size of V/√N, enough to put the first-order estimate of a weak factor above its total estimate;
 * - total `S_Ti = (1/2N)·Σ_j (f(A)_j − f(A_B(i))_j)² / V` (Jansen 1999): the share it explains with all its
 *   interactions.
 *
 * That is N·(k + 2) model runs (one more to find `c` when the design does not give it). For a linear model `Y = Σ a_i·X_i` with independent inputs both indices equal
 * `a_i²·Var(X_i) / Var(Y)`. Estimates carry sampling error of order 1/√N: a first-order estimate may be slightly
 * negative or a total slightly above 1. Where the output does not vary (`V = 0`) or is `NaN` in some run, its indices
 * are `NaN`. An output whose runs differ by rounding alone (two methods that give the same index by different sums) does
 * not vary either: a standard deviation within `ROUNDING_NOISE` of its mean's size (at least 1) counts as 0, and so do
 * that output's `V_i` and `V_Ti`, rather than a ratio of rounding errors reported as a share of the variance.
 *
 * The model may have many outputs (every unit and year): all are estimated from the same runs, and the matrices are
 * never stored (each row is drawn, run and folded into running sums), so memory is O((k + 2)·outputs).
 */
import type { RandomSource } from "./random.js";

/**
 * The standard deviation of an output, relative to the size of its mean (at least 1), below which its runs differ by
 * rounding alone: sums of about a thousand terms carry relative errors of about 1e-13, and a choice that changes an
 * index at all changes it by far more than 1e-9 of its size.
 */
export const ROUNDING_NOISE = 1e-9;

/** What `estimateSobol` needs. */
export interface SobolDesign {
  /** Columns of each factor (`[3, 1]`: factor 0 is three uniforms, factor 1 is one). */
  factorSizes: readonly number[];
  /** N, the rows of A and of B. At least 2. */
  samples: number;
  /** Uniforms on [0, 1), consumed row by row: A's D values, then B's D values. */
  random: RandomSource;
  /** Outputs of the model. */
  outputCount: number;
  /** The model: reads the D uniforms `inputs` and writes its outputs into `out`. */
  evaluate: (inputs: Float64Array, out: Float64Array) => void;
  /** Called with each independent run (A rows as runs 0..N−1, B rows as N..2N−1): a plain Monte Carlo sample of size 2N. */
  observe?: (run: number, outputs: Float64Array) => void;
  /**
   * Called for row j and each factor i with the outputs of A_j, B_j and A_B(i)_j and the constant `c` of every output
   * (the terms of the estimators, for a bootstrap of the rows; see `sensitivity-bootstrap.ts`).
   */
  observeRow?: (row: number, factor: number, outA: Float64Array, outB: Float64Array, outMixed: Float64Array, center: Float64Array) => void;
  /**
   * The constant `c` of every output subtracted from `f(B)` in the first-order estimator, best near the output's mean
   * (a nominal run). Default: the model's outputs at the centre of the inputs (every uniform 0.5), one run more.
   * A missing value counts as 0.
   */
  center?: ArrayLike<number>;
  /**
   * Whether factor `factor` takes the same value from the uniforms of `a` as from those of `b` (a method drawn from a
   * list: both uniforms pick the same method). A run of `A_B(i)` is then a run already made: `f(A)` when factor i is
   * the same, `f(B)` when every other factor is; its outputs are copied instead of run again, which gives the same
   * numbers, as the model is a function of its factors' values. Default: never the same. (With one factor, `A_B(1)`
   * is B itself and is copied whatever this says.)
   */
  same?: (factor: number, a: Float64Array, b: Float64Array) => boolean;
  /** Called after each row of the design with the model runs done and the total. */
  onProgress?: (runsDone: number, runsTotal: number) => void;
}

/** Sobol indices for every output: `firstOrder[factor * outputCount + output]`, likewise `total`. */
export interface SobolIndices {
  factorCount: number;
  outputCount: number;
  /** Variance of every output over the 2N runs of A and B. */
  variance: Float64Array;
  /** `V_i` (the numerator of `S_i`), per factor and output. */
  firstOrderVariance: Float64Array;
  /** `V_Ti` (the numerator of `S_Ti`), per factor and output. */
  totalVariance: Float64Array;
  /** `S_i = V_i / V`. */
  firstOrder: Float64Array;
  /** `S_Ti = V_Ti / V`. */
  total: Float64Array;
  /** Model runs: N·(k + 2), plus one when the design gave no `center`. */
  runs: number;
}

/**
 * Runs the Saltelli design and returns the first-order (Saltelli 2010) and total (Jansen 1999) indices of every factor for every output.
 * @example
 * // Y = X1 + 2·X2 with X1, X2 uniform: S_1 = S_T1 = 1/5, S_2 = S_T2 = 4/5
 * estimateSobol({ factorSizes: [1, 1], samples: 4096, random: createRandom(1), outputCount: 1,
 *   evaluate: (x, out) => { out[0] = x[0] + 2 * x[1]; } }).firstOrder // => about [0.2, 0.8]
 */
export function estimateSobol(design: SobolDesign): SobolIndices {
  const { factorSizes, samples, random, outputCount, evaluate } = design;
  if (!(Number.isInteger(samples) && samples >= 2)) throw new RangeError(`estimateSobol requires at least 2 samples, got ${samples}`);
  const factorCount = factorSizes.length;
  const starts: number[] = [];
  let columns = 0;
  for (const size of factorSizes) {
    starts.push(columns);
    columns += size;
  }
  const a = new Float64Array(columns);
  const b = new Float64Array(columns);
  const mixed = new Float64Array(columns);
  const outA = new Float64Array(outputCount);
  const outB = new Float64Array(outputCount);
  const outMixed = new Float64Array(outputCount);
  // Running mean and sum of squared deviations (Welford) over the runs of A and B, for a variance free of cancellation.
  const mean = new Float64Array(outputCount);
  const squares = new Float64Array(outputCount);
  const firstSums = new Float64Array(factorCount * outputCount);
  const totalSums = new Float64Array(factorCount * outputCount);
  // The constant c of the first-order estimator: given, or the model at the centre of the inputs (not a sample).
  const center = new Float64Array(outputCount);
  if (design.center) for (let m = 0; m < outputCount; m++) center[m] = Number.isFinite(design.center[m]) ? design.center[m] : 0;
  else {
    evaluate(new Float64Array(columns).fill(0.5), center);
    for (let m = 0; m < outputCount; m++) if (!Number.isFinite(center[m])) center[m] = 0;
  }
  const same = design.same;
  const sameFactors: boolean[] = new Array(factorCount).fill(false);
  const runsTotal = samples * (factorCount + 2) + (design.center ? 0 : 1);
  let count = 0;
  const fold = (values: Float64Array) => {
    count++;
    for (let m = 0; m < outputCount; m++) {
      const delta = values[m] - mean[m];
      mean[m] += delta / count;
      squares[m] += delta * (values[m] - mean[m]);
    }
  };

  for (let j = 0; j < samples; j++) {
    for (let d = 0; d < columns; d++) a[d] = random();
    for (let d = 0; d < columns; d++) b[d] = random();
    evaluate(a, outA);
    design.observe?.(j, outA);
    evaluate(b, outB);
    design.observe?.(samples + j, outB);
    fold(outA);
    fold(outB);
    let sameCount = 0;
    if (same) for (let i = 0; i < factorCount; i++) if ((sameFactors[i] = same(i, a, b))) sameCount++;
    for (let i = 0; i < factorCount; i++) {
      let outI = outMixed;
      if (sameFactors[i]) outI = outA;
      else if (sameCount === factorCount - 1) outI = outB;
      else {
        mixed.set(a);
        for (let d = starts[i]; d < starts[i] + factorSizes[i]; d++) mixed[d] = b[d];
        evaluate(mixed, outMixed);
      }
      design.observeRow?.(j, i, outA, outB, outI, center);
      const offset = i * outputCount;
      for (let m = 0; m < outputCount; m++) {
        const total = outA[m] - outI[m];
        firstSums[offset + m] += (outB[m] - center[m]) * (outI[m] - outA[m]);
        totalSums[offset + m] += total * total;
      }
    }
    design.onProgress?.(runsTotal - (samples - j - 1) * (factorCount + 2), runsTotal);
  }

  const variance = new Float64Array(outputCount);
  for (let m = 0; m < outputCount; m++) {
    variance[m] = squares[m] / (2 * samples - 1);
    const noise = ROUNDING_NOISE * Math.max(1, Math.abs(mean[m]));
    if (variance[m] <= noise * noise) variance[m] = 0;
  }
  const firstOrderVariance = new Float64Array(factorCount * outputCount);
  const totalVariance = new Float64Array(factorCount * outputCount);
  const firstOrder = new Float64Array(factorCount * outputCount);
  const total = new Float64Array(factorCount * outputCount);
  for (let i = 0; i < factorCount; i++)
    for (let m = 0; m < outputCount; m++) {
      const cell = i * outputCount + m;
      // An output that does not vary has no share of variance to give: 0, not the rounding errors of its runs.
      firstOrderVariance[cell] = variance[m] === 0 ? 0 : firstSums[cell] / samples;
      totalVariance[cell] = variance[m] === 0 ? 0 : totalSums[cell] / (2 * samples);
      firstOrder[cell] = variance[m] > 0 ? firstOrderVariance[cell] / variance[m] : Number.NaN;
      total[cell] = variance[m] > 0 ? totalVariance[cell] / variance[m] : Number.NaN;
    }
  return { factorCount, outputCount, variance, firstOrderVariance, totalVariance, firstOrder, total, runs: runsTotal };
}
