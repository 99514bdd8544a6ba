import { describe, expect, it } from "vitest";
import { entropyScores } from "../../../src/core/weighting/entropy.js";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import { objectiveWeights } from "../../../src/core/weighting/objective.js";
import { makePanel, makeTree } from "./helpers.js";

/** X (0.7) = {X1 +, X2 -}, Y (0.3) = {Y1 +}; one unit over 4 years: the 4 x 3 matrix of objective-methods.test.ts. */
function fixture() {
  const tree = makeTree([
    ["X", "", "0.7", ""],
    ["X1", "X", "", "+"],
    ["X2", "X", "", "-"],
    ["Y", "", "0.3", ""],
    ["Y1", "Y", "", "+"],
  ]);
  const panel = makePanel(tree, [2017, 2018, 2019, 2020], { X1: { U: [1, 2, 3, 5] }, X2: { U: [10, 8, 8, 6] }, Y1: { U: [4, 4, 6, 6] } });
  return { tree, panel };
}
// Entropy divergences worked out by hand in objective-methods.test.ts: d(X1) = 0.310608..., d(X2) = 1/4, d(Y1) = 1/2.
const dX1 = 1 - -(1 / 7 * Math.log(1 / 7) + (2 / 7) * Math.log(2 / 7) + (4 / 7) * Math.log(4 / 7)) / Math.log(4);

describe("objectiveWeights, group rule sum", () => {
  it("weights indicators by d within their group and groups by the sum of their indicators' d", () => {
    const { tree, panel } = fixture();
    const result = objectiveWeights(tree, panel, "entropy");
    expect(result.issues).toEqual([]);
    const total = dX1 + 0.25 + 0.5;
    expect(result.weights.get("X")).toBeCloseTo((dX1 + 0.25) / total, 14);
    expect(result.weights.get("Y")).toBeCloseTo(0.5 / total, 14);
    expect(result.weights.get("X1")).toBeCloseTo(dX1 / (dX1 + 0.25), 14);
    expect(result.weights.get("X2")).toBeCloseTo(0.25 / (dX1 + 0.25), 14);
    expect(result.weights.get("Y1")).toBe(1);
    expect(result.units).toEqual(["U"]);
    expect(result.years).toEqual([2017, 2018, 2019, 2020]);
  });
});

describe("objectiveWeights, group rule tree", () => {
  it("keeps the groups' tree weights and weights indicators among their siblings only", () => {
    const { tree, panel } = fixture();
    const result = objectiveWeights(tree, panel, "entropy", { groupWeights: "tree" });
    expect(result.weights.get("X")).toBe(0.7);
    expect(result.weights.get("Y")).toBe(0.3);
    expect(result.weights.get("X1")).toBeCloseTo(dX1 / (dX1 + 0.25), 14);
    expect(result.weights.get("Y1")).toBe(1);
  });
});

describe("objectiveWeights, observations", () => {
  it("uses only the chosen years", () => {
    const { tree, panel } = fixture();
    // years 2019-2020 only: X1 (3, 5) -> x' (0, 1): d = 1; X2 (8, 6) -> (0, 1): d = 1; Y1 (6, 6) constant: d = 0
    const result = objectiveWeights(tree, panel, "entropy", { years: [2019, 2020] });
    expect(result.weights.get("X")).toBeCloseTo(1, 14);
    expect(result.weights.get("Y")).toBe(0);
    expect(result.weights.get("X1")).toBeCloseTo(0.5, 14);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: "W_CONSTANT_INDICATOR", id: "Y1" }),
      expect.objectContaining({ code: "W_ZERO_GROUP_WEIGHT", message: weightingMessages.zeroGroupWeight("Y", "entropy") }),
    ]);
    expect(result.years).toEqual([2019, 2020]);
  });

  it("uses the chosen units, pooling their unit-years", () => {
    const tree = makeTree([["A", "", "", "+"], ["B", "", "", "+"]]);
    const panel = makePanel(tree, [2017, 2018], { A: { U1: [1, 2], U2: [3, 9] }, B: { U1: [5, 5], U2: [1, 2] } });
    const result = objectiveWeights(tree, panel, "entropy", { units: ["U2"] });
    // U2 alone: A (3, 9) and B (1, 2) both min-max to (0, 1): d = 1 each
    expect(result.weights.get("A")).toBeCloseTo(0.5, 14);
    // all four unit-years: A (1, 2, 3, 9), B (5, 5, 1, 2) — compare with the method on the pooled columns
    const pooled = objectiveWeights(tree, panel, "entropy");
    const scores = entropyScores({ codes: ["A", "B"], directions: ["positive", "positive"], columns: [Float64Array.of(1, 2, 3, 9), Float64Array.of(5, 5, 1, 2)] }).scores;
    expect(pooled.weights.get("A")).toBeCloseTo(scores[0] / (scores[0] + scores[1]), 14);
  });

  it("reports unknown units and years, missing values and too few observations", () => {
    const { tree, panel } = fixture();
    expect(objectiveWeights(tree, panel, "entropy", { units: ["V"], years: [1999] }).issues).toEqual([
      expect.objectContaining({ code: "E_UNKNOWN_WEIGHT_UNIT", message: weightingMessages.unknownWeightUnit("V", ["U"]) }),
      expect.objectContaining({ code: "E_UNKNOWN_WEIGHT_YEAR", message: weightingMessages.unknownWeightYear(1999, [2017, 2018, 2019, 2020]) }),
    ]);
    expect(objectiveWeights(tree, panel, "critic", { years: [2018] }).issues).toEqual([
      expect.objectContaining({ code: "E_TOO_FEW_OBSERVATIONS", message: weightingMessages.tooFewObservations(1) }),
    ]);
    const gappy = makePanel(tree, [2017, 2018, 2019], { X1: { U: [1, Number.NaN, 3] }, X2: { U: [3, 2, 1] }, Y1: { U: [1, 2, 2] } });
    expect(objectiveWeights(tree, gappy, "entropy").issues).toEqual([
      expect.objectContaining({ code: "E_MISSING_VALUE", id: "X1", message: weightingMessages.missingObservation("X1", "U", 2018) }),
    ]);
    expect(objectiveWeights(tree, gappy, "entropy", { years: [2017, 2019] }).issues).toEqual([]);
  });

  it("reports a tree where no indicator varies", () => {
    const tree = makeTree([["A", "", "", "+"], ["B", "", "", "+"]]);
    const panel = makePanel(tree, [2017, 2018], { A: { U: [1, 1] }, B: { U: [2, 2] } });
    expect(objectiveWeights(tree, panel, "entropy").issues).toEqual([
      expect.objectContaining({ code: "E_NO_VARIATION", message: weightingMessages.noVariation("INDEX", "entropy") }),
    ]);
  });
});
