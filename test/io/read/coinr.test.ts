/**
 * COINr's tables read directly (src/io/read/coinr.ts): the iMeta's numbers with the decimal mark of each cell, a
 * workbook's number cells with a point whatever --decimal says, and the iData's columns named by COINr's names only.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../src/io/csv.js";
import { parseCoinrData, parseCoinrMeta, treeRowsTable } from "../../../src/io/read/coinr.js";
import { parseWorkbookTable } from "../../../src/io/read/xlsx.js";

describe("parseCoinrMeta", () => {
  it("reads a workbook's number cells with a point and its text cells with --decimal ,: the weights and target written plainly", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("iMeta");
    sheet.addRow(["iCode", "iName", "Level", "Parent", "Direction", "Weight", "Type", "Target"]);
    // Numbers typed into Excel (1.5, 0.5) beside a target pasted as text with a decimal comma.
    sheet.addRow(["A", "a", 1, "Index", 1, 1.5, "Indicator", "27,445"]);
    sheet.addRow(["B", "b", 1, "Index", -1, 0.5, "Indicator", 1.5]);
    sheet.addRow(["Index", "The index", 2, "NA", "NA", 1, "Aggregate", "NA"]);
    sheet.addRow(["G", "a group", "NA", "NA", "NA", "NA", "Group", "NA"]);
    const { table } = await parseWorkbookTable(new Uint8Array(await book.xlsx.writeBuffer()), "iMeta.xlsx");
    const parsed = parseCoinrMeta(table, "iMeta.xlsx", { decimal: "," });
    if (!parsed.ok) throw new Error(parsed.issues.map((issue) => issue.message).join("\n"));
    expect(parsed.value.index).toEqual({ code: "Index", name: "The index" });
    expect([...parsed.value.types]).toEqual([
      ["A", "Indicator"],
      ["B", "Indicator"],
      ["Index", "Aggregate"],
      ["G", "Group"],
    ]);
    // 1.5 / (1.5 + 0.5) = 0.75 and 0.5 / 2 = 0.25 (read with a comma, 1.5 would be left as written); 27,445 is 27.445.
    expect(treeRowsTable(parsed.value.rows, parsed.value.index)).toEqual([
      ["code", "parent", "name", "weight", "direction", "unit", "target"],
      ["INDEX", "", "The index", "", "", "", ""],
      ["A", "", "a", "0.75", "+", "", "27.445"],
      ["B", "", "b", "0.25", "-", "", "1.5"],
    ]);
  });

  it("writes unequal weights that do not sum to 1 as shares, read with the file's decimal comma", () => {
    const table = parseCsv("iCode;Level;Parent;Direction;Weight;Type\nA;1;I;1;1,5;Indicator\nB;1;I;1;0,5;Indicator\nI;2;NA;NA;1;Aggregate\n", "iMeta.csv");
    const parsed = parseCoinrMeta(table, "iMeta.csv");
    if (!parsed.ok) throw new Error("refused");
    // 1.5 / (1.5 + 0.5) = 0.75, 0.5 / 2 = 0.25.
    expect(parsed.value.rows.map((row) => [row.code, row.weight])).toEqual([
      ["A", "0.75"],
      ["B", "0.25"],
    ]);
  });
});

describe("parseCoinrData", () => {
  const options = { indicators: new Set(["A", "B"]), types: new Map([["A", "Indicator"], ["B", "Indicator"], ["G", "Group"]]), meta: "iMeta.csv" };

  it("reads uCode, Time and the indicators' columns, leaves out uName and declared columns, and skips an unnamed empty column", () => {
    const table = parseCsv("uName,uCode,G,Time,B,A,\nAustria,AUT,L,2018,2,1,\nBelgium,BEL,M,2018,NA,3,\n", "iData.csv");
    expect(parseCoinrData(table, "iData.csv", options)).toEqual({
      ok: true,
      warnings: [],
      value: {
        // Row by row, each in the order of its columns (B before A).
        values: [
          { unit: "AUT", year: 2018, indicator: "B", value: 2 },
          { unit: "AUT", year: 2018, indicator: "A", value: 1 },
          { unit: "BEL", year: 2018, indicator: "B", value: Number.NaN },
          { unit: "BEL", year: 2018, indicator: "A", value: 3 },
        ],
        unitNames: true,
        notImported: [{ name: "G", type: "Group" }],
      },
    });
  });

  it("names a column given twice, and a Time that is no year", () => {
    const table = parseCsv("uCode,Time,A,A,B\nAUT,2018,1,1,2\nBEL,18,1,1,2\n", "iData.csv");
    const parsed = parseCoinrData(table, "iData.csv", options);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map(({ code, line, column }) => [code, line, column])).toEqual([
      ["E_DUPLICATE_COLUMN", 1, 4],
      ["E_BAD_YEAR", 3, 2],
    ]);
  });
});
