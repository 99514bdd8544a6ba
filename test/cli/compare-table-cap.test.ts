/**
 * `compare` without --out prints a bounded table: its first `COMPARE_TABLE_ROWS` (100) rows (unit-years), a line on
 * stderr saying how many were left out and that --out writes them all, then every year's Spearman line; --out writes
 * every row. The same whether stdout is a terminal or not (the in-process runs here are not one).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMPARE_TABLE_ROWS, renderComparison } from "../../src/cli/commands/compare.js";
import type { Comparison } from "../../src/core/audit/compare.js";
import { makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\n";

/** `count` units U001, U002, ... with one value each in 2017 (the unit's number) and 2018 (count + 1 − its number). */
const values = (count: number) => {
  const rows = ["unit,year,indicator,value"];
  for (let u = 1; u <= count; u++) {
    const unit = `U${String(u).padStart(3, "0")}`;
    rows.push(`${unit},2017,A1,${u}`, `${unit},2018,A1,${count + 1 - u}`);
  }
  return rows.join("\n") + "\n";
};

const COMPARE = ["compare", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--with", "--normalise z-score"];

/** The table rows of the printed table (a unit, a year, then the cells), without the heading and the Spearman lines. */
const tableRows = (stdout: string) => stdout.split("\n").filter((line) => /^U\d{3} +20\d\d /.test(line));

describe("compare's table on the terminal", () => {
  it("is cut at 100 rows", () => expect(COMPARE_TABLE_ROWS).toBe(100));

  it("60 units × 2 years: prints the first 100 rows (U001 2017 to U050 2018), says 20 were left out, and --out writes all 120", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values(60) });
    const run = await runCli(COMPARE, dir);
    expect(run.code, run.stderr).toBe(0);
    const rows = tableRows(run.stdout);
    // 60 × 2 = 120 rows, each unit's two years together: the 100th is U050's second year, 2018.
    expect(rows.length).toBe(100);
    expect(rows[0]).toMatch(/^U001 +2017 /);
    expect(rows[99]).toMatch(/^U050 +2018 /);
    expect(run.stdout).not.toMatch(/\nU051 /);
    // U001 is 1 of 1..60 in 2017, the lowest: rank 60 under both normalisations (one indicator), no shift.
    expect(rows[0]).toMatch(/ 60 +\S+ +60 +0$/);
    // The heading, the 100 rows, a blank line, then one Spearman line per year (every year, not cut).
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^unit +year +index a/);
    expect(lines.slice(101)).toEqual(["", expect.stringMatching(/^2017: Spearman 1\.0000 over 60 units/), expect.stringMatching(/^2018: Spearman 1\.0000 over 60 units/), ""]);
    // 120 − 100 = 20 left out, said first on stderr.
    expect(run.stderr.split("\n")[0]).toBe("… and 20 more rows (unit-years) not printed, the first 100 shown; run with --out <dir> to write every row to <dir>/compare.csv");

    const written = await runCli([...COMPARE, "--out", "out"], dir);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe("");
    expect(written.stderr).not.toContain("not printed");
    const csv = (await readFile(join(dir, "out/compare.csv"), "utf8")).replace(/^\uFEFF/, "").trimEnd().split("\n");
    // The header and 60 × 2 = 120 rows, the last U060 2018.
    expect(csv.length).toBe(1 + 120);
    expect(csv[120]).toMatch(/^U060,2018,/);
  });

  it("50 units × 2 years = exactly 100 rows: prints them all, without the line", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values(50) });
    const run = await runCli(COMPARE, dir);
    expect(run.code, run.stderr).toBe(0);
    expect(tableRows(run.stdout).length).toBe(100);
    expect(tableRows(run.stdout)[99]).toMatch(/^U050 +2018 /);
    expect(run.stderr).not.toContain("not printed");
  });

  it("--year 2018 with 60 units: 60 rows, all printed", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values(60) });
    const run = await runCli([...COMPARE, "--year", "2018"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(tableRows(run.stdout).length).toBe(60);
    expect(run.stderr).not.toContain("not printed");
  });

  it("3,000 units × 20 years: renders 100 of 60,000 rows and counts 59,900 left out, without building the rest", () => {
    const units = Array.from({ length: 3000 }, (_, u) => `U${u + 1}`);
    const years = Array.from({ length: 20 }, (_, y) => 2001 + y);
    const cells = units.length * years.length;
    const filled = (value: (cell: number) => number) => Float64Array.from({ length: cells }, (_, cell) => value(cell));
    const comparison: Comparison = {
      units,
      years,
      indexA: filled((cell) => cell),
      indexB: filled((cell) => cell),
      rankA: filled(() => 1),
      rankB: filled(() => 1),
      rankShift: filled(() => 0),
      spearman: new Float64Array(years.length).fill(1),
      meanAbsoluteShift: new Float64Array(years.length),
      rankedUnits: new Int32Array(years.length).fill(3000),
      notes: [],
    };
    const { rows, summary, leftOut } = renderComparison(comparison, 2);
    const lines = rows.split("\n");
    // The heading and 100 rows: U1 2001 ... U1 2020 (20), ..., U5 2020 (the 100th); 60,000 − 100 = 59,900 left out.
    expect(lines.length).toBe(101);
    expect(lines[1]).toMatch(/^U1 +2001 +0\.00 /);
    expect(lines[100]).toMatch(/^U5 +2020 +99\.00 /);
    expect(leftOut).toBe(59_900);
    // Every year's Spearman line, 20 of them.
    expect(summary.split("\n").length).toBe(20);
  });
});
