/**
 * The terminal is a summary, the files hold everything: `compute`, `report` and `uncertainty` print their first
 * `SUMMARY_UNITS` (20) units, in the order of the units, and then how many more there are and which file holds them all
 * (`terminalMessages.moreUnits`); `compute --format table` prints every unit.
 */
import { describe, expect, it } from "vitest";
import { SUMMARY_UNITS } from "../../src/cli/render.js";
import { makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\n";

/** `count` units U01, U02, ... with one value each in 2017 (the unit's number), so every index is 100 (its own base). */
const values = (count: number) =>
  ["unit,year,indicator,value", ...Array.from({ length: count }, (_, u) => `U${String(u + 1).padStart(2, "0")},2017,A1,${u + 1}`), ""].join("\n");

/**
 * The table of units `from` to `to`: each a block of its title and rows (code and name left-aligned in columns 5 wide,
 * "2017" right-aligned under "100.00"), the blocks one blank line apart.
 */
const blocks = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) =>
    [
      `U${String(from + i).padStart(2, "0")}: index, base year 2017 = 100 (growth on the previous year)`,
      "code   name     2017",
      "INDEX  Index  100.00",
      "A      a      100.00",
    ].join("\n"),
  ).join("\n\n") + "\n";

describe("the summary of many units on the terminal", () => {
  it("is cut at 20 units", () => expect(SUMMARY_UNITS).toBe(20));

  it("compute prints the first 20 of 22 units, then that 2 more are in out/index.csv and --format table prints them all", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values(22) });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(blocks(1, 20));
    // 22 − 20 = 2 more, before the files written.
    const lines = run.stderr.split("\n");
    expect(lines[0]).toBe("… and 2 more units (out/index.csv holds them all; run with --format table to print them all)");
    expect(lines[1]).toMatch(/^wrote index\.csv, .* to out$/);
  });

  it("compute --format table prints every unit, without the line", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values(22) });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out", "--format", "table"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(blocks(1, 22));
    expect(run.stderr).not.toContain("more unit");
  });

  it("compute prints all of 20 units, without the line", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values(20) });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out/"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(blocks(1, 20));
    expect(run.stderr).not.toContain("more unit");
  });

  it("compute -q prints nothing", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values(22) });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out", "-q"], dir);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, "", ""]);
  });

  it("report prints the first 20 of 21 units, then that 1 more is in its report.html (the folder's slash not doubled)", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values(21) });
    const run = await runCli(["report", "-i", "tree.csv", "-d", "values.csv", "--out", "reports/"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(blocks(1, 20));
    expect(run.stderr).toBe("… and 1 more unit (reports/report.html holds them all)\nwrote report.html to reports/\n");
  });

  it("uncertainty prints the intervals of the first 20 of 22 units, then that 2 more are in out/uncertainty.csv", async () => {
    const tree = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\nA2,A,a2,1,+\n";
    const rows = ["unit,year,indicator,value"];
    for (let u = 1; u <= 22; u++) rows.push(`U${String(u).padStart(2, "0")},2017,A1,${u}`, `U${String(u).padStart(2, "0")},2017,A2,${23 - u}`);
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": rows.join("\n") + "\n" });
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--normalisations", "min-max,z-score", "-n", "8", "--out", "out"], dir);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split("\n");
    // Its title, the headings, then U01 to U20, a blank line and the shares of the variance.
    expect(lines[0]).toMatch(/^uncertainty of the overall index in 2017 \(8 replications/);
    expect(lines.slice(2, 22).map((line) => line.split(" ")[0])).toEqual(Array.from({ length: 20 }, (_, u) => `U${String(u + 1).padStart(2, "0")}`));
    expect(lines[22]).toBe("");
    expect(lines[23]).toBe("share of the variance of the index explained by each choice (all units, 2017)");
    expect(run.stderr.split("\n")).toContain("… and 2 more units (out/uncertainty.csv holds them all)");
  });
});
