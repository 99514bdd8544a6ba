/**
 * CRITIC weights (CRiteria Importance Through Intercriteria Correlation): an indicator weighs more when it varies
 * more and when it disagrees with the others (low or negative correlation), so it carries information they do not.
 */
import type { Issue } from "../../errors.js";
import { constantWarning, correlation, standardDeviation, unitInterval, type ObjectiveInput, type ObjectiveScores } from "./observations.js";

/**
 * CRITIC scores: each indicator is min-max scaled to [0, 1] with its direction; `σ[j]` is the standard deviation of
 * the scaled values and `r[j][k]` the Pearson correlation of indicators j and k; the score is
 * `C[j] = σ[j] · Σ_k (1 - r[j][k])` (weights are `C / Σ C`). The divisor of σ (n or n - 1) does not change the
 * weights. An indicator that does not vary scores 0 (with a warning) and is left out of the others' sums, since its
 * correlations are undefined.
 * @example criticScores({ codes: ["a", "b"], directions: ["positive", "positive"], columns: [Float64Array.of(0, 1), Float64Array.of(1, 0)] }).scores // => [1, 1]
 * Reference: Diakoulaki, Mavrotas & Papayannakis (1995), Computers & Operations Research 22(7), 763-770.
 */
export function criticScores(input: ObjectiveInput): ObjectiveScores {
  const warnings: Issue[] = [];
  const scaled = input.codes.map((code, j) => {
    const column = unitInterval(input.columns[j], input.directions[j]);
    if (!column) warnings.push(constantWarning(code, "CRITIC"));
    return column;
  });
  const scores = new Float64Array(input.codes.length);
  scaled.forEach((column, j) => {
    if (!column) return;
    let conflict = 0;
    scaled.forEach((other, k) => {
      if (other && k !== j) conflict += 1 - correlation(column, other);
    });
    scores[j] = standardDeviation(column) * conflict;
  });
  return { scores, warnings };
}
