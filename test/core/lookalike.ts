/**
 * The fixture of the W_UNIT_LOOKALIKE tests (unit-lookalike.test.ts, uncertainty-lookalike.test.ts) in memory: a tree
 * of two groups of two indicators, the four parks of a zone, and their long records of data/2021.csv, with the tester's
 * typo or without it.
 */
import { buildPanel, type Panel, type ValueRecord } from "../../src/core/panel.js";
import { buildTree, type TreeRow } from "../../src/core/tree.js";
import type { Tree } from "../../src/core/types.js";

/** A (0.5) = A11 + A12, B (0.5) = B11 + B12, every indicator positive: each row's code, parent, weight, direction. */
const TREE_ROWS = [
  ["A", "", "0.5", ""],
  ["A11", "A", "", "+"],
  ["A12", "A", "", "+"],
  ["B", "", "0.5", ""],
  ["B11", "B", "", "+"],
  ["B12", "B", "", "+"],
];

export const INDICATORS = ["A11", "A12", "B11", "B12"];

export const PARKS = ["武进园区", "西太湖园区", "天宁园区", "钟楼园区"];

/** The tree of `TREE_ROWS`, as read from tree.csv (its rows from line 2, each named by its code). */
export function tree(): Tree {
  const rows: TreeRow[] = TREE_ROWS.map(([code, parent, weight, direction], i) => ({ line: i + 2, code, parent, name: code, weight, direction, attributes: {} }));
  const built = buildTree(rows, "tree.csv");
  if (!built.ok) throw new Error("fixture tree is invalid");
  return built.value;
}

/**
 * Long records of data/2021.csv, one a line from line 2: every unit of `full` has every indicator in 2020 and 2021
 * (value = 10 · (its place + 1) + the indicator's place + the year's place), but for the cells in `skip`
 * (`unit|year|indicator`), then the `extra` records.
 */
export function records(full: readonly string[], skip: readonly string[] = [], extra: Omit<ValueRecord, "line">[] = []): ValueRecord[] {
  const list: Omit<ValueRecord, "line">[] = [];
  full.forEach((unit, u) =>
    [2020, 2021].forEach((year, t) =>
      INDICATORS.forEach((indicator, i) => {
        if (!skip.includes(`${unit}|${year}|${indicator}`)) list.push({ unit, year, indicator, value: 10 * (u + 1) + i + t });
      }),
    ),
  );
  return [...list, ...extra].map((record, k) => ({ ...record, line: k + 2 }));
}

/**
 * The tester's case: the row "西太湖园,2021,A11" instead of "西太湖园区,2021,A11", given last. 西太湖园区 keeps 2 years ×
 * 4 indicators − 1 = 7 values, 西太湖园 has 1; the four parks' 32 − 1 = 31 records come first, so the typo is line 33.
 */
export const typoRecords = (): ValueRecord[] => records(PARKS, ["西太湖园区|2021|A11"], [{ unit: "西太湖园", year: 2021, indicator: "A11", value: 25 }]);

/** The panel of `list` (records of data/2021.csv) over `tree()`; throws on records the tree refuses. */
export function panelOf(list: readonly ValueRecord[]): Panel {
  const built = buildPanel(tree(), list, "data/2021.csv");
  if (!built.ok) throw new Error(built.issues.map((issue) => issue.message).join("\n"));
  return built.value;
}

/** tree.csv and data/2021.csv of the tester's case (`typoRecords`), for `makeTempDir`. */
export function typoFiles(): Record<string, string> {
  const treeLines = ["code,parent,name,weight,direction", ...TREE_ROWS.map(([code, parent, weight, direction]) => `${code},${parent},${code},${weight},${direction}`)];
  const values = ["unit,year,indicator,value", ...typoRecords().map(({ unit, year, indicator, value }) => `${unit},${year},${indicator},${value}`)];
  return { "tree.csv": treeLines.join("\n") + "\n", "data/2021.csv": values.join("\n") + "\n" };
}
