import { describe, expect, it } from "vitest";
import type { IndexResult } from "../../../src/core/compute.js";
import { formatSignificant, formatTableCsv, neutralizeFormula, UTF8_BOM } from "../../../src/io/write/to-csv.js";
import { imputationsTable, treatmentTable, type Table } from "../../../src/io/write/tables.js";

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

describe("formatSignificant (raw values of imputations.csv and treatment.csv)", () => {
  // Worked by hand with 6 significant digits: 0.00003 = 3.00000e-5 needs 5 + 5 = 10 decimals, "0.0000300000", the
  // zeros past the 4 decimals dropped; 1234.56789 has 4 digits before the point, so 4 decimals give 8 digits already.
  it.each([
    [(0.00002 + 0.00004) / 2, 4, "0.00003"],
    [0.0000123456789, 4, "0.0000123457"],
    [1234.56789, 4, "1234.5679"],
    [0.5, 4, "0.5000"],
    [0.123456789, 4, "0.123457"],
    [0.123456789, 8, "0.12345679"],
    [-0.00003, 2, "-0.00003"],
    [0.0000999999996, 4, "0.0001"], // rounds to 1.00000e-4: 9 decimals, "0.000100000", zeros past 4 dropped
    [123456789, 0, "123456789"],
    [0.00003, 0, "0.00003"],
    [0, 4, "0.0000"],
    [-0, 0, "0"],
    [Number.NaN, 4, ""],
  ])("formatSignificant(%d, %d decimals, 6 digits) is %j", (value, decimals, expected) => {
    expect(formatSignificant(value, decimals, 6)).toBe(expected);
  });

  it("writes an interpolated 0.00003 in imputations.csv as non-zero, and both columns of treatment.csv likewise", () => {
    const result = {
      imputations: [{ unit: "U1", year: 2019, indicator: "A1", method: "interpolate", value: (0.00002 + 0.00004) / 2 }],
      treatments: [{ unit: "U1", year: 2020, indicator: "A1", method: "winsorise-high", original: 0.00009, value: 1234.56789 }],
    } as unknown as IndexResult;
    expect(formatTableCsv(imputationsTable(result), { decimals: 4 })).toBe("unit,year,indicator,method,value\nU1,2019,A1,interpolate,0.00003\n");
    expect(formatTableCsv(treatmentTable(result), { decimals: 4 })).toBe(
      "unit,year,indicator,method,original,value\nU1,2020,A1,winsorise-high,0.00009,1234.5679\n",
    );
  });
});
