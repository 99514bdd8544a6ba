/** CRITIC weights against hand computation on the 4 x 3 matrix of `four-by-three.ts`. */
import { describe, expect, it } from "vitest";
import { criticScores } from "../../../src/core/weighting/critic.js";
import { input, normalised } from "./four-by-three.js";

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
