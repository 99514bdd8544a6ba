import { describe, expect, it } from "vitest";
import { checkMessages } from "../../src/core/check-messages.js";
import { computeIndex } from "../../src/core/compute.js";
import { buildPanel, type ValueRecord } from "../../src/core/panel.js";
import { isThousandsSplit, thousandsSplitNumber, thousandsSplitWarnings } from "../../src/core/thousands-split.js";
import { buildTree } from "../../src/core/tree.js";
import { analyzeUncertainty } from "../../src/core/uncertainty.js";
import { issuesOf } from "../issues.js";

describe("isThousandsSplit (a value cell and the next one that may be one number split at its separator)", () => {
  // `cell,next` is a number written with a thousands separator: 1-3 digits (not starting with 0), then 3 digits.
  it.each([
    ["1", "234"],
    ["12", "345"],
    ["999", "000"],
    ["-1", "234"],
    ["+12", "234.5"],
    [" 1 ", " 234. "],
  ])("%j and %j are", (cell, next) => expect(isThousandsSplit(cell, next)).toBe(true));
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
  ])("%j and %j are not", (cell, next) => expect(isThousandsSplit(cell, next)).toBe(false));

  it("makes the number the two cells meant: 1 and 234 are 1234, -12 and 234.5 are -12234.5", () => {
    expect(thousandsSplitNumber("1", "234")).toBe(1234);
    expect(thousandsSplitNumber("-12", "234.5")).toBe(-12234.5);
    expect(thousandsSplitNumber("999", "000")).toBe(999000);
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

const split = (cell: string, next: string) => ({ thousandsSplit: { cell, next, nextColumn: 5, nextName: "note" } });

describe("thousandsSplitWarnings (W_THOUSANDS_SPLIT)", () => {
  // Long records of v.csv (unit,year,indicator,value,note: the value in column 4): lines 3 and 5 are marked.
  const records: ValueRecord[] = [
    { unit: "U", year: 2018, indicator: "A", value: 5, line: 2, valueColumn: 4 },
    { unit: "U", year: 2019, indicator: "A", value: 1, line: 3, valueColumn: 4, ...split("1", "234") },
    { unit: "V", year: 2018, indicator: "A", value: 7, line: 4, valueColumn: 4 },
    { unit: "V", year: 2019, indicator: "A", value: 12, line: 5, valueColumn: 4, ...split("12", "500") },
  ];

  it("warns once per file, at the first such cell, counting them all", () => {
    const message = checkMessages.thousandsSplit({ file: "v.csv", line: 3, column: 4, cell: "1", next: "234", nextColumn: 5, nextName: "note", meant: 1234 }, 2);
    expect(thousandsSplitWarnings(records, "v.csv")).toEqual([{ code: "W_THOUSANDS_SPLIT", message, source: "v.csv", line: 3, column: 4 }]);
    expect(message).toBe(
      'v.csv:3:4: value "1" and the next cell, "234" in column 5 ("note"), look like one number, "1,234", split in two at its thousands separator by a comma not quoted: ' +
        '1 is read where 1234 was probably meant (2 value cells of this file look so, the first here); expected each such number quoted as Excel writes it ("1,234", with the quotes) or written without the separator (1234)',
    );
  });

  it("says one cell as one, names a column without a header as such, and places a wide layout's value at its own column", () => {
    const wide: ValueRecord = { unit: "", year: 2018, indicator: "A", value: -12, line: 2, column: 3, thousandsSplit: { cell: "-12", next: "234.5", nextColumn: 4, nextName: "" } };
    const [warning] = thousandsSplitWarnings([wide], "w.csv");
    expect(warning).toMatchObject({ code: "W_THOUSANDS_SPLIT", source: "w.csv", line: 2, column: 3 });
    // -12 and 234.5 make -12,234.5: -12234.5.
    expect(warning.message).toBe(
      'w.csv:2:3: value "-12" and the next cell, "234.5" in column 4 (without a header), look like one number, "-12,234.5", split in two at its thousands separator by a comma not quoted: ' +
        '-12 is read where -12234.5 was probably meant; expected the number quoted as Excel writes it ("-12,234.5", with the quotes) or written without the separator (-12234.5)',
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
