/**
 * What a script gives `buildTree` and `buildPanel` (rows and records made in code): a value of the wrong kind is an
 * `E_BAD_OPTION` issue in `{ ok: false, issues }` naming the argument, record and field, never a TypeError, nor a panel
 * that `compute` refuses later.
 */
import { describe, expect, it } from "vitest";
import { buildPanel, buildTree, compute, type ValueRecord } from "../../src/index.js";
import { messages } from "../../src/core/messages.js";

const tree = (() => {
  const built = buildTree([
    { line: 2, code: "A", parent: "", name: "A", weight: "", direction: "" },
    { line: 3, code: "A1", parent: "A", name: "patents", weight: "", direction: "+" },
    { line: 4, code: "A2", parent: "A", name: "papers", weight: "", direction: "+" },
  ]);
  if (!built.ok) throw new Error("fixture tree is invalid");
  return built.value;
})();

/** The code, column and message of each issue of a refused outcome. */
const refusal = (outcome: { ok: boolean; issues?: { code: string; column?: string | number; message: string }[] }) => {
  expect(outcome.ok).toBe(false);
  return outcome.issues!.map(({ code, column, message }) => ({ code, column, message }));
};

describe("buildTree's argument", () => {
  it("refuses what is not a list of row objects, naming it, instead of a TypeError", () => {
    const expected = "a list of rows { line, code, parent, name, weight, direction }";
    expect(refusal(buildTree(null as never))).toEqual([{ code: "E_BAD_OPTION", column: "rows", message: `option rows is null; expected ${expected}` }]);
    expect(refusal(buildTree(undefined as never))).toEqual([{ code: "E_BAD_OPTION", column: "rows", message: `option rows is undefined; expected ${expected}` }]);
    expect(refusal(buildTree("abc" as never))).toEqual([{ code: "E_BAD_OPTION", column: "rows", message: `option rows is "abc"; expected ${expected}` }]);
    const row = { line: 2, code: "A", parent: "", name: "A", weight: "", direction: "+" };
    expect(refusal(buildTree([row, null, 7] as never))).toEqual([
      { code: "E_BAD_OPTION", column: "rows[1]", message: "option rows[1] is null; expected a row { line, code, parent, name, weight, direction }" },
      { code: "E_BAD_OPTION", column: "rows[2]", message: "option rows[2] is 7; expected a row { line, code, parent, name, weight, direction }" },
    ]);
    // A list of rows is built as before.
    expect(buildTree([row]).ok).toBe(true);
  });
});

describe("buildPanel's arguments", () => {
  const good: ValueRecord[] = [
    { unit: "zone", year: 2017, indicator: "A1", value: 40 },
    { unit: "zone", year: 2017, indicator: "A2", value: 10 },
  ];

  it("refuses a tree or records of another kind, naming the argument, instead of a TypeError", () => {
    expect(refusal(buildPanel(tree, "abc" as never))).toEqual([
      { code: "E_BAD_OPTION", column: "records", message: 'option records is "abc"; expected a list of records { unit, year, indicator, value }' },
    ]);
    expect(refusal(buildPanel(null as never, good))).toEqual([
      { code: "E_BAD_OPTION", column: "tree", message: "option tree is null; expected the tree of buildTree(rows).value or load()" },
    ]);
    // buildTree's outcome given for its value.
    expect(refusal(buildPanel(buildTree([{ code: "A", parent: "", name: "A", weight: "", direction: "+" }]) as never, good))).toEqual([
      { code: "E_BAD_OPTION", column: "tree", message: "option tree is the outcome { ok, value } of buildTree(rows); expected its value, tree.value, once ok is true" },
    ]);
  });

  it("refuses a year that is not a whole number, a unit or indicator that is not a text, naming the record and field", () => {
    const records = [
      { unit: "zone", year: 2017, indicator: "A1", value: 40 },
      { unit: "zone", year: "2018x", indicator: "A1", value: 50 },
      { unit: "zone", year: 2018.5, indicator: "A2", value: 1 },
      { unit: "zone", year: "2018", indicator: "A2", value: 2 },
      { unit: 5, year: 2017, indicator: "A2", value: 3 },
      null,
      { unit: "zone", year: 2019, indicator: 7, value: 4 },
    ];
    expect(refusal(buildPanel(tree, records as never))).toEqual([
      { code: "E_BAD_OPTION", column: "records[1].year", message: 'option records[1].year is the text "2018x", not a number; expected a year, a whole number such as 2018' },
      { code: "E_BAD_OPTION", column: "records[2].year", message: "option records[2].year is 2018.5; expected a year, a whole number such as 2018" },
      { code: "E_BAD_OPTION", column: "records[3].year", message: 'option records[3].year is the text "2018", not a number; expected a year, a whole number such as 2018' },
      { code: "E_BAD_OPTION", column: "records[4].unit", message: "option records[4].unit is 5; expected a unit's name (a text)" },
      { code: "E_BAD_OPTION", column: "records[5]", message: "option records[5] is null; expected a record { unit, year, indicator, value }" },
      { code: "E_BAD_OPTION", column: "records[6].indicator", message: "option records[6].indicator is 7; expected an indicator's code (a text)" },
    ]);
  });

  it("reports the other records' problems with those of the bad ones, not an indicator whose only record was refused", () => {
    const records = [
      { unit: "zone", year: 2017, indicator: "A1", value: "40" },
      { unit: "zone", year: "2017", indicator: "A2", value: 10 },
      { unit: "zone", year: 2017, indicator: "B9", value: 1 },
    ];
    expect(refusal(buildPanel(tree, records as never))).toEqual([
      { code: "E_BAD_OPTION", column: "records[1].year", message: 'option records[1].year is the text "2017", not a number; expected a year, a whole number such as 2018' },
      // A2's only record is records[1]: A2 is not also said to have no values.
      { code: "E_BAD_NUMBER", column: "value", message: messages.recordNotNumber("A1", "zone", 2017, "40") },
      { code: "E_UNKNOWN_INDICATOR", column: "indicator", message: messages.unknownIndicator("B9") },
    ]);
  });

  it("refuses an infinite value (a ratio divided by zero) as a text is, naming the cell", () => {
    const records = [...good, { unit: "zone", year: 2018, indicator: "A1", value: 12 / 0 }, { unit: "zone", year: 2018, indicator: "A2", value: -1 / 0 }];
    expect(refusal(buildPanel(tree, records))).toEqual([
      { code: "E_BAD_NUMBER", column: "value", message: messages.valueNotFinite("A1", "zone", 2018, Infinity) },
      { code: "E_BAD_NUMBER", column: "value", message: messages.valueNotFinite("A2", "zone", 2018, -Infinity) },
    ]);
    expect(messages.valueNotFinite("A1", "zone", 2018, Infinity)).toBe(
      'value of indicator "A1", unit "zone", year 2018 is Infinity; expected a finite number, NaN for a missing value (a division by zero?)',
    );
  });

  it("builds a panel of good records as before, which compute takes", async () => {
    const built = buildPanel(tree, [...good, { unit: "zone", year: 2018, indicator: "A1", value: 50 }, { unit: "zone", year: 2018, indicator: "A2", value: 10 }]);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value.years).toEqual([2017, 2018]);
    // Layout (indicator · units + unit) · years + year: A1 2017, A1 2018, A2 2017, A2 2018.
    expect([...built.value.values]).toEqual([40, 50, 10, 10]);
    // INDEX, A, A1, A2 for the one unit, 2017 and 2018: A1 grows 40 -> 50 (125), A2 stays (100), their mean 112.5.
    expect([...(await compute({ tree, panel: built.value })).values]).toEqual([100, 112.5, 100, 112.5, 100, 125, 100, 100]);
  });
});
