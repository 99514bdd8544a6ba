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
import { describe, expect, it } from "vitest";
import { coefficientOfVariationScores } from "../../../src/core/weighting/coefficient-of-variation.js";
import { criticScores } from "../../../src/core/weighting/critic.js";
import { entropyScores } from "../../../src/core/weighting/entropy.js";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import type { ObjectiveInput } from "../../../src/core/weighting/observations.js";

const input = (): ObjectiveInput => ({
  codes: ["X1", "X2", "X3"],
  directions: ["positive", "negative", "positive"],
  columns: [Float64Array.of(1, 2, 3, 5), Float64Array.of(10, 8, 8, 6), Float64Array.of(4, 4, 6, 6)],
});
const normalised = (scores: Float64Array) => {
  const sum = scores.reduce((total, value) => total + value, 0);
  return [...scores].map((value) => value / sum);
};
/** -Σ p ln p / ln m with 0·ln 0 = 0, written out for the test. */
const entropyOf = (shares: number[]) => -shares.reduce((sum, p) => sum + (p > 0 ? p * Math.log(p) : 0), 0) / Math.log(shares.length);

describe("entropyScores (textbook variant)", () => {
  it("matches the hand computation on the 4 x 3 matrix", () => {
    // X1: Σx' = 7/4, p = (0, 1/7, 2/7, 4/7); e1 = 0.689391750, d1 = 0.310608250
    // X2: Σx' = 2,   p = (0, 1/4, 1/4, 1/2); e2 = (½ ln 4 + ½ ln 2)/ln 4 = 3/4 exactly, d2 = 1/4
    // X3: Σx' = 2,   p = (0, 0, 1/2, 1/2);   e3 = ln 2 / ln 4 = 1/2 exactly, d3 = 1/2
    const d1 = 1 - entropyOf([0, 1 / 7, 2 / 7, 4 / 7]);
    expect(d1).toBeCloseTo(0.31060825, 8);
    const { scores, warnings } = entropyScores(input());
    expect(scores[0]).toBeCloseTo(d1, 14);
    expect(scores[1]).toBeCloseTo(0.25, 14);
    expect(scores[2]).toBeCloseTo(0.5, 14);
    // weights d / Σd = 0.2928586, 0.2357138, 0.4714276
    const weights = normalised(scores);
    [0.2928586, 0.2357138, 0.4714276].forEach((weight, j) => expect(weights[j]).toBeCloseTo(weight, 7));
    expect(warnings).toEqual([]);
  });

  it("shifted variant: adds the shift to every min-max score before the shares", () => {
    // X3 with shift 0.1: x' + 0.1 = (0.1, 0.1, 1.1, 1.1), Σ = 2.4, p = (1/24, 1/24, 11/24, 11/24)
    const { scores } = entropyScores(input(), { shift: 0.1 });
    expect(scores[2]).toBeCloseTo(1 - entropyOf([1 / 24, 1 / 24, 11 / 24, 11 / 24]), 14);
    // X2 with shift 0.1: (0.1, 0.6, 0.6, 1.1), Σ = 2.4
    expect(scores[1]).toBeCloseTo(1 - entropyOf([1 / 24, 6 / 24, 6 / 24, 11 / 24]), 14);
  });

  it("gives a constant indicator d = 0 with a warning", () => {
    const { scores, warnings } = entropyScores({ codes: ["K", "X1"], directions: ["positive", "positive"], columns: [Float64Array.of(3, 3, 3), Float64Array.of(1, 2, 4)] });
    expect(scores[0]).toBe(0);
    expect(scores[1]).toBeGreaterThan(0);
    expect(warnings).toEqual([expect.objectContaining({ code: "W_CONSTANT_INDICATOR", id: "K", message: weightingMessages.constantIndicator("K", "entropy") })]);
  });

  it("gives d = 1 when one observation takes everything (x' = 1 once, 0 elsewhere)", () => {
    const { scores } = entropyScores({ codes: ["X"], directions: ["positive"], columns: [Float64Array.of(0, 0, 0, 7)] });
    expect(scores[0]).toBeCloseTo(1, 14);
  });
});

describe("criticScores", () => {
  it("matches the hand computation on the 4 x 3 matrix", () => {
    // σ (divisor n): σ1 = √(35/256) = √35/16, σ2 = √(1/8), σ3 = 1/2.
    // r12 = √(32/35), r13 = √(5/7), r23 = √(1/2) (covariances 1/8, 5/32, 1/8 over the σ products).
    const [s1, s2, s3] = [Math.sqrt(35) / 16, Math.sqrt(1 / 8), 0.5];
    const [r12, r13, r23] = [Math.sqrt(32 / 35), Math.sqrt(5 / 7), Math.SQRT1_2];
    const expected = [s1 * (1 - r12 + (1 - r13)), s2 * (1 - r12 + (1 - r23)), s3 * (1 - r13 + (1 - r23))];
    // = 0.07345658, 0.11904508, 0.22386948; weights 0.17642092, 0.28591097, 0.53766810
    expect(expected[0]).toBeCloseTo(0.07345658, 8);
    const { scores } = criticScores(input());
    expected.forEach((value, j) => expect(scores[j]).toBeCloseTo(value, 14));
    const weights = normalised(scores);
    [0.17642092, 0.28591097, 0.5376681].forEach((weight, j) => expect(weights[j]).toBeCloseTo(weight, 8));
  });

  it("gives two perfectly opposed indicators equal scores σ·(1 - (-1)) = 2σ", () => {
    const { scores } = criticScores({ codes: ["a", "b"], directions: ["positive", "positive"], columns: [Float64Array.of(0, 1), Float64Array.of(1, 0)] });
    // x' = (0, 1) and (1, 0): σ = 1/2 each, r = -1: C = 1/2 · 2 = 1
    expect([...scores]).toEqual([1, 1]);
  });

  it("leaves a constant indicator out (score 0, warning) without disturbing the others", () => {
    const withConstant = criticScores({ ...input(), codes: ["X1", "X2", "X3", "K"], directions: [...input().directions, "positive"], columns: [...input().columns, Float64Array.of(2, 2, 2, 2)] });
    const without = criticScores(input());
    expect(withConstant.scores[3]).toBe(0);
    for (let j = 0; j < 3; j++) expect(withConstant.scores[j]).toBeCloseTo(without.scores[j], 14);
    expect(withConstant.warnings.map((warning) => warning.id)).toEqual(["K"]);
  });
});

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

  it("reports an indicator whose mean is not positive", () => {
    const { issues } = coefficientOfVariationScores({ codes: ["N"], directions: ["positive"], columns: [Float64Array.of(-1, -3)] });
    expect(issues).toEqual([expect.objectContaining({ code: "E_MEAN_NOT_POSITIVE", id: "N", message: weightingMessages.meanNotPositive("N", -2) })]);
  });
});
