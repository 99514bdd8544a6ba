import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/errors.js";
import { formatScalesByHundred, parseWorkbookTable } from "../../../src/io/read/xlsx.js";
import { parseDataTable } from "../../../src/io/read/data-csv.js";
import { messages } from "../../../src/core/messages.js";

describe("formatScalesByHundred", () => {
  it("is true for a percent sign Excel multiplies by (outside quotes, escapes, fill and brackets), in the value's section", () => {
    // Excel's rules: a bare % multiplies by 100; "%" and \% are literal text; _% and *% only size or fill; [..] is a
    // colour or locale. Sections are positive;negative;zero;text.
    expect(formatScalesByHundred("0.00%", 0.0196)).toBe(true);
    expect(formatScalesByHundred("#,##0.0%;[Red]-#,##0.0%", -0.5)).toBe(true);
    expect(formatScalesByHundred('0.00"%"', 1.96)).toBe(false);
    expect(formatScalesByHundred("0.00\\%", 1.96)).toBe(false);
    expect(formatScalesByHundred("0.00_%", 1.96)).toBe(false);
    expect(formatScalesByHundred("0.00*%", 1.96)).toBe(false);
    expect(formatScalesByHundred("[$%-804]0.00", 1.96)).toBe(false);
    expect(formatScalesByHundred("General", 1.96)).toBe(false);
    // The negative section is used for a negative value, the zero section for 0, and the first for both when alone.
    expect(formatScalesByHundred('0.00%;-0.00"%"', -1.5)).toBe(false);
    expect(formatScalesByHundred('0.00%;-0.00"%"', 0.015)).toBe(true);
    expect(formatScalesByHundred('0.00"%";-0.00%;0%', 0)).toBe(true);
    expect(formatScalesByHundred("0.0%", -0.02)).toBe(true);
  });
});

describe("parseWorkbookTable(bytes, source, sheet, { content })", () => {
  /** A workbook of two visible sheets with the same header and a row under it. */
  async function twoAlikeSheets(): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    for (const name of ["a", "b"]) {
      const sheet = book.addWorksheet(name);
      sheet.addRow(["code", "parent"]);
      sheet.addRow(["X", ""]);
    }
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it("names the flag that chooses the sheet of what the workbook holds: --sheet for values (the default), --tree-sheet for the tree", async () => {
    const bytes = await twoAlikeSheets();
    const values = parseWorkbookTable(bytes, "v.xlsx");
    await expect(values).rejects.toBeInstanceOf(InputError);
    await expect(values).rejects.toMatchObject({
      code: "E_XLSX_SHEETS",
      message: 'v.xlsx: sheets "a", "b" have the same columns, and only one sheet of a workbook is read; expected the values in one sheet (or give --sheet to read one sheet alone, or save each sheet as a file in one folder and give the folder, with a unit column in each file when each sheet is a unit)',
    });
    await expect(parseWorkbookTable(bytes, "t.xlsx", undefined, { content: "tree" })).rejects.toMatchObject({
      code: "E_XLSX_SHEETS",
      message: 't.xlsx: sheets "a", "b" have the same columns, and only one sheet of a workbook is read; expected the indicator tree in one sheet (or give --tree-sheet to read one sheet alone)',
    });
    // A sheet named reads that sheet alone.
    expect((await parseWorkbookTable(bytes, "t.xlsx", "b", { content: "tree" })).source).toBe("t.xlsx[b]");
  });
});

describe("parseWorkbookTable: merged cells", () => {
  it("reads a header drawn over two rows (its cells merged down) as the header, not a first row of data", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("数据");
    sheet.addRow(["地区", "年份", "指标", "数值"]);
    sheet.addRow([]);
    sheet.addRow(["常州", 2017, "A1", 1.5]);
    // Every header cell but 数值 merged down over row 2, which shows their text again: the header's, no data. Row 4
    // holds a cell merged down from a data row: data as ever.
    for (const column of ["A", "B", "C"]) sheet.mergeCells(`${column}1:${column}2`);
    sheet.addRow(["", 2018, "A1", 2]);
    sheet.mergeCells("A3:A4");
    const { table } = await parseWorkbookTable(new Uint8Array(await book.xlsx.writeBuffer()), "v.xlsx");
    expect(table.header).toEqual(["地区", "年份", "指标", "数值"]);
    expect(table.rows.map((row) => [row.line, ...row.cells])).toEqual([
      [3, "常州", "2017", "A1", "1.5"],
      [4, "常州", "2018", "A1", "2"],
    ]);
  });

  it("gives a unit merged down over its rows to every row, but a merged value to its first cell only", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("数据");
    sheet.addRow(["地区", "指标代码", "2017", "2018", "2019"]);
    sheet.addRow(["常州", "A1", 2, null, 3]);
    sheet.addRow([null, "A2", 10, 12, 15]);
    sheet.mergeCells("A2:A3"); // the unit over both rows
    sheet.mergeCells("C2:D2"); // 2017 and 2018 of A1: Excel shows 2 across both, and saves 2018 to CSV empty
    const { table } = await parseWorkbookTable(new Uint8Array(await book.xlsx.writeBuffer()), "v.xlsx");
    expect(table.rows.map((row) => row.cells)).toEqual([
      ["常州", "A1", "2", "2", "3"],
      ["常州", "A2", "10", "12", "15"],
    ]);
    expect(table.rows.map((row) => row.merged)).toEqual([
      [undefined, undefined, undefined, { cell: "D2", first: "C2" }],
      [{ cell: "A3", first: "A2" }],
    ]);
    const parsed = parseDataTable(table, "v.xlsx[数据]");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues).toEqual([{ code: "E_XLSX_MERGED", message: messages.mergedValue("D2", "C2", "2018"), source: "v.xlsx[数据]", line: 2, column: 4 }]);
    expect(messages.mergedValue("D2", "C2", "2018")).toBe(
      'cell D2 in column "2018" is merged with C2, whose value the sheet shows across the merged cells; a merged range\'s value belongs to its first cell only (as Excel saves it to CSV), so D2 has none; expected a value in each cell: unmerge the cells',
    );
  });
});

describe("parseWorkbookTable: missing values written as text", () => {
  it("reads a text cell of a Chinese form's no-data marks (——, ……, /, ／, ―) as missing, as in a CSV file", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("数据");
    sheet.addRow(["指标代码", "2016", "2017", "2018", "2019", "2020", "2021"]);
    sheet.addRow(["A1", 1.5, "——", "……", "/", "／", "―"]);
    const { table } = await parseWorkbookTable(new Uint8Array(await book.xlsx.writeBuffer()), "v.xlsx");
    const parsed = parseDataTable(table, "v.xlsx[数据]");
    expect(parsed.ok && parsed.value.map((record) => record.value)).toEqual([1.5, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
  });
});
