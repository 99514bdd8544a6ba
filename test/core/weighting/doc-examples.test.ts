/** The `@example` lines of src/core/weighting, run, so the documentation stays true. */
import { describe, expect, it } from "vitest";
import { ahpPriorities } from "../../../src/core/weighting/ahp.js";
import { coefficientOfVariationScores } from "../../../src/core/weighting/coefficient-of-variation.js";
import { combineWeights } from "../../../src/core/weighting/combine.js";
import { criticScores } from "../../../src/core/weighting/critic.js";
import { principalEigenPower, symmetricEigen } from "../../../src/core/weighting/eigen.js";
import { entropyScores } from "../../../src/core/weighting/entropy.js";
import { pcaWeightsFromCorrelation } from "../../../src/core/weighting/pca.js";
import { minimiseOnSimplex } from "../../../src/core/weighting/simplex-search.js";
import { varimax } from "../../../src/core/weighting/varimax.js";
import { makeTree } from "./helpers.js";

const close = (actual: readonly number[], expected: readonly number[], digits = 4) => expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, digits));

describe("documentation examples", () => {
  it("hold", () => {
    const ahp = ahpPriorities([[1, 3], [1 / 3, 1]]);
    close(ahp.weights, [0.75, 0.25]);
    expect([ahp.lambdaMax, ahp.ci, ahp.cr]).toEqual([2, 0, 0]);
    close([...coefficientOfVariationScores({ codes: ["a"], directions: ["positive"], columns: [Float64Array.of(1, 3)] }).scores], [0.5]);
    const combined = combineWeights(makeTree([["a", "", "", "+"], ["b", "", "", "+"]]), new Map([["a", 0.8], ["b", 0.2]]), new Map([["a", 0.4], ["b", 0.6]]), "additive", 0.5).weights;
    close([combined.get("a")!, combined.get("b")!], [0.6, 0.4]);
    close([...criticScores({ codes: ["a", "b"], directions: ["positive", "positive"], columns: [Float64Array.of(0, 1), Float64Array.of(1, 0)] }).scores], [1, 1]);
    const power = principalEigenPower([[1, 2], [0.5, 1]]);
    close([power.value, ...power.vector], [2, 2 / 3, 1 / 3]);
    const symmetric = symmetricEigen([[2, 1], [1, 2]]);
    close(symmetric.values, [3, 1]);
    close(symmetric.vectors.flat(), [0.7071, 0.7071, 0.7071, -0.7071]);
    close([...entropyScores({ codes: ["a"], directions: ["positive"], columns: [Float64Array.of(0, 1)] }).scores], [1]);
    close(pcaWeightsFromCorrelation([[1, 0], [0, 1]]).weights, [1, 0]);
    close(varimax([[0.5, 0.5], [0.5, -0.5]]).flat(), [0.7071, 0, 0, -0.7071]);
    close(minimiseOnSimplex((w) => (w[0] - 0.25) ** 2, [[0.5, 0.5]], { maxEvaluations: 1000 }).weights, [0.25, 0.75]);
  });
});
