/**
 * The data stage through `computeIndex`: each missing-value and zero-base policy on a small tree, by hand.
 * Tree: X (0.6) = mean(X1 +, X2 −), Y (0.4) = Y1 +; years 2017, 2018, 2019; fixed base 2017.
 */
import { describe, expect, it } from "vitest";
import { computeIndex, resultIndex, type ComputeOptions, type IndexResult } from "../../src/core/compute.js";
import { computeCoverage } from "../../src/core/coverage.js";
import { messages } from "../../src/core/messages.js";
import { buildPanel } from "../../src/core/panel.js";
import { buildTree, type TreeRow } from "../../src/core/tree.js";
import { ValidationError } from "../../src/errors.js";
import { panelOf, smallTree } from "./small.js";

const NaN_ = Number.NaN;

function compute(values: Record<string, number[]>, options: ComputeOptions = {}, attributes = {}): IndexResult {
  const tree = smallTree(attributes);
  return computeIndex(tree, panelOf(tree, { U: values }), options);
}

const valueOf = (result: IndexResult, code: string, year: number) =>
  result.values[resultIndex(result, result.nodes.findIndex((node) => node.code === code), 0, year)];

function problems(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => issue.message);
    throw error;
  }
  return [];
}

const GAPPY = { X1: [10, NaN_, 15], X2: [50, 40, NaN_], Y1: [NaN_, 210, 190] };

describe("missing-value policies in computeIndex", () => {
  it("error (default) names every gap at once, the missing base value first", () => {
    // Each hint names the policies that fill its cell, U being the only unit (so no mean or median): Y1's base (2017)
    // has later years (interpolate, carry-back); X1 2018 has years on both sides; X2 2019 earlier ones only.
    expect(problems(() => compute(GAPPY))).toEqual([
      messages.baseValueMissing("Y1", "U", 2017, ["interpolate", "carry-back"]),
      messages.missingValue("X1", "U", 2018, ["interpolate", "carry-forward", "carry-back", "reweight"]),
      messages.missingValue("X2", "U", 2019, ["interpolate", "carry-forward", "reweight"]),
    ]);
  });

  it("interpolate fills the middle gap, carries the edges, and records each cell", () => {
    const result = compute(GAPPY, { missing: "interpolate" });
    // X1 2018 = (10 + 15)/2 = 12.5 → 125; X2 2019 ← 40 (carry-forward) → 100·50/40 = 125; Y1 2017 ← 210 (carry-back)
    // so Y1 = 100, 100, 100·190/210; X 2018 = mean(125, 100·50/40 = 125) = 125; INDEX 2018 = 0.6·125 + 0.4·100 = 115
    expect(valueOf(result, "X1", 1)).toBeCloseTo(125, 12);
    expect(valueOf(result, "X2", 2)).toBeCloseTo(125, 12);
    expect(valueOf(result, "Y1", 2)).toBeCloseTo((100 * 190) / 210, 12);
    expect(valueOf(result, "INDEX", 1)).toBeCloseTo(115, 12);
    expect(result.imputations).toEqual([
      { unit: "U", year: 2018, indicator: "X1", method: "interpolate", value: 12.5 },
      { unit: "U", year: 2019, indicator: "X2", method: "carry-forward", value: 40 },
      { unit: "U", year: 2017, indicator: "Y1", method: "carry-back", value: 210 },
    ]);
    // the raw panel keeps its gaps; the prepared panel is what was normalised
    expect(result.panel.values[1]).toBeNaN();
    expect(result.preparedPanel.values[1]).toBe(12.5);
    // Y1's base value (2017) was made up: every fixed-base index of its series rests on it, which is said.
    expect(result.warnings.filter((warning) => warning.code === "W_BASE_IMPUTED")).toEqual([
      { code: "W_BASE_IMPUTED", message: messages.baseImputed([{ unit: "U", year: 2017, indicator: "Y1", method: "carry-back" }]) },
    ]);
    expect(messages.baseImputed([{ unit: "U", year: 2017, indicator: "Y1", method: "carry-back" }])).toBe(
      'a base value was filled by the missing-value policy (indicator "Y1", unit "U", 2017: carry-back): every fixed-base index of its series rests on a value made up; expected the base values observed (imputations.csv lists them)',
    );
    // Under min-max no score rests on one year: no warning.
    expect(compute(GAPPY, { missing: "interpolate", normalize: "min-max" }).warnings.filter((warning) => warning.code === "W_BASE_IMPUTED")).toEqual([]);
  });

  it("carry-forward cannot fill a missing base value; carry-back cannot fill a trailing gap", () => {
    expect(problems(() => compute(GAPPY, { missing: "carry-forward" }))).toEqual([messages.baseValueMissing("Y1", "U", 2017, ["interpolate", "carry-back"])]);
    expect(problems(() => compute(GAPPY, { missing: "carry-back" }))).toEqual([messages.cannotImpute("X2", "U", 2019, "carry-back")]);
  });

  it("takes each indicator's own policy from the tree's missing column", () => {
    const result = compute(GAPPY, { missing: "carry-back" }, { X2: { missing: "carry-forward" } });
    // X1 2018 ← 15 → 150; X2 2019 ← 40 → 125; Y1 2017 ← 210. INDEX 2018 = 0.6·mean(150, 125) + 0.4·100 = 82.5 + 40 = 122.5
    expect(valueOf(result, "INDEX", 1)).toBeCloseTo(122.5, 12);
    expect(result.imputations.map((row) => `${row.indicator}:${row.method}:${row.value}`)).toEqual([
      "X1:carry-back:15",
      "X2:carry-forward:40",
      "Y1:carry-back:210",
    ]);
  });

  it("reweight drops the cell, renormalises the siblings and records the cell with an empty value", () => {
    const result = compute({ X1: [10, NaN_, 15], X2: [50, 40, 25], Y1: [200, 210, 190] }, { missing: "reweight" });
    // 2018: X = X2 = 125; INDEX = 0.6·125 + 0.4·105 = 117
    expect(valueOf(result, "INDEX", 1)).toBeCloseTo(117, 12);
    expect(result.imputations).toEqual([{ unit: "U", year: 2018, indicator: "X1", method: "reweight", value: NaN_ }]);
  });

  it("names, for a series without its base value, only the policies that fill both the gap and the base: those that work", () => {
    // Y1 only in 2019, for both units (as E32 only in the 2020 file of the example): the base (2017) has a later year
    // (interpolate carries it back, carry-back) and no other unit has it that year (no mean, median); 2018 has a later
    // year too, and reweight would leave it out, but the base stays missing under reweight, so only the two are named.
    const tree = smallTree();
    const gappy = {
      U1: { X1: [10, 12, 15], X2: [50, 40, 25], Y1: [NaN_, NaN_, 190] },
      U2: { X1: [4, 5, 6], X2: [8, 8, 10], Y1: [NaN_, NaN_, 36] },
    };
    const run = (options: ComputeOptions) => problems(() => computeIndex(tree, panelOf(tree, gappy), options));
    const fillers = ["interpolate", "carry-back"];
    expect(run({})).toEqual([
      messages.baseValueMissing("Y1", "U1", 2017, fillers),
      messages.baseValueMissing("Y1", "U2", 2017, fillers),
      messages.missingValue("Y1", "U1", 2018, fillers),
      messages.missingValue("Y1", "U2", 2018, fillers),
    ]);
    expect(messages.missingValue("Y1", "U1", 2018, fillers)).toBe(
      'no value for indicator "Y1", unit "U1", year 2018; expected a value, or a missing-value policy that fills it, --missing interpolate|carry-back (also the tree column "missing")',
    );
    // The hint is honest: each policy named computes, each other one still fails.
    for (const missing of ["interpolate", "carry-back"] as const) expect(run({ missing })).toEqual([]);
    for (const missing of ["carry-forward", "reweight", "mean", "median"] as const) expect(run({ missing }).length).toBeGreaterThan(0);
    // Under min-max no value is a base: 2017 and 2018 name reweight too, which then computes (Y left out, X alone).
    const minMax = [...fillers, "reweight"];
    expect(run({ normalize: "min-max" })).toEqual([
      messages.missingValue("Y1", "U1", 2017, minMax),
      messages.missingValue("Y1", "U1", 2018, minMax),
      messages.missingValue("Y1", "U2", 2017, minMax),
      messages.missingValue("Y1", "U2", 2018, minMax),
    ]);
    expect(run({ normalize: "min-max", missing: "reweight" })).toEqual([]);
  });

  it("an indicator added after the base year: the hint's --base-year re-bases the index on a year every indicator has", () => {
    // Y1 first reported for 2018. Its missing 2017 base names the policies and --base-year; --base-year 2018 alone
    // leaves 2017's Y1 a gap (reweight, or a filling policy, takes it), and with reweight the index is re-based on 2018.
    const values = { X1: [10, 12, 15], X2: [50, 40, 25], Y1: [NaN_, 200, 250] };
    expect(problems(() => compute(values))).toEqual([messages.baseValueMissing("Y1", "U", 2017, ["interpolate", "carry-back"])]);
    expect(messages.baseValueMissing("Y1", "U", 2017, ["interpolate", "carry-back"])).toContain(
      "or another base year in which every indicator has a value, --base-year <year>, which re-bases the whole index (see docs/guides/projects.md#when-the-indicator-system-changes)",
    );
    expect(problems(() => compute(values, { baseYear: 2018 }))).toEqual([messages.missingValue("Y1", "U", 2017, ["interpolate", "carry-back", "reweight"])]);
    const result = compute(values, { baseYear: 2018, missing: "reweight" });
    // Base 2018: X1 = 100·10/12, 100, 125; X2 (−) = 100·40/50 = 80, 100, 100·40/25 = 160; X = 81.67, 100, 142.5;
    // Y1 = –, 100, 125. INDEX 2019 = 0.6·142.5 + 0.4·125 = 135.5; 2017 has no Y: INDEX = X = (83.33 + 80)/2 = 81.67.
    expect(valueOf(result, "INDEX", 1)).toBeCloseTo(100, 12);
    expect(valueOf(result, "INDEX", 2)).toBeCloseTo(135.5, 12);
    expect(valueOf(result, "INDEX", 0)).toBeCloseTo((100 * 10) / 12 / 2 + 40, 12);
  });

  it("names the policies that fill a missing base value from another unit's value that year (mean, median), and none when nothing can", () => {
    const tree = smallTree();
    // U2's Y1 base is missing, U1 has it: mean and median fill it; U2 has no other Y1 year, so no policy along its series.
    const fromOthers = { U1: { X1: [10, 12, 15], X2: [50, 40, 25], Y1: [200, 210, 190] }, U2: { X1: [4, 5, 6], X2: [8, 8, 10], Y1: [NaN_, NaN_, NaN_] } };
    const problemsOf = (values: typeof fromOthers, options: ComputeOptions = {}) => problems(() => computeIndex(tree, panelOf(tree, values), options));
    expect(problemsOf(fromOthers)).toEqual([
      messages.baseValueMissing("Y1", "U2", 2017, ["mean", "median"]),
      // 2018 and 2019: U1 has them (mean, median), which fill U2's base too; reweight would not
      messages.missingValue("Y1", "U2", 2018, ["mean", "median"]),
      messages.missingValue("Y1", "U2", 2019, ["mean", "median"]),
    ]);
    expect(problemsOf(fromOthers, { missing: "mean" })).toEqual([]);
    // No unit has Y1 in 2017 and U2 none at all: nothing fills U2's base, and so nothing helps its other gaps.
    const nothing = { ...fromOthers, U1: { ...fromOthers.U1, Y1: [NaN_, 210, 190] } };
    expect(problemsOf(nothing)).toEqual([
      messages.baseValueMissing("Y1", "U1", 2017, ["interpolate", "carry-back"]),
      messages.baseValueMissing("Y1", "U2", 2017, []),
      messages.missingValue("Y1", "U2", 2018, []),
      messages.missingValue("Y1", "U2", 2019, []),
    ]);
    expect(messages.baseValueMissing("Y1", "U2", 2017, [])).toBe(
      'indicator "Y1", unit "U2": no base value for 2017, so a fixed-base index is undefined; expected a value for the base year (no missing-value policy fills it: the unit has no other value of the indicator, and no other unit one in 2017), or another base year in which every indicator has a value, --base-year <year>, which re-bases the whole index (see docs/guides/projects.md#when-the-indicator-system-changes)',
    );
    expect(messages.missingValue("Y1", "U2", 2018, [])).toBe(
      'no value for indicator "Y1", unit "U2", year 2018; expected a value: no missing-value policy fills both it and the base value its series lacks',
    );
  });

  it("refuses a policy column on a group", () => {
    expect(problems(() => compute(GAPPY, { missing: "interpolate" }, { X: { missing: "reweight" } }))).toEqual([messages.indicatorSettingOnGroup("X", "missing")]);
  });

  it("reports a policy the tree column does not know, naming the tree line", () => {
    let error: unknown;
    try {
      compute(GAPPY, {}, { X1: { missing: "guess" } });
    } catch (caught) {
      error = caught;
    }
    expect((error as ValidationError).issues[0]).toMatchObject({
      code: "E_BAD_POLICY",
      source: "tree.csv",
      line: 3,
      message: messages.badPolicy("missing", "X1", "guess", ["error", "carry-forward", "interpolate", "carry-back", "reweight", "mean", "median"]),
    });
  });
});

describe("computeCoverage", () => {
  it("counts observed, imputed and reweighted cells per indicator", () => {
    const result = compute(GAPPY, { missing: "interpolate" }, { X1: { missing: "reweight" } });
    expect(computeCoverage(result.panel, result.imputations)).toEqual([
      { indicator: "X1", expected: 3, observed: 2, imputed: 0, reweighted: 1, shareObserved: 2 / 3 },
      { indicator: "X2", expected: 3, observed: 2, imputed: 1, reweighted: 0, shareObserved: 2 / 3 },
      { indicator: "Y1", expected: 3, observed: 2, imputed: 1, reweighted: 0, shareObserved: 2 / 3 },
    ]);
  });
});

describe("zero-base policies", () => {
  const ZERO = { X1: [0, 4, 8], X2: [50, 40, 25], Y1: [200, 210, 190] };

  it("error (default) reports the zero base", () => {
    expect(problems(() => compute(ZERO))).toEqual([messages.baseValueZero("X1", "U", 2017)]);
  });

  it("first-nonzero makes 2018 the base of X1 only, with a warning", () => {
    const result = compute(ZERO, { zeroBase: "first-nonzero" });
    // X1 against 2018: 100·0/4 = 0, 100, 200. X 2017 = mean(0, 100) = 50; INDEX 2017 = 0.6·50 + 0.4·100 = 70
    expect([0, 1, 2].map((year) => valueOf(result, "X1", year))).toEqual([0, 100, 200]);
    expect(valueOf(result, "INDEX", 0)).toBeCloseTo(70, 12);
    expect(result.warnings.map((warning) => warning.message)).toEqual([messages.zeroBaseShifted("X1", 2017, 2018)]);
  });

  it("min-max normalises X1 over the panel instead, with a warning", () => {
    const result = compute(ZERO, { zeroBase: "min-max" });
    // X1 min 0, max 8: 0, 50, 100; X2 stays fixed-base: 100, 125, 200
    expect([0, 1, 2].map((year) => valueOf(result, "X1", year))).toEqual([0, 50, 100]);
    expect(valueOf(result, "X2", 2)).toBe(200);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["W_ZERO_BASE_MIN_MAX"]);
  });

  it("first-nonzero still reports a zero base when no later year is non-zero", () => {
    expect(problems(() => compute({ ...ZERO, X1: [0, 0, 0] }, { zeroBase: "first-nonzero" }))).toEqual([messages.baseValueZero("X1", "U", 2017)]);
  });

  it("the tree's zero_base column sets it per indicator", () => {
    const result = compute(ZERO, {}, { X1: { zero_base: "min-max" } });
    expect(valueOf(result, "X1", 1)).toBe(50);
  });
});

describe("outliers in computeIndex", () => {
  it("winsorises before normalising and records the cell", () => {
    // one unit over 12 years: the COINr example; 100 → 30 in 2028 before the fixed-base index (base 1 in 2017)
    const years = Array.from({ length: 12 }, (_, i) => 2017 + i);
    const series = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];
    const rows: TreeRow[] = [{ line: 2, code: "A", parent: "", name: "A", weight: "", direction: "+" }];
    const built = buildTree(rows, "t.csv");
    if (!built.ok) throw new Error("invalid");
    const panel = buildPanel(built.value, years.map((year, i) => ({ unit: "U", year, indicator: "A", value: series[i] })));
    if (!panel.ok) throw new Error("invalid");
    const result = computeIndex(built.value, panel.value, { outliers: "winsorise" });
    expect(result.treatments).toEqual([{ unit: "U", year: 2028, indicator: "A", method: "winsorise-high", original: 100, value: 30 }]);
    expect(result.values[resultIndex(result, 0, 0, 11)]).toBe(3000); // 100·30/1
  });
});
