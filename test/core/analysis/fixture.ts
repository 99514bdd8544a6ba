/**
 * The small fixture (test/fixtures/small) computed in memory, and a bare result built from given values.
 */
import { computeIndex, type ComputeOptions, type IndexResult, type ResultNode } from "../../../src/core/compute.js";
import { panelOf, SMALL, smallTree } from "../small.js";

/** The small fixture computed with `options` (values by unit, as `SMALL`). */
export function smallResult(values: Record<string, Record<string, number[]>> = SMALL, options: ComputeOptions = {}): IndexResult {
  const tree = smallTree();
  return computeIndex(tree, panelOf(tree, values), options);
}

export { SMALL };

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
