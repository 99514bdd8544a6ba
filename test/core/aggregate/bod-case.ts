/**
 * A small benefit-of-the-doubt case worked by hand (see test/core/aggregate/bod-weights.test.ts for the programmes):
 * G = BoD over X1 and X2 (tree weights 0.5 each), INDEX = G (arithmetic, G alone), units A, B, C, years 2020 and 2021,
 * raw values X1: A 10, 6; B 0, 0; C 4, 4 and X2: A 0, 2; B 10, 10; C 4, 4, `--normalise min-max` (scores ×10). Nodes in
 * the result: INDEX 0, G 1, X1 2, X2 3. With `aggregate`, G by that method instead.
 */
import { computeIndex } from "../../../src/core/compute.js";
import { buildPanel } from "../../../src/core/panel.js";
import { buildTree } from "../../../src/core/tree.js";

export function bodCase(options: { aggregate?: "topsis" } = {}) {
  const rows = [
    { code: "G", parent: "", name: "G", weight: "1", direction: "", line: 2 },
    { code: "X1", parent: "G", name: "x1", weight: "0.5", direction: "+", line: 3 },
    { code: "X2", parent: "G", name: "x2", weight: "0.5", direction: "+", line: 4 },
  ];
  const tree = buildTree(rows as never);
  if (!tree.ok) throw new Error(JSON.stringify(tree.issues));
  const raw: Record<string, Record<string, number[]>> = { A: { X1: [10, 6], X2: [0, 2] }, B: { X1: [0, 0], X2: [10, 10] }, C: { X1: [4, 4], X2: [4, 4] } };
  const records = Object.entries(raw).flatMap(([unit, series]) =>
    Object.entries(series).flatMap(([indicator, list]) => list.map((value, t) => ({ unit, year: 2020 + t, indicator, value }))),
  );
  const panel = buildPanel(tree.value, records);
  if (!panel.ok) throw new Error(JSON.stringify(panel.issues));
  const result = computeIndex(tree.value, panel.value, { normalize: "min-max", aggregateByLevel: { 1: options.aggregate ?? "bod" } });
  return { tree: tree.value, result };
}
