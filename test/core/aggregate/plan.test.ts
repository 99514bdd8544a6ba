import { AGGREGATE_METHODS } from "../../../src/core/aggregate.js";
import { describe, expect, it } from "vitest";
import { checkAggregation, parseAggregateSpec, planAggregation } from "../../../src/core/aggregate/plan.js";
import { messages } from "../../../src/core/messages.js";
import { buildTree, type TreeRow } from "../../../src/core/tree.js";
import type { Tree } from "../../../src/core/types.js";

function tree(rows: [string, string, string, Record<string, string>?][]): Tree {
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

describe("parseAggregateSpec", () => {
  it("reads a method, levels, or both", () => {
    expect(parseAggregateSpec("geometric")).toEqual({ ok: true, value: { method: "geometric", byLevel: {} } });
    expect(parseAggregateSpec("1=arithmetic, 2=geometric")).toEqual({ ok: true, value: { method: "arithmetic", byLevel: { 1: "arithmetic", 2: "geometric" } } });
    expect(parseAggregateSpec("MPI,0=harmonic")).toEqual({ ok: true, value: { method: "mpi", byLevel: { 0: "harmonic" } } });
  });

  it("rejects anything else with the expected form", () => {
    const parsed = parseAggregateSpec("1=median");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(`"1=median" is not understood; expected METHOD or LEVEL=METHOD`);
    expect(parseAggregateSpec("a=geometric").ok).toBe(false);
  });
});

describe("planAggregation", () => {
  const rows: [string, string, string, Record<string, string>?][] = [
    ["A", "", ""],
    ["A1", "A", "", { aggregate: "harmonic" }],
    ["A11", "A1", "+"],
    ["A2", "A", ""],
    ["A21", "A2", "+"],
  ];

  it("applies the default, then the level, then the group's own column", () => {
    const { methods, issues } = planAggregation(tree(rows), { method: "geometric", byLevel: { 1: "mpi" } });
    expect(issues).toEqual([]);
    expect(Object.fromEntries(methods)).toEqual({ INDEX: "geometric", A: "mpi", A1: "harmonic", A2: "geometric" });
  });

  it("reports a level without groups, an unknown method and an aggregate cell on an indicator", () => {
    const bad = tree([["A", "", ""], ["A1", "A", "+", { aggregate: "mean" }], ["B", "", "", { Aggregate: "median" }], ["B1", "B", "+"]]);
    const { issues } = planAggregation(bad, { method: "arithmetic", byLevel: { 3: "geometric" } });
    expect(issues.map((issue) => issue.code)).toEqual(["E_AGGREGATE_LEVEL", "E_SETTING_ON_INDICATOR", "E_UNKNOWN_METHOD"]);
    expect(issues[0].message).toBe(messages.aggregateLevelWithoutGroups(3, [0, 1]));
    expect(issues[1]).toMatchObject({ source: "tree.csv", line: 3, id: "A1", message: messages.groupSettingOnIndicator("A1", "aggregate") });
    expect(issues[2]).toMatchObject({ line: 4, column: "Aggregate", message: messages.unknownMethod("aggregation", "median", AGGREGATE_METHODS) });
  });
});

describe("checkAggregation", () => {
  it("names the group, child, unit, year and score for a score <= 0 under geometric or harmonic", () => {
    // one unit, two years; child B is 0 in 2018
    const issues = checkAggregation("geometric", "G", ["A", "B"], [[100, 120], [90, 0]], [1, 1], ["U"], [2017, 2018]);
    expect(issues).toEqual([{ code: "E_AGGREGATE_UNDEFINED", id: "G", message: messages.scoreNotPositive("geometric", "G", "B", "U", 2018, 0) }]);
    expect(checkAggregation("harmonic", "G", ["A"], [[-5]], [1], ["U"], [2017])).toHaveLength(1);
    expect(checkAggregation("arithmetic", "G", ["A"], [[-5]], [1], ["U"], [2017])).toEqual([]);
  });

  it("reports an MPI whose mean is not positive", () => {
    const issues = checkAggregation("mpi", "G", ["A", "B"], [[-10], [5]], [1, 1], ["U"], [2017]);
    expect(issues.map((issue) => issue.message)).toEqual([messages.mpiMeanNotPositive("G", "U", 2017, -2.5)]);
  });
});
