/**
 * `E_CANNOT_IMPUTE` (a gap its indicator's policy cannot reach) is placed as `E_MISSING_VALUE` beside it: at the empty
 * cell's file and line (and column, in a wide layout) as read; a cell no file holds (its row left out) at the values
 * file, as a year without any value is placed.
 */
import { describe, expect, it } from "vitest";
import { imputePanel } from "../../src/core/missing.js";
import { buildPanel, type ValueRecord } from "../../src/core/panel.js";
import { parseTreeCsv } from "../../src/io/read/tree-csv.js";

const TREE = "code,parent,name,weight,direction\nG,,g,1,\nA,G,a,1,+\nB,G,b,1,+\n";

/**
 * Long-layout rows from line 2 on, in this order (an empty value a row written with no value):
 * line 2 U1 2017 A 1; 3 U1 2018 A (empty); 4 U1 2017 B 7; 5 U1 2018 B 8; 6 U2 2017 A 4; 7 U2 2018 A 5;
 * 8 U2 2017 B (empty); 9 U2 2018 B (empty), unless `leaveOut` drops a row.
 */
function panelOf(leaveOut?: number) {
  const rows: [string, number, string, number][] = [
    ["U1", 2017, "A", 1],
    ["U1", 2018, "A", Number.NaN],
    ["U1", 2017, "B", 7],
    ["U1", 2018, "B", 8],
    ["U2", 2017, "A", 4],
    ["U2", 2018, "A", 5],
    ["U2", 2017, "B", Number.NaN],
    ["U2", 2018, "B", Number.NaN],
  ];
  const records: ValueRecord[] = rows.flatMap(([unit, year, indicator, value], r) => (r + 2 === leaveOut ? [] : [{ unit, year, indicator, value, line: r + 2 }]));
  const panel = buildPanel(parseTreeCsv(TREE, "tree.csv"), records, "values.csv");
  if (!panel.ok) throw new Error(panel.issues.map((issue) => issue.message).join("\n"));
  return panel.value;
}

const placeOf = (issue: { code: string; source?: string; line?: number }) => [issue.code, issue.source, issue.line];

describe("E_CANNOT_IMPUTE is placed as E_MISSING_VALUE is", () => {
  it("at the empty cell's line: A under error (U1 2018, line 3), B under carry-forward (U2 has no B before 2017 or 2018: lines 8 and 9)", () => {
    const { gaps } = imputePanel(panelOf(), ["error", "carry-forward"]);
    expect(gaps.map(({ issue }) => placeOf(issue))).toEqual([
      ["E_MISSING_VALUE", "values.csv", 3],
      ["E_CANNOT_IMPUTE", "values.csv", 8],
      ["E_CANNOT_IMPUTE", "values.csv", 9],
    ]);
  });

  it("B under mean: U2's 2017 B has U1's 7 (filled); 2018's too (U1 8): no gap; A under mean fills U1 2018 from U2's 5", () => {
    // The counter-case: nothing left to place when every gap has another unit's value that year.
    const { gaps, imputations } = imputePanel(panelOf(), ["mean", "mean"]);
    expect(gaps).toEqual([]);
    expect(imputations.map((row) => `${row.indicator}/${row.unit}/${row.year}=${row.value}`)).toEqual(["A/U1/2018=5", "B/U2/2017=7", "B/U2/2018=8"]);
  });

  it("a cell no file holds (U2's 2018 B row, line 9, left out): at the values file, with no line", () => {
    const { gaps } = imputePanel(panelOf(9), ["error", "carry-forward"]);
    expect(gaps.map(({ issue }) => placeOf(issue))).toEqual([
      ["E_MISSING_VALUE", "values.csv", 3],
      ["E_CANNOT_IMPUTE", "values.csv", 8],
      ["E_CANNOT_IMPUTE", "values.csv", undefined],
    ]);
  });

  it("E_MISSING_VALUE of a cell no file holds (U1's 2018 A row, line 3, left out): at the values file too, with no line", () => {
    // Before, this gap had no place at all, while E_CANNOT_IMPUTE beside it named the values file.
    const { gaps } = imputePanel(panelOf(3), ["error", "carry-forward"]);
    expect(gaps.map(({ issue }) => placeOf(issue))).toEqual([
      ["E_MISSING_VALUE", "values.csv", undefined],
      ["E_CANNOT_IMPUTE", "values.csv", 8],
      ["E_CANNOT_IMPUTE", "values.csv", 9],
    ]);
  });
});
