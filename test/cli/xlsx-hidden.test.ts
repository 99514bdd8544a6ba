/**
 * Every command that reads a workbook says which of its rows and columns Excel hides but the tool reads
 * (`W_XLSX_HIDDEN`), and refuses them under `--strict` where it has the flag: a tree workbook beside values of any
 * kind, the tree alone (`template`), a COINr iMeta workbook (`import-coinr`), `weights` without `--optimise`, and a
 * project's runs. Each workbook hides its row by a height of zero, as Excel saves a row dragged shut.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listDir, makeTempDir, runCli } from "../helpers.js";
import { sheetDraggedShut } from "../io/read/workbook-xml.js";

const HOW =
  "but read like the visible ones (their values count; a hidden row repeating a visible one is a duplicate); expected in the sheet only the rows and columns to read: delete those to leave out (hiding or filtering them out leaves them in)";
/** The warning line of a sheet `source` whose sheet row 3 is hidden, dragged shut (a height of 0, under 1 point). */
const row3 = (source: string) => `warning: ${source}: row 3 is hidden in Excel (under 1 point high) ${HOW}\n`;

/** A tree of X and Y whose row of Y (sheet row 3) is dragged shut, and the values of both for U1 and U2 in 2017 and 2018. */
async function treeFolder(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  return makeTempDir({
    "tree.xlsx": await sheetDraggedShut("data", [["code", "parent", "name", "weight", "direction"], ["X", "", "x", "", "+"], ["Y", "", "y", "", "+"]], [3]),
    "values.csv": "unit,year,indicator,value\nU1,2017,X,1\nU1,2018,X,2\nU2,2017,X,2\nU2,2018,X,3\nU1,2017,Y,4\nU1,2018,Y,5\nU2,2017,Y,3\nU2,2018,Y,6\n",
    ...files,
  });
}

describe("W_XLSX_HIDDEN on every command that reads a workbook", () => {
  it("template: warns of the tree's hidden row, whose indicator it still writes a row for (before: silent)", async () => {
    const dir = await treeFolder();
    const run = await runCli(["template", "-i", "tree.xlsx", "--years", "2017", "--out", "v.csv"], dir);
    // X and Y, one year: 2 rows to fill in.
    expect(run).toEqual({ code: 0, stdout: "", stderr: `${row3("tree.xlsx[data]")}wrote v.csv: 2 rows to fill in\n` });
    expect(await readFile(join(dir, "v.csv"), "utf8")).toContain("\nY,y,");
  });

  it("weights: warns without --optimise too, and refuses under --strict (before: silent, and written)", async () => {
    const dir = await treeFolder();
    const run = await runCli(["weights", "-i", "tree.xlsx", "-d", "values.csv"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr.startsWith(row3("tree.xlsx[data]"))).toBe(true);
    // Once, also with --optimise, whose index gives it.
    const optimised = await runCli(["weights", "-i", "tree.xlsx", "-d", "values.csv", "--optimise"], dir);
    expect([optimised.code, optimised.stderr.split(row3("tree.xlsx[data]")).length - 1]).toEqual([0, 1]);
    const strict = await runCli(["weights", "-i", "tree.xlsx", "-d", "values.csv", "--strict", "--out", "w.csv", "--log-format", "json"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('"code":"E_XLSX_HIDDEN"');
    expect(await listDir(dir)).toEqual(["tree.xlsx", "values.csv"]);
  });

  it("compute, validate: warn of a tree workbook's hidden row beside CSV and .sql values, and refuse it under --strict", async () => {
    const dir = await treeFolder({
      "values.sql": "SELECT * FROM (VALUES ('U1', 2017, 'X', 1.0), ('U1', 2018, 'X', 2.0), ('U1', 2017, 'Y', 4.0), ('U1', 2018, 'Y', 5.0)) t(unit, year, indicator, value)",
    });
    for (const values of ["values.csv", "values.sql"]) {
      const validate = await runCli(["validate", "-i", "tree.xlsx", "-d", values], dir);
      expect([values, validate.code, validate.stderr]).toEqual([values, 0, row3("tree.xlsx[data]")]);
      const strict = await runCli(["compute", "-i", "tree.xlsx", "-d", values, "--strict", "--out", "out", "--log-format", "json"], dir);
      expect([values, strict.code, strict.stderr.includes('"code":"E_XLSX_HIDDEN"')]).toEqual([values, 1, true]);
    }
    expect(await listDir(dir)).toEqual(["tree.xlsx", "values.csv", "values.sql"]);
  });

  it("import-coinr: warns of an iMeta workbook's hidden row, which it imports like the others", async () => {
    // Sheet row 3 of the iMeta (I2) dragged shut: I2 is still imported, with its values.
    const meta = [
      ["iCode", "iName", "Level", "Parent", "Direction", "Weight", "Type"],
      ["I1", "ind 1", 1, "Index", 1, 1, "Indicator"],
      ["I2", "ind 2", 1, "Index", 1, 1, "Indicator"],
      ["Index", "Index", 2, "NA", "NA", 1, "Aggregate"],
    ];
    const dir = await makeTempDir({ "iMeta.xlsx": await sheetDraggedShut("iMeta", meta, [3]), "iData.csv": "uCode,Time,I1,I2\nAAA,2020,1,2\nBBB,2020,3,4\n" });
    const run = await runCli(["import-coinr", "--data", "iData.csv", "--meta", "iMeta.xlsx", "--out", "out"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr.startsWith(row3("iMeta.xlsx[iMeta]"))).toBe(true);
    expect(await readFile(join(dir, "out/values.csv"), "utf8")).toContain("AAA,2020,I2,2\n");
  });

  it("a project run warns of its tree workbook's hidden row and records it; refuses it under --strict; an unchanged run is skipped, its warning the first run's", async () => {
    const dir = await treeFolder({ "index.yaml": "name: hidden\nindicators: tree.xlsx\nvalues: values.csv\nmethods:\n  base-year: 2017\n" });
    const first = await runCli(["compute"], dir);
    expect(first.code).toBe(0);
    expect(first.stderr.startsWith(row3("tree.xlsx[data]"))).toBe(true);
    const id = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    const manifest = JSON.parse(await readFile(join(dir, "runs", id, "manifest.json"), "utf8"));
    expect(manifest.warnings.map((warning: { code: string }) => warning.code)).toEqual(["W_XLSX_HIDDEN"]);
    // Nothing changed: the run is skipped, and its warning was the first run's, recorded in its manifest.
    const again = await runCli(["compute"], dir);
    expect([again.code, again.stderr]).toEqual([0, expect.stringMatching(/^unchanged since run/)]);
    // --strict is an option of the run, so the run goes ahead, and is refused.
    const strict = await runCli(["compute", "--strict", "--log-format", "json"], dir);
    expect([strict.code, strict.stderr.includes('"code":"E_XLSX_HIDDEN"')]).toEqual([1, true]);
    expect((await readFile(join(dir, "runs/LATEST"), "utf8")).trim()).toBe(id);
  });
});
