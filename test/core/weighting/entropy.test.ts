/** Entropy weights against hand computation on the 4 x 3 matrix of `four-by-three.ts`. */
import { describe, expect, it } from "vitest";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import { entropyScores } from "../../../src/core/weighting/entropy.js";
import { entropyOf, input, normalised } from "./four-by-three.js";

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
