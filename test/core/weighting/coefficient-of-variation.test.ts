/** Coefficient-of-variation weights against hand computation on the 4 x 3 matrix of `four-by-three.ts`. */
import { describe, expect, it } from "vitest";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import { coefficientOfVariationScores } from "../../../src/core/weighting/coefficient-of-variation.js";
import { input, normalised } from "./four-by-three.js";

describe("coefficientOfVariationScores", () => {
  it("matches the hand computation on the raw 4 x 3 matrix", () => {
    // X1: mean 11/4, variance (divisor n) 35/16, cv = √(35)/4 / (11/4) = √35/11 = 0.53782543
    // X2: mean 8, variance 2, cv = √2/8 = 0.1767767; X3: mean 5, variance 1, cv = 1/5
    const { scores, issues } = coefficientOfVariationScores(input());
    expect(issues).toEqual([]);
    expect(scores[0]).toBeCloseTo(Math.sqrt(35) / 11, 14);
    expect(scores[1]).toBeCloseTo(Math.SQRT2 / 8, 14);
    expect(scores[2]).toBeCloseTo(0.2, 14);
    const weights = normalised(scores);
    [0.58804306, 0.19328262, 0.21867432].forEach((weight, j) => expect(weights[j]).toBeCloseTo(weight, 8));
  });

  it("weights do not depend on the sd divisor (n or n - 1): the common factor cancels", () => {
    // with sample sd every cv is multiplied by √(4/3); normalised weights are unchanged
    const sample = [Math.sqrt(35) / 11, Math.SQRT2 / 8, 0.2].map((value) => value * Math.sqrt(4 / 3));
    const total = sample.reduce((sum, value) => sum + value, 0);
    const weights = normalised(coefficientOfVariationScores(input()).scores);
    sample.forEach((value, j) => expect(weights[j]).toBeCloseTo(value / total, 14));
  });

  it("warns of values below 0 under a positive mean, and still scores sd / mean", () => {
    // b1 = (-1, 2, 2, 0, 0, 2, -3, 1): mean 3/8 = 0.375; two values below 0, the lowest -3.
    // Variance (divisor n): Σx² / 8 - mean² = 23/8 - 9/64 = 175/64, sd = √175/8, cv = (√175/8) / (3/8) = √175/3.
    const { scores, warnings, issues } = coefficientOfVariationScores({ codes: ["b1"], directions: ["positive"], columns: [Float64Array.of(-1, 2, 2, 0, 0, 2, -3, 1)] });
    expect(issues).toEqual([]);
    expect(scores[0]).toBeCloseTo(Math.sqrt(175) / 3, 12);
    expect(warnings).toEqual([{ code: "W_CV_NEGATIVE_VALUES", id: "b1", message: weightingMessages.cvNegativeValues("b1", 2, -3, 0.375) }]);
    // No warning without a value below 0 (the 4 x 3 matrix).
    expect(coefficientOfVariationScores(input()).warnings).toEqual([]);
  });

  it("reports an indicator whose mean is not positive", () => {
    const { issues } = coefficientOfVariationScores({ codes: ["N"], directions: ["positive"], columns: [Float64Array.of(-1, -3)] });
    expect(issues).toEqual([expect.objectContaining({ code: "E_MEAN_NOT_POSITIVE", id: "N", message: weightingMessages.meanNotPositive("N", -2) })]);
  });
});
