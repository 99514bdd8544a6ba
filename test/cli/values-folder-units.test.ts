/**
 * A values folder mixing files without a unit column (one unit without a name) and files that name their units: the
 * unnamed unit would be read as one more unit, each lacking the other's years. Refused, naming the files; files that
 * all have a unit column, or none, are read as before.
 */
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nX,,x,1,+\n";

describe("a values folder with and without a unit column", () => {
  it("refuses a wide file without a unit column beside a long file naming its unit, naming both files", async () => {
    const dir = await makeTempDir({
      "t1.csv": TREE,
      "d/a.csv": "indicator,2017\nX,10\n",
      "d/b.csv": "unit,year,indicator,value\n常州,2018,X,20\n",
    });
    // Before: `indicator "X", unit "常州": no base value for 2017` and `no value for indicator "X", year 2018`, no file named.
    const run = await runCli(["compute", "-i", "t1.csv", "-d", "d", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`error: 1 problem found:\n${messages.unitColumnMixed("d", ["d/a.csv"], ["d/b.csv"], ["常州"])}\n`);
    expect(messages.unitColumnMixed("d", ["d/a.csv"], ["d/b.csv"], ["常州"])).toBe(
      'd: d/a.csv has no unit column (its values are of one unit without a name), but d/b.csv names its units ("常州"), so the values of one unit would be read as two; expected every file of a values folder with a unit column, or none: add a unit column to d/a.csv naming the unit of each row',
    );
    // validate says the same, with its code.
    const validate = await runCli(["validate", "-i", "t1.csv", "-d", "d", "--log-format", "json"], dir);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain('"E_UNIT_COLUMN_MIXED"');
  });

  it("reads a folder whose files all lack a unit column as the one unnamed unit, --unit naming it", async () => {
    const dir = await makeTempDir({
      "t1.csv": TREE,
      "d/a.csv": "indicator,2017\nX,10\n",
      "d/b.csv": "year,indicator,value\n2018,X,20\n",
    });
    const run = await runCli(["compute", "-i", "t1.csv", "-d", "d", "--unit", "常州", "--out", "out"], dir);
    expect(run.code).toBe(0);
    // 2018: 20/10·100 = 200.
    expect(run.stdout).toMatch(/^INDEX\s+Index\s+100\.00\s+200\.00 \(\+100\.0%\)$/m);
    expect(run.stdout).toContain("常州");
  });

  it("still reads a single wide file without a unit column as one unnamed unit", async () => {
    const dir = await makeTempDir({ "t1.csv": TREE, "wide.csv": "indicator,2017,2018\nX,10,15\n" });
    const run = await runCli(["compute", "-i", "t1.csv", "-d", "wide.csv", "--out", "out"], dir);
    expect(run.code).toBe(0);
    // 2018: 15/10·100 = 150.
    expect(run.stdout).toMatch(/^INDEX\s+Index\s+100\.00\s+150\.00 \(\+50\.0%\)$/m);
  });
});
