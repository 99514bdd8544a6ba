/**
 * The method's checks on values read only in part (src/cli/method-checks.ts): a problem of the tree itself, or of an
 * option against the data's years and units, is kept beside a cell that is not a number, whichever node the cell feeds.
 */
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { makeTempDir, runCli } from "../helpers.js";

/** Group A's children both weigh 0, so A's weights sum to 0: a problem of the tree alone. */
const TREE = "code,parent,name,weight,direction\nA,,Dim A,0.5,\nA1,A,ind a1,0,+\nA2,A,ind a2,0,-\nB,,Dim B,0.5,\nB1,B,ind b1,1,+\n";
const VALUES = "unit,year,indicator,value\nX,2017,A1,1\nX,2017,A2,2\nX,2017,B1,3\nX,2018,A1,4\nX,2018,A2,5\nX,2018,B1,6\n";
const BAD_NUMBER = 'value "x" in column "value" is not a number; expected a number such as 1234.5, 1,234.5 or 1.96%, or an empty cell for a missing value';

async function problems(values: string, argv: string[] = []): Promise<string> {
  const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": values });
  const validate = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", ...argv], dir);
  const compute = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-", ...argv], dir);
  expect(validate.code).toBe(1);
  expect(compute.stderr).toBe(validate.stderr);
  return validate.stderr;
}

describe("the method's checks beside a cell that is not a number", () => {
  it("keep a problem of the tree's weights whatever group the cell feeds (before: dropped when the cell was under A)", async () => {
    const zeroSum = `tree.csv:3: ${messages.zeroWeightSum("A")}`;
    // The bad cell under A (line 5, X 2018 A1) and under B (line 7, X 2018 B1): the same two problems.
    expect(await problems(VALUES.replace("X,2018,A1,4", "X,2018,A1,x"))).toBe(`error: 2 problems found:\nvalues.csv:5:4: ${BAD_NUMBER}\n${zeroSum}\n`);
    expect(await problems(VALUES.replace("X,2018,B1,6", "X,2018,B1,x"))).toBe(`error: 2 problems found:\nvalues.csv:7:4: ${BAD_NUMBER}\n${zeroSum}\n`);
  });

  it("keep an option's value the data's years refuse (a base year absent from the data; before: dropped)", async () => {
    const tree = TREE.replace(/,0,/g, ",0.5,");
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": VALUES.replace("X,2018,A1,4", "X,2018,A1,x") });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--base-year", "2016"], dir);
    expect(run.stderr).toBe(`error: 2 problems found:\nvalues.csv:5:4: ${BAD_NUMBER}\n${messages.baseYearAbsent(2016, [2017, 2018])}\n`);
  });
});
