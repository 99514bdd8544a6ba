/**
 * Pearson and Spearman correlations over pairwise-complete observations, as R's
 * `cor(x, y, method, use = "pairwise.complete.obs")` computes them (COINr's `get_corr`): the observations where both
 * series have a value; Spearman's coefficient is Pearson's on the average ranks of those observations (ties share
 * the mean of their ranks). Fewer than 3 pairs, or a series that does not vary over them, give `NaN` and a note.
 * Reference: OECD/JRC Handbook (2008), step 4 (multivariate analysis); COINr `get_corr()`, `get_corr_flags()`.
 */
import { auditMessages } from "./messages.js";
import { orderObserved } from "../radix.js";

/** Pairs needed for a correlation. */
export const MIN_PAIRS = 3;

/**
 * A series made ready to be correlated many times: its values and the positions of its observed values in increasing
 * order of value (ties in order of position), sorted once.
 */
export interface RankedSeries {
  values: ArrayLike<number>;
  /** Positions of the observed values, by increasing value (ties by position). */
  order: Uint32Array;
  /** The average ranks (1-based) of every value when none is missing; computed on first use. */
  ranks?: Float64Array;
  /** The mean and the sum of squared deviations of the values, then of `ranks`, when none is missing; on first use. */
  moments?: Moments;
  rankMoments?: Moments;
}

/** A complete series' mean and sum of squared deviations from it, as Pearson's coefficient needs them. */
interface Moments {
  mean: number;
  squares: number;
}

/**
 * Sorts the observed values of `values` once (see `RankedSeries`), by the stable radix sort of `orderObserved`: linear
 * in the length, no comparator, tied values in order of position. −0 is read as 0.
 */
export function rankSeries(values: ArrayLike<number>): RankedSeries {
  return { values, order: orderObserved(values) };
}

/** A correlation of two series: the pairs used, Pearson's and Spearman's coefficients (`NaN` with a note if undefined). */
export interface PairCorrelation {
  n: number;
  pearson: number;
  spearman: number;
  note?: string;
}

/**
 * Average ranks (1-based) of `series` over the positions where `keep` is true, walking its sorted order; `NaN`
 * elsewhere. Ties share the mean of the ranks they span.
 */
export function ranksWhere(series: RankedSeries, keep: (position: number) => boolean): Float64Array {
  const ranks = new Float64Array(series.values.length).fill(Number.NaN);
  const kept: number[] = [];
  for (const position of series.order) if (keep(position)) kept.push(position);
  for (let start = 0; start < kept.length; ) {
    let end = start + 1;
    while (end < kept.length && series.values[kept[end]] === series.values[kept[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[kept[k]] = rank;
    start = end;
  }
  return ranks;
}

function fullRanks(series: RankedSeries): Float64Array {
  if (series.ranks) return series.ranks;
  const { values, order } = series;
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && values[order[end]] === values[order[start]]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = rank;
    start = end;
  }
  return (series.ranks = ranks);
}

/** Pearson's coefficient over the positions where both series are observed; `NaN` when either has no spread there. */
export function pearsonObserved(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const used: number[] = [];
  for (let k = 0; k < x.length; k++) if (!Number.isNaN(x[k]) && !Number.isNaN(y[k])) used.push(k);
  return pearsonAt(x, y, Int32Array.from(used), x.length).value;
}

/** Pearson's coefficient over the positions `used` (`NaN` when either side has no spread), and which side was constant. */
function pearsonAt(x: ArrayLike<number>, y: ArrayLike<number>, used: Int32Array | undefined, length: number): { value: number; constant?: "a" | "b" } {
  const n = used ? used.length : length;
  let sumX = 0;
  let sumY = 0;
  for (let k = 0; k < n; k++) {
    const p = used ? used[k] : k;
    sumX += x[p];
    sumY += y[p];
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let k = 0; k < n; k++) {
    const p = used ? used[k] : k;
    const dx = x[p] - meanX;
    const dy = y[p] - meanY;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (!(sxx > 0)) return { value: Number.NaN, constant: "a" };
  if (!(syy > 0)) return { value: Number.NaN, constant: "b" };
  // Rounding may carry |r| a hair past 1 for (nearly) collinear series.
  return { value: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) };
}

/**
 * Correlates two series of the same length over their pairwise-complete positions. `codes` name them in the notes.
 * @example correlatePair(rankSeries([1, 2, 3, 4]), rankSeries([1, 3, 2, 4]), ["a", "b"]) // => { n: 4, pearson: 0.8, spearman: 0.8 }
 */
export function correlatePair(a: RankedSeries, b: RankedSeries, codes: readonly [string, string] = ["a", "b"]): PairCorrelation {
  const x = a.values;
  const y = b.values;
  const length = x.length;
  const complete = a.order.length === length && b.order.length === length;
  let used: Int32Array | undefined;
  if (!complete) {
    const positions: number[] = [];
    for (let p = 0; p < length; p++) if (!Number.isNaN(x[p]) && !Number.isNaN(y[p])) positions.push(p);
    used = Int32Array.from(positions);
  }
  const n = used ? used.length : length;
  if (n < MIN_PAIRS) return { n, pearson: Number.NaN, spearman: Number.NaN, note: auditMessages.tooFew("correlation", n, MIN_PAIRS) };
  if (complete) {
    // Every position on both sides: each series' mean and sum of squares, computed once, serve all its pairs.
    const pearson = pearsonOfMoments(x, y, (a.moments ??= momentsOf(x)), (b.moments ??= momentsOf(y)));
    if (pearson.constant) return { n, pearson: Number.NaN, spearman: Number.NaN, note: auditMessages.constant(codes[pearson.constant === "a" ? 0 : 1], n) };
    const rankX = fullRanks(a);
    const rankY = fullRanks(b);
    const spearman = pearsonOfMoments(rankX, rankY, (a.rankMoments ??= momentsOf(rankX)), (b.rankMoments ??= momentsOf(rankY)));
    return { n, pearson: pearson.value, spearman: spearman.value };
  }
  const pearson = pearsonAt(x, y, used, length);
  if (pearson.constant) return { n, pearson: Number.NaN, spearman: Number.NaN, note: auditMessages.constant(codes[pearson.constant === "a" ? 0 : 1], n) };
  const both = (p: number) => !Number.isNaN(x[p]) && !Number.isNaN(y[p]);
  const rankX = ranksWhere(a, both);
  const rankY = ranksWhere(b, both);
  return { n, pearson: pearson.value, spearman: pearsonAt(rankX, rankY, used, length).value };
}

/** The mean and sum of squared deviations of every value, summed in order as `pearsonAt` sums them. */
function momentsOf(values: ArrayLike<number>): Moments {
  const n = values.length;
  let sum = 0;
  for (let k = 0; k < n; k++) sum += values[k];
  const mean = sum / n;
  let squares = 0;
  for (let k = 0; k < n; k++) {
    const deviation = values[k] - mean;
    squares += deviation * deviation;
  }
  return { mean, squares };
}

/**
 * `pearsonAt` over every position, from the two series' moments: one walk for the cross products, the same
 * arithmetic term for term (so the same coefficient to the last bit).
 */
function pearsonOfMoments(x: ArrayLike<number>, y: ArrayLike<number>, momentsX: Moments, momentsY: Moments): { value: number; constant?: "a" | "b" } {
  if (!(momentsX.squares > 0)) return { value: Number.NaN, constant: "a" };
  if (!(momentsY.squares > 0)) return { value: Number.NaN, constant: "b" };
  const meanX = momentsX.mean;
  const meanY = momentsY.mean;
  let sxy = 0;
  for (let k = 0; k < x.length; k++) sxy += (x[k] - meanX) * (y[k] - meanY);
  return { value: Math.max(-1, Math.min(1, sxy / Math.sqrt(momentsX.squares * momentsY.squares))) };
}

/**
 * Pearson's and Spearman's correlation of `x` and `y` (same length) over the positions where both have a value.
 * @example correlate([1, 2, 3, NaN], [2, 4, 7, 1]) // => { n: 3, pearson: 0.9934, spearman: 1 }
 */
export function correlate(x: ArrayLike<number>, y: ArrayLike<number>): PairCorrelation {
  if (x.length !== y.length) throw new RangeError("correlate requires two series of the same length");
  return correlatePair(rankSeries(x), rankSeries(y), ["x", "y"]);
}
