import { describe, expect, it } from "vitest";
import { duplicateValueIssues } from "../../src/core/duplicates.js";
import { limitMessages } from "../../src/core/limit-messages.js";
import { messages } from "../../src/core/messages.js";
import { buildPanel, cellIndex, createPanel, PANEL_CELL_LIMIT, panelSizeIssue, unknownIndicatorMeant, type ValueRecord } from "../../src/core/panel.js";
import { InputError } from "../../src/errors.js";
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

  it("takes an empty value repeating a cell for nothing, before or after its value, and keeps the given value's file and line", () => {
    // A values folder: a template's blank rows (2021.xlsx) for the cells 2017.csv gives, in either order of the files.
    const given = (line: number): ValueRecord => ({ ...record("A", 2017, "I1", 5, line), file: "data/2017.csv" });
    const blank = (line: number): ValueRecord => ({ ...record("A", 2017, "I1", Number.NaN, line), file: "data/2021.xlsx" });
    const other = (line: number): ValueRecord => ({ ...record("A", 2017, "I2", 8, line), file: "data/2017.csv" });
    for (const records of [
      [given(2), other(3), blank(40)],
      [blank(40), given(2), other(3)],
      [blank(40), blank(41), given(2), other(3), blank(42)],
    ]) {
      const built = buildPanel(tree, records);
      if (!built.ok) throw new Error(built.issues.map((issue) => issue.message).join("\n"));
      const panel = built.value;
      const cell = cellIndex(panel, 0, 0, 0);
      expect(panel.values[cell]).toBe(5);
      // The cell's line and file are 2017.csv's line 2, whichever file came first.
      expect([panel.lines?.[cell], panel.files?.[panel.fileOfCell![cell]]]).toEqual([2, "data/2017.csv"]);
    }
    // Two empty rows for one cell: no conflict, the cell missing, at the first empty row's line.
    const empties = buildPanel(tree, [record("A", 2017, "I1", Number.NaN, 2), record("A", 2017, "I1", Number.NaN, 3), record("A", 2018, "I1", 4, 4), record("A", 2017, "I2", 1, 5)], "v.csv");
    if (!empties.ok) throw new Error(empties.issues.map((issue) => issue.message).join("\n"));
    expect(Number.isNaN(empties.value.values[cellIndex(empties.value, 0, 0, 0)])).toBe(true);
    expect(empties.value.lines?.[cellIndex(empties.value, 0, 0, 0)]).toBe(2);
  });

  it("keeps two given values for one cell a duplicate, equal ones too, naming the given value's line (not an empty row's)", () => {
    // line 2 empty, line 3 gives 5, line 4 gives 5 again: the duplicate is line 4's, first given on line 3.
    const built = buildPanel(tree, [record("A", 2018, "I1", Number.NaN, 2), record("A", 2018, "I1", 5, 3), record("A", 2018, "I1", 5, 4), record("A", 2018, "I2", 1, 5)], "v.csv");
    expect(!built.ok && built.issues.map((issue) => [issue.code, issue.line, issue.message])).toEqual([["E_DUPLICATE_VALUE", 4, messages.duplicateValue("A", 2018, "I1", 3)]]);
    expect(messages.duplicateValue("A", 2018, "I1", 3)).toBe('duplicate value for unit "A", year 2018, indicator "I1" (first given on line 3); expected one value per unit, year and indicator');
    // Without a tree the same rule (core/duplicates.ts): the empty row is none, the second 5 is.
    expect(duplicateValueIssues([record("A", 2018, "I1", Number.NaN, 2), record("A", 2018, "I1", 5, 3), record("A", 2018, "I1", Number.NaN, 4), record("A", 2018, "I1", 5, 5)], "v.csv").map((issue) => [issue.line, issue.message])).toEqual([
      [5, messages.duplicateValue("A", 2018, "I1", 3)],
    ]);
  });

  it("says of a code written in full-width characters (Ｉ２, typed in a Chinese input method's full-width mode) which code it is", () => {
    const built = buildPanel(tree, [record("A", 2018, "I1", 1, 2), record("A", 2018, "Ｉ２", 3, 3), record("A", 2018, "I2", 3, 4)], "v.csv");
    expect(!built.ok && built.issues.map((issue) => [issue.code, issue.line, issue.message])).toEqual([["E_UNKNOWN_INDICATOR", 3, messages.fullWidthCode("Ｉ２", "I2")]]);
    expect(messages.fullWidthCode("Ｉ２", "I2")).toBe(
      'unknown indicator "Ｉ２", which is "I2" written in full-width characters (as a Chinese input method types them in full-width mode); expected a leaf code of the indicator tree, written as the tree writes it',
    );
  });

  it("says of a code Excel stripped of its leading zeros (101 for 0101) or written in another case (b2 for B2) which code it is", () => {
    const built = buildTree(
      [
        { line: 2, code: "01", parent: "", name: "双创活力", weight: "", direction: "" },
        { line: 3, code: "0101", parent: "01", name: "研发投入", weight: "", direction: "+" },
        { line: 4, code: "B2", parent: "01", name: "专利", weight: "", direction: "+" },
        // 007 and 0007 both lose their zeros to 7, so "7" names neither.
        { line: 5, code: "007", parent: "01", name: "x", weight: "", direction: "+" },
        { line: 6, code: "0007", parent: "01", name: "y", weight: "", direction: "+" },
      ],
      "t.csv",
    );
    if (!built.ok) throw new Error("fixture tree is invalid");
    const records = [record("", 2017, "101", 1, 2), record("", 2017, "b2", 1, 3), record("", 2017, "7", 1, 4), record("", 2017, "1", 1, 5)];
    const panel = buildPanel(built.value, records, "v.csv");
    expect(!panel.ok && panel.issues.filter((issue) => issue.code === "E_UNKNOWN_INDICATOR").map((issue) => [issue.line, issue.message])).toEqual([
      [2, messages.leadingZerosCode("101", "0101")],
      [3, messages.caseCode("b2", "B2")],
      [4, messages.unknownIndicator("7")],
      // "1" is the group 01 without its zero: only leaves are named, values being for leaves.
      [5, messages.unknownIndicator("1")],
    ]);
    expect(messages.leadingZerosCode("101", "0101")).toBe(
      'unknown indicator "101": Excel drops leading zeros: did you mean "0101"? Store the codes as text (in Excel: format the column as Text, then type the codes again), as the tree writes them',
    );
    // Letters that look like digits, either way: B2l and B2I for B21, and b10 for B1O (the tree writes the letter O).
    const looks = buildTree(
      [
        { line: 2, code: "B", parent: "", name: "产出", weight: "", direction: "" },
        { line: 3, code: "B21", parent: "B", name: "专利", weight: "", direction: "+" },
        { line: 4, code: "B1O", parent: "B", name: "论文", weight: "", direction: "+" },
      ],
      "t.csv",
    );
    if (!looks.ok) throw new Error("fixture tree is invalid");
    const looked = buildPanel(looks.value, [record("", 2017, "B2l", 1, 2), record("", 2017, "b10", 1, 3), record("", 2017, "B2I", 1, 4)], "v.csv");
    expect(!looked.ok && looked.issues.filter((issue) => issue.code === "E_UNKNOWN_INDICATOR").map((issue) => issue.message)).toEqual([
      messages.lookalikeCode("B2l", "B21"),
      messages.lookalikeCode("b10", "B1O"),
      messages.lookalikeCode("B2I", "B21"),
    ]);
    expect(messages.lookalikeCode("B2l", "B21")).toBe(
      'unknown indicator "B2l": did you mean "B21"? the letters l, I and O look like the digits 1 and 0; expected a leaf code of the indicator tree, as the tree writes it',
    );
    expect(messages.caseCode("b2", "B2")).toBe(
      'unknown indicator "b2": did you mean "B2"? expected a leaf code of the indicator tree, in the same upper and lower case letters as the tree writes it',
    );
  });

  it("suggests the nearest leaf code for a code renamed in the tree (A23 now A24), preferring a leaf without values, and says so", () => {
    const built = buildTree(
      [
        { line: 2, code: "A", parent: "", name: "创新投入", weight: "", direction: "" },
        { line: 3, code: "A21", parent: "A", name: "研发人员", weight: "", direction: "+" },
        { line: 4, code: "A22", parent: "A", name: "研发经费", weight: "", direction: "+" },
        { line: 5, code: "A24", parent: "A", name: "孵化器", weight: "", direction: "+" },
      ],
      "t.csv",
    );
    if (!built.ok) throw new Error("fixture tree is invalid");
    const renamed = built.value;
    // By hand (`closestNames`: "a23" has 3 characters, so 1 edit allowed): A21, A22 and A24 are each 1 edit from A23, a
    // tie that would name none. A21 and A22 have values; A24 has none (the values still call it A23): A24 alone.
    const panel = buildPanel(renamed, [record("", 2017, "A21", 1, 2), record("", 2017, "A22", 2, 3), record("", 2017, "A23", 3, 4)], "v.csv");
    expect(!panel.ok && panel.issues.map((issue) => [issue.code, issue.line, issue.message])).toEqual([
      ["E_UNKNOWN_INDICATOR", 4, messages.nearCode("A23", "A24", true)],
      ["E_NO_VALUES", 5, messages.indicatorWithoutValues("A24")],
    ]);
    expect(messages.nearCode("A23", "A24", true)).toBe(
      'unknown indicator "A23": did you mean "A24", the nearest leaf code with no values read (an indicator renamed in the tree)? expected a leaf code of the indicator tree, as the tree writes it',
    );
    // An empty value gives no value: A24 written only as a blank row is still the leaf without values.
    const blank = buildPanel(renamed, [record("", 2017, "A21", 1, 2), record("", 2017, "A22", 2, 3), record("", 2017, "A24", Number.NaN, 4), record("", 2017, "A23", 3, 5)], "v.csv");
    expect(!blank.ok && blank.issues.filter((issue) => issue.code === "E_UNKNOWN_INDICATOR").map((issue) => issue.message)).toEqual([messages.nearCode("A23", "A24", true)]);
    // Every leaf with values: the nearest of all, without the word on values. B22 is 1 edit from A22, 2 from A21 and
    // A24: A22. A23 is 1 edit from all three: a tie, none named. X9 is 2 or more from each: none.
    const all = buildPanel(
      renamed,
      [record("", 2017, "A21", 1, 2), record("", 2017, "A22", 2, 3), record("", 2017, "A24", 3, 4), record("", 2017, "B22", 4, 5), record("", 2017, "A23", 5, 6), record("", 2017, "X9", 6, 7)],
      "v.csv",
    );
    expect(!all.ok && all.issues.map((issue) => [issue.line, issue.message])).toEqual([
      [5, messages.nearCode("B22", "A22", false)],
      [6, messages.unknownIndicator("A23")],
      [7, messages.unknownIndicator("X9")],
    ]);
    // Two leaves without values as near (A24 and A25, both renamed?): a tie, none named.
    const twice = buildTree(
      [
        { line: 2, code: "A", parent: "", name: "创新投入", weight: "", direction: "" },
        { line: 3, code: "A22", parent: "A", name: "研发经费", weight: "", direction: "+" },
        { line: 4, code: "A24", parent: "A", name: "孵化器", weight: "", direction: "+" },
        { line: 5, code: "A25", parent: "A", name: "众创空间", weight: "", direction: "+" },
      ],
      "t.csv",
    );
    if (!twice.ok) throw new Error("fixture tree is invalid");
    const tied = buildPanel(twice.value, [record("", 2017, "A22", 1, 2), record("", 2017, "A23", 2, 3)], "v.csv");
    expect(!tied.ok && tied.issues.filter((issue) => issue.code === "E_UNKNOWN_INDICATOR").map((issue) => issue.message)).toEqual([messages.unknownIndicator("A23")]);
    expect(messages.nearCode("B22", "A22", false)).toBe('unknown indicator "B22": did you mean "A22"? expected a leaf code of the indicator tree, as the tree writes it');
    // Only a guess: no cell is taken as given by the row of A23 (unknownIndicatorMeant names no leaf for it).
    expect(unknownIndicatorMeant(renamed)("A23")).toBeUndefined();
  });

  it("places an unknown code at its cell and a duplicate at its value's cell, when the reader knows them", () => {
    const records: ValueRecord[] = [
      { unit: "A", year: 2018, indicator: "I1", value: 1, line: 2, indicatorColumn: 3, valueColumn: 4 },
      { unit: "A", year: 2018, indicator: "I2", value: 1, line: 3, indicatorColumn: 3, valueColumn: 4 },
      { unit: "A", year: 2018, indicator: "ZZ", value: 1, line: 4, indicatorColumn: 3, valueColumn: 4 },
      { unit: "A", year: 2018, indicator: "I1", value: 2, line: 5, indicatorColumn: 3, valueColumn: 4 },
      // the wide layout: the value's own column
      { unit: "A", year: 2018, indicator: "I2", value: 2, line: 6, column: 5, indicatorColumn: 1 },
    ];
    const built = buildPanel(tree, records, "v.csv");
    expect(!built.ok && built.issues.map((issue) => [issue.code, issue.line, issue.column])).toEqual([
      ["E_UNKNOWN_INDICATOR", 4, 3],
      ["E_DUPLICATE_VALUE", 5, 4],
      ["E_DUPLICATE_VALUE", 6, 5],
    ]);
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

describe("the panel's size (E_PANEL_SIZE)", () => {
  /** A tree of `count` indicators X0, X1, … under one group. */
  const wideTree = (count: number) => {
    const built = buildTree([
      { line: 2, code: "G", parent: "", name: "G", weight: "", direction: "" },
      ...Array.from({ length: count }, (_, i) => ({ line: i + 3, code: `X${i}`, parent: "G", name: `X${i}`, weight: "", direction: "+" })),
    ]);
    if (!built.ok) throw new Error("fixture tree is invalid");
    return built.value;
  };

  it("holds at most 2^28 cells: one cell more is refused, naming the counts, the cells, the bytes and the limit", () => {
    expect(PANEL_CELL_LIMIT).toBe(268_435_456);
    // by hand: 1,024 × 1,024 × 256 = 2^10 · 2^10 · 2^8 = 2^28, the limit itself
    expect(panelSizeIssue(1024, 1024, 256)).toBeUndefined();
    // by hand: 1,024 × 1,025 × 256 = 268,697,600 cells, × 8 bytes = 2,149,580,800 bytes = 2.0 GB (powers of 1024)
    expect(panelSizeIssue(1024, 1025, 256, "values.csv")).toEqual({
      code: "E_PANEL_SIZE",
      source: "values.csv",
      message:
        "values.csv: the values make a panel of 1,024 units × 1,025 years × 256 indicators = 268,697,600 cells (2 GB), more than the 268,435,456 cells (2 GB) a panel may hold (it has a cell for every unit, year and indicator, given or not); expected fewer units, years or indicators in one run: long values spread over many years or units (one value per row) make a large, mostly empty panel, so split them by year or by unit",
    });
  });

  it("createPanel refuses a panel over the limit before allocating it (100,000 units × 1,000 years × 50 indicators: 37 GB)", () => {
    const units = Array.from({ length: 100_000 }, (_, u) => `U${u}`);
    const years = Array.from({ length: 1000 }, (_, y) => 1000 + y);
    const indicators = Array.from({ length: 50 }, (_, i) => `X${i}`);
    let caught: unknown;
    try {
      createPanel(units, years, indicators, "values.csv");
    } catch (error) {
      caught = error;
    }
    // The old panel was allocated first: RangeError "Invalid typed array length: 5000000000".
    expect(caught).toBeInstanceOf(InputError);
    expect((caught as InputError).code).toBe("E_PANEL_SIZE");
    expect((caught as InputError).source).toBe("values.csv");
    // by hand: 100,000 × 1,000 × 50 = 5,000,000,000 cells, × 8 = 4e10 bytes = 37.25 GB (powers of 1024), shown as 37
    expect((caught as InputError).message).toContain("100,000 units × 1,000 years × 50 indicators = 5,000,000,000 cells (37 GB)");
  });

  it("buildPanel reports a panel over the limit with the records' other problems, and makes no panel", () => {
    // 1,025 records: units U0…U1023 (the last record repeats U0), years 1000…2024, indicators X0…X255 in turn:
    // 1,024 × 1,025 × 256 cells, one over the limit's 2^28 by 262,144. Then a duplicate and an unknown indicator.
    const records: ValueRecord[] = Array.from({ length: 1025 }, (_, i) => record(`U${i % 1024}`, 1000 + i, `X${i % 256}`, 1, i + 2));
    records.push(record("U0", 1000, "X0", 2, 1027), record("U1", 1001, "Y1", 1, 1028));
    const built = buildPanel(wideTree(256), records, "values.csv");
    if (built.ok) throw new Error("expected the values to be refused");
    expect(built.issues.map((issue) => [issue.code, issue.line])).toEqual([
      ["E_PANEL_SIZE", undefined],
      ["E_DUPLICATE_VALUE", 1027],
      ["E_UNKNOWN_INDICATOR", 1028],
    ]);
    expect(built.issues[0].message).toBe(limitMessages.panelTooLarge("values.csv", 1024, 1025, 256, 2 ** 28));
  });
});

describe("unknownIndicatorMeant", () => {
  it("names the leaf an unknown code's message suggests, and none for a code that looks like no leaf", () => {
    const meant = unknownIndicatorMeant(tree);
    // i1: I1 in another case; Ｉ２: I2 in full-width characters; Il: I1 with the digit 1 typed as a lower-case l.
    expect(["i1", "Ｉ２", "Il"].map(meant)).toEqual(["I1", "I2", "I1"]);
    // G is a group (not a leaf), Z9 and an empty code look like no leaf.
    expect(["G", "Z9", ""].map(meant)).toEqual([undefined, undefined, undefined]);
  });
});
