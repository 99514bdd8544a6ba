/**
 * Coefficient-of-variation weights (变异系数法): an indicator weighs in proportion to its relative dispersion.
 */
import type { Issue } from "../../errors.js";
import { weightingMessages } from "./messages.js";
import { constantWarning, isConstant, mean, standardDeviation, type ObjectiveInput, type ObjectiveScores } from "./observations.js";

/**
 * Coefficient-of-variation scores: `v[j] = sd[j] / mean[j]` of the raw values over the chosen observations
 * (weights are `v / Σ v`). The direction does not matter (dispersion is the same either way); the divisor of sd
 * (n or n - 1) does not change the weights. The measure needs values on a ratio scale: a mean <= 0 is an issue
 * (`E_MEAN_NOT_POSITIVE`), and a value below 0 under a positive mean a warning (`W_CV_NEGATIVE_VALUES`). An indicator
 * that does not vary scores 0, with a warning.
 * @example coefficientOfVariationScores({ codes: ["a"], directions: ["positive"], columns: [Float64Array.of(1, 3)] }).scores // => [0.5]
 * Reference: METHODS.md (coefficient of variation); OECD/JRC Handbook (2008), section 6.
 */
export function coefficientOfVariationScores(input: ObjectiveInput): ObjectiveScores & { issues: Issue[] } {
  const warnings: Issue[] = [];
  const issues: Issue[] = [];
  const scores = new Float64Array(input.codes.length);
  input.codes.forEach((code, j) => {
    const column = input.columns[j];
    const centre = mean(column);
    const spread = standardDeviation(column);
    if (!(centre > 0)) {
      issues.push({ code: "E_MEAN_NOT_POSITIVE", message: weightingMessages.meanNotPositive(code, centre), id: code });
      return;
    }
    // A value below 0 with a positive mean: sd/mean is defined, but the mean no longer measures the indicator's level.
    let negatives = 0;
    let lowest = Number.POSITIVE_INFINITY;
    for (const value of column) {
      if (!(value < 0)) continue;
      negatives++;
      lowest = Math.min(lowest, value);
    }
    if (negatives > 0) warnings.push({ code: "W_CV_NEGATIVE_VALUES", message: weightingMessages.cvNegativeValues(code, negatives, lowest, centre), id: code });
    if (isConstant(column)) warnings.push(constantWarning(code, "coefficient-of-variation"));
    else scores[j] = spread / centre;
  });
  return { scores, warnings, issues };
}
