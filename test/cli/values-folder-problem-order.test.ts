/**
 * The problems of a run reading a values folder are printed in the folder's file order (by name), then by line and
 * column, wherever they were found: a problem the method's checks add (a zero base value, E_BASE_ZERO) in 2017.csv
 * comes before a loading problem (a cell that is not a number) in 2018.csv, though the checks run after the loading.
 */
import { describe, expect, it } from "vitest";
import { makeTempDir, runCli } from "../helpers.js";

describe("the problems of a values folder", () => {
  it("list a method check's problem of the first file before a loading problem of the second", async () => {
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nA,,a,0.5,+\nB,,b,0.5,+\n",
      // A's base value (2017) is 0: line 2, the value in column 4. B's 2018 value is no number: line 3 of 2018.csv.
      "data/2017.csv": "unit,year,indicator,value\nu,2017,A,0\nu,2017,B,5\n",
      "data/2018.csv": "unit,year,indicator,value\nu,2018,A,4\nu,2018,B,abc\n",
    });
    for (const command of ["compute", "validate"]) {
      const run = await runCli([command, "-i", "tree.csv", "-d", "data", ...(command === "compute" ? ["--out", "out"] : [])], dir);
      expect(run.code).toBe(1);
      // The unreadable cell feeds B (and the index), not A: A's zero base value is found beside it, and printed first.
      expect(run.stderr).toBe(
        [
          "error: 2 problems found:",
          'data/2017.csv:2:4: indicator "A", unit "u": the base value (2017) is 0, so a fixed-base index is undefined; expected a non-zero base value',
          'data/2018.csv:3:4: value "abc" in column "value" is not a number; expected a number such as 1234.5, 1,234.5 or 1.96%, or an empty cell for a missing value',
          "",
        ].join("\n"),
      );
    }
  });
});
