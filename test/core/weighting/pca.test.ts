import { describe, expect, it } from "vitest";
import { weightingMessages } from "../../../src/core/weighting/messages.js";
import { objectiveWeights } from "../../../src/core/weighting/objective.js";
import { pcaScores, pcaWeightsFromCorrelation } from "../../../src/core/weighting/pca.js";
import { makePanel, makeTree } from "./helpers.js";

describe("pcaWeightsFromCorrelation", () => {
  it("weights a constructed block correlation matrix as worked out by hand", () => {
    // Indicators 1-3 correlate 0.5 with each other, 4-5 correlate 0.8, blocks are uncorrelated.
    // An equicorrelated block of k with correlation ρ has eigenvalue 1 + (k-1)ρ on the uniform vector and 1 - ρ
    // otherwise: eigenvalues 2 (v = (1,1,1,0,0)/√3), 1.8 (v = (0,0,0,1,1)/√2), 0.5, 0.5, 0.2.
    // Kaiser: keep 2 and 1.8. Scaled squared loadings: 1/3 for 1-3 on component 1, 1/2 for 4-5 on component 2.
    // Shares of retained variance: 2/3.8 and 1.8/3.8. Weights: (1/3)(2/3.8) = 0.1754386 for 1-3,
    // (1/2)(1.8/3.8) = 0.2368421 for 4-5; they already sum to 1.
    const r = [
      [1, 0.5, 0.5, 0, 0],
      [0.5, 1, 0.5, 0, 0],
      [0.5, 0.5, 1, 0, 0],
      [0, 0, 0, 1, 0.8],
      [0, 0, 0, 0.8, 1],
    ];
    const details = pcaWeightsFromCorrelation(r);
    expect(details.retained).toBe(2);
    expect(details.eigenvalues[0]).toBeCloseTo(2, 12);
    expect(details.eigenvalues[1]).toBeCloseTo(1.8, 12);
    expect(details.component).toEqual([0, 0, 0, 1, 1]);
    [2 / 11.4, 2 / 11.4, 2 / 11.4, 0.9 / 3.8, 0.9 / 3.8].forEach((weight, j) => expect(details.weights[j]).toBeCloseTo(weight, 12));
  });

  it("with varimax, resolves two components of equal eigenvalue into one per block (known answer)", () => {
    // Block 1: 3 indicators correlating 0.3 (eigenvalue 1 + 2·0.3 = 1.6); block 2: 2 indicators correlating 0.6
    // (eigenvalue 1.6). The eigenvalue 1.6 is double, so the unrotated eigenvectors are any basis of its plane;
    // varimax turns them into simple structure: squared loadings 1.6/3 on block 1 and 1.6/2 on block 2.
    // Each component explains 1.6 of the 3.2 retained: weights (1.6/3)/3.2 = 1/6 and 0.8/3.2 = 1/4.
    const r = [
      [1, 0.3, 0.3, 0, 0],
      [0.3, 1, 0.3, 0, 0],
      [0.3, 0.3, 1, 0, 0],
      [0, 0, 0, 1, 0.6],
      [0, 0, 0, 0.6, 1],
    ];
    const details = pcaWeightsFromCorrelation(r, "varimax");
    expect(details.retained).toBe(2);
    details.explained.forEach((value) => expect(value).toBeCloseTo(1.6, 10));
    [1 / 6, 1 / 6, 1 / 6, 1 / 4, 1 / 4].forEach((weight, j) => expect(details.weights[j]).toBeCloseTo(weight, 10));
    expect(details.component[0]).not.toBe(details.component[3]);
  });

  it("without rotation uses the eigenvalues as explained variance", () => {
    const details = pcaWeightsFromCorrelation([[1, 0.5, 0.5, 0, 0], [0.5, 1, 0.5, 0, 0], [0.5, 0.5, 1, 0, 0], [0, 0, 0, 1, 0.8], [0, 0, 0, 0.8, 1]], "none");
    expect(details.explained[0]).toBeCloseTo(2, 12);
    expect(details.explained[1]).toBeCloseTo(1.8, 12);
  });

  it("keeps the first component when no eigenvalue exceeds 1", () => {
    expect(pcaWeightsFromCorrelation([[1, 0], [0, 1]]).retained).toBe(1);
  });
});

describe("pcaScores", () => {
  it("derives the correlation matrix from the data: two perfectly correlated indicators and an orthogonal one", () => {
    // x2 = 2·x1 (r = 1); x3 centred is (1,-1,-1,1), orthogonal to x1 centred (-1.5,-0.5,0.5,1.5): r = 0.
    // R = [[1,1,0],[1,1,0],[0,0,1]]: eigenvalues 2, 1, 0; only 2 > 1 is kept, v = (1,1,0)/√2: weights 1/2, 1/2, 0.
    const { scores, details } = pcaScores({
      codes: ["a", "b", "c"],
      directions: ["positive", "negative", "positive"],
      columns: [Float64Array.of(1, 2, 3, 4), Float64Array.of(2, 4, 6, 8), Float64Array.of(1, -1, -1, 1)],
    });
    expect(details?.retained).toBe(1);
    expect(scores[0]).toBeCloseTo(0.5, 12);
    expect(scores[1]).toBeCloseTo(0.5, 12);
    expect(scores[2]).toBeCloseTo(0, 12);
  });

  it("warns (W_PCA_SINGULAR) when the correlation matrix is singular with more observations than indicators", () => {
    // The matrix above: 4 observations of 3 indicators, eigenvalues 2, 1, 0, so rank 2 (b is 2·a).
    const { warnings } = pcaScores({
      codes: ["a", "b", "c"],
      directions: ["positive", "positive", "positive"],
      columns: [Float64Array.of(1, 2, 3, 4), Float64Array.of(2, 4, 6, 8), Float64Array.of(1, -1, -1, 1)],
      group: "G",
    });
    expect(warnings).toEqual([{ code: "W_PCA_SINGULAR", message: weightingMessages.pcaSingular("G", 3, 2, false), id: "G" }]);
  });

  it("warns (W_PCA_FEW_OBSERVATIONS) when there are no more observations than indicators, and derives the weights all the same", () => {
    // 3 observations of 3 indicators: centred a = (-1, 0, 1), b = (1, -1, 0), c = (0, 1, -1), each of norm √2, and
    // every pair's product is -1, so r = -1/2 for every pair. R = 1.5·I - 0.5·J: eigenvalues 1.5, 1.5 and 0 (on the
    // uniform vector), rank 2 = n - 1, as for any 3 centred observations. The weights stay defined (they sum to 1).
    const { scores, warnings } = pcaScores({
      codes: ["a", "b", "c"],
      directions: ["positive", "positive", "positive"],
      columns: [Float64Array.of(1, 2, 3), Float64Array.of(3, 1, 2), Float64Array.of(2, 3, 1)],
    });
    expect(warnings).toEqual([{ code: "W_PCA_FEW_OBSERVATIONS", message: weightingMessages.pcaFewObservations("INDEX", 3, 3, false), id: "INDEX" }]);
    expect(scores.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
  });

  it("does not warn with more observations than indicators and a regular matrix", () => {
    // 4 observations of 3 indicators: centred a = (-1.5, -0.5, 0.5, 1.5), c = (1, -1, -1, 1) (r = 0) and
    // b = (1, 0, 0, 0) centred (0.75, -0.25, -0.25, -0.25): no column is a combination of the others, rank 3.
    const { warnings } = pcaScores({
      codes: ["a", "b", "c"],
      directions: ["positive", "positive", "positive"],
      columns: [Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 0, 0, 0), Float64Array.of(1, -1, -1, 1)],
    });
    expect(warnings).toEqual([]);
  });

  it("objectiveWeights(pca) names the group whose matrix has too few observations, under each group rule", () => {
    // 3 units, one year: 3 observations. G has 3 indicators (3 <= 3: warned), H has 2 (3 > 2, and A4, A5 are not
    // collinear: no warning). Under "sum" all 5 indicators are weighed together under INDEX (3 <= 5); under "level"
    // INDEX weighs the sub-indices of G and H (2 children, 3 observations: no warning).
    const tree = makeTree([
      ["G", "", "", ""],
      ["A1", "G", "", "+"],
      ["A2", "G", "", "+"],
      ["A3", "G", "", "+"],
      ["H", "", "", ""],
      ["A4", "H", "", "+"],
      ["A5", "H", "", "+"],
    ]);
    const panel = makePanel(tree, [2020], {
      A1: { U1: [1], U2: [2], U3: [3] },
      A2: { U1: [3], U2: [1], U3: [2] },
      A3: { U1: [2], U2: [3], U3: [1] },
      A4: { U1: [1], U2: [2], U3: [4] },
      A5: { U1: [4], U2: [1], U3: [2] },
    });
    const few = (group: string, count: number) => ({ code: "W_PCA_FEW_OBSERVATIONS", message: weightingMessages.pcaFewObservations(group, 3, count, false), id: group });
    const warned = (groupWeights: "sum" | "tree" | "level") => objectiveWeights(tree, panel, "pca", { groupWeights }).warnings.filter((warning) => warning.code.startsWith("W_PCA"));
    expect(warned("sum")).toEqual([few("INDEX", 5)]);
    expect(warned("tree")).toEqual([few("G", 3)]);
    expect(warned("level")).toEqual([few("G", 3)]);
  });

  it("gives a constant indicator 0 with a warning", () => {
    const { scores, warnings } = pcaScores({
      codes: ["a", "k", "b"],
      directions: ["positive", "positive", "positive"],
      columns: [Float64Array.of(1, 2, 3), Float64Array.of(5, 5, 5), Float64Array.of(3, 1, 2)],
    });
    expect(scores[1]).toBe(0);
    expect(warnings.map((warning) => warning.id)).toEqual(["k"]);
    expect(scores[0] + scores[2]).toBeCloseTo(1, 12);
  });
});
