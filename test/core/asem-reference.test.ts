/**
 * Every method on real data with gaps, against an independent implementation in R: COINr's ASEM example data
 * (MIT licence; 51 countries, 2018-2022) in test/fixtures/asem, two small trees cut from its framework, and
 * test/fixtures/asem/expected.csv written by test/fixtures/asem/reference.R (base R 4.2.2, from the published
 * formulas: COINr's n_minmax and n_zscore, R's rank and sd, COINr's a_gmean and a_hmean, the MPI of De Muro,
 * Mazziotta & Pareto 2011). Missing values are left out and their siblings reweighted (`--missing reweight`) on both
 * sides. The overall index and every first-level group are compared in 2018 and 2022 for every unit.
 */
import { describe, expect, it } from "vitest";
import { computeIndex, type ComputeOptions } from "../../src/core/compute.js";
import { loadAsem, readExpected, worstRelativeError } from "./asem.js";

/** case name (as in expected.csv) -> tree file and options */
const CASES: Record<string, [tree: string, options: ComputeOptions]> = {
  "min-max|arithmetic": ["tree-scaling.csv", { normalize: "min-max" }],
  "min-max-year|arithmetic": ["tree-scaling.csv", { normalize: "min-max-year" }],
  "z-score|arithmetic": ["tree-scaling.csv", { normalize: "z-score" }],
  "z-score-year|geometric": ["tree-scaling.csv", { normalize: "z-score-year", aggregate: "geometric" }],
  "z-score|mpi": ["tree-scaling.csv", { normalize: "z-score", aggregate: "mpi" }],
  "z-score|mpi;0=arithmetic": ["tree-scaling.csv", { normalize: "z-score", aggregate: "mpi", aggregateByLevel: { 0: "arithmetic" } }],
  "rank|harmonic": ["tree-scaling.csv", { normalize: "rank", aggregate: "harmonic" }],
  "fixed-base|arithmetic": ["tree-ratio.csv", { normalize: "fixed-base" }],
  "fixed-base cap=150 dampen=sqrt|geometric": ["tree-ratio.csv", { normalize: "fixed-base", cap: 150, dampen: "sqrt", aggregate: "geometric" }],
  "fixed-base dampen=log|arithmetic": ["tree-ratio.csv", { normalize: "fixed-base", dampen: "log" }],
  "chain|harmonic": ["tree-ratio.csv", { normalize: "chain", aggregate: "harmonic" }],
  "distance-to-target|arithmetic": ["tree-ratio.csv", { normalize: "distance-to-target" }],
  "distance-to-target cap=100|geometric": ["tree-ratio.csv", { normalize: "distance-to-target", cap: 100, aggregate: "geometric" }],
  "distance-to-reference reference=DEU|geometric": ["tree-ratio.csv", { normalize: "distance-to-reference", referenceUnit: "DEU", aggregate: "geometric" }],
};

const expected = readExpected("asem/expected.csv");

describe("every method against the R reference on the ASEM data", () => {
  it("covers every case of expected.csv", () => {
    expect([...expected.keys()].sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.keys(CASES))("%s", (name) => {
    const [treeFile, options] = CASES[name];
    const { tree, panel } = loadAsem(`asem/${treeFile}`);
    const result = computeIndex(tree, panel, { ...options, baseYear: 2018, missing: "reweight" });
    const rows = expected.get(name)!;
    expect(rows.length).toBe(51 * 2 * (1 + tree.roots.length));
    // R wrote no NA for these cases: every compared value is a number.
    expect(rows.filter((row) => Number.isNaN(row.value))).toEqual([]);
    expect(worstRelativeError(result, rows)).toBeLessThan(1e-12);
  });
});
