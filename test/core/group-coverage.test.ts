/**
 * The minimum coverage at aggregation (`minGroupCoverage`, COINr's `dat_thresh`): `applyMinCoverage` on its own, then
 * `computeIndex`, the uncertainty engine and the drop sensitivity on a small tree whose values are worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { applyMinCoverage } from "../../src/core/group-coverage.js";
import { computeIndex, type ComputeOptions, type IndexResult } from "../../src/core/compute.js";
import { IndexEngine } from "../../src/core/engine.js";
import { analyzeUncertainty } from "../../src/core/uncertainty.js";
import { computeDropSensitivity } from "../../src/core/audit/drop.js";
import { checkMessages } from "../../src/core/check-messages.js";
import { optionMessages } from "../../src/core/option-checks.js";
import { buildTree, type TreeRow } from "../../src/core/tree.js";
import type { Tree } from "../../src/core/types.js";
import { ValidationError } from "../../src/errors.js";
import { panelOf } from "./small.js";

/** A (0.6) = mean(A1, A2, A3), B (0.4) = mean(B1, B2), every indicator `+`. */
function coverageTree(): Tree {
  const rows: TreeRow[] = [
    ["A", "", "0.6"],
    ["A1", "A", ""],
    ["A2", "A", ""],
    ["A3", "A", ""],
    ["B", "", "0.4"],
    ["B1", "B", ""],
    ["B2", "B", ""],
  ].map(([code, parent, weight], i) => ({ line: i + 2, code, parent, name: code, weight, direction: parent ? "+" : "", attributes: {} }));
  const built = buildTree(rows, "tree.csv");
  if (!built.ok) throw new Error("fixture tree is invalid");
  return built.value;
}

/**
 * One year, three units; U1 has A1 only of group A. Min-max over the three units (0 to 100):
 *   A1: U1 5, U2 0, U3 10 -> 50, 0, 100        B1: U1 3, U2 0, U3 4 -> 75, 0, 100
 *   A2: U1 -, U2 0, U3 4  ->  -, 0, 100        B2: U1 2, U2 0, U3 4 -> 50, 0, 100
 *   A3: U1 -, U2 2, U3 0  ->  -, 100, 0
 * By hand, under reweight:
 *   U1: A = 50 (A1 alone, coverage 1/3), B = (75 + 50)/2 = 62.5, INDEX = 0.6·50 + 0.4·62.5 = 55.
 *   U2: A = (0 + 0 + 100)/3 = 33.333…, B = 0, INDEX = 0.6·33.333… = 20.   U3: A = 66.666…, B = 100, INDEX = 80.
 * With minGroupCoverage 0.5: U1's A is missing (1/3 < 0.5); the index's coverage is 1/2 (B alone), which passes 0.5
 * (a share equal to the threshold passes, as COINr's `share < dat_thresh`), so U1's INDEX = B = 62.5 (B's weight
 * renormalised to 1). With 0.6 the index's 1/2 is below it too: U1's INDEX is missing.
 */
function coveragePanel(tree: Tree) {
  return panelOf(tree, {
    U1: { A1: [5], A2: [Number.NaN], A3: [Number.NaN], B1: [3], B2: [2] },
    U2: { A1: [0], A2: [0], A3: [2], B1: [0], B2: [0] },
    U3: { A1: [10], A2: [4], A3: [0], B1: [4], B2: [4] },
  });
}

const OPTIONS: ComputeOptions = { normalize: "min-max", missing: "reweight" };

/** The value of `code` for `unit` in the first year. */
function valueOf(result: IndexResult, code: string, unit: string): number {
  const node = result.nodes.findIndex((candidate) => candidate.code === code);
  return result.values[(node * result.units.length + result.units.indexOf(unit)) * result.years.length];
}

describe("applyMinCoverage(children, minCoverage, out)", () => {
  it("sets missing the cells where the share of children with a value is below the threshold, and counts those that had a value", () => {
    // Cell 0: 2 of 3 children (0.667 >= 0.5) stays; cell 1: 1 of 3 (0.333 < 0.5) goes; cell 2: none, already missing.
    const out = Float64Array.from([2, 4, Number.NaN]);
    const cells: number[] = [];
    const count = applyMinCoverage([[1, Number.NaN, Number.NaN], [Number.NaN, Number.NaN, Number.NaN], [3, 4, Number.NaN]], 0.5, out, (cell) => cells.push(cell));
    expect([...out]).toEqual([2, Number.NaN, Number.NaN]);
    expect(count).toBe(1);
    expect(cells).toEqual([1]);
  });

  it("keeps a share equal to the threshold (1 of 2 at 0.5), and a threshold of 1 asks for every child", () => {
    const half = Float64Array.from([7]);
    expect(applyMinCoverage([[7], [Number.NaN]], 0.5, half)).toBe(0);
    expect(half[0]).toBe(7);
    const all = Float64Array.from([7]);
    expect(applyMinCoverage([[7], [Number.NaN]], 1, all)).toBe(1);
    expect(all[0]).toBeNaN();
  });
});

describe("computeIndex(tree, panel, { minGroupCoverage })", () => {
  const tree = coverageTree();
  const panel = coveragePanel(tree);

  it("without it, reweights over what is there (the hand values above)", () => {
    const result = computeIndex(tree, panel, OPTIONS);
    expect(valueOf(result, "A", "U1")).toBeCloseTo(50, 12);
    expect(valueOf(result, "INDEX", "U1")).toBeCloseTo(55, 12);
    expect(result.imputations.map((row) => row.method)).toEqual(["reweight", "reweight"]);
    expect(result.options).not.toHaveProperty("minGroupCoverage");
  });

  it("at 0.5, leaves U1's A missing (1/3) and computes its index from B alone (1/2 passes): 62.5; records A as below-coverage", () => {
    const result = computeIndex(tree, panel, { ...OPTIONS, minGroupCoverage: 0.5 });
    expect(valueOf(result, "A", "U1")).toBeNaN();
    expect(valueOf(result, "B", "U1")).toBeCloseTo(62.5, 12);
    expect(valueOf(result, "INDEX", "U1")).toBeCloseTo(62.5, 12);
    // The other units have every child: unchanged (20 and 80 by hand).
    expect(valueOf(result, "INDEX", "U2")).toBeCloseTo(20, 12);
    expect(valueOf(result, "INDEX", "U3")).toBeCloseTo(80, 12);
    expect(result.imputations.slice(2)).toEqual([{ unit: "U1", year: 2017, indicator: "A", method: "below-coverage", value: Number.NaN }]);
    expect(result.options.minGroupCoverage).toBe(0.5);
  });

  it("at 0.6, leaves U1's index missing too (1/2 < 0.6), recorded after its group", () => {
    const result = computeIndex(tree, panel, { ...OPTIONS, minGroupCoverage: 0.6 });
    expect(valueOf(result, "INDEX", "U1")).toBeNaN();
    expect(valueOf(result, "B", "U1")).toBeCloseTo(62.5, 12);
    expect(result.imputations.slice(2).map((row) => `${row.unit} ${row.indicator} ${row.method}`)).toEqual(["U1 A below-coverage", "U1 INDEX below-coverage"]);
  });

  it("counts an imputed value as present: carry-forward fills U1's 2018 gaps from 2017, so A has 3 of 3 children", () => {
    // 2018 repeats 2017 except U1's A2 and A3, missing in 2018 only and carried forward (A2 2, A3 1 in 2017).
    const twoYears = panelOf(tree, {
      U1: { A1: [5, 5], A2: [2, Number.NaN], A3: [1, Number.NaN], B1: [3, 3], B2: [2, 2] },
      U2: { A1: [0, 0], A2: [0, 0], A3: [2, 2], B1: [0, 0], B2: [0, 0] },
      U3: { A1: [10, 10], A2: [4, 4], A3: [0, 0], B1: [4, 4], B2: [4, 4] },
    });
    const result = computeIndex(tree, twoYears, { normalize: "min-max", missing: "carry-forward", minGroupCoverage: 1 });
    expect(result.imputations.map((row) => row.method)).toEqual(["carry-forward", "carry-forward"]);
    const node = result.nodes.findIndex((candidate) => candidate.code === "A");
    // U1 2018 (cell 1 of U1's block): A is computed, and equals 2017's (same values after the carry-forward).
    expect(result.values[node * 6 + 1]).toBe(result.values[node * 6]);
    expect(result.values[node * 6 + 1]).not.toBeNaN();
  });

  it("refuses a share outside (0, 1], naming the option", () => {
    for (const share of [0, 1.5, Number.NaN]) {
      const error = (() => {
        try {
          computeIndex(tree, panel, { ...OPTIONS, minGroupCoverage: share });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0].message).toBe(optionMessages.notExpected("minGroupCoverage", share, checkMessages.expectedOption("share")));
    }
  });
});

describe("the analyses honour minGroupCoverage", () => {
  const tree = coverageTree();
  const panel = coveragePanel(tree);

  it("IndexEngine.evaluate with the nominal weights gives computeIndex's index, U1's missing at 0.6", () => {
    for (const minGroupCoverage of [0.5, 0.6]) {
      const engine = new IndexEngine(tree, panel, { minGroupCoverage });
      const choice = { normalize: "min-max", aggregate: "arithmetic", missing: "reweight" } as const;
      engine.prepare(choice);
      const out = engine.evaluate(choice, engine.nominalWeights, new Float64Array(engine.blockSize));
      const result = computeIndex(tree, panel, { ...OPTIONS, minGroupCoverage });
      expect([...out]).toEqual([...result.values.subarray(0, engine.blockSize)]);
      if (minGroupCoverage === 0.5) expect(out[0]).toBeCloseTo(62.5, 12);
      else expect(out[0]).toBeNaN();
    }
  });

  it("analyzeUncertainty's nominal index is computeIndex's (U1 62.5 at 0.5)", () => {
    const result = analyzeUncertainty(tree, panel, { minGroupCoverage: 0.5, normalizations: ["min-max"], missingPolicies: ["reweight"], weightNoise: 0.2, replications: 20, seed: 1 });
    expect(result.index.nominal[0]).toBeCloseTo(62.5, 12);
    expect([...result.index.nominal]).toEqual([...computeIndex(tree, panel, { ...OPTIONS, minGroupCoverage: 0.5 }).values.subarray(0, 3)]);
  });

  it("computeDropSensitivity re-aggregates with it: without B, U1's index has A only, missing at 0.5 (0 of 1 child with a value)", () => {
    // Dropping B leaves the index one child, A: U2's index is A = 33.333…, U1's has no child with a value.
    const drop = computeDropSensitivity(computeIndex(tree, panel, { ...OPTIONS, minGroupCoverage: 0.5 }), { elements: ["B"] });
    expect(drop.drops[0].index[0]).toBeNaN();
    expect(drop.drops[0].index[1]).toBeCloseTo(100 / 3, 12);
    // Dropping A2 leaves A with A1 and A3: U1 has 1 of 2 (0.5 passes), so A = 50 and the index 0.6·50 + 0.4·62.5 = 55.
    const withoutA2 = computeDropSensitivity(computeIndex(tree, panel, { ...OPTIONS, minGroupCoverage: 0.5 }), { elements: ["A2"] });
    expect(withoutA2.drops[0].index[0]).toBeCloseTo(55, 12);
  });
});
