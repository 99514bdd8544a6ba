/**
 * The terminal summary table (`renderIndexTable`): its year-on-year growth follows growth.csv's `change_percent`
 * (empty unless the previous value is above 0), and a change that rounds to zero prints one way.
 */
import { describe, expect, it } from "vitest";
import { formatGrowth } from "../../src/cli/render.js";
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
    [0.5, -1.5, ""], // a negative previous value (a z-score): no percent, as growth.csv
    [1, 0, ""], // a zero previous value
    [-1, 0.5, "-300.0%"], // a positive previous value, whatever the new one
    [Number.NaN, 100, ""],
    [100, Number.NaN, ""],
  ])("formatGrowth(%d, %d) is %j", (value, previous, expected) => {
    expect(formatGrowth(value, previous)).toBe(expected);
  });
});

describe("compute --format table", () => {
  it("shows no growth where growth.csv leaves change_percent empty (previous value not above 0), and 0.0% for no change", async () => {
    const tree = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\n";
    const values = "unit,year,indicator,value\nu1,2017,A1,-1\nu2,2017,A1,1\nu1,2018,A1,1\nu2,2018,A1,1\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const args = ["compute", "-i", "tree.csv", "-d", "values.csv", "--normalise", "z-score", "--z-scale", "0,1", "--out", "-"];
    const table = await runCli([...args, "--format", "table"], dir);
    expect(table.code).toBe(0);
    // z-scores over the four unit-years (-1, 1, 1, 1): mean 0.5, sample sd 1, so u1 goes from -1.5 to 0.5 and u2
    // stays at 0.5. u1's change from -1.5 has no percent; u2's is 0.
    expect(table.stdout).toBe(
      [
        "u1: index, normalised by z-score (growth on the previous year)",
        "code   name    2017  2018",
        "INDEX  Index  -1.50  0.50",
        "A      a      -1.50  0.50",
        "",
        "u2: index, normalised by z-score (growth on the previous year)",
        "code   name   2017         2018",
        "INDEX  Index  0.50  0.50 (0.0%)",
        "A      a      0.50  0.50 (0.0%)",
        "",
      ].join("\n"),
    );
    const growth = await runCli([...args, "--table", "growth"], dir);
    // unit,code,name,level,year,value,change,change_percent,...: empty for u1, 0 for u2.
    expect(growth.stdout).toContain("\nu1,INDEX,Index,0,2018,0.5000,2.0000,,");
    expect(growth.stdout).toContain("\nu2,INDEX,Index,0,2018,0.5000,0.0000,0.0000,");
  });
});
