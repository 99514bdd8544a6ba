/**
 * The method's checks on values read only in part (src/cli/method-checks.ts): a problem of the tree itself, or of an
 * option against the data's years and units, is kept beside a cell that is not a number, whichever node the cell feeds.
 */
import { describe, expect, it } from "vitest";
import { joinChecks, rethrowWithMethodChecks } from "../../src/cli/method-checks.js";
import { messages } from "../../src/core/messages.js";
import { readerMessages } from "../../src/core/reader-messages.js";
import { weightingMessages } from "../../src/core/weighting/messages.js";
import { INDEX_CODE, type Tree } from "../../src/core/types.js";
import { ValidationError, type Issue } from "../../src/errors.js";
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
    const zeroSum = `tree.csv:3: ${messages.zeroWeightSum("A", "Dim A")}`;
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

describe("a judgement file's own problems beside a cell that is not a number, the tree valid (before: the cell's alone)", () => {
  // A1's 2018 value of unit X (values.csv line 5, column 4) is "x"; the tree's weights are valid.
  const tree = TREE.replace(/,0,/g, ",0.5,");
  const values = VALUES.replace("X,2018,A1,4", "X,2018,A1,x");
  const cell = `values.csv:5:4: ${BAD_NUMBER}`;

  async function bothSay(files: Record<string, string>, argv: string[]): Promise<string> {
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values, ...files });
    const validate = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", ...argv], dir);
    const compute = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-", ...argv], dir);
    expect(validate).toMatchObject({ code: 1, stdout: "" });
    expect(compute).toEqual({ ...validate });
    return validate.stderr;
  }

  it("a value that is no positive number (CSV: ahp.csv line 2, column 4, value)", async () => {
    const ahp = "group,a,b,value\nINDEX,A,B,abc\nA,A1,A2,3\n";
    expect(await bothSay({ "ahp.csv": ahp }, ["--weights", "ahp", "--ahp", "ahp.csv"])).toBe(
      ["error: 2 problems found:", cell, `ahp.csv:2:4: ${weightingMessages.badJudgementValue("abc")}`, ""].join("\n"),
    );
  });

  it("a matrix that is not reciprocal (YAML: 3 for A against B on line 4, 2 the other way on line 5, where 1/3 is expected)", async () => {
    const yaml = "INDEX:\n  order: [A, B]\n  matrix:\n    - [1, 3]\n    - [2, 1]\nA:\n  - [A1, A2, 2]\n";
    expect(await bothSay({ "ahp.yaml": yaml }, ["--weights", "ahp", "--ahp", "ahp.yaml"])).toBe(
      ["error: 2 problems found:", cell, `ahp.yaml:5: ${readerMessages.ahpNotReciprocal("INDEX", 3, "A", "B", 2)}`, ""].join("\n"),
    );
  });
});

describe("an error of the checks that is no ValidationError (a bug) is thrown on, not taken for no problem", () => {
  const bug = new TypeError("Cannot read properties of undefined (reading 'code')");
  const throwsBug = () => {
    throw bug;
  };
  const cellProblem: Issue = { code: "E_BAD_NUMBER", message: BAD_NUMBER, source: "values.csv", line: 5, column: 4 };

  it("rethrowWithMethodChecks with a valid tree and a cell not read (before: the cell's problem alone)", async () => {
    const tree: Tree = { nodes: [], roots: [], indicators: [], byCode: new Map() };
    const panel = { units: ["X"], years: [2017], indicators: [], values: new Float64Array(0) };
    const partlyRead = new ValidationError([cellProblem], undefined, { tree, panel, unreadable: new Set(["A1"]) });
    await expect(rethrowWithMethodChecks(partlyRead, throwsBug)).rejects.toBe(bug);
    // A check without problems still gives back the load's error itself.
    await expect(rethrowWithMethodChecks(partlyRead, () => undefined)).rejects.toBe(partlyRead);
  });

  it("joinChecks (before: the weighting's error alone, the bug hidden)", async () => {
    const weighting = new ValidationError([{ code: "E_UNKNOWN_WEIGHT_YEAR", message: "weight year 2030 absent" }]);
    await expect(joinChecks(weighting, throwsBug)).rejects.toBe(bug);
    // A check that finds a problem of its own adds it (the index root's code, to name a node).
    const more: Issue = { code: "E_BASE_YEAR_ABSENT", message: messages.baseYearAbsent(2016, [2017]), id: INDEX_CODE };
    const joined = await joinChecks(weighting, () => {
      throw new ValidationError([more]);
    });
    expect(joined.issues).toEqual([...weighting.issues, more]);
  });
});
