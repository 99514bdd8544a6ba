/**
 * compute warns of codes and unit names Excel shows otherwise when it opens the CSV files (W_CSV_SHOWN_OTHERWISE),
 * names index.xlsx when it is written, and leaves the warning a warning under --strict (advice on viewing, not a fault).
 */
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { makeTempDir, runCli } from "../helpers.js";

// Codes numbered as Chinese indicator systems often are: 1.1 and 1.10 both show as 1.1 in Excel; the unit 01 as 1.
const TREE = "code,parent,name,weight,direction\n1,,first,1,\n1.1,1,a,0.5,+\n1.10,1,b,0.5,+\n";
const VALUES = "unit,year,indicator,value\n01,2017,1.1,10\n01,2017,1.10,20\n01,2018,1.1,11\n01,2018,1.10,22\nZone,2017,1.1,5\nZone,2017,1.10,8\nZone,2018,1.1,6\nZone,2018,1.10,9\n";

describe("W_CSV_SHOWN_OTHERWISE", () => {
  it("names 1.10 (as 1.1) and the unit 01 (as 1), once, and index.xlsx when it is written", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    const listed = [
      { text: "1.10", shown: { kind: "number", shown: "1.1" } },
      { text: "01", shown: { kind: "number", shown: "1" } },
    ] as const;
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split(messages.csvTextsShownOtherwise(listed, 2, false)).length).toBe(2);
    const withWorkbook = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out-x", "--xlsx", "--strict"], dir);
    expect(withWorkbook.code, withWorkbook.stderr).toBe(0);
    expect(withWorkbook.stderr).toContain(`warning: ${messages.csvTextsShownOtherwise(listed, 2, true)}`);
  });

  it("says nothing for codes Excel shows as written (the shipped example's A11, or 1.1.1), nor without a CSV file", async () => {
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\n1,,first,1,\n1.1.1,1,a,0.5,+\n1.1.2,1,b,0.5,+\n",
      "values.csv": "unit,year,indicator,value\nZone,2017,1.1.1,10\nZone,2017,1.1.2,20\nZone,2018,1.1.1,11\nZone,2018,1.1.2,22\n",
      "odd-tree.csv": TREE,
      "odd-values.csv": VALUES,
    });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "out"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain("warning");
    // JSON on stdout: no CSV file, so nothing to say of 1.10 and 01.
    const json = await runCli(["compute", "-i", "odd-tree.csv", "-d", "odd-values.csv", "--out", "-", "--format", "json"], dir);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).not.toContain("Excel shows otherwise");
    // The same as CSV on stdout: said.
    const csv = await runCli(["compute", "-i", "odd-tree.csv", "-d", "odd-values.csv", "--out", "-", "--format", "csv"], dir);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stderr).toContain("Excel shows otherwise");
  });
});
