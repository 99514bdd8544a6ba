/**
 * `validate` on a broken tree and bad values reports the problems of both files in one run: the values are parsed
 * without the tree (numbers, years, layout, duplicates).
 */
import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { limitMessages } from "../../src/core/limit-messages.js";
import { messages } from "../../src/core/messages.js";
import { makeTempDir, runCli } from "../helpers.js";

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

async function validate(files: Record<string, string | Uint8Array>): Promise<{ code: number; lines: string[] }> {
  const dir = await makeTempDir(files);
  folders.push(dir);
  const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
  return { code: run.code, lines: run.stderr.trim().split("\n") };
}

describe("validate reports the tree's and the values' problems together", () => {
  it("a tree with an unknown parent, and values with a duplicate", async () => {
    const { code, lines } = await validate({
      "tree.csv": "code,parent,name,weight,direction\nX,,X,,\nX1,Y,x1,,+\n",
      "values.csv": "unit,year,indicator,value\nU,2017,X1,10\nU,2018,X1,12\nU,2017,X1,11\n",
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      // X, the one row with no children and no direction, one letter from Y, is named as the likely fix. Y is in
      // column 2, the header's "parent".
      "error: 2 problems found:",
      `tree.csv:3:2: ${messages.unknownParent("Y", "X")}`,
      `values.csv:4:4: ${messages.duplicateValue("U", 2017, "X1", 2)}`,
    ]);
  });

  it("a tree refused only for a direction or a weight: the values' codes are still checked against its codes", async () => {
    const { code, lines } = await validate({
      "tree.csv": "code,parent,name,weight,direction\nG,,g,,\nX1,G,a,,+\nX2,G,b,,q\n",
      "values.csv": "indicator,2017,2018\nX1,1,2\nQQ,1,1\nG,1,1\n",
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      // The tree's problems first (the file of the first problem), line 4's in the order they were found.
      "error: 4 problems found:",
      `tree.csv:4:5: ${messages.badDirection("X2", "q")}`,
      `tree.csv:4: ${messages.indicatorWithoutValues("X2")}`,
      `values.csv:3:1: ${messages.unknownIndicator("QQ")}`,
      `values.csv:4:1: ${messages.valueForGroup("G")}`,
    ]);
    // With a cell that cannot be read, "no values" is not said (the cell may hold them); the codes still are.
    const partial = await validate({
      "tree.csv": "code,parent,name,weight,direction\nG,,g,,\nX1,G,a,-1,+\nX2,G,b,2,+\n",
      "values.csv": "indicator,2017,2018\nX1,1,abc\nQQ,1,1\n",
    });
    expect(partial.lines).toEqual([
      "error: 3 problems found:",
      `tree.csv:3:4: ${messages.negativeWeight("X1", "-1")}`,
      `values.csv:2:3: ${messages.badValue("abc", "2018")}`,
      `values.csv:3:1: ${messages.unknownIndicator("QQ")}`,
    ]);
  });

  it("a tree refused for its structure (a cycle, a group's code mistyped): the values' unknown codes are still reported, nothing the broken structure implies", async () => {
    // G2 and G3 name each other as parent (a cycle); X1's parent G1 is mistyped as G1x, so G1x has no child and would
    // be taken for an indicator without values or a direction, which is not said: it is named as the likely fix. QQ is in no row of the tree. C1 and C2 are meant
    // as indicators but form a cycle, so each is the other's parent: their values are not called values of groups.
    const { code, lines } = await validate({
      "tree.csv": "code,parent,name,weight,direction\nG1x,,g1,,\nX1,G1,a,,+\nG2,G3,g2,,\nG3,G2,g3,,\nX2,G2,b,,+\nC1,C2,c1,,+\nC2,C1,c2,,+\n",
      "values.csv": "indicator,2017,2018\nX1,1,2\nX2,3,4\nQQ,1,1\nC1,1,1\n",
    });
    expect(code).toBe(1);
    expect(lines).toEqual([
      "error: 4 problems found:",
      `tree.csv:3:2: ${messages.unknownParent("G1", "G1x")}`,
      `tree.csv:4:2: ${messages.treeCycle(["G2", "G3", "G2"])}`,
      `tree.csv:7:2: ${messages.treeCycle(["C1", "C2", "C1"])}`,
      `values.csv:4:1: ${messages.unknownIndicator("QQ")}`,
    ]);
  });

  it("values naming no indicator of the tree, and a gap elsewhere: both in one run (the other values are still checked)", async () => {
    const { code, lines } = await validate({
      "tree.csv": "code,parent,name,weight,direction\nA,,a,,\nA1,A,x,,+\nA2,A,y,,+\n",
      "values.csv": "unit,year,indicator,value\nu,2019,A1,1\nu,2019,A2,2\nu,2020,A1,3\nu,2019,X9,4\n",
    });
    expect(code).toBe(1);
    // A2 of u has 2019 before the gap, and u is the only unit: interpolate, carry-forward, reweight. The gap's row is
    // left out (no line): the values file alone, first of the file's problems in file order.
    expect(lines).toEqual([
      "error: 2 problems found:",
      `values.csv: ${messages.missingValue("A2", "u", 2020, ["interpolate", "carry-forward", "reweight"])}`,
      `values.csv:5:3: ${messages.unknownIndicator("X9")}`,
    ]);
  });

  it("an unreadable (binary) tree, and values with a bad year, a bad number and a duplicate", async () => {
    const { code, lines } = await validate({
      "tree.csv": Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]),
      "values.csv": "unit,year,indicator,value\nU,2017,X1,ten\nU,20x8,X1,12\nU,2019,X1,1\nU,2019,X1,2\n",
    });
    expect(code).toBe(1);
    // A bad cell does not hide the structural problems of the rows around it: the duplicate among the good rows
    // (lines 4 and 5) is reported with them.
    expect(lines).toEqual([
      "error: 4 problems found:",
      limitMessages.binaryFile("tree.csv", "a PDF document"),
      `values.csv:2:4: ${messages.badValue("ten", "value")}`,
      `values.csv:3:2: ${messages.badYear("20x8")}`,
      `values.csv:5:4: ${messages.duplicateValue("U", 2019, "X1", 4)}`,
    ]);
  });

  it("an unreadable tree, and values without problems but a duplicate", async () => {
    const { lines } = await validate({
      "tree.csv": Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]),
      "values.csv": "unit,year,indicator,value\nU,2019,X1,1\nU,2019,X1,2\n",
    });
    expect(lines).toEqual(["error: 2 problems found:", limitMessages.binaryFile("tree.csv", "a PDF document"), `values.csv:3:4: ${messages.duplicateValue("U", 2019, "X1", 2)}`]);
  });

  it("a tree and a values file that are both unreadable", async () => {
    const dir = await makeTempDir({});
    folders.push(dir);
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: 2 problems found:\ntree\.csv: no such file; expected a readable file\nvalues\.csv: no such file; expected a readable file\n/);
  });
});
