import { describe, expect, it } from "vitest";
import { computeIndex, resultIndex, type ComputeOptions, type IndexResult } from "../../../src/core/compute.js";
import { messages } from "../../../src/core/messages.js";
import { NORMALIZE_METHODS, RATIO_METHODS } from "../../../src/core/normalize.js";
import { planNormalization } from "../../../src/core/normalize/plan.js";
import { buildPanel, type ValueRecord } from "../../../src/core/panel.js";
import { buildTree, type TreeRow } from "../../../src/core/tree.js";
import type { Tree } from "../../../src/core/types.js";
import { issuesOf } from "../../issues.js";

type Row = [code: string, parent: string, direction: string, attributes?: Record<string, string>];

function tree(rows: Row[]): Tree {
  const treeRows: TreeRow[] = rows.map(([code, parent, direction, attributes], i) => ({
    line: i + 2,
    code,
    parent,
    name: code,
    weight: "",
    direction,
    attributes: attributes ?? {},
  }));
  const built = buildTree(treeRows, "tree.csv");
  if (!built.ok) throw new Error(built.issues.map((issue) => issue.message).join("\n"));
  return built.value;
}

/** Values by unit: indicator -> one value per year from 2017. */
function compute(rows: Row[], values: Record<string, Record<string, number[]>>, options: ComputeOptions = {}): IndexResult {
  const t = tree(rows);
  const records: ValueRecord[] = Object.entries(values).flatMap(([unit, series]) =>
    Object.entries(series).flatMap(([indicator, list]) => list.map((value, y) => ({ unit, year: 2017 + y, indicator, value }))),
  );
  const panel = buildPanel(t, records);
  if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
  return computeIndex(t, panel.value, options);
}

const valueOf = (result: IndexResult, code: string, unit: number, year: number) =>
  result.values[resultIndex(result, result.nodes.findIndex((node) => node.code === code), unit, year)];

describe("planNormalization: the tree's columns override the run's default", () => {
  it("reads normalise (or normalize), min, max, target, cap and dampen per indicator", () => {
    const t = tree([
      ["G", "", ""],
      ["A", "G", "+", { normalise: "min-max-goalposts", min: "0", max: "1,000" }],
      ["B", "G", "-", { Normalize: "Distance-to-Target", target: "2.5%" }],
      ["C", "G", "+", { cap: "300", dampen: "SQRT" }],
      ["D", "G", "+", { normalise: "rank", cap: "300" }],
    ]);
    const { plans, issues } = planNormalization(t, { method: "chain", cap: 200 });
    expect(issues).toEqual([]);
    expect(plans).toEqual([
      { method: "min-max-goalposts", goalposts: { min: 0, max: 1000 } },
      { method: "distance-to-target", cap: 200, target: 2.5 },
      { method: "chain", cap: 300, dampen: "sqrt" },
      { method: "rank" }, // cap and dampen apply to ratio methods only
    ]);
  });

  it("collects every problem with file, line, column and indicator", () => {
    const t = tree([
      ["G", "", "", { normalise: "min-max" }],
      ["A", "G", "+", { normalise: "minmax" }],
      ["B", "G", "+", { normalise: "min-max-goalposts", max: "10" }],
      ["C", "G", "+", { normalise: "min-max-goalposts", min: "5", max: "5" }],
      ["D", "G", "+", { normalise: "distance-to-target" }],
      ["E", "G", "+", { normalise: "distance-to-target", target: "-3" }],
      ["F", "G", "+", { cap: "abc", dampen: "cube" }],
      ["H", "G", "+", { cap: "50" }],
    ]);
    const { issues } = planNormalization(t);
    expect(issues.map((issue) => [issue.code, issue.line, issue.column, issue.id])).toEqual([
      ["E_SETTING_ON_GROUP", 2, "normalise", "G"],
      ["E_UNKNOWN_METHOD", 3, "normalise", "A"],
      ["E_MISSING_GOALPOSTS", 4, "min", "B"],
      ["E_GOALPOSTS_ORDER", 5, "min", "C"],
      ["E_MISSING_TARGET", 6, "target", "D"],
      ["E_TARGET_NOT_POSITIVE", 7, "target", "E"],
      ["E_BAD_SETTING", 8, "cap", "F"],
      ["E_BAD_SETTING", 8, "dampen", "F"],
      ["E_BAD_SETTING", 9, "cap", "H"],
    ]);
    expect(issues[1].message).toBe(messages.unknownMethod("normalisation", "minmax", NORMALIZE_METHODS));
    expect(issues[2].message).toBe(messages.missingGoalposts("B", true, false));
    expect(issues[2].message).toContain(`indicator "B" uses min-max-goalposts but has no "min" in the tree`);
    expect(issues[4].message).toBe(messages.missingTarget("D"));
    expect(issues.every((issue) => issue.source === "tree.csv")).toBe(true);
  });

  it("reports a run-wide cap below 100 once, not per indicator", () => {
    const { issues } = planNormalization(tree([["A", "", "+"], ["B", "", "+"]]), { cap: 99 });
    expect(issues).toEqual([{ code: "E_BAD_OPTION", message: messages.capOptionTooLow(99), column: "--cap" }]);
  });
});

describe("computeIndex with per-indicator methods", () => {
  const rows: Row[] = [
    ["G", "", ""],
    ["A", "G", "+", { normalise: "min-max-goalposts", min: "0", max: "20" }],
    ["B", "G", "-", { normalise: "distance-to-target", target: "5" }],
    ["C", "G", "+"],
  ];

  it("mixes methods in one group and records each node's method", () => {
    const result = compute(rows, { U: { A: [5, 10], B: [10, 4], C: [8, 12] } }, { aggregate: "geometric" });
    // A: 100·(5, 10)/20 = 25, 50; B (−, target 5): 100·5/(10, 4) = 50, 125; C fixed base: 100, 150
    expect([0, 1].map((y) => valueOf(result, "A", 0, y))).toEqual([25, 50]);
    expect([0, 1].map((y) => valueOf(result, "B", 0, y))).toEqual([50, 125]);
    expect([0, 1].map((y) => valueOf(result, "C", 0, y))).toEqual([100, 150]);
    // G = geometric mean, equal weights: (25·50·100)^(1/3) = 125000^(1/3) = 50; (50·125·150)^(1/3) = 937500^(1/3) = 97.871691 (Python 937500 ** (1/3))
    expect(valueOf(result, "G", 0, 0)).toBeCloseTo(50, 10);
    expect(valueOf(result, "G", 0, 1)).toBeCloseTo(97.871691, 5);
    expect(result.nodes.map((node) => [node.code, node.method])).toEqual([
      ["INDEX", "geometric"],
      ["G", "geometric"],
      ["A", "min-max-goalposts"],
      ["B", "distance-to-target"],
      ["C", "fixed-base"],
    ]);
  });

  it("reports a constant indicator under min-max, per year when the method is per year", () => {
    const flat: Row[] = [["G", "", ""], ["A", "G", "+"], ["B", "G", "+"]];
    const values = { U1: { A: [3, 3], B: [1, 2] }, U2: { A: [3, 3], B: [5, 2] } };
    expect(issuesOf(() => compute(flat, values, { normalize: "min-max" }))).toEqual([
      { id: "A", code: "E_CONSTANT_INDICATOR", message: messages.constantIndicator("A", "min-max", 3, 4, undefined, 2) },
    ]);
    // B is 2 for both units in 2018: min-max-year is undefined that year only
    const perYear = issuesOf(() => compute(flat, values, { normalize: "z-score-year" }));
    expect(perYear.map((issue) => issue.message)).toEqual([
      messages.constantIndicator("A", "z-score-year", 3, 2, 2017, 2),
      messages.constantIndicator("A", "z-score-year", 3, 2, 2018, 2),
      messages.constantIndicator("B", "z-score-year", 2, 2, 2018, 2),
    ]);
    expect(perYear[2].message).toBe(
      `indicator "B" has the same value 2 for all 2 observations in 2018, so z-score-year is undefined (sd = 0); expected at least two different values, or another normalisation`,
    );
  });

  it("suggests the panel-wide method when a single unit makes a per-year method meaningless", () => {
    const issues = issuesOf(() => compute([["A", "", "+"]], { U: { A: [1, 2] } }, { normalize: "min-max-year" }));
    expect(issues[0].message).toContain("a single value in 2017, so min-max-year is undefined (max = min)");
    expect(issues[0].message).toContain("(with one unit, use min-max over the panel)");
  });

  it("reports non-positive values under chain, zeros under reversed ratios and dampening that cannot apply", () => {
    const flat: Row[] = [["A", "", "+"], ["B", "", "-"]];
    const chain = issuesOf(() => compute(flat, { U: { A: [2, 0, 3], B: [1, 2, 3] } }, { normalize: "chain" }));
    expect(chain).toEqual([{ id: "A", code: "E_CHAIN_NOT_POSITIVE", message: messages.chainValueNotPositive("A", "U", 2018, 0) }]);
    const log = issuesOf(() => compute(flat, { U: { A: [2, 0, 3], B: [1, 0, 3] } }, { dampen: "log" }));
    expect(log.map((issue) => issue.code)).toEqual(["E_DAMPEN_UNDEFINED", "E_ZERO_VALUE_NEGATIVE"]);
    expect(log[0].message).toBe(messages.dampenUndefined("A", "U", 2018, 0, "log"));
    // sqrt takes a ratio of 0
    expect(valueOf(compute(flat, { U: { A: [2, 0, 8], B: [1, 1, 4] } }, { dampen: "sqrt" }), "A", 0, 2)).toBe(200);
  });

  it("checks the reference unit: known, and a positive value every year", () => {
    const flat: Row[] = [["A", "", "+"]];
    expect(issuesOf(() => compute(flat, { U: { A: [1, 2] } }, { normalize: "distance-to-reference", referenceUnit: "V" }))).toEqual([
      { code: "E_UNKNOWN_REFERENCE_UNIT", message: messages.unknownReferenceUnit("V", ["U"]), column: "unit" },
    ]);
    // The words, written out: the units quoted, a near name suggested; 25 units: the first 20 and how many more.
    expect(messages.unknownReferenceUnit("Zone B", ["Zone A", "Zone C"])).toBe('reference unit "Zone B" is not in the data; expected one of: "Zone A", "Zone C"; did you mean "Zone A"?');
    const many = Array.from({ length: 25 }, (_, i) => `U${i + 1}`);
    expect(messages.unknownReferenceUnit("X", many)).toBe(`reference unit "X" is not in the data; expected one of: ${many.slice(0, 20).map((unit) => `"${unit}"`).join(", ")}, and 5 more`);
    // The one unit of values without a unit column has no name: no list of one empty name, but what is missing.
    expect(messages.unknownReferenceUnit("Zone A", [""])).toBe(
      'reference unit "Zone A" is not in the data, whose one unit has no name (values without a unit column); expected values of several units, in a unit column, one of them "Zone A"',
    );
    const gaps = issuesOf(() => compute(flat, { U: { A: [1, 2] }, V: { A: [Number.NaN, 0] } }, { normalize: "distance-to-reference", referenceUnit: "V" }));
    // the missing reference value is reported once (not again as a missing value)
    expect(gaps.map((issue) => issue.message)).toEqual([
      messages.referenceValueNotPositive("A", "V", 2017, Number.NaN),
      messages.referenceValueNotPositive("A", "V", 2018, 0),
    ]);
  });

  it("warns about method options that no indicator uses", () => {
    const result = compute([["A", "", "+"], ["B", "", "+"]], { U: { A: [1, 2], B: [2, 1] }, V: { A: [3, 1], B: [0, 5] } }, { normalize: "rank", cap: 200 });
    expect(result.warnings).toEqual([{ code: "W_OPTION_UNUSED", message: messages.optionUnused("--cap", RATIO_METHODS) }]);
    expect(result.options).toEqual({ normalize: "rank", aggregate: "arithmetic", missing: "error", unfilled: "error", zeroBase: "error", outliers: "none", winsorMax: 5, outlierScope: "panel", strict: false, cap: 200 });
  });

  it("reports a child score <= 0 under a geometric mean, after normalisation", () => {
    const flat: Row[] = [["A", "", "+"], ["B", "", "+"]];
    const issues = issuesOf(() => compute(flat, { U: { A: [1, 2], B: [2, 1] }, V: { A: [3, 1], B: [0, 5] } }, { normalize: "min-max", aggregate: "geometric" }));
    // min-max gives 0 to U's A in 2018 (1, the minimum with V's 1 in 2018 too), to V's B in 2017, ...
    expect(issues.every((issue) => issue.code === "E_AGGREGATE_UNDEFINED" && issue.id === "INDEX")).toBe(true);
    expect(issues.map((issue) => issue.message)).toContain(messages.scoreNotPositive("geometric", "INDEX", "B", "V", 2017, 0));
  });
});
