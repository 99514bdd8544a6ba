/**
 * A unit's name mistyped on one row of a values folder (`"园区",2019,B,…` where every other row says 园区甲): the run
 * fails on the unit that row made, and prints, beside its errors, the W_UNIT_LOOKALIKE warning naming both spellings
 * (before, warnings were never printed when the run failed), and places the errors about that unit at its row.
 * In-process (`runCli`), no build needed.
 */
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";

/**
 * A tree of 2 indicators (A, B: 0.5 each) and data/2017.csv to data/2019.csv, 园区甲 and 园区乙 with A and B each
 * year; in 2019 line 3 says "园区" for 园区甲's B. 园区甲 then has 5 values, 园区 1 (B 2019).
 */
async function project() {
  const row = (unit: string, year: number, indicator: string, value: number) => `${unit},${year},${indicator},${value}\n`;
  const file = (year: number, typo = "园区甲") =>
    `unit,year,indicator,value\n${row("园区甲", year, "A", year - 2016)}${row(typo, year, "B", year - 2015)}${row("园区乙", year, "A", year - 2014)}${row("园区乙", year, "B", year - 2013)}`;
  return makeTempDir({
    "tree.csv": "code,parent,name,weight,direction\nG,,g,1,\nA,G,a,0.5,+\nB,G,b,0.5,+\n",
    "data/2017.csv": file(2017),
    "data/2018.csv": file(2018),
    "data/2019.csv": file(2019, '"园区"'),
  });
}

const ARGS = ["validate", "--indicators", "tree.csv", "--data", "data"];
const LOOKALIKE = /units "园区甲" \(5 values\) and "园区" \(1 value, the first indicator "B", year 2019\) have names of which one begins with the other/;

describe("a failing run explains a unit's name mistyped on one row", () => {
  it("text: the look-alike warning at data/2019.csv:3, then the errors, those of 园区 at its row", async () => {
    const run = await runCli(ARGS, await project());
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split("\n");
    // The one warning first (the tree's weights sum to 1: no other), then the 4 problems: 园区's A 2019 and its empty
    // 2017 and 2018, all at its row (its base values of A and B, 2017, are missing with its empty 2017: that one
    // problem); 园区甲's B 2019, which no row holds, at the folder.
    // (At the unit column, the 1st of unit,year,indicator,value.)
    expect(lines[0]).toMatch(/^warning: data\/2019\.csv:3:1: /);
    expect(lines[0]).toMatch(LOOKALIKE);
    expect(lines[1]).toBe("error: 4 problems found:");
    expect(lines.slice(2).map((line) => line.slice(0, line.indexOf(": ")))).toEqual(["data/2019.csv:3", "data/2019.csv:3", "data/2019.csv:3", "data"]);
    expect(lines).toHaveLength(6);
  });

  it("JSON: a warning line with its code and place before the error lines", async () => {
    const run = await runCli(["--log-format", "json", ...ARGS], await project());
    expect(run.code).toBe(1);
    const records = run.stderr.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records[0]).toMatchObject({ level: "warning", code: "W_UNIT_LOOKALIKE", source: "data/2019.csv", line: 3, column: 1 });
    expect(records[0].message).toMatch(LOOKALIKE);
    // 4 problems and the exit code's line.
    expect(records.slice(1).map((record) => record.level)).toEqual(Array(5).fill("error"));
    expect(records.find((record) => record.code === "E_UNIT_YEAR_EMPTY")).toMatchObject({ source: "data/2019.csv", line: 3 });
  });

  it("--quiet: the errors alone, no warning", async () => {
    const run = await runCli([...ARGS, "--quiet"], await project());
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain("warning");
    expect(run.stderr).toContain("error: 4 problems found:");
  });

  it("under --missing mean the run still fails on 园区 (no base to fill from its own years), with the warning", async () => {
    // mean fills 园区's A 2019 and 园区甲's B 2019 from the other units; 园区's 2017 and 2018 stay empty unit-years
    // (its base values, 2017, missing with them: not said again): 2 problems.
    const run = await runCli([...ARGS, "--missing", "mean"], await project());
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(LOOKALIKE);
    expect(run.stderr).toContain("error: 2 problems found:");
  });

  it("in Chinese: the warning in Chinese words, naming both spellings", async () => {
    const run = await runCli(ARGS, await project(), { language: "zh" });
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toMatch(/^警告：data\/2019\.csv:3:1: 评价对象 "园区甲"（5 个数值）与 "园区"（1 个数值/);
  });
});
