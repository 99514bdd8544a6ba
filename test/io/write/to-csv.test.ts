import { describe, expect, it } from "vitest";
import { formatTableCsv, neutralizeFormula, UTF8_BOM } from "../../../src/io/write/to-csv.js";
import type { Table } from "../../../src/io/write/tables.js";

describe("neutralizeFormula", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+86 519", "'+86 519"],
    ["-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"],
    ["@SUM(1)", "'@SUM(1)"],
    ["\t=1", "'\t=1"],
    ["常州高新区", "常州高新区"],
    ["a=b", "a=b"],
    ["", ""],
  ])("neutralizeFormula(%j) is %j", (text, expected) => {
    expect(neutralizeFormula(text)).toBe(expected);
  });
});

describe("formatTableCsv", () => {
  const table: Table = {
    name: "t",
    columns: [
      { name: "unit", kind: "text" },
      { name: "year", kind: "integer" },
      { name: "value", kind: "number" },
    ],
    rows: [
      ["=HYPERLINK(\"http://x\")", 2017, -3.25],
      ["-U2", 2018, Number.NaN],
      ["@U3", 2019, -0.00001],
    ],
  };

  it("neutralises text cells that start with = + - @ and leaves negative numbers as numbers", () => {
    expect(formatTableCsv(table, { decimals: 2 })).toBe(
      ['unit,year,value', `"'=HYPERLINK(""http://x"")",2017,-3.25`, "'-U2,2018,", "'@U3,2019,0.00", ""].join("\n"),
    );
  });

  it("starts with a UTF-8 byte order mark only when asked", () => {
    expect(formatTableCsv(table, { bom: true }).startsWith(`${UTF8_BOM}unit,`)).toBe(true);
    expect(formatTableCsv(table).startsWith("unit,")).toBe(true);
    // the mark is the three bytes EF BB BF once encoded
    expect([...Buffer.from(formatTableCsv(table, { bom: true }), "utf8").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
