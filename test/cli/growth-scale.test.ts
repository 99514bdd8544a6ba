/**
 * Growth in percent only where the terminal table gives it in percent (`ratioScale`): on a scale with no natural zero
 * (a Copeland score of wins − losses, a min-max score) growth.csv, its byte writer, the one-string formatter behind
 * `--out - --table growth`, the workbook's growth sheet and growth.parquet leave `change_percent` and `cagr_percent`
 * empty and keep `change` and `average_change` in points; on the fixed-base index they hold the percentages.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDuckdb, sqlString } from "../../src/io/read/duckdb.js";
import { makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\n";
// One indicator, three units: u1 100 -> 110 -> 121 (+10 %, +10 %), u2 50 -> 40 -> 60, u3 10 -> 12 -> 11.
const VALUES = [
  "unit,year,indicator,value",
  ...Object.entries({ u1: [100, 110, 121], u2: [50, 40, 60], u3: [10, 12, 11] }).flatMap(([unit, values]) => values.map((value, y) => `${unit},${2017 + y},A1,${value}`)),
].join("\n");
const INPUTS = ["-i", "tree.csv", "-d", "values.csv"];

/** growth.csv's rows (header dropped, BOM and all) as `unit,code,...` lines. */
const rowsOf = (text: string) => text.replace(/^\uFEFF/, "").trim().split("\n").slice(1);

describe("growth percentages follow the terminal's points-or-percent decision", () => {
  it.each([
    // Copeland over the fixed-base scores (ties score 0; 2 units beaten = +2): u3 0 -> +2 -> -2 (u3 is top in 2018
    // at 120, last in 2019 at 110), so 2019 is -4 points, -1 a year since 2017; before, -200 % (2 -> -2).
    ["copeland", ["--aggregate", "copeland"], "u3,INDEX,Index,0,2019,-2.0000,-4.0000,,-1.0000,"],
    // min-max over all nine values, 100 · (x - 10) / 111: u1 81.0811 -> 90.0901 -> 100, so 2019 is +9.9099 points,
    // (100 - 81.0811) / 2 = 9.4595 a year since 2017; before, +11.0 % (9.9099 / 90.0901).
    ["min-max", ["--normalise", "min-max"], "u1,INDEX,Index,0,2019,100.0000,9.9099,,9.4595,"],
  ])("%s: every percent cell empty, in every growth output, and the terminal says points", async (_, options, row) => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    const table = await runCli(["compute", ...INPUTS, ...options, "--xlsx", "--lang", "en", "--parquet"], dir);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain("(change on the previous year, in points)");
    // growth.csv written by the byte writer, and the one-string formatter on stdout: the same rows, percent cells empty
    const file = rowsOf(await readFile(join(dir, "out/growth.csv"), "utf8"));
    const printed = await runCli(["compute", ...INPUTS, ...options, "--out", "-", "--table", "growth"], dir);
    expect(rowsOf(printed.stdout)).toEqual(file);
    expect(file).toHaveLength(3 * 3 * 2); // 3 units × 3 nodes (index, a, a1) × 2018 and 2019
    expect(file).toContain(row);
    for (const line of file) expect(line.split(",").filter((_, column) => column === 7 || column === 9), line).toEqual(["", ""]);
    // the workbook's growth sheet: no percent cell holds a value
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(dir, "out/index.xlsx"))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("growth")!;
    const header = sheet.getRow(1).values as unknown[];
    const percentColumns = header.flatMap((name, column) => (String(name).includes("percent") ? [column] : []));
    expect(percentColumns).toHaveLength(2);
    for (let r = 2; r <= sheet.rowCount; r++) for (const column of percentColumns) expect(sheet.getRow(r).getCell(column).value ?? null).toBeNull();
    expect(sheet.rowCount).toBe(1 + 18);
    // growth.parquet: NULL percentages, the change in points kept
    const session = await openDuckdb();
    try {
      const path = join(dir, "out/growth.parquet");
      const reader = await session.connection.runAndReadAll(
        `SELECT count(*) AS rows, count(change) AS changes, count(change_percent) AS change_percents, count(cagr_percent) AS cagr_percents FROM read_parquet(${sqlString(path)})`,
      );
      expect(reader.getRowObjectsJS()).toEqual([{ rows: 18n, changes: 18n, change_percents: 0n, cagr_percents: 0n }]);
    } finally {
      session.close();
    }
  });

  it("fixed-base: the percentages worked out by hand, in growth.csv and growth.parquet", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    const run = await runCli(["compute", ...INPUTS, "--parquet"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("(growth on the previous year)");
    const file = rowsOf(await readFile(join(dir, "out/growth.csv"), "utf8"));
    // u1 100 -> 110 -> 121: +10 points = +10 %, then +11 points = 11 / 110 = +10 %; 10.5 points a year since 2017,
    // CAGR (121 / 100)^(1/2) - 1 = 10 %.
    expect(file).toContain("u1,INDEX,Index,0,2018,110.0000,10.0000,10.0000,10.0000,10.0000");
    expect(file).toContain("u1,INDEX,Index,0,2019,121.0000,11.0000,10.0000,10.5000,10.0000");
    // u2 50 -> 40 -> 60 = 100 -> 80 -> 120: -20 %, then 40 / 80 = +50 %; CAGR √1.2 - 1 = 9.5445 %.
    expect(file).toContain("u2,INDEX,Index,0,2019,120.0000,40.0000,50.0000,10.0000,9.5445");
    const session = await openDuckdb();
    try {
      const path = join(dir, "out/growth.parquet");
      const reader = await session.connection.runAndReadAll(
        `SELECT change_percent, cagr_percent FROM read_parquet(${sqlString(path)}) WHERE unit = 'u1' AND code = 'INDEX' AND year = 2019`,
      );
      const [[change, cagr]] = reader.getRowsJS() as number[][];
      expect(change).toBeCloseTo(10, 12);
      expect(cagr).toBeCloseTo(10, 12);
    } finally {
      session.close();
    }
  });
});
