import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { load } from "../../../src/index.js";
import { InputError } from "../../../src/errors.js";
import { formatScalesByHundred, parseWorkbookTable, perMilleText } from "../../../src/io/read/xlsx.js";
import { parseDataCsv, parseDataTable } from "../../../src/io/read/data-csv.js";
import { messages } from "../../../src/core/messages.js";
import { readerMessages } from "../../../src/core/reader-messages.js";
import { issuesOf, makeTempDir } from "../../helpers.js";
import { rowsHiddenByDefault, sheetDraggedShut, withSheetFormat, workbookWithSheetXml } from "./workbook-xml.js";

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

describe("parseWorkbookTable: a header cell merged across two columns", () => {
  /** A wide sheet as an analyst draws it: 指标代码 and 指标名称 merged down (A1:A2, B1:B2), 数值 over the years (C1:F1), the years on row 2. */
  async function twoRowHeader(merge: string[]): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Sheet");
    sheet.addRow(["指标代码", "指标名称", "数值", null, null, null]);
    sheet.addRow([null, null, "2017年", "2018年", null, "2019年"]);
    sheet.addRow(["A1", "研发", 1, 2, null, 3]);
    for (const range of ["A1:A2", "B1:B2", "C1:F1", ...merge]) sheet.mergeCells(range);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it("says a year repeated by a merged header cell (D2:E2) is the merge, on the row of the years (before: 1:5, 'repeats column 4')", async () => {
    const { table, source } = await parseWorkbookTable(await twoRowHeader(["D2:E2"]), "wide-bad.xlsx");
    const parsed = parseDataTable(table, source);
    // E2 shows D2's 2018年: column 5 repeats column 4, on row 2 (the years' row), naming the range to unmerge.
    expect(!parsed.ok && parsed.issues).toEqual([
      { code: "E_DUPLICATE_COLUMN", message: messages.mergedHeaderColumn("2018年", 4, 5, "E2", "D2:E2"), source: "wide-bad.xlsx[Sheet]", line: 2, column: 5 },
    ]);
    expect(messages.mergedHeaderColumn("2018年", 4, 5, "E2", "D2:E2")).toBe(
      'column 5 "2018年" repeats column 4 because its header cell E2 is part of the merged range D2:E2, whose text Excel shows in every cell of the range; expected each column named in its own header cell: unmerge D2:E2, then name column 5 (or delete it, if column 4 holds the values)',
    );
    // Unmerged, with 2018年 in D2 alone and E2 empty, the sheet reads: A1's 2017 to 2019 (the empty column left aside).
    const fixed = parseDataTable((await parseWorkbookTable(await twoRowHeader([]), "wide.xlsx")).table, "wide.xlsx[Sheet]");
    expect(fixed.ok && fixed.value.map(({ year, value }) => [year, value])).toEqual([[2017, 1], [2018, 2], [2019, 3]]);
  });

  it("names the range in a one-row header too (D1:E1 over three columns: each cell after the first), and not a column named twice by hand", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Sheet");
    sheet.addRow(["指标代码", "2017年", "2018年", null, null, "2019年"]);
    sheet.addRow(["A1", 1, 2, null, null, 3]);
    sheet.mergeCells("C1:E1");
    const { table, source } = await parseWorkbookTable(new Uint8Array(await book.xlsx.writeBuffer()), "wide.xlsx");
    const parsed = parseDataTable(table, source);
    expect(!parsed.ok && parsed.issues.map(({ message, line, column }) => ({ message, line, column }))).toEqual([
      { message: messages.mergedHeaderColumn("2018年", 3, 4, "D1", "C1:E1"), line: 1, column: 4 },
      { message: messages.mergedHeaderColumn("2018年", 3, 5, "E1", "C1:E1"), line: 1, column: 5 },
    ]);
    // The same header typed twice, no merge: the plain message.
    const typed = parseDataTable((await parseWorkbookTable(await workbookOf([["Sheet", [["指标代码", "2018年", "2018年"], ["A1", 1, 2]]]]), "t.xlsx")).table, "t.xlsx[Sheet]");
    expect(!typed.ok && typed.issues.map((issue) => issue.message)).toEqual([messages.repeatedColumn("2018年", 2, 3)]);
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

/** A workbook of the sheets given (name and rows, the header first), in that order, each visible. */
async function workbookOf(sheets: [string, (string | number | null)[][]][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The values of 2017 to 2020 in the wide layout, with a unit and a name column, as the analyst's first sheet holds them. */
const WIDE_2017_2020 = [
  ["评价对象", "指标代码", "指标名称", "2017", "2018", "2019", "2020"],
  ["常州", "A1", "研发经费", 1, 2, 3, 4],
  ["常州", "A2", "专利", 5, 6, 7, 8],
];

/** The message of a values workbook whose sheets each hold a table of values, the same columns but the years. */
const VALUE_SHEETS = (source: string, first: string, others: string) =>
  `${source}: sheets "${first}", ${others} each hold a table of values with the same columns but the years (one sheet per year or per unit), and only one sheet of a workbook is read, the first, "${first}", so the values of the others would be left out; expected the values in one sheet (or give --sheet to read one sheet alone, or save each sheet as a file in one folder and give the folder, with a unit column in each file when each sheet is a unit)`;

describe("parseWorkbookTable: another sheet holding values with other years (E_XLSX_SHEETS)", () => {
  it("counts a header meant as a year (21年, 二〇二一年) among the other sheet's years, as the wide layout refuses it", async () => {
    for (const year of ["21年", "二〇二一年"]) {
      const bytes = await workbookOf([
        ["数据", WIDE_2017_2020],
        ["新数据", [["评价对象", "指标代码", "指标名称", year], ["常州", "A1", "研发经费", 5]]],
      ]);
      await expect(parseWorkbookTable(bytes, "values.xlsx")).rejects.toMatchObject({ code: "E_XLSX_SHEETS", message: VALUE_SHEETS("values.xlsx", "数据", '"新数据"') });
    }
  });

  it("refuses a sheet 2021 beside the sheet of 2017 to 2020 (the same unit, code and name columns), naming both sheets and what to do", async () => {
    const bytes = await workbookOf([
      ["数据", WIDE_2017_2020],
      [
        "2021",
        [
          ["评价对象", "指标代码", "指标名称", "2021"],
          ["常州", "A1", "研发经费", 5],
          ["常州", "A2", "专利", 9],
        ],
      ],
    ]);
    const read = parseWorkbookTable(bytes, "values.xlsx");
    await expect(read).rejects.toBeInstanceOf(InputError);
    // The message written out by hand: the first sheet 数据 (read by default), then 2021; the flag and the folder.
    await expect(read).rejects.toMatchObject({
      code: "E_XLSX_SHEETS",
      source: "values.xlsx",
      message: VALUE_SHEETS("values.xlsx", "数据", '"2021"'),
    });
    expect(readerMessages.xlsxValueSheets("values.xlsx", ["数据", "2021"])).toBe(VALUE_SHEETS("values.xlsx", "数据", '"2021"'));
    // A sheet named is read alone, as before: 2017 to 2020 only, as asked.
    const named = await parseWorkbookTable(bytes, "values.xlsx", "数据");
    expect([named.source, named.table.header.slice(3)]).toEqual(["values.xlsx[数据]", ["2017", "2018", "2019", "2020"]]);
    // A tree workbook is refused only for sheets with the same header, as before: these two are not.
    expect((await parseWorkbookTable(bytes, "tree.xlsx", undefined, { content: "tree" })).source).toBe("tree.xlsx[数据]");
  });

  it("is reported by load at the workbook (no line), for a values file and for a workbook in a values folder", async () => {
    const bytes = await workbookOf([
      ["数据", WIDE_2017_2020],
      ["2021", [["评价对象", "指标代码", "指标名称", "2021"], ["常州", "A1", "研发经费", 5]]],
    ]);
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nG,,G,,\nA1,G,研发经费,,+\nA2,G,专利,,+\n",
      "values.xlsx": bytes,
      "folder/values.xlsx": bytes,
    });
    for (const data of [join(dir, "values.xlsx"), join(dir, "folder")]) {
      const source = join(dir, data.endsWith("folder") ? "folder/values.xlsx" : "values.xlsx");
      const issues = await issuesOf(load({ indicators: join(dir, "tree.csv"), data }));
      expect(issues.map(({ code, message, source, line }) => ({ code, message, source, line }))).toEqual([
        // The library names the option `sheet` where the command line has --sheet (src/library-names.ts).
        { code: "E_XLSX_SHEETS", message: VALUE_SHEETS(source, "数据", '"2021"').replace("--sheet", "sheet"), source, line: undefined },
      ]);
    }
  });

  it("refuses one sheet per unit with other years, and a sheet whose header sits under a title row", async () => {
    // 常州 holds 2019 and 2020, 无锡 2020 and 2021, 苏州 has a title above its header: the same column 指标代码 besides the years.
    const bytes = await workbookOf([
      ["常州", [["指标代码", "2019", "2020"], ["A1", 1, 2]]],
      ["无锡", [["指标代码", "2020", "2021"], ["A1", 3, 4]]],
      ["苏州", [["苏州市指标数据"], ["指标代码", "2020年"], ["A1", 5]]],
    ]);
    await expect(parseWorkbookTable(bytes, "values.xlsx")).rejects.toMatchObject({
      code: "E_XLSX_SHEETS",
      message: VALUE_SHEETS("values.xlsx", "常州", '"无锡", "苏州"'),
    });
  });

  it("keeps the message of sheets with the same header when every other sheet has it", async () => {
    const bytes = await workbookOf([
      ["常州", [["指标代码", "2019", "2020"], ["A1", 1, 2]]],
      ["无锡", [["指标代码", "2019", "2020"], ["A1", 3, 4]]],
    ]);
    await expect(parseWorkbookTable(bytes, "values.xlsx")).rejects.toMatchObject({
      code: "E_XLSX_SHEETS",
      message: readerMessages.xlsxLikeValueSheets("values.xlsx", ["常州", "无锡"]),
    });
  });

  it("reads the values beside a sheet of notes, a tree, a list of the indicators, another table or a header without rows, as before", async () => {
    const besides: Record<string, (string | number | null)[][]> = {
      notes: [["说明"], ["数据来源：统计年鉴"], ["2021年数据待补"]],
      tree: [["code", "parent", "name", "weight", "direction"], ["G", "", "总指数", null, ""], ["A1", "G", "研发经费", 0.5, "+"]],
      list: [["指标代码", "指标名称", "计量单位"], ["A1", "研发经费", "万元"]],
      table: [["地区", "年份", "人口"], ["常州", 2021, 530]],
      // The same columns but the years, and no row under the header: no values are left out.
      empty: [["评价对象", "指标代码", "指标名称", "2021"]],
      // Other columns besides the years (no unit column): a table of values of another kind, not another part of this one.
      other: [["指标代码", "2021"], ["A1", 5]],
    };
    for (const [name, rows] of Object.entries(besides)) {
      const { table, source, otherSheets } = await parseWorkbookTable(await workbookOf([["数据", WIDE_2017_2020], [name, rows]]), "values.xlsx");
      expect([name, source, table.header, table.rows.length, otherSheets]).toEqual([name, "values.xlsx[数据]", WIDE_2017_2020[0], 2, name === "empty" ? [] : [name]]);
    }
  });

  it("reads a sheet of values beside a hidden one with the other years (a hidden sheet is never read by default)", async () => {
    const book = new ExcelJS.Workbook();
    const first = book.addWorksheet("数据");
    for (const row of WIDE_2017_2020) first.addRow(row);
    const hidden = book.addWorksheet("2021", { state: "hidden" });
    hidden.addRow(["评价对象", "指标代码", "指标名称", "2021"]);
    hidden.addRow(["常州", "A1", "研发经费", 5]);
    const { source } = await parseWorkbookTable(new Uint8Array(await book.xlsx.writeBuffer()), "values.xlsx");
    expect(source).toBe("values.xlsx[数据]");
  });
});

describe("perMilleText", () => {
  it("shows a number formatted per mille as the sheet shows it: as stored, with the format's places, then ‰", () => {
    // Excel prints ‰ as text (it multiplies by 100 for % only): 19.6 with two required places is 19.60‰; 0.0196 is
    // 0.02‰. A quoted or escaped ‰ alike.
    expect(perMilleText("0.00‰", 19.6)).toBe("19.60‰");
    expect(perMilleText("0.00‰", 0.0196)).toBe("0.02‰");
    expect(perMilleText('0.00"‰"', 19.6)).toBe("19.60‰");
    expect(perMilleText("0.0\\‰", 19.6)).toBe("19.6‰");
    // # places drop their trailing zeros (1500.0 -> 1,500 with the grouping the format asks for).
    expect(perMilleText("#,##0.##‰", 1500)).toBe("1,500‰");
    expect(perMilleText("0.0‰", -2.5)).toBe("-2.5‰");
    // No ‰ in the value's section (a percent, a ‰ in brackets, a ‰ in the negative section for a positive value).
    expect(perMilleText("0.00%", 0.5)).toBeUndefined();
    expect(perMilleText("[$‰]0.00", 0.5)).toBeUndefined();
    expect(perMilleText("0.00;-0.00‰", 0.5)).toBeUndefined();
  });
});

describe("parseWorkbookTable: a cell formatted per mille", () => {
  it("reads as the text it shows and is refused as the same cell saved as CSV, not read as the stored number", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("数据");
    sheet.addRow(["指标代码", "2017", "2018", "2019"]);
    sheet.addRow(["A1", 1.5, 19.6, { formula: "C2*2", result: 39.2 }]);
    sheet.getCell("C2").numFmt = "0.00‰";
    sheet.getCell("D2").numFmt = "0.0‰";
    const { table, source } = await parseWorkbookTable(new Uint8Array(await book.xlsx.writeBuffer()), "v.xlsx");
    // 19.6 shown 19.60‰; the formula's result 39.2 shown with one place, 39.2‰.
    expect(table.rows[0].cells).toEqual(["A1", "1.5", "19.60‰", "39.2‰"]);
    const sheetRead = parseDataTable(table, source);
    const csvRead = parseDataCsv("指标代码,2017,2018,2019\nA1,1.5,19.60‰,39.2‰\n", "v.csv");
    expect(sheetRead.ok || csvRead.ok).toBe(false);
    if (sheetRead.ok || csvRead.ok) return;
    // Line 2, columns 3 and 4 in both; the same code and message, the sheet's place naming the sheet.
    const expected = (place: string) => [
      { code: "E_BAD_NUMBER", message: 'value "19.60‰" in column "2018" is not a number; expected a number such as 1234.5, 1,234.5 or 1.96%, or an empty cell for a missing value', source: place, line: 2, column: 3 },
      { code: "E_BAD_NUMBER", message: 'value "39.2‰" in column "2019" is not a number; expected a number such as 1234.5, 1,234.5 or 1.96%, or an empty cell for a missing value', source: place, line: 2, column: 4 },
    ];
    expect(sheetRead.issues).toEqual(expected("v.xlsx[数据]"));
    expect(csvRead.issues).toEqual(expected("v.csv"));
  });
});

describe("parseWorkbookTable: rows and columns hidden in Excel (W_XLSX_HIDDEN)", () => {
  /** A sheet "data" of `rows`, with `hide` applied to it (rows, columns or a filter hidden by the test). */
  async function sheetOf(rows: (string | number)[][], hide: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("data");
    for (const row of rows) sheet.addRow(row);
    hide(sheet);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }
  const TREE = "code,parent,name,weight,direction\nX,,x,,+\n";
  const WIDE = [
    ["unit", "indicator", "2017", "2018"],
    ["U1", "X", 4, 40],
    ["U2", "X", 5, 50],
    ["U3", "X", 6, 60],
  ];
  const HOW = "but read like the visible ones (their values count; a hidden row repeating a visible one is a duplicate); expected in the sheet only the rows and columns to read: delete those to leave out (hiding or filtering them out leaves them in)";

  it("reads a hidden row, and says so, naming the file, the sheet and the row (before: U2 in every output, without a word)", async () => {
    // The tester's h1.xlsx: the row of U2 (sheet row 3) hidden.
    const { table, hidden } = await parseWorkbookTable(await sheetOf(WIDE, (sheet) => (sheet.getRow(3).hidden = true)), "h1.xlsx");
    expect(table.rows.map((row) => row.cells[0])).toEqual(["U1", "U2", "U3"]);
    expect(hidden).toEqual({ rows: [3], columns: [], warning: { code: "W_XLSX_HIDDEN", source: "h1.xlsx[data]", message: `h1.xlsx[data]: row 3 is hidden in Excel ${HOW}` } });
  });

  it("names a hidden column that holds cells by its letter, and leaves out hidden rows and columns that hold none", async () => {
    // The tester's hc.xlsx: column E (2019, 99 for both units) hidden; column G, empty, and row 9, empty, hidden too.
    const rows = [["unit", "indicator", "2017", "2018", "2019"], ["U1", "X", 4, 40, 99], ["U2", "X", 5, 50, 99]];
    const bytes = await sheetOf(rows, (sheet) => {
      sheet.getColumn(5).hidden = true;
      sheet.getColumn(7).hidden = true;
      sheet.getRow(9).hidden = true;
    });
    const { table, hidden } = await parseWorkbookTable(bytes, "hc.xlsx");
    expect(table.header).toEqual(["unit", "indicator", "2017", "2018", "2019"]);
    expect([hidden?.rows, hidden?.columns, hidden?.warning.message]).toEqual([[], [5], `hc.xlsx[data]: column E is hidden in Excel ${HOW}`]);
  });

  it("names the first five hidden rows and counts them, then the columns; no warning for a sheet that hides nothing", async () => {
    const rows = [["unit", "indicator", "2017", "2018", "2019"], ...Array.from({ length: 8 }, (_, i) => [`U${i + 1}`, "X", i, i, i])];
    const bytes = await sheetOf(rows, (sheet) => {
      // Sheet rows 3 to 9 (U2 to U8: 7 rows), columns D and E.
      for (let row = 3; row <= 9; row++) sheet.getRow(row).hidden = true;
      sheet.getColumn(4).hidden = true;
      sheet.getColumn(5).hidden = true;
    });
    const { hidden } = await parseWorkbookTable(bytes, "v.xlsx");
    expect(hidden?.warning.message).toBe(`v.xlsx[data]: rows 3, 4, 5, 6, 7 (7 rows in all) and columns D, E are hidden in Excel ${HOW}`);
    expect((await parseWorkbookTable(await sheetOf(rows, () => undefined), "v.xlsx")).hidden).toBeUndefined();
  });

  it("carries the warning with the panel (the tree's first), and adds it to a refusal it explains (a duplicate a filter hides)", async () => {
    const hideRow3 = (sheet: ExcelJS.Worksheet) => (sheet.getRow(3).hidden = true);
    const long = [["unit", "year", "indicator", "value"], ["U1", 2017, "X", 4], ["U1", 2018, "X", 5], ["U1", 2018, "X", 6], ["U2", 2017, "X", 1], ["U2", 2018, "X", 2]];
    const dir = await makeTempDir({
      "tree.csv": TREE,
      // Y's row (sheet row 3) hidden: Y is read, an indicator like X.
      "tree.xlsx": await sheetOf([["code", "parent", "name", "weight", "direction"], ["X", "", "x", "", "+"], ["Y", "", "y", "", "+"]], hideRow3),
      "h1.xlsx": await sheetOf(WIDE, hideRow3),
      "xy.xlsx": await sheetOf([...WIDE, ["U1", "Y", 1, 2], ["U2", "Y", 3, 4], ["U3", "Y", 5, 6]], hideRow3),
      "xy.csv": "unit,year,indicator,value\nU1,2017,X,1\nU1,2018,X,2\nU1,2017,Y,3\nU1,2018,Y,4\n",
      // Sheet row 4 (U1, 2018, X, 6) repeats row 3 and is hidden under the sheet's filter on A1:D6.
      "dup.xlsx": await sheetOf(long, (sheet) => {
        sheet.getRow(4).hidden = true;
        sheet.autoFilter = "A1:D6";
      }),
      // A bad number in a visible row (sheet row 2) of a sheet hiding row 3.
      "bad.xlsx": await sheetOf([WIDE[0], ["U1", "X", 4, "abc"], ...WIDE.slice(2)], hideRow3),
    });
    const { loadInputs } = await import("../../../src/io/read/load.js");
    const read = (tree: string, data: string) => loadInputs(join(dir, tree), join(dir, data), { tree, data });
    const warning = (source: string, row: number, filter = "") => ({ code: "W_XLSX_HIDDEN", source, message: `${source}: row ${row} is hidden in Excel${filter} ${HOW}` });

    const h1 = await read("tree.csv", "h1.xlsx");
    expect(h1.panel.units).toEqual(["U1", "U2", "U3"]);
    expect(h1.panel.warnings).toEqual([warning("h1.xlsx[data]", 3)]);
    // The tree's warning first, as the files come first; the CSV values go the fast way and carry it too.
    expect((await read("tree.xlsx", "xy.xlsx")).panel.warnings).toEqual([warning("tree.xlsx[data]", 3), warning("xy.xlsx[data]", 3)]);
    const fast = await read("tree.xlsx", "xy.csv");
    expect([fast.panel.indicators, fast.panel.warnings]).toEqual([["X", "Y"], [warning("tree.xlsx[data]", 3)]]);

    // The duplicate is refused, as before; the warning follows it, saying the sheet's row 4 is hidden and read.
    const duplicate = await issuesOf(read("tree.csv", "dup.xlsx"));
    expect(duplicate.map(({ code, source, line }) => ({ code, source, line }))).toEqual([
      { code: "E_DUPLICATE_VALUE", source: "dup.xlsx[data]", line: 4 },
      { code: "W_XLSX_HIDDEN", source: "dup.xlsx[data]", line: undefined },
    ]);
    expect(duplicate[1].message).toBe(warning("dup.xlsx[data]", 4, " (the sheet has a filter, on A1:D6)").message);
    // A problem in a visible row of a sheet hiding another: no warning added.
    expect((await issuesOf(read("tree.csv", "bad.xlsx"))).map((issue) => issue.code)).toEqual(["E_BAD_NUMBER"]);
  });

  it("takes a row dragged shut (ht=0) and a column of zero width for hidden ones (before: read without a word)", async () => {
    // Sheet row 3 (U2) saved with ht="0" customHeight="1" and column E (2019) with width="0", as Excel saves them.
    const rows = [["unit", "indicator", "2017", "2018", "2019"], ["U1", "X", 4, 40, 99], ["U2", "X", 5, 50, 99], ["U3", "X", 6, 60, 99]];
    const { table, hidden } = await parseWorkbookTable(await sheetDraggedShut("data", rows, [3], [5]), "shut.xlsx");
    expect(table.rows.map((row) => row.cells[0])).toEqual(["U1", "U2", "U3"]);
    expect(hidden).toEqual({
      rows: [3],
      columns: [5],
      warning: { code: "W_XLSX_HIDDEN", source: "shut.xlsx[data]", message: `shut.xlsx[data]: row 3 and column E are hidden in Excel (row 3 under 1 point high; column E narrower than one digit) ${HOW}` },
    });
    // A row and a column of a height and a width of their own, not zero, are shown: no warning.
    const sized = await sheetOf(rows, (sheet) => {
      sheet.getRow(3).height = 15;
      sheet.getColumn(5).width = 7;
    });
    expect((await parseWorkbookTable(sized, "sized.xlsx")).hidden).toBeUndefined();
  });

  it("takes a row lower than 1 point and a column narrower than one digit for hidden ones, saying why (before: read without a word)", async () => {
    // Sheet rows 3 (U2) and 4 (U3) of heights 0.5 and 0.99 points, row 5 (U4) of 1 point, exactly the lowest shown;
    // columns C (2017) and E (2019) of widths 0.5 and 0.99, D (2018) of 1; F (2020) hidden by hand, and narrow too.
    const rows = [["unit", "indicator", "2017", "2018", "2019", "2020"], ...[1, 2, 3, 4].map((unit) => [`U${unit}`, "X", unit, unit, unit, unit])];
    const bytes = await sheetOf(rows, (sheet) => {
      sheet.getRow(3).height = 0.5;
      sheet.getRow(4).height = 0.99;
      sheet.getRow(5).height = 1;
      sheet.getColumn(3).width = 0.5;
      sheet.getColumn(4).width = 1;
      sheet.getColumn(5).width = 0.99;
      sheet.getColumn(6).width = 0.5;
      sheet.getColumn(6).hidden = true;
    });
    const { table, hidden } = await parseWorkbookTable(bytes, "thin.xlsx");
    expect(table.rows.map((row) => row.cells[0])).toEqual(["U1", "U2", "U3", "U4"]);
    // Rows 3, 4 and columns C, E, F hidden; F is hidden by hand, so no reason is given for it.
    expect([hidden?.rows, hidden?.columns, hidden?.warning.message]).toEqual([
      [3, 4],
      [3, 5, 6],
      `thin.xlsx[data]: rows 3, 4 and columns C, E, F are hidden in Excel (rows 3, 4 under 1 point high; columns C, E narrower than one digit) ${HOW}`,
    ]);
    // Under the sheet's filter (A1:F5), a row it hides (row 2, U1) is named with the filter, the low row with its height.
    const filtered = await sheetOf(rows, (sheet) => {
      sheet.getRow(2).hidden = true;
      sheet.getRow(3).height = 0.5;
      sheet.autoFilter = "A1:F5";
    });
    expect((await parseWorkbookTable(filtered, "f.xlsx")).hidden?.warning.message).toBe(
      `f.xlsx[data]: rows 2, 3 are hidden in Excel (the sheet has a filter, on A1:F5; row 3 under 1 point high) ${HOW}`,
    );
    // A filter with only a low row hidden: the filter hides none of them, and is not named.
    const lowUnderFilter = await sheetOf(rows, (sheet) => {
      sheet.getRow(3).height = 0.5;
      sheet.autoFilter = "A1:F5";
    });
    expect((await parseWorkbookTable(lowUnderFilter, "g.xlsx")).hidden?.warning.message).toBe(`g.xlsx[data]: row 3 is hidden in Excel (under 1 point high) ${HOW}`);
  });

  it("takes the rows of a sheet that hides its rows by default (zeroHeight) for hidden ones, but those given a height of their own", async () => {
    // Rows 1 (header), 2 (U1) and 7 (U6) of a height of their own (ht and customHeight="1"): shown. Row 3 (U2) without
    // a height; row 4 (U3) with ht="15" but no customHeight (edited out); row 5 (U4) of its own height 0.5; row 6 (U5)
    // hidden by hand (hidden="1"), of height 15.
    const rows = [["unit", "indicator", "2017", "2018"], ...[1, 2, 3, 4, 5, 6].map((unit) => [`U${unit}`, "X", unit, unit * 10])];
    const book = () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("data");
      for (const row of rows) sheet.addRow(row);
      for (const row of [1, 2, 4, 6, 7]) sheet.getRow(row).height = row === 7 ? 20 : 15;
      sheet.getRow(5).height = 0.5;
      sheet.getRow(6).hidden = true;
      return workbook;
    };
    const noCustomHeight = (xml: string) => xml.replace('<row r="4" ht="15" customHeight="1"', '<row r="4" ht="15"');
    const byDefault = await workbookWithSheetXml(book(), (xml) => rowsHiddenByDefault(noCustomHeight(xml)));
    const { table, hidden } = await parseWorkbookTable(byDefault, "zero.xlsx");
    expect([table.header, table.rows.map((row) => row.cells[0])]).toEqual([rows[0], ["U1", "U2", "U3", "U4", "U5", "U6"]]);
    // Rows 3, 4 by the default, 5 by its height, 6 by hand; 1, 2 and 7 shown.
    expect(hidden).toEqual({
      rows: [3, 4, 5, 6],
      columns: [],
      warning: {
        code: "W_XLSX_HIDDEN",
        source: "zero.xlsx[data]",
        message: `zero.xlsx[data]: rows 3, 4, 5, 6 are hidden in Excel (row 5 under 1 point high; rows 3, 4 by the sheet's default, which shows only the rows given a height of their own) ${HOW}`,
      },
    });
    // The same sheet without zeroHeight: rows 3 and 4 are of the default height, shown; 5 and 6 hidden as before.
    const shown = await workbookWithSheetXml(book(), noCustomHeight);
    expect((await parseWorkbookTable(shown, "shown.xlsx")).hidden?.warning.message).toBe(`shown.xlsx[data]: rows 5, 6 are hidden in Excel (row 5 under 1 point high) ${HOW}`);
    // Hidden by default, every row given a height of its own (15 points): all shown, no warning.
    const allSized = await workbookWithSheetXml(
      (() => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet("data");
        for (const row of rows) sheet.addRow(row).height = 15;
        return workbook;
      })(),
      rowsHiddenByDefault,
    );
    expect((await parseWorkbookTable(allSized, "sized.xlsx")).hidden).toBeUndefined();
    // One row read, hidden by default alone: the reason names none.
    const one = await workbookWithSheetXml(
      (() => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet("data");
        for (const row of rows.slice(0, 3)) sheet.addRow(row).height = 15;
        return workbook;
      })(),
      (xml) => rowsHiddenByDefault(xml.replace('<row r="3" ht="15" customHeight="1"', '<row r="3"')),
    );
    expect((await parseWorkbookTable(one, "one.xlsx")).hidden?.warning.message).toBe(
      `one.xlsx[data]: row 3 is hidden in Excel (by the sheet's default, which shows only the rows given a height of their own) ${HOW}`,
    );
  });

  it("takes the rows without a height of their own on a sheet whose default height is under 1 point for low ones (before: read without a word)", async () => {
    // Rows 1 (header) and 2 (U1) of a height of their own (15), row 5 (U4) of its own ht="20" without customHeight
    // (edited out: Excel draws a row's ht all the same); rows 3 (U2) and 4 (U3) without a height; row 6 (U5) hidden by
    // hand (when `byHand`).
    const rows = [["unit", "indicator", "2017", "2018"], ...[1, 2, 3, 4, 5].map((unit) => [`U${unit}`, "X", unit, unit * 10])];
    const book = (byHand: boolean) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("data");
      for (const row of rows) sheet.addRow(row);
      for (const row of [1, 2, 5]) sheet.getRow(row).height = row === 5 ? 20 : 15;
      if (byHand) sheet.getRow(6).hidden = true;
      return workbook;
    };
    const read = async (format: string, byHand = true) => {
      const edit = (xml: string) => withSheetFormat(format)(xml).replace('<row r="5" ht="20" customHeight="1"', '<row r="5" ht="20"');
      return (await parseWorkbookTable(await workbookWithSheetXml(book(byHand), edit), "low.xlsx")).hidden;
    };
    // Default height 0.5 points, drawn (customHeight="1"): rows 3 and 4 are 0.5 points high, under 1; row 5 is 20
    // points, its own; row 6 hidden by hand, no reason given for it.
    expect(await read('defaultRowHeight="0.5" customHeight="1"')).toEqual({
      rows: [3, 4, 6],
      columns: [],
      warning: { code: "W_XLSX_HIDDEN", source: "low.xlsx[data]", message: `low.xlsx[data]: rows 3, 4, 6 are hidden in Excel (rows 3, 4 under 1 point high) ${HOW}` },
    });
    // A default of 0 points the same; row 6 not hidden by hand is without a height too, so low: the reason is all the
    // rows', naming none.
    expect((await read('defaultRowHeight="0" customHeight="1"'))?.warning.message).toBe(`low.xlsx[data]: rows 3, 4, 6 are hidden in Excel (rows 3, 4 under 1 point high) ${HOW}`);
    expect((await read('defaultRowHeight="0" customHeight="true"', false))?.warning.message).toBe(`low.xlsx[data]: rows 3, 4, 6 are hidden in Excel (under 1 point high) ${HOW}`);
    // A default height Excel does not draw (no customHeight, or customHeight="0": a height from the font, 15 points at
    // Calibri 11): rows 3 and 4 shown, only row 6 hidden, by hand.
    expect((await read('defaultRowHeight="0.5"'))?.warning.message).toBe(`low.xlsx[data]: row 6 is hidden in Excel ${HOW}`);
    expect((await read('defaultRowHeight="0" customHeight="0"'))?.warning.message).toBe(`low.xlsx[data]: row 6 is hidden in Excel ${HOW}`);
    // Ordinary sheets, nothing hidden: no warning. As ExcelJS writes them, as Excel on Windows (15 points) and on a Mac
    // (16 points, baseColWidth 10) saves them, and a default of 1 point, drawn: exactly the lowest shown.
    for (const format of [
      'defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"',
      'defaultRowHeight="15" x14ac:dyDescent="0.25"',
      'baseColWidth="10" defaultRowHeight="16" x14ac:dyDescent="0.2"',
      'defaultRowHeight="20" customHeight="1"',
      'defaultRowHeight="1" customHeight="1"',
    ])
      expect([format, await read(format, false)]).toEqual([format, undefined]);
  });

  it("takes the columns without a width of their own on a sheet whose default width is under one digit for narrow ones (before: read without a word)", async () => {
    // Column C (2017) of its own width 12; E (2019) with a <col> without a width (edited out); A, B and D without a
    // <col>; F (2020) hidden by hand (when `byHand`, with a <col> of ExcelJS's width 9).
    const rows = [["unit", "indicator", "2017", "2018", "2019", "2020"], ["U1", "X", 1, 2, 3, 4], ["U2", "X", 5, 6, 7, 8]];
    const book = (byHand: boolean) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("data");
      for (const row of rows) sheet.addRow(row);
      sheet.getColumn(3).width = 12;
      sheet.getColumn(5).width = 7;
      if (byHand) sheet.getColumn(6).hidden = true;
      return workbook;
    };
    const read = async (format: string, byHand = true) => {
      const edit = (xml: string) => withSheetFormat(format)(xml).replace('<col min="5" max="5" width="7" customWidth="1"/>', '<col min="5" max="5"/>');
      return (await parseWorkbookTable(await workbookWithSheetXml(book(byHand), edit), "narrow.xlsx")).hidden;
    };
    // Default width 0.5: A, B, D and E are of it, under one digit; C is 12 wide; F hidden by hand, no reason given.
    expect(await read('defaultRowHeight="15" defaultColWidth="0.5"')).toEqual({
      rows: [],
      columns: [1, 2, 4, 5, 6],
      warning: {
        code: "W_XLSX_HIDDEN",
        source: "narrow.xlsx[data]",
        message: `narrow.xlsx[data]: columns A, B, D, E, F are hidden in Excel (columns A, B, D, E narrower than one digit) ${HOW}`,
      },
    });
    // A default width of 0, and one from baseColWidth="0" (5 pixels of padding, under the 7 of a digit), the same;
    // column F not hidden by hand has no <col>, so is narrow too: the reason is all the columns', naming none.
    expect((await read('defaultRowHeight="15" defaultColWidth="0"'))?.columns).toEqual([1, 2, 4, 5, 6]);
    expect((await read('baseColWidth="0" defaultRowHeight="15"', false))?.warning.message).toBe(
      `narrow.xlsx[data]: columns A, B, D, E, F are hidden in Excel (narrower than one digit) ${HOW}`,
    );
    // defaultColWidth before baseColWidth: a default of 9.140625 (Excel's own) with baseColWidth="0", all shown.
    expect(await read('baseColWidth="0" defaultColWidth="9.140625" defaultRowHeight="15"', false)).toBeUndefined();
    // A default width of 1, exactly one digit: shown; only F hidden, by hand.
    expect((await read('defaultRowHeight="15" defaultColWidth="1"'))?.warning.message).toBe(`narrow.xlsx[data]: column F is hidden in Excel ${HOW}`);
    // Ordinary sheets, nothing hidden: no warning. As ExcelJS writes them (no default width), as Excel on Windows and on
    // a Mac (baseColWidth 10) saves them, and with Excel's default width written out (baseColWidth 8, 9.140625).
    for (const format of [
      'defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"',
      'defaultRowHeight="15" x14ac:dyDescent="0.25"',
      'baseColWidth="10" defaultRowHeight="16" x14ac:dyDescent="0.2"',
      'baseColWidth="8" defaultColWidth="9.140625" defaultRowHeight="15"',
    ])
      expect([format, await read(format, false)]).toEqual([format, undefined]);
  });

  it("carries a tree workbook's warning beside .sql values (read by DuckDB), and adds it to a refusal it explains", async () => {
    // Y's row of the tree (sheet row 3) dragged shut; the values query gives X and Y for U1 in 2017 and 2018.
    const treeRows = [["code", "parent", "name", "weight", "direction"], ["X", "", "x", "", "+"], ["Y", "", "y", "", "+"]];
    const dir = await makeTempDir({
      "tree.xlsx": await sheetDraggedShut("data", treeRows, [3]),
      // Y's direction "sideways" (sheet row 3) is no direction: the tree is refused at that row, which the sheet hides.
      "bad-tree.xlsx": await sheetDraggedShut("data", [treeRows[0], treeRows[1], ["Y", "", "y", "", "sideways"]], [3]),
      "values.sql": "SELECT * FROM (VALUES ('U1', 2017, 'X', 1.0), ('U1', 2018, 'X', 2.0), ('U1', 2017, 'Y', 3.0), ('U1', 2018, 'Y', 4.0)) t(unit, year, indicator, value)",
    });
    const { loadInputs } = await import("../../../src/io/read/load.js");
    const read = (tree: string) => loadInputs(join(dir, tree), join(dir, "values.sql"), { tree, data: "values.sql" }, { queryRoot: dir });
    const loaded = await read("tree.xlsx");
    expect(loaded.panel.indicators).toEqual(["X", "Y"]);
    expect(loaded.panel.warnings).toEqual([{ code: "W_XLSX_HIDDEN", source: "tree.xlsx[data]", message: `tree.xlsx[data]: row 3 is hidden in Excel (under 1 point high) ${HOW}` }]);
    const refused = await issuesOf(read("bad-tree.xlsx"));
    expect(refused.map(({ code, source, line }) => ({ code, source, line }))).toEqual([
      { code: "E_BAD_DIRECTION", source: "bad-tree.xlsx[data]", line: 3 },
      { code: "W_XLSX_HIDDEN", source: "bad-tree.xlsx[data]", line: undefined },
    ]);
    // Beside a values file that cannot be read: the tree's problem, the values', then the warning that explains the first.
    const beside = await issuesOf(loadInputs(join(dir, "bad-tree.xlsx"), join(dir, "none.csv"), { tree: "bad-tree.xlsx", data: "none.csv" }));
    expect(beside.map(({ code, source }) => ({ code, source }))).toEqual([
      { code: "E_BAD_DIRECTION", source: "bad-tree.xlsx[data]" },
      { code: "E_READ", source: "none.csv" },
      { code: "W_XLSX_HIDDEN", source: "bad-tree.xlsx[data]" },
    ]);
  });

  it("readTreeFile gives a tree workbook's warning to onWarning, and adds it to a refusal it explains", async () => {
    const treeRows = [["code", "parent", "name", "weight", "direction"], ["X", "", "x", "", "+"], ["Y", "", "y", "", "+"]];
    const dir = await makeTempDir({
      "tree.xlsx": await sheetDraggedShut("指标", treeRows, [2, 3]),
      "bad-tree.xlsx": await sheetDraggedShut("data", [treeRows[0], treeRows[1], ["Y", "", "y", "", "sideways"]], [3]),
      "tree.csv": "code,parent,name,weight,direction\nX,,x,,+\n",
    });
    const { readTreeFile } = await import("../../../src/io/read/load.js");
    const warnings: unknown[] = [];
    const tree = await readTreeFile(join(dir, "tree.xlsx"), "tree.xlsx", { onWarning: (warning) => warnings.push(warning) });
    // Both indicators are read, X's row and Y's (sheet rows 2 and 3) dragged shut.
    expect([tree.indicators, warnings]).toEqual([["X", "Y"], [{ code: "W_XLSX_HIDDEN", source: "tree.xlsx[指标]", message: `tree.xlsx[指标]: rows 2, 3 are hidden in Excel (under 1 point high) ${HOW}` }]]);
    await readTreeFile(join(dir, "tree.csv"), "tree.csv", { onWarning: (warning) => warnings.push(warning) });
    expect(warnings).toHaveLength(1);
    const refused = await issuesOf(readTreeFile(join(dir, "bad-tree.xlsx"), "bad-tree.xlsx"));
    expect(refused.map((issue) => issue.code)).toEqual(["E_BAD_DIRECTION", "W_XLSX_HIDDEN"]);
  });
});
