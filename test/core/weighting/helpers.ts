/** Small factories for the weighting tests. */
import { buildPanel, type ValueRecord } from "../../../src/core/panel.js";
import { buildTree, type TreeRow } from "../../../src/core/tree.js";
import type { Tree } from "../../../src/core/types.js";

/** A tree from `[code, parent, weight, direction]` rows. */
export function makeTree(specs: readonly (readonly [string, string, string, string])[]): Tree {
  const rows: TreeRow[] = specs.map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction }));
  const built = buildTree(rows, "tree.csv");
  if (!built.ok) throw new Error(built.issues.map((issue) => issue.message).join("\n"));
  return built.value;
}

/** A panel from `{ indicator: { unit: [values by year] } }` over `years`. */
export function makePanel(tree: Tree, years: readonly number[], values: Record<string, Record<string, readonly number[]>>) {
  const records: ValueRecord[] = [];
  for (const [indicator, byUnit] of Object.entries(values))
    for (const [unit, series] of Object.entries(byUnit)) series.forEach((value, t) => records.push({ unit, year: years[t], indicator, value }));
  const built = buildPanel(tree, records, "values.csv");
  if (!built.ok) throw new Error(built.issues.map((issue) => issue.message).join("\n"));
  return built.value;
}
