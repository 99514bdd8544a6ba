import { describe, expect, it } from "vitest";
import { combineWeights } from "../../../src/core/weighting/combine.js";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import { makeTree } from "./helpers.js";

const tree = () => makeTree([["A", "", "", "+"], ["B", "", "", "+"]]);
const subjective = new Map([["A", 0.6], ["B", 0.4]]);
const objective = new Map([["A", 0.2], ["B", 0.8]]);

describe("combineWeights", () => {
  it("additive: α·s + (1 - α)·o, by hand", () => {
    // α = 0.5: (0.3 + 0.1, 0.2 + 0.4) = (0.4, 0.6); α = 0.3: (0.18 + 0.14, 0.12 + 0.56) = (0.32, 0.68)
    const half = combineWeights(tree(), subjective, objective, "additive", 0.5).weights;
    expect(half.get("A")).toBeCloseTo(0.4, 15);
    expect(half.get("B")).toBeCloseTo(0.6, 15);
    const third = combineWeights(tree(), subjective, objective, "additive", 0.3).weights;
    expect(third.get("A")).toBeCloseTo(0.32, 15);
    expect(third.get("B")).toBeCloseTo(0.68, 15);
  });

  it("multiplicative: s·o / Σ s·o, by hand", () => {
    // products 0.12 and 0.32, sum 0.44: 3/11 and 8/11
    const weights = combineWeights(tree(), subjective, objective, "multiplicative").weights;
    expect(weights.get("A")).toBeCloseTo(3 / 11, 15);
    expect(weights.get("B")).toBeCloseTo(8 / 11, 15);
  });

  it("multiplicative: reports siblings whose products are all 0", () => {
    const { issues } = combineWeights(tree(), new Map([["A", 1], ["B", 0]]), new Map([["A", 0], ["B", 1]]), "multiplicative");
    expect(issues).toEqual([expect.objectContaining({ code: "E_COMBINATION_UNDEFINED", message: weightingMessages.combinationUndefined("INDEX") })]);
  });
});
