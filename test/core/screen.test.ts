/** Screening by coverage, overall and within each first-level group, against counts done by hand. */
import { describe, expect, it } from "vitest";
import { computeIndex } from "../../src/core/compute.js";
import { methodMessages } from "../../src/core/method-messages.js";
import { buildPanel, placeOfCell } from "../../src/core/panel.js";
import { screenPanel } from "../../src/core/screen.js";
import { buildTree } from "../../src/core/tree.js";
import { coverageTable } from "../../src/io/write/tables.js";
import { ValidationError } from "../../src/errors.js";

// A (A1, A2) and B (B1); 3 units, 2 years
function inputs(missing: [unit: string, year: number, indicator: string][]) {
  const built = buildTree([
    { line: 2, code: "A", parent: "", name: "A", weight: "", direction: "" },
    { line: 3, code: "A1", parent: "A", name: "A1", weight: "", direction: "+" },
    { line: 4, code: "A2", parent: "A", name: "A2", weight: "", direction: "+" },
    { line: 5, code: "B", parent: "", name: "B", weight: "", direction: "" },
    { line: 6, code: "B1", parent: "B", name: "B1", weight: "", direction: "+" },
  ]);
  if (!built.ok) throw new Error("tree");
  const records = ["U1", "U2", "U3"].flatMap((unit, u) =>
    [2020, 2021].flatMap((year) =>
      ["A1", "A2", "B1"].map((indicator, i) => ({
        unit,
        year,
        indicator,
        value: missing.some(([mu, my, mi]) => mu === unit && my === year && mi === indicator) ? Number.NaN : 10 + u + i + year - 2020,
      })),
    ),
  );
  const panel = buildPanel(built.value, records);
  if (!panel.ok) throw new Error("panel");
  return { tree: built.value, panel: panel.value };
}

describe("screenPanel", () => {
  it("drops a unit below the threshold overall or in one group", () => {
    // U2: B1 missing in both years: overall 4/6 = 0.667 (passes 0.66), group B 0/2 = 0 (fails)
    // U3: A1 missing in 2020: overall 5/6, A 3/4 = 0.75, B 2/2: passes
    const { tree, panel } = inputs([["U2", 2020, "B1"], ["U2", 2021, "B1"], ["U3", 2020, "A1"]]);
    const result = screenPanel(tree, panel, { threshold: 0.66 });
    expect(result.screened).toEqual([{ unit: "U2", coverage: 4 / 6, group: "B", groupCoverage: 0 }]);
    expect(result.panel.units).toEqual(["U1", "U3"]);
    // A1 block of the new panel: U1 (10, 11), U3 (NaN, 13)
    expect(Array.from(result.panel.values.subarray(0, 4))).toEqual([10, 11, Number.NaN, 13]);
  });
  it("keeps each kept cell's file and line, so a message about it still names where it was read", () => {
    const { tree } = inputs([]);
    // U1..U3 × 2020, 2021 × A1, A2, B1, each record on its own line of one of two files; U2 has no B1 (screened out).
    const records = ["U1", "U2", "U3"].flatMap((unit, u) =>
      [2020, 2021].flatMap((year, t) =>
        ["A1", "A2", "B1"].map((indicator, i) => ({
          unit,
          year,
          indicator,
          value: unit === "U2" && indicator === "B1" ? Number.NaN : 1 + u + i + t,
          file: `${year}.csv`,
          line: 2 + u * 3 + i,
          // As the wide layout reads them: each year's value in its own column (2020 in column 3, 2021 in 4).
          column: 3 + t,
        })),
      ),
    );
    const built = buildPanel(tree, records, "data");
    if (!built.ok) throw new Error("panel");
    const result = screenPanel(tree, built.value, { threshold: 0.66 });
    expect(result.panel.units).toEqual(["U1", "U3"]);
    // A2 (indicator 1) of U3 (kept unit 1) in 2021 (year 1): cell (1·2 + 1)·2 + 1 = 7; U3's A2 rows are on line 2 + 6 + 1 = 9.
    expect(placeOfCell(result.panel, 7)).toEqual({ source: "2021.csv", line: 9, column: 4 });
    expect(placeOfCell(result.panel, 0)).toEqual({ source: "2020.csv", line: 2, column: 3 }); // A1, U1, 2020
  });
  it("by unit-year, empties only the unit-years below the threshold", () => {
    // U3 2020: A1 and A2 missing: overall 1/3, A 0/2; 2021 complete
    const { tree, panel } = inputs([["U3", 2020, "A1"], ["U3", 2020, "A2"]]);
    const result = screenPanel(tree, panel, { threshold: 0.5, by: "unit-year" });
    expect(result.screened).toEqual([{ unit: "U3", year: 2020, coverage: 1 / 3, group: "A", groupCoverage: 0 }]);
    expect([...result.cells]).toEqual([2 * 2 + 0]);
  });
  it("computeIndex leaves a screened unit-year empty and does not report its gaps", () => {
    const { tree, panel } = inputs([["U3", 2020, "A1"], ["U3", 2020, "A2"]]);
    // without screening, the error policy reports the two gaps
    expect(() => computeIndex(tree, panel, { normalize: "min-max" })).toThrow(ValidationError);
    const result = computeIndex(tree, panel, { normalize: "min-max", screen: { threshold: 0.5, by: "unit-year" } });
    // INDEX block: U1 (2020, 2021), U2, U3
    expect(result.values[4]).toBeNaN();
    expect(result.values[5]).not.toBeNaN();
    expect(result.screened).toHaveLength(1);
  });
  it("a screened unit-year weighs in no other unit's scores, whatever the missing-value policy (not refilled from its neighbours)", () => {
    // U3 2020 has B1 alone (1/3): screened. Interpolation would fill its A1, A2 and B1 from U3 2021 (carry-back at the
    // edge), one more observation in every z-score's mean and sd, moving every other unit's scores.
    const { tree, panel } = inputs([["U3", 2020, "A1"], ["U3", 2020, "A2"]]);
    const screened = computeIndex(tree, panel, { normalize: "z-score", missing: "interpolate", screen: { threshold: 0.5, by: "unit-year" } });
    expect(screened.imputations).toEqual([]); // nothing filled, nothing listed as reweighted
    // Independently: the same values without U3 2020 at all, under a policy that fills nothing.
    const { panel: without } = inputs([["U3", 2020, "A1"], ["U3", 2020, "A2"], ["U3", 2020, "B1"]]);
    const reference = computeIndex(tree, without, { normalize: "z-score", missing: "reweight", unfilled: "reweight" });
    expect(Array.from(screened.values)).toEqual(Array.from(reference.values));
    expect(screened.values[4]).toBeNaN(); // INDEX of U3 2020
    // Coverage of the panel used: U3 2020 is not expected (3 units × 2 years − 1), and B1's value there not counted.
    expect(coverageTable(screened).rows.map((row) => row.slice(2, 6))).toEqual([
      [5, 5, 0, 0],
      [5, 5, 0, 0],
      [5, 5, 0, 0],
    ]);
  });

  it("refuses a screen that leaves nothing", () => {
    const { tree, panel } = inputs([["U1", 2020, "B1"], ["U2", 2020, "B1"], ["U3", 2020, "B1"]]);
    expect(() => computeIndex(tree, panel, { screen: { threshold: 1 } })).toThrow(methodMessages.screenEmpty(1, 3));
  });
});
