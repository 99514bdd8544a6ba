/**
 * The small fixture (test/fixtures/small) computed in memory, and a bare result built from given values.
 */
import { computeIndex, type ComputeOptions, type IndexResult, type ResultNode } from "../../../src/core/compute.js";
import { buildPanel, type ValueRecord } from "../../../src/core/panel.js";
import { buildTree, type TreeRow } from "../../../src/core/tree.js";

/** X (0.6) = mean(X1 +, X2 −), Y (0.4) = Y1 +, as in test/fixtures/small/tree.csv. */
export function smallResult(values: Record<string, Record<string, number[]>> = SMALL, options: ComputeOptions = {}): IndexResult {
  const rows: TreeRow[] = [
    ["X", "", "0.6", ""],
    ["X1", "X", "", "+"],
    ["X2", "X", "", "-"],
    ["Y", "", "0.4", ""],
    ["Y1", "Y", "", "+"],
  ].map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction }));
  const tree = buildTree(rows, "tree.csv");
  if (!tree.ok) throw new Error("fixture tree is invalid");
  const records: ValueRecord[] = Object.entries(values).flatMap(([unit, series]) =>
    Object.entries(series).flatMap(([indicator, list]) => list.map((value, y) => ({ unit, year: 2017 + y, indicator, value }))),
  );
  const panel = buildPanel(tree.value, records);
  if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
  return computeIndex(tree.value, panel.value, options);
}

/** test/fixtures/small/values.csv, by unit: indicator -> [2017, 2018, 2019]. */
export const SMALL = {
  U1: { X1: [10, 12, 15], X2: [50, 40, 25], Y1: [200, 210, 190] },
  U2: { X1: [4, 5, 6], X2: [8, 8, 10], Y1: [30, 33, 36] },
};

/** A result with one node per series, values given unit by unit: `series[node][unit] = [year values]`. */
export function bareResult(years: number[], series: Record<string, number[][]>, parents: Record<string, string | null> = {}, weights: Record<string, number> = {}) {
  const codes = Object.keys(series);
  const units = series[codes[0]].map((_, u) => `U${u + 1}`);
  const nodes: ResultNode[] = codes.map((code) => ({
    code,
    name: code,
    level: code === "INDEX" ? 0 : 1,
    kind: code === "INDEX" ? "index" : "group",
    parent: parents[code] === undefined ? (code === "INDEX" ? null : "INDEX") : parents[code],
    weight: weights[code] ?? 1,
  }));
  const values = Float64Array.from(codes.flatMap((code) => series[code].flat()));
  return { units, years, nodes, values, options: { aggregate: "arithmetic" } as IndexResult["options"] };
}

/** The value of `code` for unit `u` in year position `y`, read by code. */
export function at(result: Pick<IndexResult, "units" | "years" | "nodes">, array: ArrayLike<number>, code: string, u: number, y: number): number {
  const n = result.nodes.findIndex((node) => node.code === code);
  return array[(n * result.units.length + u) * result.years.length + y];
}
