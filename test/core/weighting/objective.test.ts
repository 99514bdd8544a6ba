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

  it("gives the indicators of a group equal weights, with a warning, when none of them varies", () => {
    const { tree } = fixture();
    const panel = makePanel(tree, [2017, 2018], { X1: { U: [2, 2] }, X2: { U: [5, 5] }, Y1: { U: [1, 2] } });
    const result = objectiveWeights(tree, panel, "critic", { groupWeights: "tree" });
    expect(result.issues).toEqual([]);
    expect(result.weights.get("X1")).toBe(0.5);
    // Y1 is an only child: weight 1 (CRITIC alone would score it 0, having no other indicator to differ from)
    expect(result.weights.get("Y1")).toBe(1);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["W_CONSTANT_INDICATOR", "W_CONSTANT_INDICATOR", "W_NO_VARIATION"]);
    expect(result.warnings[2].message).toBe(weightingMessages.noVariationEqual("X", "CRITIC"));
  });

  it("gives a group's one varying indicator its whole weight under CRITIC, and the constant one 0 (before: half each)", () => {
    const { tree } = fixture();
    // X1 is constant (2, 2, 2): CRITIC scores it 0; X2 varies but has no other varying sibling to differ from, so it
    // scores σ·0 = 0 too. As a lone indicator weighs 1, X2 takes X's whole weight; Y1 is an only child.
    const panel = makePanel(tree, [2017, 2018, 2019], { X1: { U: [2, 2, 2] }, X2: { U: [5, 4, 6] }, Y1: { U: [1, 2, 3] } });
    for (const groupWeights of ["tree", "level"] as const) {
      const result = objectiveWeights(tree, panel, "critic", { groupWeights });
      expect(result.issues).toEqual([]);
      expect([result.weights.get("X1"), result.weights.get("X2"), result.weights.get("Y1")]).toEqual([0, 1, 1]);
      expect(result.warnings.map((warning) => warning.code)).toEqual(["W_CONSTANT_INDICATOR", "W_NO_VARIATION"]);
      expect(result.warnings[1].message).toBe(
        'the children of "X" that vary ("X2") do not differ from one another over the chosen observations (one alone), so CRITIC weights are undefined among them; they share the group\'s weight equally, and the constant one ("X1") gets 0',
      );
    }
  });

  it("gives CRITIC's perfectly correlated indicators equal weights, with a warning: both score σ·Σ(1 − 1) = 0", () => {
    const { tree } = fixture();
    // X1 (+) and X2 (−) both scale to [0, 1, 0] (correlation 1); Y1 varies
    const panel = makePanel(tree, [2017, 2018, 2019], { X1: { U: [5, 6, 5] }, X2: { U: [5, 4, 5] }, Y1: { U: [1, 2, 3] } });
    const result = objectiveWeights(tree, panel, "critic", { groupWeights: "tree" });
    expect(result.issues).toEqual([]);
    expect([result.weights.get("X1"), result.weights.get("X2")]).toEqual([0.5, 0.5]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["W_NO_VARIATION"]);
    // The warning says why for CRITIC: they vary, but move together.
    expect(result.warnings[0].message).toBe(
      'no child of "X" both varies and differs from the others over the chosen observations (constant, or correlated 1 with every other), so CRITIC weights are undefined among them; they get equal weights',
    );
  });

  it("says, for CRITIC over two observations, that the indicators move together, not that none varies", () => {
    // Two years: A rises, B (negative) falls: both scale to [0, 1], correlation 1, so both score σ·(1 − 1) = 0.
    const tree = makeTree([["A", "", "", "+"], ["B", "", "", "-"]]);
    const panel = makePanel(tree, [2017, 2018], { A: { U: [1, 2] }, B: { U: [4, 3] } });
    expect(objectiveWeights(tree, panel, "critic").issues.map((issue) => issue.message)).toEqual([weightingMessages.noVariation("INDEX", "CRITIC")]);
    expect(weightingMessages.noVariation("INDEX", "CRITIC")).toMatch(/^no indicator under "INDEX" both varies and differs from the others .*correlation with the others is 1/);
  });
});

describe("objectiveWeights, group rule level", () => {
  const tree = () =>
    makeTree([
      ["X", "", "", ""],
      ["X1", "X", "", "+"],
      ["X2", "X", "", "+"],
      ["Y", "", "", ""],
      ["Y1", "Y", "", "+"],
    ]);
  /** -Σ p ln p / ln m with 0·ln 0 = 0 over shares of x (written out for the test). */
  const divergence = (x: number[]) => {
    const total = x.reduce((a, b) => a + b, 0);
    return 1 + x.reduce((sum, value) => (value > 0 ? sum + (value / total) * Math.log(value / total) : sum), 0) / Math.log(x.length);
  };

  it("weights groups by the method on their sub-indices (weighted means of their children's min-max scores)", () => {
    // X1 (0, 1, 2) -> x' (0, 1/2, 1); X2 (0, 2, 2) -> (0, 1, 1); Y1 (5, 3, 1) -> (1, 1/2, 0)
    const panel = makePanel(tree(), [2017, 2018, 2019], { X1: { U: [0, 1, 2] }, X2: { U: [0, 2, 2] }, Y1: { U: [5, 3, 1] } });
    const result = objectiveWeights(tree(), panel, "entropy", { groupWeights: "level" });
    expect(result.issues).toEqual([]);
    const [d1, d2] = [divergence([0, 0.5, 1]), divergence([0, 1, 1])];
    const [w1, w2] = [d1 / (d1 + d2), d2 / (d1 + d2)];
    expect(result.weights.get("X1")).toBeCloseTo(w1, 14);
    expect(result.weights.get("X2")).toBeCloseTo(w2, 14);
    // sub-index X = w1·(0, 1/2, 1) + w2·(0, 1, 1) = (0, w1/2 + w2, 1), already on [0, 1]; Y = (1, 1/2, 0)
    const [dX, dY] = [divergence([0, w1 / 2 + w2, 1]), divergence([1, 0.5, 0])];
    expect(result.weights.get("X")).toBeCloseTo(dX / (dX + dY), 14);
    expect(result.weights.get("Y")).toBeCloseTo(dY / (dX + dY), 14);
  });

  it("gives a group whose children cancel out weight 0, where the sum rule would not", () => {
    // X1 (0, 1) and X2 (1, 0): equal entropy weights, sub-index X = (1/2, 1/2) does not vary; Y1 (0, 1) does.
    const panel = makePanel(tree(), [2017, 2018], { X1: { U: [0, 1] }, X2: { U: [1, 0] }, Y1: { U: [0, 1] } });
    const level = objectiveWeights(tree(), panel, "entropy", { groupWeights: "level" });
    expect(level.weights.get("X")).toBe(0);
    expect(level.weights.get("Y")).toBe(1);
    expect(level.weights.get("X1")).toBeCloseTo(0.5, 14);
    // sum rule: every indicator has d = 1, so X weighs 2/3
    expect(objectiveWeights(tree(), panel, "entropy").weights.get("X")).toBeCloseTo(2 / 3, 14);
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

  it("with missing: drop, leaves out every unit-year with a gap, for every indicator, and says which", () => {
    const { tree } = fixture();
    const gappy = makePanel(tree, [2017, 2018, 2019], { X1: { U: [1, Number.NaN, 3] }, X2: { U: [3, 2, 1] }, Y1: { U: [1, 2, 4] } });
    const dropped = objectiveWeights(tree, gappy, "entropy", { missing: "drop" });
    const twoYears = objectiveWeights(tree, gappy, "entropy", { years: [2017, 2019] });
    expect(dropped.issues).toEqual([]);
    expect(dropped.observations).toBe(2);
    expect(dropped.dropped).toEqual([{ unit: "U", year: 2018 }]);
    for (const code of ["X", "X1", "X2", "Y", "Y1"]) expect(dropped.weights.get(code)).toBe(twoYears.weights.get(code));
    expect(dropped.warnings).toEqual([
      expect.objectContaining({ code: "W_OBSERVATIONS_DROPPED", message: weightingMessages.observationsDropped(["U 2018"]) }),
    ]);
    const sparse = makePanel(tree, [2017, 2018], { X1: { U: [1, Number.NaN] }, X2: { U: [3, 2] }, Y1: { U: [1, 2] } });
    expect(objectiveWeights(tree, sparse, "entropy", { missing: "drop" }).issues).toEqual([
      expect.objectContaining({ code: "E_TOO_FEW_OBSERVATIONS", message: weightingMessages.tooFewCompleteObservations(1, 2) }),
    ]);
  });

  it("gives a lone indicator weight 1 under every rule and method", () => {
    const tree = makeTree([["A", "", "", "+"]]);
    const panel = makePanel(tree, [2017, 2018, 2019], { A: { U: [1, 2, 3] } });
    for (const method of ["entropy", "critic", "cv", "pca"] as const)
      for (const groupWeights of ["sum", "tree", "level"] as const) {
        const result = objectiveWeights(tree, panel, method, { groupWeights });
        expect(result.issues).toEqual([]);
        expect(result.weights.get("A")).toBe(1);
      }
  });

  it("reports a tree where no indicator varies", () => {
    const tree = makeTree([["A", "", "", "+"], ["B", "", "", "+"]]);
    const panel = makePanel(tree, [2017, 2018], { A: { U: [1, 1] }, B: { U: [2, 2] } });
    expect(objectiveWeights(tree, panel, "entropy").issues).toEqual([
      expect.objectContaining({ code: "E_NO_VARIATION", message: weightingMessages.noVariation("INDEX", "entropy") }),
    ]);
  });
});
