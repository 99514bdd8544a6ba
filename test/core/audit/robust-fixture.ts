/**
 * Small results for the robustness tests: a tree from rows, a result from value records, and the 4-unit, 2-group
 * example worked by hand in drop.test.ts and profiles.test.ts.
 */
import { computeIndex, type ComputeOptions, type IndexResult } from "../../../src/core/compute.js";
import { buildPanel, type ValueRecord } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";
import type { Tree } from "../../../src/core/types.js";

/** A tree from `[code, parent, weight, direction]` rows. */
export function treeOf(rows: [string, string, string, string][]): Tree {
  const built = buildTree(rows.map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction })));
  if (!built.ok) throw new Error(built.issues.map((issue) => issue.message).join("\n"));
  return built.value;
}

/** The result of `tree` on `records`. */
export function resultOf(tree: Tree, records: ValueRecord[], options: ComputeOptions): IndexResult {
  const panel = buildPanel(tree, records);
  if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
  return computeIndex(tree, panel.value, options);
}

/**
 * The hand example: G1 (0.5) = mean(A, B), G2 (0.5) = mean(C, D), one year, four units. Every indicator runs from 0 to
 * 100 over the units, so min-max leaves the values as they are:
 *
 *        A    B    C    D  |  G1   G2   index  rank
 *   P  100   20    0   40  |  60   20   40     4
 *   Q    0  100  100    0  |  50   50   50     1
 *   R   60    0   20  100  |  30   60   45     3
 *   S   20   60   40   70  |  40   55   47.5   2
 */
export function handExample(): IndexResult {
  const tree = treeOf([
    ["G1", "", "0.5", ""],
    ["A", "G1", "", "+"],
    ["B", "G1", "", "+"],
    ["G2", "", "0.5", ""],
    ["C", "G2", "", "+"],
    ["D", "G2", "", "+"],
  ]);
  const values: Record<string, number[]> = { P: [100, 20, 0, 40], Q: [0, 100, 100, 0], R: [60, 0, 20, 100], S: [20, 60, 40, 70] };
  const records = Object.entries(values).flatMap(([unit, list]) =>
    ["A", "B", "C", "D"].map((indicator, i) => ({ unit, year: 2020, indicator, value: list[i] })),
  );
  return resultOf(tree, records, { normalize: "min-max" });
}

