/**
 * W_WEIGHT_DOMINANT: a method that derives weights from the data gives one child more than half (share > 0.5) of its
 * group's weight among 3 or more children. Weights a person chose (explicit, equal, AHP) are never warned of.
 */
import { describe, expect, it } from "vitest";
import { uncertainty } from "../../../src/api.js";
import { deriveWeights, type WeightingOptions } from "../../../src/core/weighting/derive.js";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import { dominantWeightWarnings } from "../../../src/core/weighting/objective.js";
import { makePanel, makeTree } from "./helpers.js";

// Group G of three indicators over 4 units in one year (4 observations).
const tree = (weights: readonly [string, string, string] = ["", "", ""]) =>
  makeTree([
    ["G", "", "", ""],
    ["a", "G", weights[0], "+"],
    ["b", "G", weights[1], "+"],
    ["c", "G", weights[2], "+"],
  ]);
const units = ["u1", "u2", "u3", "u4"];
const panelOf = (shape: ReturnType<typeof tree>, a: readonly number[], b: readonly number[], c: readonly number[]) =>
  makePanel(shape, [2020], Object.fromEntries([["a", a], ["b", b], ["c", c]].map(([code, values]) => [code as string, Object.fromEntries(units.map((unit, k) => [unit, [(values as number[])[k]]]))])));

// Entropy by hand, min-max scores x' then p_ij = x'_ij / Σ_i x'_ij, e_j = −(1/ln 4) Σ_i p_ij ln p_ij, d_j = 1 − e_j,
// w_j = d_j / Σ d:
// - a = 10, 10, 10, 50 (nearly constant but for one outlier): x' = 0, 0, 0, 1, p = 0, 0, 0, 1, e = 0, d_a = 1.
// - b = 1, 2, 3, 4 and c = 4, 6, 8, 10: x' = 0, 1/3, 2/3, 1 (sum 2), p = 0, 1/6, 1/3, 1/2,
//   e = (1/6·ln 6 + 1/3·ln 3 + 1/2·ln 2)/ln 4 = (0.298627 + 0.366204 + 0.346574)/1.386294 = 0.729574, d = 0.270426.
// - w_a = 1/(1 + 2·0.270426) = 1/1.540852 = 0.648992: 64.9% of G.
const D_LINEAR = 1 - (Math.log(6) / 6 + Math.log(3) / 3 + Math.log(2) / 2) / Math.log(4);
const OUTLIER = [10, 10, 10, 50];
const LINEAR_B = [1, 2, 3, 4];
const LINEAR_C = [4, 6, 8, 10];
// - a = 10, 10, 50, 50: x' = 0, 0, 1, 1, p = 0, 0, 1/2, 1/2, e = ln 2/ln 4 = 0.5, d_a = 0.5;
//   w_a = 0.5/(0.5 + 2·0.270426) = 0.5/1.040852 = 0.480376: 48.0%, under half.
const TWO_HIGH = [10, 10, 50, 50];

const dominant = (options: WeightingOptions, shape = tree(), a = OUTLIER, b = LINEAR_B, c = LINEAR_C) =>
  deriveWeights(shape, panelOf(shape, a, b, c), options).warnings.filter((warning) => warning.code === "W_WEIGHT_DOMINANT");

describe("W_WEIGHT_DOMINANT", () => {
  it("entropy gives the near-constant indicator with one outlier 64.9% of its group of three: warned, with its share", () => {
    expect(D_LINEAR).toBeCloseTo(0.270426, 6);
    const result = deriveWeights(tree(), panelOf(tree(), OUTLIER, LINEAR_B, LINEAR_C), { method: "entropy" });
    expect(result.weights.get("a")).toBeCloseTo(0.648992, 6);
    expect(result.weights.get("a")).toBeCloseTo(1 / (1 + 2 * D_LINEAR), 12);
    const warnings = result.warnings.filter((warning) => warning.code === "W_WEIGHT_DOMINANT");
    expect(warnings).toEqual([{ code: "W_WEIGHT_DOMINANT", id: "a", message: weightingMessages.weightDominant("entropy", "G", "a", result.weights.get("a")!, 3, false, false) }]);
    expect(warnings[0].message).toBe(
      'entropy weights give indicator "a" 64.9% of the weight of "G", among its 3 children; expected no child over 50% when the weights come from the data: ' +
        "entropy weights reward values concentrated on few observations, so an indicator that is nearly constant but for an outlier has low entropy and takes most of the weight. " +
        'Check the values of "a" over the chosen observations (an outlier, a wrong unit or scale, a series that is nearly constant); if that weight is not meant, set the weights in the ' +
        "tree's weight column and use --weights explicit, or temper the data's weights with the tree's by --weights combined --alpha",
    );
  });

  it("entropy giving 48.0% (just under half) is not warned of", () => {
    const result = deriveWeights(tree(), panelOf(tree(), TWO_HIGH, LINEAR_B, LINEAR_C), { method: "entropy" });
    expect(result.weights.get("a")).toBeCloseTo(0.5 / (0.5 + 2 * D_LINEAR), 12);
    expect(result.weights.get("a")).toBeCloseTo(0.480376, 6);
    expect(result.warnings.filter((warning) => warning.code === "W_WEIGHT_DOMINANT")).toEqual([]);
  });

  it("the coefficient of variation gives a = 1, 1, 1, 9 64.4% of its group: warned", () => {
    // sd/mean with sd over n (the divisor does not change the weights): a: mean 3, sd = √((4+4+4+36)/4) = √12 = 3.464102,
    // v = 1.154701; b = 2, 3, 4, 5: mean 3.5, sd = √1.25 = 1.118034, v = 0.319438; c = 4, 6, 8, 10 = 2·b: v = 0.319438.
    // w_a = 1.154701/(1.154701 + 2·0.319438) = 1.154701/1.793577 = 0.643798: 64.4%.
    const shape = tree();
    const result = deriveWeights(shape, panelOf(shape, [1, 1, 1, 9], [2, 3, 4, 5], [4, 6, 8, 10]), { method: "cv" });
    expect(result.weights.get("a")).toBeCloseTo(0.643798, 6);
    const [warning, ...others] = result.warnings.filter((issue) => issue.code === "W_WEIGHT_DOMINANT");
    expect(others).toEqual([]);
    expect(warning.id).toBe("a");
    expect(warning.message).toMatch(/^coefficient-of-variation weights give indicator "a" 64\.4% of the weight of "G", among its 3 children; expected no child over 50%.*sd\/mean/);
  });

  it("explicit weights giving a 80%, equal weights and a pair of children over half are not warned of", () => {
    expect(dominant({ method: "explicit" }, tree(["0.8", "0.1", "0.1"]))).toEqual([]);
    expect(dominant({ method: "equal" }, tree(["0.8", "0.1", "0.1"]))).toEqual([]);
    // Two children: a = 10, 10, 10, 50 (d = 1) and b = 1, 2, 3, 4 (d = 0.270426): w_a = 1/1.270426 = 78.7%, ordinary for a pair.
    const pair = makeTree([
      ["G", "", "", ""],
      ["a", "G", "", "+"],
      ["b", "G", "", "+"],
    ]);
    const result = deriveWeights(pair, makePanel(pair, [2020], { a: Object.fromEntries(units.map((unit, k) => [unit, [OUTLIER[k]]])), b: Object.fromEntries(units.map((unit, k) => [unit, [LINEAR_B[k]]])) }), { method: "entropy" });
    expect(result.weights.get("a")).toBeCloseTo(1 / (1 + D_LINEAR), 12);
    expect(result.warnings.filter((warning) => warning.code === "W_WEIGHT_DOMINANT")).toEqual([]);
  });

  it("combined: warned when the combined weight and the objective set's are both over half, with the combined share", () => {
    // Equal (1/3 each) with entropy (a: 0.648992), additive: alpha 0.2 gives a 0.2/3 + 0.8·0.648992 = 0.585860 (58.6%),
    // alpha 0.5 gives 1/6 + 0.5·0.648992 = 0.491163 (under half).
    const [warning, ...others] = dominant({ method: "combined", subjective: "equal", alpha: 0.2 });
    expect(others).toEqual([]);
    expect(warning.message).toBe(weightingMessages.weightDominant("entropy", "G", "a", 0.2 / 3 + 0.8 / (1 + 2 * D_LINEAR), 3, false, true));
    expect(warning.message).toMatch(/^the weights of --weights combined give indicator "a" 58\.6% of the weight of "G", among its 3 children \(the objective set, entropy weights, gives it over 50% on its own\)/);
    expect(dominant({ method: "combined", subjective: "equal", alpha: 0.5 })).toEqual([]);
    // The tree's 80% for a with entropy's 48.0% (a = 10, 10, 50, 50) at alpha 0.5: a gets 0.4 + 0.240188 = 64.0%, chosen
    // by a person, not the data: not warned of.
    expect(dominant({ method: "combined", subjective: "explicit", alpha: 0.5 }, tree(["0.8", "0.1", "0.1"]), TWO_HIGH)).toEqual([]);
  });

  it("--group-weights tree: a group the tree weighs 80% is not warned of, the indicator entropy weighs 64.9% within it is", () => {
    const shape = makeTree([
      ["P", "", "0.8", ""],
      ["Q", "", "0.1", ""],
      ["R", "", "0.1", ""],
      ["a", "P", "", "+"],
      ["b", "P", "", "+"],
      ["c", "P", "", "+"],
      ["d", "Q", "", "+"],
      ["e", "R", "", "+"],
    ]);
    const column = (values: readonly number[]) => Object.fromEntries(units.map((unit, k) => [unit, [values[k]]]));
    const panel = makePanel(shape, [2020], { a: column(OUTLIER), b: column(LINEAR_B), c: column(LINEAR_C), d: column(LINEAR_B), e: column(LINEAR_C) });
    const result = deriveWeights(shape, panel, { method: "entropy", groupWeights: "tree" });
    expect(result.weights.get("P")).toBe(0.8);
    expect(result.warnings.filter((warning) => warning.code === "W_WEIGHT_DOMINANT").map((warning) => warning.id)).toEqual(["a"]);
  });

  it("under strict it stays a warning (advice on the weights the method defines), and the weights are derived", () => {
    const result = deriveWeights(tree(), panelOf(tree(), OUTLIER, LINEAR_B, LINEAR_C), { method: "entropy", strict: true });
    expect(result.warnings.map((warning) => warning.code)).toEqual(["W_WEIGHT_DOMINANT"]);
    expect(result.weights.get("a")).toBeCloseTo(0.648992, 6);
  });

  it("dominantWeightWarnings: the rule is share > 50% as printed (one decimal) among 3 or more children, in the groups given only", () => {
    const shape = tree();
    expect(dominantWeightWarnings(shape, new Map([["a", 0.5], ["b", 0.25], ["c", 0.25]]), ["G"], "entropy")).toEqual([]);
    // 0.5004 prints 50.0%: half, not over it (CRITIC gives C13 0.500308 of C1 on the shipped example); 0.5006 prints 50.1%.
    expect(dominantWeightWarnings(shape, new Map([["a", 0.5004], ["b", 0.2496], ["c", 0.25]]), ["G"], "entropy")).toEqual([]);
    expect(dominantWeightWarnings(shape, new Map([["a", 0.5006], ["b", 0.2494], ["c", 0.25]]), ["G"], "entropy").map((warning) => warning.message.match(/[\d.]+%/)![0])).toEqual(["50.1%"]);
    expect(dominantWeightWarnings(shape, new Map([["a", 0.51], ["b", 0.24], ["c", 0.25]]), ["G"], "entropy").map((warning) => warning.id)).toEqual(["a"]);
    expect(dominantWeightWarnings(shape, new Map([["a", 0.9], ["b", 0.05], ["c", 0.05]]), [], "entropy")).toEqual([]);
  });

  it("the uncertainty analysis warns once per run, not once per replication", async () => {
    const shape = tree();
    const result = await uncertainty({ tree: shape, panel: panelOf(shape, OUTLIER, LINEAR_B, LINEAR_C) }, { weights: "entropy", normalize: "min-max", weightNoise: 0.2, replications: 50 });
    expect(result.warnings.filter((warning) => warning.code === "W_WEIGHT_DOMINANT").map((warning) => warning.id)).toEqual(["a"]);
  });
});
