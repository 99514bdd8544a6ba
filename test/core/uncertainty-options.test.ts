/**
 * The settings of `computeIndex` that the uncertainty analysis applies to every run (weights, cap, data stage), and
 * the data stage done once per missing-value policy rather than per run.
 */
import { describe, expect, it } from "vitest";
import { computeIndex } from "../../src/core/compute.js";
import { IndexEngine } from "../../src/core/engine.js";
import { planNormalization } from "../../src/core/normalize/plan.js";
import { prepareData, treatData } from "../../src/core/prepare.js";
import { analyzeUncertainty } from "../../src/core/uncertainty.js";
import { panelOf, SMALL, smallTree } from "./small.js";

const GAP = { ...SMALL, U1: { ...SMALL.U1, X1: [10, Number.NaN, 15] } };

describe("analyzeUncertainty with the settings of computeIndex", () => {
  it("the nominal index is computeIndex's with the same weights, cap and data stage", () => {
    const tree = smallTree();
    const panel = panelOf(tree, GAP);
    const weights = new Map([["X", 0.5], ["Y", 0.5], ["X1", 0.5], ["X2", 0.5], ["Y1", 1]]);
    const settings = { weights, cap: 160, missing: "interpolate", outliers: "winsorise", zeroBase: "min-max" } as const;
    const result = analyzeUncertainty(tree, panel, { ...settings, missingPolicies: ["interpolate"], replications: 10, seed: 1, weightNoise: 0.2 });
    const reference = computeIndex(tree, panel, settings).values.subarray(0, 6);
    expect([...result.index.nominal]).toEqual([...reference]);
    // U1 2019: X1 150, X2 200 capped at 160, X 155; Y 95; equal weights: (155 + 95)/2 = 125.
    expect(result.index.nominal[2]).toBeCloseTo(125, 12);
    // U1 2018: X1 interpolated (10 + 15)/2 = 12.5 -> 125, X2 125, X 125; Y 105: (125 + 105)/2 = 115.
    expect(result.index.nominal[1]).toBeCloseTo(115, 12);
    expect(result.nominalRun.imputations).toEqual([{ unit: "U1", year: 2018, indicator: "X1", method: "interpolate", value: 12.5 }]);
  });

  it("weight noise perturbs the given weights, not the tree's", () => {
    const tree = smallTree();
    const panel = panelOf(tree, SMALL);
    // U1 2019: X1 150, X2 200, Y 95. X 0.9, Y 0.1 at ±10%: w_X from 0.81/(0.81 + 0.11) = 0.8804 to 0.99/(0.99 + 0.09)
    // = 0.9167; X1 and X2 (0.5 each) at ±10%: X from 0.45·150 + 0.55·200 = 172.5 to 177.5. So the index lies in
    // [0.8804·172.5 + 0.1196·95, 0.9167·177.5 + 0.0833·95] = [163.23, 170.63]; around the tree's weights (w_X 0.6,
    // from 0.5 to 0.6923) it would stay below 0.6923·177.5 + 0.3077·95 = 152.1.
    const weights = new Map([["X", 0.9], ["Y", 0.1], ["X1", 0.5], ["X2", 0.5], ["Y1", 1]]);
    const result = analyzeUncertainty(tree, panel, { weights, replications: 200, seed: 2, weightNoise: 0.1 });
    expect(result.index.nominal[2]).toBeCloseTo(95 + 80 * 0.9, 12);
    expect(result.index.low[2]).toBeGreaterThanOrEqual(163.23);
    expect(result.index.high[2]).toBeLessThanOrEqual(170.63);
  });
});

describe("the data stage", () => {
  it("prepareData with a treated stage from treatData gives what it computes itself, warnings in the same order", () => {
    // X1 and X2 log-transformed (both fail the outlier rule on these values), X1 under fixed-base, X2 under min-max.
    const values = {
      U1: { X1: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1000], X2: [1, 1, 1, 1, 1, 1, 1, 1, 1, 500], Y1: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
    };
    const tree = smallTree({ X2: { normalise: "min-max" } });
    const panel = panelOf(tree, values);
    const plans = planNormalization(tree, { method: "fixed-base" }).plans;
    const options = { outliers: "log", plans, baseYear: 0 } as const;
    const direct = prepareData(tree, panel, options);
    const reused = prepareData(tree, panel, { ...options, treated: treatData(tree, panel, options) });
    expect(reused).toEqual(direct);
    // The fixed-base warning comes right after X1's own, before X2's (none here), as the outlier treatment reports them.
    expect(direct.warnings.map((warning) => `${warning.code} ${warning.id}`)).toEqual(["W_LOG_FIXED_BASE X1"]);
    expect(direct.treatments.filter((row) => row.indicator === "X2")).toHaveLength(10);
  });

  it("the engine treats the data once per missing-value policy, for every normalisation", () => {
    const tree = smallTree();
    const panel = panelOf(tree, GAP);
    const engine = new IndexEngine(tree, panel, { outliers: "winsorise" });
    const fixedBase = engine.prepare({ normalize: "fixed-base", aggregate: "arithmetic", missing: "interpolate" });
    const minMax = engine.prepare({ normalize: "min-max", aggregate: "arithmetic", missing: "interpolate" });
    const reweighted = engine.prepare({ normalize: "min-max", aggregate: "arithmetic", missing: "reweight" });
    // The same treated panel object (computed once), not an equal copy; another policy gets its own.
    expect(minMax.preparedPanel).toBe(fixedBase.preparedPanel);
    expect(minMax.imputations).toBe(fixedBase.imputations);
    expect(reweighted.preparedPanel).not.toBe(fixedBase.preparedPanel);
    // And each equals computeIndex run on its own.
    for (const [result, normalize, missing] of [
      [fixedBase, "fixed-base", "interpolate"],
      [minMax, "min-max", "interpolate"],
      [reweighted, "min-max", "reweight"],
    ] as const)
      expect([...result.values]).toEqual([...computeIndex(tree, panel, { normalize, missing, outliers: "winsorise" }).values]);
  });
});
