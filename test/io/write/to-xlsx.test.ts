import { describe, expect, it } from "vitest";
import { messages } from "../../../src/core/messages.js";
import type { Issue } from "../../../src/errors.js";
import { EXCEL_CELL_TEXT_LIMIT, formatXlsx } from "../../../src/io/write/to-xlsx.js";
import { fixZipDates } from "../../../src/io/write/zip-dates.js";
import { imputationsTable, weightsTable, type Table } from "../../../src/io/write/tables.js";

const tables = (): Table[] => [
  {
    name: "index",
    columns: [
      { name: "unit", kind: "text" },
      { name: "year", kind: "integer" },
      { name: "value", kind: "number" },
    ],
    rows: [
      ["常州高新区", 2017, 100],
      ["=1+1", 2018, 115.123456],
      ["U3", 2019, Number.NaN],
    ],
  },
  { name: "growth", columns: [{ name: "change", kind: "number" }], rows: [[-3.5]] },
];

async function readBack(bytes: Uint8Array) {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe("formatXlsx", () => {
  it("writes the header in the Text format: a header holding a tree code such as =A stays text when edited (F2, Enter)", async () => {
    const table: Table = { name: "drop-ranks", columns: [{ name: "unit", kind: "text" }, { name: "=A", kind: "integer" }, { name: "2017", kind: "number" }], rows: [["U1", 3, 1.5]] };
    const sheet = (await readBack(await formatXlsx([table], {}))).getWorksheet("drop-ranks")!;
    for (const [address, value] of [["A1", "unit"], ["B1", "=A"], ["C1", "2017"]]) {
      expect(sheet.getCell(address).value, address).toBe(value);
      expect(sheet.getCell(address).type, address).toBe(3); // ValueType.String, not a formula (6)
      expect(sheet.getCell(address).numFmt, address).toBe("@");
    }
    // The body keeps its columns' formats.
    expect([sheet.getCell("B2").numFmt, sheet.getCell("C2").numFmt]).toEqual(["0", "0.0000"]);
  });

  it("writes one sheet per table with a frozen bold header, numbers as numbers with the decimals' format", async () => {
    const workbook = await readBack(await formatXlsx(tables(), { decimals: 3 }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["index", "growth"]);
    const sheet = workbook.getWorksheet("index")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, "unit", "year", "value"]);
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.getCell("A2").value).toBe("常州高新区");
    // A text that looks like a formula is a string cell (never run when the workbook opens) in Excel's Text format (it
    // stays a string when edited), as it is: no "'" in front, which a workbook would show as part of the name.
    expect(sheet.getCell("A3").value).toBe("=1+1");
    expect(sheet.getCell("A3").type).toBe(3); // ValueType.String
    expect(sheet.getCell("A3").numFmt).toBe("@");
    expect(sheet.getCell("A2").numFmt).toBe("@");
    expect(sheet.getCell("B2").value).toBe(2017);
    expect(sheet.getCell("B2").numFmt).toBe("0");
    expect(sheet.getCell("C3").value).toBe(115.123456); // full precision, shown with 3 decimals
    expect(sheet.getCell("C3").numFmt).toBe("0.000");
    expect(sheet.getCell("C4").value).toBeNull(); // missing
    expect(workbook.getWorksheet("growth")!.getCell("A2").value).toBe(-3.5);
  });

  it("fits column widths to the content, freezes the table's frozen columns and puts filter buttons on the header", async () => {
    const sheet = (await readBack(await formatXlsx([{ ...tables()[0], frozenColumns: 1 }], { decimals: 3 }))).getWorksheet("index")!;
    // Widest content + 2: unit 常州高新区 (5 wide characters, 10 columns) → 12; year 2017 (4) → 6; value 8 + 3 decimals → 13.
    expect([1, 2, 3].map((column) => sheet.getColumn(column).width)).toEqual([12, 6, 13]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:C1");
  });

  it("refuses a sheet name Excel does not take and cuts one over 31 characters, as ExcelJS's workbook does", async () => {
    await expect(formatXlsx([{ ...tables()[1], name: "a/b" }])).rejects.toThrow(/cannot include any of the following characters/);
    const long = "g".repeat(40);
    const workbook = await readBack(await formatXlsx([{ ...tables()[1], name: long }]));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["g".repeat(31)]);
  });

  it("shows a column's own decimals when it asks for more than the run's: the weights sheet's six, as weights.csv", async () => {
    const weights = weightsTable({ nodes: [{ code: "A", parent: null, level: 1, weight: 1 / 12 }] as never });
    const workbook = await readBack(await formatXlsx([weights], { decimals: 2 }));
    const sheet = workbook.getWorksheet("weights")!;
    expect(sheet.getCell("D2").value).toBe(1 / 12);
    expect([sheet.getCell("D2").numFmt, sheet.getCell("E2").numFmt]).toEqual(["0.000000", "0.000000"]); // 0.083333, not 0.08
    expect((await readBack(await formatXlsx(tables(), { decimals: 2 }))).getWorksheet("index")!.getCell("C3").numFmt).toBe("0.00");
    // At least six (docs/reference/outputs.md): --decimals 10 shows ten, as compute's weights.csv writes
    // max(--decimals, WEIGHT_DECIMALS) = 10 (src/cli/outputs.ts), so 1/12 shows 0.0833333333 in both.
    const ten = (await readBack(await formatXlsx([weights], { decimals: 10 }))).getWorksheet("weights")!;
    expect([ten.getCell("D2").numFmt, ten.getCell("E2").numFmt]).toEqual(["0.0000000000", "0.0000000000"]);
  });

  it("shows raw values (imputations, treatment) with the run's decimals and up to 15 where a digit is not 0: 0.00003 not as 0.0000", async () => {
    const result = { imputations: [{ unit: "U1", year: 2019, indicator: "A1", method: "interpolate", value: 0.00003 }] } as never;
    const sheet = (await readBack(await formatXlsx([imputationsTable(result)], { decimals: 4 }))).getWorksheet("imputations")!;
    expect(sheet.getCell("E2").value).toBe(0.00003);
    // Four 0s then 15 − 4 = 11 #s: Excel shows 0.00003 (a # shows a digit only where it is not a trailing 0).
    expect(sheet.getCell("E2").numFmt).toBe("0.0000###########");
  });

  it("gives the same bytes for the same tables (fixed document and ZIP dates)", async () => {
    const first = await formatXlsx(tables());
    await new Promise((resolve) => setTimeout(resolve, 2100)); // ZIP dates have a 2-second resolution
    const second = await formatXlsx(tables());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it("cuts a text over Excel's 32,767 characters per cell, with a warning naming the sheet and cell, and ExcelJS reads it back", async () => {
    const long = "名".repeat(40000);
    const table: Table = { name: "index", columns: [{ name: "unit", kind: "text" }, { name: "name", kind: "text" }], rows: [["U1", "short"], ["U2", long]] };
    const warnings: Issue[] = [];
    const workbook = await readBack(await formatXlsx([table], { onWarning: (warning) => warnings.push(warning) }));
    const cell = workbook.getWorksheet("index")!.getCell("B3").value as string;
    expect(cell.length).toBe(EXCEL_CELL_TEXT_LIMIT);
    expect(cell).toBe("名".repeat(32766) + "…");
    expect(workbook.getWorksheet("index")!.getCell("B2").value).toBe("short");
    expect(warnings).toEqual([{ code: "W_XLSX_TEXT_CUT", message: messages.workbookTextCut("index", "B3", 40000, 32767), source: "index.xlsx" }]);
  });

  it("formats a rank change with its direction and a share as a percentage, keeping the numbers", async () => {
    const table: Table = {
      name: "ranks",
      columns: [
        { name: "rank change", kind: "integer", display: "rank-change" },
        { name: "share", kind: "number", display: "percent" },
      ],
      rows: [
        [3, 0.98],
        [-2, 1],
      ],
    };
    const sheet = (await readBack(await formatXlsx([table]))).getWorksheet("ranks")!;
    // Excel's sections positive;negative;zero: 3 shows as ↑3, −2 as ↓2; 0.98 as 98.0%
    expect([sheet.getCell("A2").value, sheet.getCell("A3").value]).toEqual([3, -2]);
    expect(sheet.getCell("A2").numFmt).toBe('"↑"0;"↓"0;0');
    // The share's format: below 0.9995 one decimal (0.98 as 98.0%), from 0.9995 up to 1 the text 99.9%, 1 as 100%.
    expect([sheet.getCell("B2").value, sheet.getCell("B2").numFmt]).toEqual([0.98, '[<0.9995]0.0%;[<1]"99.9%";0%']);
  });

  it("never shows a share below 1 as 100%: 0.9995 (1999 of 2000 cells) keeps its value and its 99.9% format", async () => {
    const table: Table = { name: "coverage", columns: [{ name: "share observed", kind: "number", display: "percent" }], rows: [[1999 / 2000], [0.99949], [1]] };
    const sheet = (await readBack(await formatXlsx([table]))).getWorksheet("coverage")!;
    // The cells hold the shares; Excel picks the section by the value: 0.9995 is not < 0.9995 but < 1, so the second
    // section, the text "99.9%" (0.0% would round 99.95% up to 100.0%); 0.99949 the first, 0.0%: 99.949% → 99.9%;
    // 1 neither, the third, 0%: 100%. One format for the column, read back from styles.xml as written.
    expect([2, 3, 4].map((row) => sheet.getCell(`A${row}`).value)).toEqual([0.9995, 0.99949, 1]);
    expect(new Set([2, 3, 4].map((row) => sheet.getCell(`A${row}`).numFmt))).toEqual(new Set(['[<0.9995]0.0%;[<1]"99.9%";0%']));
  });


  it("fixZipDates throws on bytes that are not a ZIP archive", () => {
    expect(() => fixZipDates(new Uint8Array(100))).toThrow(/^fixZipDates requires a ZIP archive/);
  });
});
