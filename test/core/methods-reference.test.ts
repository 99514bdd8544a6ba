/**
 * The methods added with the output ranges (range, z-scale, percentile rank, Borda, fraction of the maximum, distance
 * to the best unit and to the average, the generalised mean, Copeland, benefit of the doubt, group directions, entropy
 * of raw values) against an independent implementation in base R on real data with gaps: COINr's ASEM example
 * (test/fixtures/asem/values.csv) and test/fixtures/methods/expected.csv, written by test/fixtures/methods/reference.R
 * from the published formulas (COINr's n_minmax(l_u), n_zscore(m_sd), n_prank, n_borda, n_fracmax, n_dist2max,
 * a_genmean, outrankMatrix/a_copeland; benefit of the doubt by enumerating the vertices of the weight polytope, so
 * no simplex is shared; Xu's entropy of raw values). Missing values are left out and siblings reweighted on both sides.
 */
import { describe, expect, it } from "vitest";
import { computeIndex, type ComputeOptions } from "../../src/core/compute.js";
import { deriveWeights } from "../../src/core/weighting/derive.js";
import { loadAsem as load, readExpected, worstRelativeError } from "./asem.js";

const SCALING = "asem/tree-scaling.csv";
/** case name (as in expected.csv) -> tree file and options */
const CASES: Record<string, [tree: string, options: ComputeOptions]> = {
  "min-max range=1,100|geometric": [SCALING, { normalize: "min-max", range: { low: 1, high: 100 }, aggregate: "geometric" }],
  "min-max range=1,100|power=0.5": [SCALING, { normalize: "min-max", range: { low: 1, high: 100 }, aggregate: "power", power: 0.5 }],
  "min-max range=1,100|power=-2": [SCALING, { normalize: "min-max", range: { low: 1, high: 100 }, aggregate: "power", power: -2 }],
  "z-score z-scale=0,1|arithmetic": [SCALING, { normalize: "z-score", zScale: { mean: 0, sd: 1 } }],
  "percentile-rank|arithmetic": [SCALING, { normalize: "percentile-rank" }],
  "borda|arithmetic": [SCALING, { normalize: "borda" }],
  "fraction-of-max|geometric": [SCALING, { normalize: "fraction-of-max", aggregate: "geometric" }],
  "distance-to-max|arithmetic": [SCALING, { normalize: "distance-to-max" }],
  "distance-to-average|geometric": [SCALING, { normalize: "distance-to-average", aggregate: "geometric" }],
  "min-max|copeland": [SCALING, { normalize: "min-max", aggregate: "copeland" }],
  "min-max|bod": ["methods/tree-bod.csv", { normalize: "min-max", aggregate: "bod" }],
  "min-max group-direction|arithmetic": ["methods/tree-direction.csv", { normalize: "min-max" }],
  "fixed-base group-direction|geometric": ["methods/tree-ratio-direction.csv", { normalize: "fixed-base", aggregate: "geometric" }],
};
const ENTROPY_CASES: Record<string, "raw" | "min-max"> = { "entropy raw": "raw", "entropy min-max": "min-max" };

const expected = readExpected("methods/expected.csv");

describe("the new methods against the R reference on the ASEM data", () => {
  it("covers every case of expected.csv", () => {
    expect([...expected.keys()].sort()).toEqual([...Object.keys(CASES), ...Object.keys(ENTROPY_CASES)].sort());
  });

  it.each(Object.keys(CASES))("%s", (name) => {
    const [treeFile, options] = CASES[name];
    const { tree, panel } = load(treeFile);
    const result = computeIndex(tree, panel, { ...options, baseYear: 2018, missing: "reweight" });
    const rows = expected.get(name)!;
    expect(rows.length).toBe(51 * 2 * (1 + tree.roots.length));
    expect(worstRelativeError(result, rows)).toBeLessThan(1e-10);
  });

  it.each(Object.keys(ENTROPY_CASES))("%s weights within groups", (name) => {
    const { tree, panel } = load(SCALING);
    const result = deriveWeights(tree, panel, { method: "entropy", entropyInput: ENTROPY_CASES[name], groupWeights: "tree", missing: "drop" });
    for (const row of expected.get(name)!) expect(result.weights.get(row.code)).toBeCloseTo(row.value, 12);
  });
});
