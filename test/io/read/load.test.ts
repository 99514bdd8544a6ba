/**
 * Where `loadInputs` and the checks after it place a problem: the cell of a long-layout file (its value column, as a
 * wide file's cell), a tree's parent column for a cycle, and a values folder's problems in the order its files are read.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeIndex } from "../../../src/core/compute.js";
import { messages } from "../../../src/core/messages.js";
import { formatIssue } from "../../../src/errors.js";
import { loadInputs } from "../../../src/io/read/load.js";
import { issuesOf, makeTempDir } from "../../helpers.js";

const TREE = "code,parent,name,weight,direction\nX,,x,,\nX1,X,x1,,+\nX2,X,x2,,+\n";

/** Where each problem is placed: code, file, line, column. */
const places = (issues: { code: string; source?: string; line?: number; column?: string | number }[]) =>
  issues.map(({ code, source, line, column }) => [code, source, line, column]);

/** The problems of computing the fixed-base index (the default) of `values`, read from `data` beside the tree `TREE`. */
async function computeProblems(files: Record<string, string>, data: string, options: { keepSources?: boolean } = {}) {
  const dir = await makeTempDir({ "t.csv": TREE, ...files });
  const { tree, panel, records } = await loadInputs(join(dir, "t.csv"), join(dir, data), { tree: "t.csv", data }, options);
  return { issues: await issuesOf(Promise.resolve().then(() => computeIndex(tree, panel))), records };
}

describe("a long-layout cell's problem names the value column, as a wide file's names its cell", () => {
  // The value column is the 3rd (`year,unit,value,indicator`); line 4 (the header is line 1) gives U2's X1 in 2017,
  // the base year (the earliest), as 0: its fixed-base index is undefined there.
  const LONG = "year,unit,value,indicator\n2017,U1,5,X1\n2017,U1,4,X2\n2017,U2,0,X1\n2017,U2,2,X2\n2018,U1,6,X1\n2018,U1,5,X2\n2018,U2,1,X1\n2018,U2,3,X2\n";
  const zeroBase = messages.baseValueZero("X1", "U2", 2017);

  it("read the fast way (a plain CSV file): v.csv, line 4, column 3", async () => {
    const { issues, records } = await computeProblems({ "v.csv": LONG }, "v.csv");
    // The fast path keeps no record's line (its records are rebuilt from the panel): this was that path.
    expect(records[0].line).toBeUndefined();
    expect(places(issues)).toEqual([["E_BASE_ZERO", "v.csv", 4, 3]]);
    expect(issues[0].message).toBe(zeroBase);
  });

  it("read the general way (a source column kept): the same place", async () => {
    const withSources = LONG.replace(/\n/g, ",NBS\n").replace("indicator,NBS", "indicator,source");
    const { issues, records } = await computeProblems({ "v.csv": withSources }, "v.csv", { keepSources: true });
    expect(records[0]).toMatchObject({ line: 2, valueColumn: 3, source: "NBS" });
    expect(places(issues)).toEqual([["E_BASE_ZERO", "v.csv", 4, 3]]);
  });

  it("a wide file keeps its cell: the 2017 column (3) of U2's X1 row (line 4)", async () => {
    const wide = "unit,indicator,2017,2018\nU1,X1,5,6\nU1,X2,4,5\nU2,X1,0,1\nU2,X2,2,3\n";
    const { issues } = await computeProblems({ "v.csv": wide }, "v.csv");
    expect(places(issues)).toEqual([["E_BASE_ZERO", "v.csv", 4, 3]]);
  });

  it("a folder whose long files hold the value in different columns: each file's own (b.csv's is the 1st)", async () => {
    const files = {
      "data/a.csv": "unit,year,indicator,value\nU1,2017,X1,5\nU1,2017,X2,4\nU1,2018,X1,6\nU1,2018,X2,5\n",
      // U2's X1 of 2017 is 0, on line 2 of b.csv, in its first column.
      "data/b.csv": "value,unit,year,indicator\n0,U2,2017,X1\n2,U2,2017,X2\n1,U2,2018,X1\n3,U2,2018,X2\n",
    };
    const { issues } = await computeProblems(files, "data");
    expect(places(issues)).toEqual([["E_BASE_ZERO", "data/b.csv", 2, 1]]);
  });
});

describe("a cycle in the tree names the parent's cell, file:line:column", () => {
  it("上级 (column 2) for a tree headed in Chinese: the row of the cycle's first member (line 4)", async () => {
    // C1's parent is C2 (line 4), C2's is C1 (line 5): the cycle is reported at C1's row, where it is first met, in
    // the parent's column 上级, the 2nd of the header.
    const tree = "代码,上级,名称,权重,方向\nX,,x,,\nX1,X,x1,,+\nC1,C2,c1,,+\nC2,C1,c2,,+\n";
    const dir = await makeTempDir({ "t.csv": tree, "v.csv": "unit,year,indicator,value\nU,2017,X1,1\n" });
    const issues = await issuesOf(loadInputs(join(dir, "t.csv"), join(dir, "v.csv"), { tree: "t.csv", data: "v.csv" }));
    expect(places(issues)).toEqual([["E_TREE_CYCLE", "t.csv", 4, 2]]);
    expect(formatIssue(issues[0]).startsWith("t.csv:4:2: ")).toBe(true);
    expect(issues[0].message).toBe(messages.treeCycle(["C1", "C2", "C1"]));
  });
});

describe("a values folder's problems, in the order its files are read (by name), then line, then column", () => {
  it("2017.csv's unknown code before 2018.csv's text and unknown code (before: the texts of every file first)", async () => {
    // 2017.csv: line 3 names Q, no code of the tree (the indicator's column, 3). 2018.csv: line 2's value is "abc" (the
    // value's column, 4), line 3 names Q too. The reader finds the texts of every file, then the codes of every file.
    const dir = await makeTempDir({
      "t.csv": TREE,
      "data/2018.csv": "unit,year,indicator,value\nU,2018,X1,abc\nU,2018,Q,1\nU,2018,X2,2\n",
      "data/2017.csv": "unit,year,indicator,value\nU,2017,X1,1\nU,2017,Q,1\nU,2017,X2,2\n",
    });
    const issues = await issuesOf(loadInputs(join(dir, "t.csv"), join(dir, "data"), { tree: "t.csv", data: "data" }));
    expect(places(issues)).toEqual([
      ["E_UNKNOWN_INDICATOR", "data/2017.csv", 3, 3],
      ["E_BAD_NUMBER", "data/2018.csv", 2, 4],
      ["E_UNKNOWN_INDICATOR", "data/2018.csv", 3, 3],
    ]);
    expect(issues.map((issue) => issue.message)).toEqual([messages.unknownIndicator("Q"), messages.badValue("abc", "value"), messages.unknownIndicator("Q")]);
  });

  it("the tree's problems stay first; b.csv's text, found first, after a.csv's value given twice", async () => {
    // The tree gives X1 the weight "heavy" (line 3, the weight's column 4) and X2 none (line 4): weights given and left
    // empty beside each other, said at X2's row. a.csv gives U 2017 X1 on lines 2 and 3 (the second at the value's
    // column, 4); b.csv's line 2 value is "abc". The reader finds b.csv's text before the values given twice.
    const dir = await makeTempDir({
      "t.csv": TREE.replace("X1,X,x1,,+", "X1,X,x1,heavy,+"),
      "data/b.csv": "unit,year,indicator,value\nU,2017,X2,abc\n",
      "data/a.csv": "unit,year,indicator,value\nU,2017,X1,1\nU,2017,X1,3\n",
    });
    const issues = await issuesOf(loadInputs(join(dir, "t.csv"), join(dir, "data"), { tree: "t.csv", data: "data" }));
    expect(places(issues)).toEqual([
      ["E_BAD_WEIGHT", "t.csv", 3, 4],
      ["E_MIXED_WEIGHTS", "t.csv", 4, "weight"],
      ["E_DUPLICATE_VALUE", "data/a.csv", 3, 4],
      ["E_BAD_NUMBER", "data/b.csv", 2, 4],
    ]);
  });
});
