/**
 * A values folder's files: those its reader does not read are refused, by kind, naming each (a year saved as Parquet,
 * a query, a compressed CSV would otherwise be left out of the run without a word); notes and the files Windows keeps
 * in folders are left aside, as before.
 */
import { execFileSync } from "node:child_process";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { IndexToolError, ValidationError } from "../../../src/errors.js";
import { listValueFiles } from "../../../src/io/read/values-folder.js";
import { makeTempDir, runCli } from "../../helpers.js";

const LONG_2017 = "unit,year,indicator,value\nU,2017,X,10\n";
const TREE = "code,parent,name,weight,direction\nX,,x,1,+\n";

/** The code and message of each problem `promise` is refused with. */
async function problemsOf(promise: Promise<unknown>): Promise<{ code: string; message: string }[]> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (error instanceof ValidationError) return error.issues.map(({ code, message }) => ({ code, message }));
  if (error instanceof IndexToolError) return [{ code: error.code, message: error.message }];
  throw new Error(`expected a refusal, got ${String(error)}`);
}

describe("listValueFiles: files a values folder's reader does not read", () => {
  it("refuses a .parquet, a .sql, a compressed and any other file beside the CSV files, one problem per kind naming each", async () => {
    const dir = await makeTempDir({
      "df3/2017.csv": LONG_2017,
      "df3/2018.parquet": "PAR1",
      "df3/2019.sql": "SELECT 1",
      "df3/x.json": "[]",
      "df3/2018.csv.gz": "\x1f\x8b",
    });
    expect(await problemsOf(listValueFiles(join(dir, "df3"), "df3/"))).toEqual([
      { code: "E_VALUES_FOLDER_FILE", message: limitMessages.unreadValuesFiles("df3", "source", ["2018.parquet", "2019.sql"]) },
      { code: "E_VALUES_FOLDER_FILE", message: limitMessages.unreadValuesFiles("df3", "compressed", ["2018.csv.gz"]) },
      { code: "E_VALUES_FOLDER_FILE", message: limitMessages.unreadValuesFiles("df3", "other", ["x.json"]) },
    ]);
    expect(limitMessages.unreadValuesFiles("df3", "source", ["2018.parquet", "2019.sql"])).toBe(
      'df3: the values folder holds 2 files the folder reader does not read ("2018.parquet", "2019.sql"), which would be left out of the run; a .parquet or .sql file is read as the values source itself: expected it given with -d (--data; values: in index.yaml), not in a folder of CSV/xlsx files, or moved out of the folder',
    );
  });

  it("says so of one file alone as one problem", async () => {
    const dir = await makeTempDir({ "data/2017.csv": LONG_2017, "data/2018.parquet": "PAR1" });
    expect(await problemsOf(listValueFiles(join(dir, "data"), "data"))).toEqual([
      { code: "E_VALUES_FOLDER_FILE", message: limitMessages.unreadValuesFiles("data", "source", ["2018.parquet"]) },
    ]);
  });

  it("reads a .txt that is a CSV file (a comma- or semicolon-separated header naming a values column, UTF-8 or GBK); leaves a note whose first line is prose or has commas but no such column", async () => {
    const dir = await makeTempDir({
      "f/v.csv": LONG_2017,
      "f/y2019.txt": "unit,year,indicator,value\nU,2019,X,30\n",
      "f/wide.txt": "\uFEFFindicator;2020\nX;40\n",
      "f/sources.txt": "Sources: yearbook 2019, table 3\n",
      "f/readme.txt": "unit,year,indicator,value are the columns\n",
    });
    // 地区,年份,指标,数值 in GBK, as Excel on Chinese Windows saves a CSV.
    await writeFile(join(dir, "f/gbk.txt"), Buffer.from([0xb5, 0xd8, 0xc7, 0xf8, 0x2c, 0xc4, 0xea, 0xb7, 0xdd, 0x2c, 0xd6, 0xb8, 0xb1, 0xea, 0x2c, 0xca, 0xfd, 0xd6, 0xb5, 0x0a]));
    expect((await listValueFiles(join(dir, "f"), "f")).map(({ label }) => label)).toEqual(["f/gbk.txt", "f/v.csv", "f/wide.txt", "f/y2019.txt"]);
  });

  it.runIf(process.platform !== "win32")("leaves aside a .txt that is a named pipe without opening it (before: it waited for a writer without end)", async () => {
    const dir = await makeTempDir({ "f/v.csv": LONG_2017 });
    execFileSync("mkfifo", [join(dir, "f/notes.txt")]);
    // Opening the pipe would wait for a writer: the listing finishing at all is the test (vitest's time limit stops a hang).
    expect((await listValueFiles(join(dir, "f"), "f")).map(({ label }) => label)).toEqual(["f/v.csv"]);
  });

  it("computes the year a comma-separated .txt gives (before, it was dropped without a word)", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "f/v.csv": "unit,year,indicator,value\nU,2017,X,10\nU,2018,X,20\n", "f/y2019.txt": "unit,year,indicator,value\nU,2019,X,30\n" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "f", "--out", "-", "--format", "csv", "-q"], dir);
    expect(run.code).toBe(0);
    // Fixed base 2017: 2019 is 30 / 10 · 100 = 300.
    expect(run.stdout).toMatch(/^U,2019,INDEX,[^,\n]*,0,300\.0000$/m);
  });

  it("leaves aside a backup an editor kept or a person made to set a year aside (.bak, .orig, a name ending in ~)", async () => {
    const dir = await makeTempDir({ "d/2017.csv": LONG_2017, "d/2018.csv.bak": "unit,year,indicator,value\nU,2018,X,1\n", "d/2018.csv~": "x", "d/2019.csv.orig": "x" });
    expect((await listValueFiles(join(dir, "d"), "d")).map((file) => file.label)).toEqual(["d/2017.csv"]);
  });

  it("leaves aside notes, lock files, hidden files, the files Windows keeps and subfolders, and reads the rest", async () => {
    const dir = await makeTempDir({
      "data/2017.csv": LONG_2017,
      // A sheet Excel saved as "Text (Tab delimited)": a tab in its first line, so it is read.
      "data/2018.txt": "unit\tyear\tindicator\tvalue\nU\t2018\tX\t20\n",
      "data/notes.txt": "sources: statistical yearbook\n",
      "data/README.md": "# values\n",
      "data/README": "values\n",
      "data/说明.docx": "PK",
      "data/来源.pdf": "%PDF-1.7",
      "data/desktop.ini": "[.ShellClassInfo]\n",
      "data/Thumbs.db": "x",
      "data/.DS_Store": "x",
      "data/~$2019.xlsx": "x",
      "data/archive/2016.json": "[]",
    });
    await mkdir(join(dir, "elsewhere"));
    await symlink(join(dir, "elsewhere"), join(dir, "data", "linked"));
    expect((await listValueFiles(join(dir, "data"), "data")).map((file) => file.label)).toEqual(["data/2017.csv", "data/2018.txt"]);
  });

  it("names a folder of a .parquet file alone as that, and a folder of notes and unknown files as holding no values", async () => {
    const dir = await makeTempDir({ "p/2018.parquet": "PAR1", "j/x.json": "[]", "j/notes.txt": "x" });
    expect(await problemsOf(listValueFiles(join(dir, "p"), "p"))).toEqual([
      { code: "E_VALUES_FOLDER_FILE", message: limitMessages.unreadValuesFiles("p", "source", ["2018.parquet"]) },
    ]);
    expect(await problemsOf(listValueFiles(join(dir, "j"), "j"))).toEqual([{ code: "E_EMPTY_FOLDER", message: limitMessages.emptyValuesFolder("j", ["notes.txt", "x.json"]) }]);
  });
});

describe("compute and validate on a values folder holding a file they do not read", () => {
  it("refuse it, naming the file, instead of computing from the CSV files alone", async () => {
    // Before: 2017 alone was computed (exit 0), and validate said ok.
    const dir = await makeTempDir({ "t1.csv": TREE, "df3/2017.csv": LONG_2017, "df3/2018.parquet": "PAR1" });
    const message = limitMessages.unreadValuesFiles("df3", "source", ["2018.parquet"]);
    const compute = await runCli(["compute", "-i", "t1.csv", "-d", "df3", "--out", "out"], dir);
    expect(compute.code).toBe(1);
    expect(compute.stderr).toContain(message);
    const validate = await runCli(["validate", "-i", "t1.csv", "-d", "df3"], dir);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain(message);
  });

  it("in a project, a .parquet file added to data/ is refused, not found unchanged", async () => {
    const dir = await makeTempDir();
    expect((await runCli(["init", "proj"], dir)).code).toBe(0);
    const project = join(dir, "proj");
    expect((await runCli(["compute", "-q"], project)).code).toBe(0);
    await writeFile(join(project, "data", "2020.parquet"), "PAR1");
    // Before: "unchanged since run …; nothing to do", exit 0.
    const run = await runCli(["compute"], project);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/unchanged since run/);
    expect(run.stderr).toContain(limitMessages.unreadValuesFiles("data", "source", ["2020.parquet"]));
  });
});
