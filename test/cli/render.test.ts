/**
 * The terminal summary table (`renderIndexTable`): on a ratio scale (fixed-base and the other `100 · ratio` scores)
 * its year-on-year growth follows growth.csv's `change_percent` (empty unless the previous value is above 0); on any
 * other scale (min-max, z-scores, ...), where 0 is no natural zero, it is growth.csv's `change`, in points. A change
 * that rounds to zero prints one way.
 */
import { describe, expect, it } from "vitest";
import { formatChange, formatGrowth, signedText } from "../../src/cli/render.js";
import { makeTempDir, runCli } from "../helpers.js";

describe("formatGrowth(value, previous)", () => {
  // 100 · (value − previous) / previous, one decimal; signed as the rounded figure.
  it.each([
    [110, 100, "+10.0%"],
    [90, 100, "-10.0%"],
    [115.5, 100, "+15.5%"],
    [100, 100, "0.0%"],
    [100.04, 100, "0.0%"], // +0.04 % rounds to 0.0: no sign, as -0.04 %
    [99.96, 100, "0.0%"],
    [100.06, 100, "+0.1%"],
    [100.05, 100, "+0.1%"], // 100 · 0.05 / 100 = 0.05, half up 0.1 (the binary difference 0.04999999999999716 gave 0.0%)
    [0.5, -1.5, ""], // a negative previous value (a z-score): no percent, as growth.csv
    [1, 0, ""], // a zero previous value
    [-1, 0.5, "-300.0%"], // a positive previous value, whatever the new one
    [Number.NaN, 100, ""],
    [100, Number.NaN, ""],
  ])("formatGrowth(%d, %d) is %j", (value, previous, expected) => {
    expect(formatGrowth(value, previous)).toBe(expected);
  });
});

describe("formatChange(value, previous, decimals)", () => {
  // value − previous with `decimals` decimals; signed as the rounded figure.
  it.each([
    [30.5, 0, 2, "+30.50"], // from a min-max 0: a change in points, where a percent would be undefined
    [66.15, 30.5, 2, "+35.65"],
    [0.5, -1.5, 2, "+2.00"], // from a negative z-score
    [95, 100, 2, "-5.00"],
    [100, 100, 2, "0.00"],
    [100.004, 100, 2, "0.00"], // +0.004 rounds to 0.00: no sign, as -0.004
    [99.996, 100, 2, "0.00"],
    [12.34, 10, 1, "+2.3"],
    [100.05, 100, 1, "+0.1"], // 100.05 − 100 = 0.05, half up 0.1 (the binary difference 0.04999999999999716 gave 0.0)
    [100, 100.05, 1, "-0.1"],
    [100.00375, 100, 4, "+0.0038"], // 0.00375 half up (the binary 0.0037499999999965894 gave +0.0037)
    [Number.NaN, 100, 2, ""],
    [100, Number.NaN, 2, ""],
  ])("formatChange(%d, %d, %d) is %j", (value, previous, decimals, expected) => {
    expect(formatChange(value, previous, decimals)).toBe(expected);
  });
});

describe("signedText(text): a printed change signed as printed", () => {
  it.each([
    ["0.0001", "+0.0001"],
    ["0.0000", "0.0000"], // rounds to zero: no sign either way (formatValue writes no -0.0000)
    ["-4.50", "-4.50"],
    ["12.3", "+12.3"],
    ["", ""],
  ])("signedText(%j) is %j", (text, expected) => {
    expect(signedText(text)).toBe(expected);
  });
});

describe("compute (the summary table)", () => {
  const tree = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\n";
  const values = "unit,year,indicator,value\nu,2017,A1,10\nu,2018,A1,20\nu,2019,A1,25\n";

  it("gives the growth in percent on the previous year for a fixed-base index", async () => {
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out"], dir);
    expect(run.code).toBe(0);
    // 100·x/10: 100, 200 (+100.0 %), 250 (+25.0 %).
    expect(run.stdout).toBe(
      [
        "u: index, base year 2017 = 100 (growth on the previous year)",
        "code   name     2017              2018             2019",
        "INDEX  Index  100.00  200.00 (+100.0%)  250.00 (+25.0%)",
        "A      a      100.00  200.00 (+100.0%)  250.00 (+25.0%)",
        "",
      ].join("\n"),
    );
  });

  it("gives the change in points, not in percent, for min-max scores (0 is no natural zero there)", async () => {
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--out", "out"], dir);
    expect(run.code).toBe(0);
    // 100·(x − 10)/(25 − 10): 0, 66.67 (+66.67 points; in percent, from 0, it would be undefined), 100 (+33.33).
    expect(run.stdout).toBe(
      [
        "u: index, normalised by min-max (change on the previous year, in points)",
        "code   name   2017            2018             2019",
        "INDEX  Index  0.00  66.67 (+66.67)  100.00 (+33.33)",
        "A      a      0.00  66.67 (+66.67)  100.00 (+33.33)",
        "",
      ].join("\n"),
    );
  });
});

describe("compute (the summary table) with an indicator moved to a later base year (--zero-base first-nonzero)", () => {
  // A1 is 0 in the base year 2017, so its base moves to 2018 (W_ZERO_BASE_SHIFTED): A1 = 100·(0, 10, 20)/10 = 0, 100,
  // 200; A2 = 100·(10, 20, 25)/10 = 100, 200, 250; A and INDEX their mean, 50, 150 (+200.0 %), 225 (+50.0 %): not 100
  // in 2017, which the title says.
  const tree = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\nA2,A,a2,1,+\n";
  const values = "unit,year,indicator,value\nu,2017,A1,0\nu,2018,A1,10\nu,2019,A1,20\nu,2017,A2,10\nu,2018,A2,20\nu,2019,A2,25\n";
  const args = ["compute", "-i", "tree.csv", "-d", "values.csv", "--zero-base", "first-nonzero", "--out", "out"];

  it("says in the title how many indicators are on a later base year, which, and the warning's code", async () => {
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const run = await runCli(args, dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('warning: indicator "A1": a base value (2017) is 0, so its fixed-base index uses 2018 as its base (100 in 2018), not 2017\n');
    expect(run.stdout).toBe(
      [
        'u: index, base year 2017 = 100 (1 indicator on a later base year: "A1"; see W_ZERO_BASE_SHIFTED) (growth on the previous year)',
        "code   name    2017              2018             2019",
        "INDEX  Index  50.00  150.00 (+200.0%)  225.00 (+50.0%)",
        "A      a      50.00  150.00 (+200.0%)  225.00 (+50.0%)",
        "",
      ].join("\n"),
    );
  });

  it("says so in Chinese on a Chinese terminal", async () => {
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const run = await runCli(args, dir, { language: "zh" });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe('u：指数，基期 2017 年 = 100（1 个指标以更晚的年份为基期："A1"；见 W_ZERO_BASE_SHIFTED）（括号内为比上年增长）');
  });

  it("keeps the plain title when no base value is 0 (the policy moved nothing)", async () => {
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values.replace("u,2017,A1,0", "u,2017,A1,5") });
    const run = await runCli(args, dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe("u: index, base year 2017 = 100 (growth on the previous year)");
  });
});

describe("compute (the summary table) with a group scored against the others", () => {
  it("says the indicators are at the base year and the groups by TOPSIS, in points", async () => {
    // Two indicators of one zone, fixed-base: A1 100, 200, 250 and A2 100, 50, 75; TOPSIS over the years, weights 0.5:
    // v = (50, 100, 125) and (50, 25, 37.5); best (125, 50), worst (50, 25). 2017: D⁺ = 75, D⁻ = 25: 25;
    // 2018: D⁺ = √(25² + 25²), D⁻ = 50: 100·50/(50 + 35.355) = 58.58; 2019: D⁺ = 12.5, D⁻ = √(75² + 12.5²) = 76.03:
    // 85.88; the index is the arithmetic mean of its one child A.
    const tree = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\nA2,A,a2,1,+\n";
    const values = "unit,year,indicator,value\nu,2017,A1,10\nu,2018,A1,20\nu,2019,A1,25\nu,2017,A2,10\nu,2018,A2,5\nu,2019,A2,7.5\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--aggregate", "topsis,0=arithmetic", "--out", "out"], dir);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("u: index, indicators at base year 2017 = 100, groups by topsis (change on the previous year, in points)");
    expect(lines[2]).toBe("INDEX  Index  25.00  58.58 (+33.58)  85.88 (+27.30)");
    expect(lines[3]).toBe("A      a      25.00  58.58 (+33.58)  85.88 (+27.30)");
  });
});

describe("compute --format table", () => {
  it("gives z-scores' change in points (growth.csv's change), where a percent of a negative score has no meaning", async () => {
    const tree = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\n";
    const values = "unit,year,indicator,value\nu1,2017,A1,-1\nu2,2017,A1,1\nu1,2018,A1,1\nu2,2018,A1,1\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const args = ["compute", "-i", "tree.csv", "-d", "values.csv", "--normalise", "z-score", "--z-scale", "0,1", "--out", "-"];
    const table = await runCli([...args, "--format", "table"], dir);
    expect(table.code).toBe(0);
    // z-scores over the four unit-years (-1, 1, 1, 1): mean 0.5, sample sd 1, so u1 goes from -1.5 to 0.5 (+2.00
    // points; no percent, from a negative score) and u2 stays at 0.5 (0.00).
    expect(table.stdout).toBe(
      [
        "u1: index, normalised by z-score (change on the previous year, in points)",
        "code   name    2017          2018",
        "INDEX  Index  -1.50  0.50 (+2.00)",
        "A      a      -1.50  0.50 (+2.00)",
        "",
        "u2: index, normalised by z-score (change on the previous year, in points)",
        "code   name   2017         2018",
        "INDEX  Index  0.50  0.50 (0.00)",
        "A      a      0.50  0.50 (0.00)",
        "",
      ].join("\n"),
    );
    const growth = await runCli([...args, "--table", "growth"], dir);
    // unit,code,name,level,year,value,change,change_percent,average_change,cagr_percent: the change in points, as the
    // table, and no percent at all on this scale (not even u2's 0.5 -> 0.5), as the table gives none.
    expect(growth.stdout).toContain("\nu1,INDEX,Index,0,2018,0.5000,2.0000,,2.0000,\n");
    expect(growth.stdout).toContain("\nu2,INDEX,Index,0,2018,0.5000,0.0000,,0.0000,\n");
  });
});
