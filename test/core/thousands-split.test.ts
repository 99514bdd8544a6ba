import { describe, expect, it } from "vitest";
import { checkMessages } from "../../src/core/check-messages.js";
import { computeIndex } from "../../src/core/compute.js";
import { buildPanel, type ValueRecord } from "../../src/core/panel.js";
import { thousandsGroups, thousandsSplitNumber, thousandsSplitWarnings } from "../../src/core/thousands-split.js";
import { buildTree } from "../../src/core/tree.js";
import { analyzeUncertainty } from "../../src/core/uncertainty.js";
import { issuesOf } from "../issues.js";

describe("thousandsGroups (the cells after a value cell that may be its groups of thousands, split off by unquoted commas)", () => {
  const row = (...cells: string[]) => ["A", "2019", "x1", ...cells, ""];
  // `cell,groups...` is a number written with thousands separators: 1-3 digits (not starting with 0), then groups of 3.
  it.each([
    [["1", "234"], ["234"]],
    [["12", "345"], ["345"]],
    [["999", "000"], ["000"]],
    [["-1", "234"], ["234"]],
    [["+12", "234.5"], ["234.5"]],
    [[" 1 ", " 234. "], ["234."]],
    // every following group: 1,234,567 is three fields
    [["1", "234", "567"], ["234", "567"]],
    // a group with decimals ends the number: 1,234.5 then 678 is another cell
    [["1", "234.5", "678"], ["234.5"]],
    // a group of four digits ends it too: 1,234 then 5678
    [["1", "234", "5678"], ["234"]],
    // after a currency sign, as the number rule reads ¥1,234 and $ 12,345 (CURRENCY_SIGN of core/number.ts)
    [["¥1", "234"], ["234"]],
    [["-$ 12", "345"], ["345"]],
  ])("%j gives %j", (cells, groups) => expect(thousandsGroups(row(...cells), 3)).toEqual(groups));
  it.each([
    ["1", "2345"], // four digits: no group of thousands
    ["1", "23"],
    ["1234", "567"], // the value has more than three digits before the comma
    ["0", "234"], // 0,234: a decimal comma, not a separator
    ["012", "345"],
    ["1.5", "234"],
    ["1", "234%"],
    ["1", "abc"],
    ["", "234"],
    ["1", ""],
    ["¥", "234"],
  ])("%j then %j gives none", (cell, next) => expect(thousandsGroups(row(cell, next), 3)).toBeUndefined());

  it("takes no cell written in quotes, neither the value nor a group", () => {
    const cells = row("1", "234", "567");
    // The value (index 3) quoted: none. The second group (index 5) quoted: the groups stop before it.
    expect(thousandsGroups(cells, 3, (index) => index === 3)).toBeUndefined();
    expect(thousandsGroups(cells, 3, (index) => index === 4)).toBeUndefined();
    expect(thousandsGroups(cells, 3, (index) => index === 5)).toEqual(["234"]);
  });

  it("makes the number the cells meant: 1 and 234 are 1234, 1, 234 and 567 1234567, -12 and 234.5 -12234.5, ¥1 and 234 1234", () => {
    expect(thousandsSplitNumber("1", ["234"])).toBe(1234);
    expect(thousandsSplitNumber("1", ["234", "567"])).toBe(1234567);
    expect(thousandsSplitNumber("-12", ["234.5"])).toBe(-12234.5);
    expect(thousandsSplitNumber("999", ["000"])).toBe(999000);
    expect(thousandsSplitNumber("¥1", ["234"])).toBe(1234);
    expect(thousandsSplitNumber("-$ 12", ["345"])).toBe(-12345);
  });
});

/** A tree of one group G over A and B (weights 0.5, positive). */
function tree() {
  const rows = [
    { line: 2, code: "G", parent: "", name: "G", weight: "", direction: "" },
    { line: 3, code: "A", parent: "G", name: "A", weight: "0.5", direction: "+" },
    { line: 4, code: "B", parent: "G", name: "B", weight: "0.5", direction: "+" },
  ];
  const built = buildTree(rows);
  if (!built.ok) throw new Error("tree");
  return built.value;
}

const split = (cell: string, next: string) => ({ thousandsSplit: { cell, groups: [next], nextColumn: 5, nextName: "note", fields: 6, headerFields: 5 } });

describe("thousandsSplitWarnings (W_THOUSANDS_SPLIT)", () => {
  // Long records of v.csv (unit,year,indicator,value,note: the value in column 4): lines 3 and 5 are marked.
  const records: ValueRecord[] = [
    { unit: "U", year: 2018, indicator: "A", value: 5, line: 2, valueColumn: 4 },
    { unit: "U", year: 2019, indicator: "A", value: 1, line: 3, valueColumn: 4, ...split("1", "234") },
    { unit: "V", year: 2018, indicator: "A", value: 7, line: 4, valueColumn: 4 },
    { unit: "V", year: 2019, indicator: "A", value: 12, line: 5, valueColumn: 4, ...split("12", "500") },
  ];

  it("warns once per file, at the first such cell, counting them all", () => {
    const first = { file: "v.csv", line: 3, column: 4, cell: "1", read: 1, groups: ["234"], nextColumn: 5, nextName: "note", fields: 6, headerFields: 5, meant: 1234 };
    const message = checkMessages.thousandsSplit(first, 2);
    expect(thousandsSplitWarnings(records, "v.csv")).toEqual([{ code: "W_THOUSANDS_SPLIT", message, source: "v.csv", line: 3, column: 4 }]);
    expect(message).toBe(
      'v.csv:3:4: value "1" and the next cell, "234" in column 5 ("note"), look like one number, "1,234", split at its thousands separator by a comma outside quotes (the row has 6 fields, the header 5): ' +
        '1 is read where 1234 was probably meant (2 value cells of this file look so, the first here); expected each such number quoted as Excel writes it ("1,234", with the quotes) or written without the separator (1234)',
    );
  });

  it("says one cell as one, names a column without a header as such, and places a wide layout's value at its own column", () => {
    const wide: ValueRecord = { unit: "", year: 2018, indicator: "A", value: -12, line: 2, column: 3, thousandsSplit: { cell: "-12", groups: ["234.5"], nextColumn: 4, nextName: "", fields: 5, headerFields: 4 } };
    const [warning] = thousandsSplitWarnings([wide], "w.csv");
    expect(warning).toMatchObject({ code: "W_THOUSANDS_SPLIT", source: "w.csv", line: 2, column: 3 });
    // -12 and 234.5 make -12,234.5: -12234.5.
    expect(warning.message).toBe(
      'w.csv:2:3: value "-12" and the next cell, "234.5" in column 4 (without a header), look like one number, "-12,234.5", split at its thousands separator by a comma outside quotes (the row has 5 fields, the header 4): ' +
        '-12 is read where -12234.5 was probably meant; expected the number quoted as Excel writes it ("-12,234.5", with the quotes) or written without the separator (-12234.5)',
    );
  });

  it("names every group and the number they make, and the number read after a currency sign", () => {
    // ¥1, 234 and 567 from column 5: ¥1,234,567 = 1234567 meant; ¥1 reads as 1.
    const record: ValueRecord = { unit: "A", year: 2019, indicator: "x1", value: 1, line: 2, valueColumn: 4, thousandsSplit: { cell: "¥1", groups: ["234", "567"], nextColumn: 5, nextName: "note", fields: 7, headerFields: 6 } };
    expect(thousandsSplitWarnings([record], "v.csv")[0].message).toBe(
      'v.csv:2:4: value "¥1" and the 2 cells after it, "234" and "567" from column 5 ("note"), look like one number, "¥1,234,567", split at its thousands separators by commas outside quotes (the row has 7 fields, the header 6): ' +
        '1 is read where 1234567 was probably meant; expected the number quoted as Excel writes it ("¥1,234,567", with the quotes) or written without the separator (1234567)',
    );
  });

  it("warns of each file of a values folder on its own, and of nothing without marks", () => {
    const folder = records.map((record, i) => ({ ...record, file: i < 2 ? "data/2018.csv" : "data/2019.csv" }));
    expect(thousandsSplitWarnings(folder, "data").map(({ source, line }) => [source, line])).toEqual([
      ["data/2018.csv", 3],
      ["data/2019.csv", 5],
    ]);
    expect(thousandsSplitWarnings(records.filter((record) => !record.thousandsSplit), "v.csv")).toEqual([]);
  });

  it("is an error under strict, in computeIndex and in the uncertainty analysis (it is a value read wrong)", () => {
    // A and B of U and V in 2018 and 2019; A of U 2019 marked (read 1, meant 1234).
    const values: ValueRecord[] = [...records, ...records.map((record) => ({ unit: record.unit, year: record.year, indicator: "B", value: record.line!, line: record.line! + 4, valueColumn: 4 }))];
    const built = buildPanel(tree(), values, "v.csv");
    if (!built.ok) throw new Error("panel");
    const panel = { ...built.value, warnings: thousandsSplitWarnings(values, "v.csv") };
    expect(computeIndex(tree(), panel, { normalize: "min-max" }).warnings.map((warning) => warning.code)).toEqual(["W_THOUSANDS_SPLIT"]);
    expect(issuesOf(() => computeIndex(tree(), panel, { normalize: "min-max", strict: true })).map((issue) => issue.code)).toEqual(["E_THOUSANDS_SPLIT"]);
    const analysis = { normalizations: ["min-max", "z-score"], replications: 4, seed: 1 } as const;
    expect(issuesOf(() => analyzeUncertainty(tree(), panel, { ...analysis, strict: true })).map((issue) => issue.code)).toEqual(["E_THOUSANDS_SPLIT"]);
  });
});
