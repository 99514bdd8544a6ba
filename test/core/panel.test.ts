import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { buildPanel, cellIndex, type ValueRecord } from "../../src/core/panel.js";
import { buildTree } from "../../src/core/tree.js";

const tree = (() => {
  const built = buildTree(
    [
      { line: 2, code: "G", parent: "", name: "G", weight: "", direction: "" },
      { line: 3, code: "I1", parent: "G", name: "I1", weight: "", direction: "+" },
      { line: 4, code: "I2", parent: "G", name: "I2", weight: "", direction: "-" },
    ],
    "tree.csv",
  );
  if (!built.ok) throw new Error("fixture tree is invalid");
  return built.value;
})();

const record = (unit: string, year: number, indicator: string, value: number, line: number): ValueRecord => ({ unit, year, indicator, value, line });

describe("buildPanel", () => {
  it("places each value by indicator, unit and year, with units in order of appearance and sorted years", () => {
    const built = buildPanel(tree, [record("B", 2019, "I2", 5, 2), record("A", 2018, "I1", 7, 3), record("B", 2018, "I1", 9, 4)], "v.csv");
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const panel = built.value;
    expect(panel.units).toEqual(["B", "A"]);
    expect(panel.years).toEqual([2018, 2019]);
    // layout: (indicator * 2 units + unit) * 2 years + year = (1 * 2 + 0) * 2 + 1 = 5
    expect(cellIndex(panel, 1, 0, 1)).toBe(5);
    expect(panel.values[cellIndex(panel, 1, 0, 1)]).toBe(5);
    expect(panel.values[cellIndex(panel, 0, 1, 0)]).toBe(7);
    expect(panel.values[cellIndex(panel, 0, 0, 0)]).toBe(9);
    expect(Number.isNaN(panel.values[cellIndex(panel, 0, 0, 1)])).toBe(true);
  });

  it("reports unknown indicators, values for groups, duplicates and indicators without values, all at once", () => {
    const built = buildPanel(
      tree,
      [record("A", 2018, "I1", 1, 2), record("A", 2018, "I1", 2, 3), record("A", 2018, "ZZ", 1, 4), record("A", 2018, "G", 1, 5), record("A", 2019, "I2", Number.NaN, 6)],
      "v.csv",
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.issues.map((issue) => [issue.code, issue.source, issue.line, issue.message])).toEqual([
      ["E_DUPLICATE_VALUE", "v.csv", 3, messages.duplicateValue("A", 2018, "I1", 2)],
      ["E_UNKNOWN_INDICATOR", "v.csv", 4, messages.unknownIndicator("ZZ")],
      ["E_VALUE_FOR_GROUP", "v.csv", 5, messages.valueForGroup("G")],
      // I2 has only a missing cell, so it has no values; the issue points at its tree row
      ["E_NO_VALUES", "tree.csv", 4, messages.indicatorWithoutValues("I2")],
    ]);
  });

  it("says of a code written in full-width characters (Ｉ２, typed in a Chinese input method's full-width mode) which code it is", () => {
    const built = buildPanel(tree, [record("A", 2018, "I1", 1, 2), record("A", 2018, "Ｉ２", 3, 3), record("A", 2018, "I2", 3, 4)], "v.csv");
    expect(!built.ok && built.issues.map((issue) => [issue.code, issue.line, issue.message])).toEqual([["E_UNKNOWN_INDICATOR", 3, messages.fullWidthCode("Ｉ２", "I2")]]);
    expect(messages.fullWidthCode("Ｉ２", "I2")).toBe(
      'unknown indicator "Ｉ２", which is "I2" written in full-width characters (as a Chinese input method types them in full-width mode); expected a leaf code of the indicator tree, written as the tree writes it',
    );
  });

  it("refuses a value that is not a number (a record made in code holding the text \"12.5\"), which would otherwise be taken silently", () => {
    const text = { unit: "A", year: 2018, indicator: "I1", value: "12.5" as unknown as number };
    const built = buildPanel(tree, [text, record("A", 2018, "I2", 3, 3), { unit: "A", year: 2019, indicator: "I1", value: null as unknown as number }]);
    if (built.ok) throw new Error("expected the values to be refused");
    expect(built.issues.map(({ code, column, message }) => ({ code, column, message }))).toEqual([
      { code: "E_BAD_NUMBER", column: "value", message: 'value of indicator "I1", unit "A", year 2018 is "12.5" (string); expected a number, NaN for a missing value' },
      { code: "E_BAD_NUMBER", column: "value", message: 'value of indicator "I1", unit "A", year 2019 is null (object); expected a number, NaN for a missing value' },
    ]);
  });

  it("refuses an empty data set", () => {
    const built = buildPanel(tree, [], "v.csv");
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.issues.map((issue) => issue.code)).toEqual(["E_NO_DATA"]);
  });
});
