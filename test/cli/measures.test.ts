/**
 * The measure column of the values (`measure`, `计量单位`, as `template` writes it) against the tree's `unit` column
 * and across the files of a values folder: a mismatch is an input error, not a silently wrong index.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction,unit\nA,,Dim A,0.5,,\nA1,A,ind a1,0.5,+,%\nA2,A,ind a2,0.5,-,亿元\nB,,Dim B,0.5,,\nB1,B,ind b1,1,+,件\n";
const YEAR_2017 = "indicator,name,measure,2017\nA1,ind a1,%,10\nA2,ind a2,亿元,5\nB1,ind b1,件,3\n";
// A2 in 万元 in 2018 (40000 万元 = 4 亿元): read as written, the index of 2018 was 88.34 with exit 0.
const YEAR_2018 = "indicator,name,measure,2018\nA1,ind a1,％,12\nA2,ind a2,万元,40000\nB1,ind b1,个,3.5\n";

describe("the values' measure column", () => {
  it("refuses a values folder whose measures differ from the tree's, every such row in one run, and writes nothing", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "data/2017.csv": YEAR_2017, "data/2018.csv": YEAR_2018 });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "data", "--out", "out"], dir);
    expect(run.code).toBe(1);
    // ％ is % in full width: no problem. A2 and B1 of 2018.csv (lines 3 and 4, column 3) differ from the tree's rows 4 and 6.
    expect(run.stderr).toBe(
      [
        "error: 2 problems found:",
        `data/2018.csv:3:3: ${messages.measureMismatch("A2", "万元", "亿元", "tree.csv:4", true)}`,
        `data/2018.csv:4:3: ${messages.measureMismatch("B1", "个", "件", "tree.csv:6", true)}`,
        "",
      ].join("\n"),
    );
    expect(await listDir(join(dir, "out"))).toEqual([]);
  });

  it("without measures in the tree, refuses measures that differ between the files of one indicator", async () => {
    const tree = TREE.replace(/,unit\n/, "\n").replace(/,(%|亿元|件)?\n/g, "\n");
    const dir = await makeTempDir({ "tree.csv": tree, "data/2017.csv": YEAR_2017, "data/2018.csv": YEAR_2018.replace("个", "件") });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "data"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: 1 problem found:\ndata/2018.csv:3:3: ${messages.measureMismatch("A2", "万元", "亿元", "data/2017.csv:3:3", false)}\n`);
    // Measures that agree, or are left empty, are fine.
    const agreeing = await makeTempDir({ "tree.csv": TREE, "values.csv": "indicator,name,计量单位,2017,2018\nA1,ind a1,％,1,2\nA2,ind a2, 亿元 ,3,4\nB1,ind b1,,5,6\n" });
    expect((await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], agreeing)).code).toBe(0);
  });

  it("says once that a unit column holding measures was meant as the measure column", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": "indicator,name,unit,2017,2018\nA1,ind a1,%,1,2\nA2,ind a2,亿元,3,4\nB1,ind b1,件,5,6\n" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: 1 problem found:\nvalues.csv:1:3: ${messages.unitColumnOfMeasures("unit", ["%", "亿元", "件"])}\n`);
  });
});
