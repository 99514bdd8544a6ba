/**
 * What a newcomer meets reading their own data: decimal commas, the wide and COINr layouts, missing values, misspelt
 * option values and an unfilled template, through the command line.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { makeTempDir, runCli } from "../helpers.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
async function folder(files: Record<string, string>): Promise<string> {
  const dir = await makeTempDir(files);
  dirs.push(dir);
  return dir;
}

const TREE = "code,parent,name,weight,direction\nA,,a,0.5,+\nB,,b,0.5,+\n";

describe("did you mean, for misspelt option values of every command", () => {
  it.each([
    [["compute", "--normalise", "minmax"], "--normalise", "minmax", "min-max"],
    [["compute", "--weights", "entrpy"], "--weights", "entrpy", "entropy"],
    [["compute", "--missing", "interpolat"], "--missing", "interpolat", "interpolate"],
    [["validate", "--missing", "carry-foward"], "--missing", "carry-foward", "carry-forward"],
    [["weights", "-i", "tree.csv", "-m", "entrpy"], "--method", "entrpy", "entropy"],
    [["uncertainty", "--normalisations", "fixed-base,minmax"], "--normalisations", "minmax", "min-max"],
  ])("%j", async (argv, option, found, meant) => {
    const dir = await folder({ "tree.csv": TREE });
    const run = await runCli(argv, dir);
    expect(run.code).toBe(2);
    // The tool's words (messages.unknownOptionChoice), the option by its long flag (-m is --method).
    expect(run.stderr).toMatch(new RegExp(`^error: unknown value "${found}" of ${option}( \\(in the list "[^"]*"\\))?; expected (one|each) of: .*; did you mean "${meant}"\\?\n`));
  });

  it("suggests in the --aggregate list and for an unknown index.yaml key", async () => {
    const dir = await folder({ "tree.csv": TREE, "values.csv": "indicator,2017\nA,1\nB,2\n" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--aggregate", "geometirc"], dir);
    expect(run.stderr).toContain('did you mean "geometric"?');
    await writeFile(join(dir, "index.yaml"), "indicators: tree.csv\nvalues: values.csv\nmethods:\n  normalise: minmax\n");
    const project = await runCli(["compute"], dir);
    expect(project.code).not.toBe(0);
    expect(project.stderr).toContain('did you mean "min-max"?');
  });
});

describe("decimal marks on the command line and in index.yaml", () => {
  // By hand: A = 1,5 and 3,0 (1.5 and 3 with a decimal comma) → fixed-base 100, 200; B = 2 and 2 → 100, 100;
  // INDEX 2018 = (200 + 100) / 2 = 150. Read as thousands (1500, 30), A 2018 would be 2 → 100·30/1500 = 2, not 200.
  const values = "unit;year;indicator;value\nU;2017;A;1,5\nU;2018;A;3,0\nU;2017;B;2\nU;2018;B;2\n";

  it("reads a comma as the decimal mark in a ;-separated file", async () => {
    const dir = await folder({ "tree.csv": TREE, "values.csv": values });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-q"], dir);
    expect(run.stderr).toBe("");
    expect(await readFile(join(dir, "out/index.csv"), "utf8")).toContain("U,2018,INDEX,Index,0,150.0000\n");
  });

  it("refuses an ambiguous value with file:line:column (exit 1), and reads it with --decimal . or inputs.decimal", async () => {
    const dir = await folder({ "tree.csv": TREE, "values.csv": values.replace("3,0", "3.000") });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`values.csv:3:4: ${messages.ambiguousNumber("3.000", "value")}`);
    const dotted = await folder({ "tree.csv": TREE, "values.csv": values.replace("1,5", "1.5").replace("3,0", "3.0") });
    expect((await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--decimal", ".", "-q"], dotted)).code).toBe(0);
    expect(await readFile(join(dotted, "out/index.csv"), "utf8")).toContain("U,2018,INDEX,Index,0,150.0000\n");
    await writeFile(join(dotted, "index.yaml"), 'indicators: tree.csv\nvalues: values.csv\ninputs:\n  decimal: "."\n');
    const project = await runCli(["compute", "-q"], dotted);
    expect(project.stderr).toBe("");
    expect(project.code).toBe(0);
    await writeFile(join(dotted, "index.yaml"), 'indicators: tree.csv\nvalues: values.csv\ninputs:\n  decimal: ";"\n');
    expect((await runCli(["compute", "-q"], dotted)).stderr).toContain('expected one of: ., ,');
  });
});

describe("layouts and floods", () => {
  it("computes from COINr's iData layout directly (one column per indicator, text columns ignored)", async () => {
    const data = "uName,uCode,GDP_group,Time,Area,A,B\nAustria,AUT,L,2017,83871,1,2\nAustria,AUT,L,2018,83871,2,2\n";
    const dir = await folder({ "tree.csv": TREE, "iData.csv": data });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "iData.csv", "-q"], dir);
    expect(run.stderr).toBe("");
    // By hand: A 1 → 2 is 200, B 100: INDEX 2018 = 150
    expect(await readFile(join(dir, "out/index.csv"), "utf8")).toContain("AUT,2018,INDEX,Index,0,150.0000\n");
  });

  it("says once that the file holds no numbers (an unfilled template), first", async () => {
    const dir = await folder({ "tree.csv": TREE, "values.csv": "indicator,name,2017,2018\nA,a,,\nB,b,,\n" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[1]).toBe(`values.csv: ${messages.noNumbers()}`);
  });

  it("sums up a flood of duplicates (several units, no unit column) and of unknown indicators in one issue, first", async () => {
    const units = Array.from({ length: 12 }, (_, i) => `Zone ${i}`);
    const long = ["zone,year,indicator,value", ...units.flatMap((unit) => [`${unit},2017,A,1`, `${unit},2017,B,1`])].join("\n");
    const dir = await folder({ "tree.csv": TREE, "values.csv": long });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    // "zone" is no unit column's name: the zones' rows read as one unit's, so the column is named (lines 2 and 4: Zone 0
    // and Zone 1, both 2017 and A) instead of one duplicate per row.
    expect(run.stderr).toBe(`error: 1 problem found:\nvalues.csv:4:1: ${messages.unitColumnUnread(["zone"], 2017, "A", 2, 4, ["region", "country", "entity", "ucode", "地区", "区域", "单元", "评价对象"])}\n`);
    // The same rows with no other column: 11 duplicates for each of A and B, summed up in one issue.
    const repeated = await folder({ "tree.csv": TREE, "values.csv": ["year,indicator,value", ...units.flatMap(() => ["2017,A,1", "2017,B,1"])].join("\n") });
    const duplicates = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], repeated);
    expect(duplicates.stderr.split("\n")[1]).toBe(`values.csv: ${messages.manyDuplicates(22)}`);
    const other = await folder({ "tree.csv": TREE, "values.csv": ["indicator,2017", ...units.map((unit, i) => `X${i},1`), "A,1", "B,1"].join("\n") });
    const unknown = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], other);
    expect(unknown.stderr.split("\n")[1]).toBe(`values.csv: ${messages.manyUnknownIndicators(12, ["X0", "X1", "X2"])}`);
  });

  it("names a missing value's file and line, the unit of a single-unit file, and the policies that fill it", async () => {
    const dir = await folder({ "tree.csv": TREE, "values.csv": "indicator,2017,2018,2019\nA,1,,3\nB,1,2,3\n" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    // Line 2, column 3 (2018's).
    // A has 2017 before the gap and 2019 after it, and the file one unit (no mean or median).
    const policies = ["interpolate", "carry-forward", "carry-back", "reweight"];
    expect(run.stderr).toContain(`values.csv:2:3: ${messages.missingValue("A", "", 2018, policies)}`);
    expect(messages.missingValue("A", "", 2018, policies)).toBe(
      'no value for indicator "A", year 2018; expected a value, or a missing-value policy that fills it, --missing interpolate|carry-forward|carry-back, or --missing reweight, which leaves it out of its group\'s score (also the tree column "missing")',
    );
  });

  it("says which formats -i and -d take", async () => {
    const dir = await folder({});
    const run = await runCli(["compute", "--help"], dir);
    expect(run.stdout).toMatch(/-i, --indicators <file>\s+indicator tree: CSV \(UTF-8 or GBK\), YAML/);
    expect(run.stdout).toMatch(/-d, --data <file>\s+values: CSV \(UTF-8 or GBK; long, wide or COINr\s+layout\), \.xlsx, \.parquet, a \.sql query, or a folder/);
  });
});
