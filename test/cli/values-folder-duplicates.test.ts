/**
 * Duplicate values in a values folder: a template's blank rows for the years other files give (no conflict), a copy of
 * a file beside it ("2021 - 副本.csv", the summary names both files), and a year given twice in one file (as before).
 */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { cellIndex, placeOfCell } from "../../src/core/panel.js";
import { loadInputs } from "../../src/io/read/load.js";
import { makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nA,,研发,0.4,+\nB,,专利,0.3,+\nC,,论文,0.3,+\n";
const UNITS = ["常州", "无锡", "苏州", "南通"];
const CODES = ["A", "B", "C"];

/** The value of unit `u` (its position), indicator `i` (its position) in `year`: 100·(i + 1) + 10·u + (year - 2017). */
const valueOf = (u: number, i: number, year: number) => 100 * (i + 1) + 10 * u + (year - 2017);

/** A long values file of `year`, units then indicators: the value of unit u, indicator i on line 2 + 3u + i. */
const yearFile = (year: number) =>
  ["unit,year,indicator,value", ...UNITS.flatMap((unit, u) => CODES.map((code, i) => `${unit},${year},${code},${valueOf(u, i, year)}`)), ""].join("\n");

describe("duplicate values in a values folder", () => {
  // "" : 2017.csv ... 2020.csv sort before 2021.xlsx (its blank rows come after the values); "年报-": after it ("年"
  // U+5E74 > "2"), the blank rows first, as the tester's "first given in data/2021.xlsx" was.
  it.each(["", "年报-"])("reads a template for 2017-2021 filled in for 2021 only beside the files of 2017-2020 (prefix %j), without a duplicate", async (prefix) => {
    const files: Record<string, string> = { "tree.csv": TREE };
    for (let year = 2017; year <= 2020; year++) files[`data/${prefix}${year}.csv`] = yearFile(year);
    const dir = await makeTempDir(files);
    const template = await runCli(["template", "-i", "tree.csv", "--years", "2017-2021", "--units", UNITS.join(","), "--out", "data/2021.xlsx", "-q"], dir);
    expect(template.code, template.stderr).toBe(0);
    // Fill in the 2021 rows only (评价对象, 年份, 指标代码, 指标名称, 数值): the 2017-2020 rows stay blank.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "data/2021.xlsx"));
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, "评价对象", "年份", "指标代码", "指标名称", "数值"]);
    let filled = 0;
    sheet.eachRow((row, line) => {
      if (line === 1 || String(row.getCell(2).value) !== "2021") return;
      row.getCell(5).value = valueOf(UNITS.indexOf(String(row.getCell(1).value)), CODES.indexOf(String(row.getCell(3).value)), 2021);
      filled++;
    });
    expect(filled).toBe(UNITS.length * CODES.length);
    await book.xlsx.writeFile(join(dir, "data/2021.xlsx"));

    const { panel } = await loadInputs(join(dir, "tree.csv"), join(dir, "data"), { tree: "tree.csv", data: "data" });
    expect(panel.years).toEqual([2017, 2018, 2019, 2020, 2021]);
    expect(panel.units).toEqual(UNITS);
    // Every cell holds valueOf: 2017-2020 from their files, 2021 from the workbook; e.g. 无锡 (u 1), B (i 1), 2018 =
    // 200 + 10 + 1 = 211, and 南通 (u 3), C (i 2), 2021 = 300 + 30 + 4 = 334.
    for (let i = 0; i < CODES.length; i++)
      for (let u = 0; u < UNITS.length; u++)
        for (let y = 0; y < 5; y++) expect(panel.values[cellIndex(panel, i, u, y)]).toBe(valueOf(u, i, 2017 + y));
    expect([panel.values[cellIndex(panel, 1, 1, 1)], panel.values[cellIndex(panel, 2, 3, 4)]]).toEqual([211, 334]);
    // A cell's place is its value's: 无锡's B of 2018 on line 2 + 3·1 + 1 = 6 of the 2018 file, not a blank row of the
    // workbook; 常州's A of 2021 on the workbook's line 2 + 4 years·3 indicators = 14 (rows by unit, year, indicator),
    // the workbook named with its sheet; each at its file's value column (value, the 4th; 数值, the 5th).
    expect(placeOfCell(panel, cellIndex(panel, 1, 1, 1))).toEqual({ source: `data/${prefix}2018.csv`, line: 6, column: 4 });
    expect(placeOfCell(panel, cellIndex(panel, 0, 0, 4))).toEqual({ source: "data/2021.xlsx[指标数据]", line: 14, column: 5 });
  });

  it("names the two files when the duplicates repeat a file's cells in another (a Windows copy, 2021 - 副本.csv)", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "data/2020.csv": yearFile(2020), "data/2021.csv": yearFile(2021), "data/2021 - 副本.csv": yearFile(2021) });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "data", "--out", "-"], dir);
    expect(run.code).toBe(1);
    // The copy sorts first (" " before "."), so each of 2021.csv's 4 units × 3 indicators = 12 rows repeats it, on its
    // own line 2 + 3u + i.
    const copy = "data/2021 - 副本.csv";
    const repeated = UNITS.flatMap((unit, u) =>
      CODES.map((code, i) => `data/2021.csv:${2 + 3 * u + i}:4: ${messages.duplicateValue(unit, 2021, code, 2 + 3 * u + i, copy)}`),
    );
    expect(run.stderr).toBe(`error: 13 problems found:\ndata: ${messages.manyDuplicatesAcrossFiles(12, copy, "data/2021.csv")}\n${repeated.join("\n")}\n`);
    expect(messages.manyDuplicatesAcrossFiles(12, copy, "data/2021.csv")).toBe(
      '12 duplicate values: "data/2021 - 副本.csv" and "data/2021.csv" give the same cells: is one a copy of the other (such as "… - 副本.csv" or "… (1).csv"), or a year given in both files? expected each unit, year and indicator in one file of the folder (the copy deleted, each year in one file)',
    );
    expect(messages.manyDuplicatesAcrossFiles(30, "data/2020.csv", "data/2020 (1).csv", 2)).toContain('"data/2020.csv" and "data/2020 (1).csv" give the same cells (and 2 other pairs of files): ');
  });

  it("keeps the summary of duplicates within one file of the folder (a year given twice in it)", async () => {
    // 2021.csv holds its 12 rows twice: lines 14-25 repeat lines 2-13.
    const twice = yearFile(2021) + yearFile(2021).split("\n").slice(1).join("\n");
    const dir = await makeTempDir({ "tree.csv": TREE, "data/2020.csv": yearFile(2020), "data/2021.csv": twice });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "data", "--out", "-"], dir);
    expect(run.code).toBe(1);
    const repeated = UNITS.flatMap((unit, u) => CODES.map((code, i) => `data/2021.csv:${14 + 3 * u + i}:4: ${messages.duplicateValue(unit, 2021, code, 2 + 3 * u + i)}`));
    expect(run.stderr).toBe(`error: 13 problems found:\ndata: ${messages.manyDuplicates(12)}\n${repeated.join("\n")}\n`);
    expect(messages.manyDuplicates(12)).toBe("12 duplicate values: does the file hold several units without a unit column, or a year twice? expected one value per unit, year and indicator");
  });
});
