import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectMessages } from "../../src/core/project-messages.js";
import { compareRuns } from "../../src/cli/commands/diff.js";
import { compareManifests, formatRevisionsCsv } from "../../src/io/runs/revision-csv.js";
import { readRun } from "../../src/io/runs/run-files.js";
import { listPublishedRuns } from "../../src/io/runs/runs.js";
import { makeTempDir, runCli } from "../helpers.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

describe("innovation-index diff", () => {
  it("needs two published runs (exit 1), a run that exists, named by a unique start of its id (exit 1), and a project or two folders (exit 2)", async () => {
    const dir = await makeTempDir({ "index.yaml": "indicators: tree.csv\nvalues: values.csv\n", "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const tooFew = await runCli(["diff"], dir);
    expect(tooFew.code).toBe(1);
    const first = (await readFile(join(dir, "runs/LATEST"), "utf8")).trim();
    expect(tooFew.stderr).toBe(`error: ${projectMessages.noPreviousRun("runs", first, "diff")}\n`);
    const unknown = await runCli(["diff", "20990101", "latest"], dir);
    expect(unknown.code).toBe(1); // as verify says of a run that is not there
    expect(unknown.stderr).toMatch(/^error: unknown run "20990101" in runs; expected a run id \(\d{8}T/);
    // A second run: the start "2" (every id starts with the century) names both, so it names neither.
    expect((await runCli(["compute", "-q", "--force"], dir)).code).toBe(0);
    const ids = (await listPublishedRuns(join(dir, "runs"))).sort();
    expect(ids).toHaveLength(2);
    const ambiguous = await runCli(["diff", "2", "latest"], dir);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toBe(`error: ${projectMessages.ambiguousRun("2", "runs", ids)}\n`);
    expect(ambiguous.stderr).toContain(`could be any of 2 runs (${ids[0]}, ${ids[1]})`);
    const outside = await runCli(["diff"], await makeTempDir());
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe(`error: ${projectMessages.noProjectForDiff()}\n(run with --help for usage)\n`);
  });

  it("reads only where the runs are from index.yaml: a wrong methods key stops compute, not diff; a YAML syntax error does", async () => {
    // Two runs, the second with U1 2017 X1 revised (10 -> 12.5), so that diff has something to say.
    const values = await fixture("values.csv");
    const text = "indicators: tree.csv\nvalues: values.csv\n";
    const dir = await makeTempDir({ "index.yaml": text, "tree.csv": await fixture("tree.csv"), "values.csv": values });
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const lines = values.trimEnd().split("\n");
    await writeFile(join(dir, "values.csv"), [lines[0], lines[1].replace(/,[^,]*$/, ",12.5"), ...lines.slice(2)].join("\n") + "\n");
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const table = await runCli(["diff"], dir);
    const csv = await runCli(["diff", "--format", "csv"], dir);
    expect(table.code).toBe(0);
    expect(csv.stdout).toContain("input,changed,U1,2017,X1,10,12.5,2.5,25\n"); // 100·2.5/10
    // The tester's typo (a quoted number) under methods:, line 4, stops compute; diff gives what it gave with a sound file.
    await writeFile(join(dir, "index.yaml"), `${text}methods:\n  screen: "0.5"\n`);
    expect((await runCli(["compute", "-q"], dir)).stderr).toContain("index.yaml:4: methods.screen");
    expect(await runCli(["diff"], dir)).toEqual(table);
    expect(await runCli(["diff", "--format", "csv"], dir)).toEqual(csv);
    // A file that is not YAML (a flow list on line 3 left open: placed at its bracket, line 3) is refused, exit 1.
    await writeFile(join(dir, "index.yaml"), `${text}methods: [\n  screen\n`);
    const refused = await runCli(["diff", "--log-format", "json"], dir);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stderr.split("\n")[0])).toMatchObject({ level: "error", code: "E_PROJECT_YAML", source: "index.yaml", line: 3 });
  });

  it("compares two --out folders (outputs only) by path", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--base-year", "2017", "-o", "a", "-q"], dir);
    await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--base-year", "2018", "-o", "b", "-q"], dir);
    const run = await runCli(["diff", "a", "b", "--format", "csv"], dir);
    expect(run.code).toBe(0);
    const rows = run.stdout.trimEnd().split("\n").map((line) => line.split(","));
    // Base 2018 instead of 2017: U1 X1 2017 is 100·10/12 = 83.33… instead of 100.
    const x1 = rows.find((row) => row[1] === "changed" && row[2] === "U1" && row[3] === "2017" && row[4] === "X1")!;
    expect(Number(x1[5])).toBe(100);
    expect(Number(x1[6])).toBeCloseTo(1000 / 12, 12);
    expect(Number(x1[7])).toBeCloseTo(1000 / 12 - 100, 12);
    expect(rows.every((row) => row[0] !== "input")).toBe(true); // --out folders do not record their inputs
  });

  it("prints the CSV that the values read as objects give (readRun, compareRuns, formatRevisionsCsv)", async () => {
    // Two runs: the base value U1 2017 X1 revised (10 -> 12.5, so U1's X1 scores and the groups above change) and an
    // option changed. The reference reads both runs as objects and compares them by key.
    const values = await fixture("values.csv");
    const dir = await makeTempDir({ "index.yaml": "indicators: tree.csv\nvalues: values.csv\n", "tree.csv": await fixture("tree.csv"), "values.csv": values });
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const lines = values.trimEnd().split("\n");
    const revised = [lines[0], ...lines.slice(1).map((line, i) => (i === 0 ? line.replace(/,[^,]*$/, ",12.5") : line))];
    await writeFile(join(dir, "values.csv"), revised.join("\n") + "\n");
    expect((await runCli(["compute", "-q", "--missing", "carry-forward"], dir)).code).toBe(0);
    const [a, b] = await listPublishedRuns(join(dir, "runs"));
    const [runA, runB] = [await readRun(join(dir, "runs", a), "a"), await readRun(join(dir, "runs", b), "b")];
    const expected = formatRevisionsCsv(compareRuns(runA, runB), compareManifests(runA.manifest, runB.manifest));
    expect(expected).toContain("input,changed,U1,2017,X1,10,12.5,2.5,25\n"); // 100·2.5/10
    expect(expected).toContain("option,changed,,,missing,error,carry-forward,,\n");
    expect(expected).toContain("output,changed,U1,2018,X1,120,96,-24,-20\n"); // 100·12/10 -> 100·12/12.5
    expect(expected.split("\n").length).toBeGreaterThan(5);
    for (const decimals of [[], ["--decimals", "3"]]) {
      const run = await runCli(["diff", "--format", "csv", ...decimals], dir);
      expect(run.code).toBe(0);
      const reference = decimals.length ? formatRevisionsCsv(compareRuns(runA, runB), compareManifests(runA.manifest, runB.manifest), 3) : expected;
      expect(run.stdout).toBe(reference);
    }
  });

  it("names a changed input file by its whole SHA-256 in CSV, and by its first 12 hex digits in the table", async () => {
    // values.csv before and after a revised value (U1 2017 X1 10 -> 12.5); each digest computed here from the bytes.
    const values = await fixture("values.csv");
    const dir = await makeTempDir({ "index.yaml": "indicators: tree.csv\nvalues: values.csv\n", "tree.csv": await fixture("tree.csv"), "values.csv": values });
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const lines = values.trimEnd().split("\n");
    const revised = [lines[0], lines[1].replace(/,[^,]*$/, ",12.5"), ...lines.slice(2)].join("\n") + "\n";
    await writeFile(join(dir, "values.csv"), revised);
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const [before, after] = [values, revised].map((text) => createHash("sha256").update(text).digest("hex"));
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    const csv = await runCli(["diff", "--format", "csv"], dir);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\n").filter((line) => line.startsWith("file,"))).toEqual([`file,changed,,,values.csv,sha256:${before},sha256:${after},,`]);
    const table = await runCli(["diff", "-q"], dir);
    expect(table.code).toBe(0);
    const fileRow = table.stdout.split("\n").find((line) => line.startsWith("file "))!;
    expect(fileRow.split(/\s+/)).toEqual(["file", "changed", "values.csv", `sha256:${before.slice(0, 12)}`, `sha256:${after.slice(0, 12)}`]);
  });
});

describe("diff's changes: the difference of the values as shown, signed as printed", () => {
  it("1.98904 -> 1.98906 is 0.0000 with no sign, 1.98903 -> 1.98908 is +0.0001 (before: +0.0000 both), in CSV 0.00002 and 0.00005", async () => {
    // By hand: 1.98906 − 1.98904 = 0.00002 -> 0.0000 at four decimals; 1.98908 − 1.98903 = 0.00005 -> 0.0001 half up.
    // In percent 100·0.00002/1.98904 = 0.0010… and 100·0.00005/1.98903 = 0.0025…, both 0.00 % at two decimals.
    const values = (u: number, v: number) => `unit,year,indicator,value\nu,2017,A1,${u}\nu,2018,A1,2\nv,2017,A1,${v}\nv,2018,A1,2\n`;
    const dir = await makeTempDir({
      "index.yaml": "indicators: tree.csv\nvalues: values.csv\n",
      "tree.csv": "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,,+\n",
      "values.csv": values(1.98904, 1.98903),
    });
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    await writeFile(join(dir, "values.csv"), values(1.98906, 1.98908));
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const table = await runCli(["diff", "-q"], dir);
    expect(table.code).toBe(0);
    const inputs = table.stdout.split("\n").filter((line) => line.startsWith("input ")).map((line) => line.split(/\s+/));
    expect(inputs).toEqual([
      ["input", "changed", "u", "2017", "A1", "1.9890", "1.9891", "0.0000", "0.00%"],
      ["input", "changed", "v", "2017", "A1", "1.9890", "1.9891", "+0.0001", "0.00%"],
    ]);
    // The CSV, unrounded: the differences as shown, 0.00002 and 0.00005 (not the binary 0.000020000000000131024 and
    // 0.00004999999999988347, which printed 0.0000 at four decimals)
    const csv = await runCli(["diff", "--format", "csv"], dir);
    expect(csv.stdout).toContain("input,changed,u,2017,A1,1.98904,1.98906,0.00002,");
    expect(csv.stdout).toContain("input,changed,v,2017,A1,1.98903,1.98908,0.00005,");
  });
});
