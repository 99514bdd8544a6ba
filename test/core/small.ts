/**
 * The small fixture (test/fixtures/small) in memory: its tree, its values, and a panel from values given by unit.
 */
import { buildPanel, type Panel, type ValueRecord } from "../../src/core/panel.js";
import { buildTree, type TreeRow } from "../../src/core/tree.js";
import type { Tree } from "../../src/core/types.js";

/** X (0.6) = mean(X1 +, X2 −), Y (0.4) = Y1 +, as in test/fixtures/small/tree.csv; `attributes` by code (tree columns). */
export function smallTree(attributes: Record<string, Record<string, string>> = {}): Tree {
  const rows: TreeRow[] = [
    ["X", "", "0.6", ""],
    ["X1", "X", "", "+"],
    ["X2", "X", "", "-"],
    ["Y", "", "0.4", ""],
    ["Y1", "Y", "", "+"],
  ].map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction, attributes: attributes[code] ?? {} }));
  const built = buildTree(rows, "tree.csv");
  if (!built.ok) throw new Error("fixture tree is invalid");
  return built.value;
}

/** test/fixtures/small/values.csv, by unit: indicator -> [2017, 2018, 2019]. */
export const SMALL = {
  U1: { X1: [10, 12, 15], X2: [50, 40, 25], Y1: [200, 210, 190] },
  U2: { X1: [4, 5, 6], X2: [8, 8, 10], Y1: [30, 33, 36] },
};

/** The panel of `values` (by unit: indicator -> values from 2017 on); throws on values the tree refuses. */
export function panelOf(tree: Tree, values: Record<string, Record<string, number[]>>): Panel {
  const records: ValueRecord[] = Object.entries(values).flatMap(([unit, series]) =>
    Object.entries(series).flatMap(([indicator, list]) => list.map((value, y) => ({ unit, year: 2017 + y, indicator, value }))),
  );
  const panel = buildPanel(tree, records);
  if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
  return panel.value;
}
