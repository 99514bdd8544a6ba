/**
 * A value given both by an indicator's query (the tree's sql column) and by the values file: said at the values file's
 * line, naming the tree's row of the query (before, it was said "in" the tree with the values file's line number).
 */
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { makeTempDir, runCli } from "../helpers.js";

// Line 3 of ts.csv is X's row, with its query.
const TREE = `code,parent,name,weight,direction,sql
Y,,y,0.5,+,
X,,x,0.5,+,"SELECT unit, year, g::DOUBLE AS value FROM read_csv('p.csv')"
`;

describe("a value both a tree's query and the values file give", () => {
  it("is said at the values file's line, naming the tree's row of the query", async () => {
    const dir = await makeTempDir({
      "ts.csv": TREE,
      "p.csv": "unit,year,g\nU,2017,5\nU,2018,6\n",
      // Lines 4 and 5 give X, which the query gives too.
      "vxy.csv": "unit,year,indicator,value\nU,2017,Y,1\nU,2018,Y,2\nU,2017,X,3\nU,2018,X,4\n",
    });
    const run = await runCli(["compute", "-i", "ts.csv", "-d", "vxy.csv", "--out", "out"], dir);
    expect(run.code).toBe(1);
    // Before: `ts.csv: duplicate value for unit "U", year 2017, indicator "X" (first given on line 4)`, line 4 being vxy.csv's.
    expect(run.stderr).toBe(`error: 1 problem found:\nvxy.csv:4:4: ${messages.queryValueRepeated("X", "ts.csv:3", "U", 2017, 2)}\n`);
    expect(messages.queryValueRepeated("X", "ts.csv:3", "U", 2017, 2)).toBe(
      `value for unit "U", year 2017, indicator "X" (and 1 more value of this file), which the query of "X" also gives (the tree's sql column, ts.csv:3); expected each value of an indicator with a query from the query or from the values files, not both: remove its rows from this file, or its query from the tree`,
    );
  });

  it("names each file of a values folder that repeats the query's values, and still reports the values' other problems", async () => {
    const dir = await makeTempDir({
      "ts.csv": TREE,
      "p.csv": "unit,year,g\nU,2017,5\nU,2018,6\n",
      "d/2017.csv": "unit,year,indicator,value\nU,2017,Y,1\nU,2017,X,3\n",
      "d/2018.csv": "unit,year,indicator,value\nU,2018,Y,2\nU,2018,X,4\nU,2018,Z,9\n",
    });
    const run = await runCli(["validate", "-i", "ts.csv", "-d", "d"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`d/2017.csv:3:4: ${messages.queryValueRepeated("X", "ts.csv:3", "U", 2017, 1)}`);
    expect(run.stderr).toContain(`d/2018.csv:3:4: ${messages.queryValueRepeated("X", "ts.csv:3", "U", 2018, 1)}`);
    // Z, on line 4 of d/2018.csv, is no code of the tree: found in the same run.
    expect(run.stderr).toMatch(/^d\/2018\.csv:4(:\d+)?: unknown indicator "Z"/m);
  });

  it("takes a query's values beside the values file's values of other years", async () => {
    const dir = await makeTempDir({
      "ts.csv": TREE,
      "p.csv": "unit,year,g\nU,2018,6\n",
      // X's 2017 value from the file, its 2018 value from the query: no cell given twice.
      "vxy.csv": "unit,year,indicator,value\nU,2017,Y,1\nU,2018,Y,2\nU,2017,X,3\n",
    });
    const run = await runCli(["compute", "-i", "ts.csv", "-d", "vxy.csv", "--out", "out"], dir);
    expect(run.code).toBe(0);
    // 2018: Y 2/1·100 = 200, X 6/3·100 = 200: index 200.
    expect(run.stdout).toMatch(/^INDEX\s+Index\s+100\.00\s+200\.00 \(\+100\.0%\)$/m);
  });
});
