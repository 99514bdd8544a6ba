/**
 * Entropy, CRITIC and coefficient-of-variation weights against hand computation on one 4 x 3 matrix
 * (4 observations, 3 indicators), written out here:
 *
 *   observation   X1 (+)   X2 (-)   X3 (+)
 *   1             1        10       4
 *   2             2         8       4
 *   3             3         8       6
 *   4             5         6       6
 *
 * Min-max with direction: X1' = (0, 1/4, 1/2, 1), X2' = (10 - x)/4 = (0, 1/2, 1/2, 1), X3' = (0, 0, 1, 1).
 * The decimals in the comments were checked with numpy (independently of this code).
 */
import type { ObjectiveInput } from "../../../src/core/weighting/observations.js";

export const input = (): ObjectiveInput => ({
  codes: ["X1", "X2", "X3"],
  directions: ["positive", "negative", "positive"],
  columns: [Float64Array.of(1, 2, 3, 5), Float64Array.of(10, 8, 8, 6), Float64Array.of(4, 4, 6, 6)],
});

/** Scores divided by their sum. */
export const normalised = (scores: Float64Array) => {
  const sum = scores.reduce((total, value) => total + value, 0);
  return [...scores].map((value) => value / sum);
};

/** -Σ p ln p / ln m with 0·ln 0 = 0, written out for the tests. */
export const entropyOf = (shares: number[]) => -shares.reduce((sum, p) => sum + (p > 0 ? p * Math.log(p) : 0), 0) / Math.log(shares.length);
