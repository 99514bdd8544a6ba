/**
 * Every method on real data with gaps, against an independent implementation in R: COINr's ASEM example data
 * (MIT licence; 51 countries, 2018-2022) in test/fixtures/asem, two small trees cut from its framework, and
 * test/fixtures/asem/expected.csv written by test/fixtures/asem/reference.R (base R 4.2.2, from the published
 * formulas: COINr's n_minmax and n_zscore, R's rank and sd, COINr's a_gmean and a_hmean, the MPI of De Muro,
 * Mazziotta & Pareto 2011). Missing values are left out and their siblings reweighted (`--missing reweight`) on both
 * sides. The overall index and every first-level group are compared in 2018 and 2022 for every unit.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeIndex, resultIndex, type ComputeOptions } from "../../src/core/compute.js";
import { buildPanel } from "../../src/core/panel.js";
import { parseDataCsv } from "../../src/io/read/data-csv.js";
import { parseTreeCsv } from "../../src/io/read/tree-csv.js";

const read = (name: string) => readFileSync(new URL(`../fixtures/asem/${name}`, import.meta.url), "utf8");

const parsedValues = parseDataCsv(read("values.csv"), "values.csv");
if (!parsedValues.ok) throw new Error("the ASEM fixture does not parse");
const records = parsedValues.value;

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

const expected = new Map<string, { unit: string; year: number; code: string; value: number }[]>();
for (const line of read("expected.csv").trim().split("\n").slice(1)) {
  const [name, unit, year, code, value] = line.split(",");
  if (!expected.has(name)) expected.set(name, []);
  expected.get(name)!.push({ unit, year: Number(year), code, value: Number(value) });
}

describe("every method against the R reference on the ASEM data", () => {
  it("covers every case of expected.csv", () => {
    expect([...expected.keys()].sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.keys(CASES))("%s", (name) => {
    const [treeFile, options] = CASES[name];
    const tree = parseTreeCsv(read(treeFile), treeFile);
    const panel = buildPanel(tree, records.filter((record) => tree.byCode.has(record.indicator)));
    if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
    const result = computeIndex(tree, panel.value, { ...options, baseYear: 2018, missing: "reweight" });
    const rows = expected.get(name)!;
    expect(rows.length).toBe(51 * 2 * (1 + tree.roots.length));
    let worst = 0;
    for (const row of rows) {
      const node = result.nodes.findIndex((candidate) => candidate.code === row.code);
      const actual = result.values[resultIndex(result, node, result.units.indexOf(row.unit), result.years.indexOf(row.year))];
      worst = Math.max(worst, Math.abs(actual - row.value) / Math.max(1, Math.abs(row.value)));
    }
    expect(worst).toBeLessThan(1e-12);
  });
});
