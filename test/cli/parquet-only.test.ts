/**
 * `--parquet-only` end to end: index.json names the Parquet files that hold the results instead of listing them, and
 * `diff`, the revision summary of a project run and `verify` read such runs. The values are checked against a CSV run
 * of the same inputs and against the small fixture's index worked out by hand (test/fixtures/small: fixed base 2017,
 * X = mean of X1 and X2, INDEX = 0.6·X + 0.4·Y).
 */
import { createHash } from "node:crypto";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { revisionMemoryBytes } from "../../src/cli/project-run.js";
import { outputMessages } from "../../src/core/output-messages.js";
import { listPublishedRuns } from "../../src/io/runs/runs.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

/** The values with U1's 2019 value of Y1 revised from 190 to 209. */
const revised = (values: string) => {
  expect(values).toContain("U1,2019,Y1,190\n");
  return values.replace("U1,2019,Y1,190\n", "U1,2019,Y1,209\n");
};

/** The rows of `diff --format csv` of one kind, split into cells. */
const rowsOf = (csv: string, kind: string) =>
  csv
    .trimEnd()
    .split("\n")
    .map((line) => line.split(","))
    .filter((row) => row[0] === kind);

/**
 * The output revisions of U1 2019 when Y1 goes from 190 to 209, by hand: Y1 = 100·190/200 = 95 -> 100·209/200 = 104.5;
 * Y has Y1 alone, so the same; X = (X1 100·15/10 + X2 100·50/25)/2 = (150 + 200)/2 = 175 is unchanged, so INDEX =
 * 0.6·175 + 0.4·95 = 143 -> 0.6·175 + 0.4·104.5 = 146.8. Rows in index.json's order: INDEX, then Y, then Y1.
 */
function expectRevisedOutputs(rows: string[][], direction: 1 | -1): void {
  const expected: [string, number, number][] = [
    ["INDEX", 143, 146.8],
    ["Y", 95, 104.5],
    ["Y1", 95, 104.5],
  ];
  expect(rows.map((row) => row.slice(1, 5))).toEqual(expected.map(([code]) => ["changed", "U1", "2019", code]));
  rows.forEach((row, i) => {
    const [before, after] = direction === 1 ? expected[i].slice(1) : expected[i].slice(1).reverse();
    expect(Number(row[5])).toBeCloseTo(before as number, 10);
    expect(Number(row[6])).toBeCloseTo(after as number, 10);
    expect(Number(row[7])).toBeCloseTo((after as number) - (before as number), 10);
  });
}

describe("compute --parquet-only", () => {
  it("writes index.json without results, naming index.parquet and scores.parquet, and diff reads it as the CSV run", async () => {
    const values = await fixture("values.csv");
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": values, "revised.csv": revised(values) });
    for (const [out, data, extra] of [["csv", "values.csv", []], ["parquet", "values.csv", ["--parquet-only"]], ["revised", "revised.csv", ["--parquet-only"]]] as const)
      expect((await runCli(["compute", "-i", "tree.csv", "-d", data, "-o", out, "-q", ...extra], dir)).code).toBe(0);
    const files = await listDir(join(dir, "parquet"));
    expect(files).toEqual(expect.arrayContaining(["index.json", "index.parquet", "scores.parquet", "growth.parquet"]));
    expect(files.filter((file) => ["index.csv", "scores.csv", "growth.csv"].includes(file))).toEqual([]);
    const usual = JSON.parse(await readFile(join(dir, "csv", "index.json"), "utf8"));
    const parquet = JSON.parse(await readFile(join(dir, "parquet", "index.json"), "utf8"));
    expect(parquet.results).toBeUndefined();
    expect(parquet.resultsIn).toEqual(["index.parquet", "scores.parquet"]);
    const { results, ...rest } = usual;
    const { resultsIn, ...parquetRest } = parquet;
    expect(parquetRest).toEqual(rest);
    expect(results).toHaveLength(6); // 2 units × 3 years
    expect(resultsIn).toHaveLength(2);

    // Same inputs: no revision either way.
    for (const [a, b] of [["csv", "parquet"], ["parquet", "csv"], ["parquet", "parquet"]]) {
      const run = await runCli(["diff", a, b], dir);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(`${a} -> ${b}: inputs not recorded; outputs 0 changed, 0 added, 0 removed; 0 option or file changes\n`);
      expect(run.stdout).toBe("");
    }
    // One value changed: exactly the revisions worked out by hand, from the CSV run or from the Parquet one.
    for (const base of ["csv", "parquet"]) {
      const forward = await runCli(["diff", base, "revised", "--format", "csv"], dir);
      expect(forward.code).toBe(0);
      expect(forward.stdout.trimEnd().split("\n")).toHaveLength(4); // the header and three rows
      expectRevisedOutputs(rowsOf(forward.stdout, "output"), 1);
      const backward = await runCli(["diff", "revised", base, "--format", "csv"], dir);
      expectRevisedOutputs(rowsOf(backward.stdout, "output"), -1);
    }
  });

  it("refuses a run whose scores.parquet is missing, naming the file (exit 1, E_RUN_FILE)", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
    for (const out of ["a", "b"]) expect((await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-o", out, "-q", "--parquet-only"], dir)).code).toBe(0);
    await rm(join(dir, "b", "scores.parquet"));
    for (const format of ["table", "csv"]) {
      const run = await runCli(["diff", "a", "b", "--format", format], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`error: ${outputMessages.resultsFileMissing("b/scores.parquet")}\n`);
      expect(run.stdout).toBe("");
    }
  });

  it("a project with outputs: parquet-only, run twice with a value revised, reports the revision; diff and verify read its runs", async () => {
    const values = await fixture("values.csv");
    const dir = await makeTempDir({
      "index.yaml": "indicators: tree.csv\nvalues: values.csv\noutputs:\n  parquet-only: true\n",
      "tree.csv": await fixture("tree.csv"),
      "values.csv": values,
    });
    expect((await runCli(["compute"], dir)).code).toBe(0);
    await writeFile(join(dir, "values.csv"), revised(values));
    const second = await runCli(["compute"], dir);
    expect(second.code).toBe(0);
    const [first, latest] = await listPublishedRuns(join(dir, "runs"));
    expect(JSON.parse(await readFile(join(dir, "runs", latest, "index.json"), "utf8")).resultsIn).toEqual(["index.parquet", "scores.parquet"]);
    // One input changed (Y1 of U1 in 2019); outputs INDEX, Y and Y1 of U1 in 2019: INDEX 143 -> 146.8, and the largest
    // of all Y and Y1, 95 -> 104.5 each (+9.5; the first in index.json's order, Y, named on the tie).
    expect(second.stderr).toContain(
      `revisions against run ${first}: inputs 1 changed, 0 added, 0 removed; outputs 3 changed, 0 added, 0 removed; largest of the overall index: INDEX U1 2019 143.0000 -> 146.8000 (+3.8000); largest of all outputs: Y U1 2019 95.0000 -> 104.5000 (+9.5000) (details: innovation-index diff)`,
    );
    const diff = await runCli(["diff", "--format", "csv"], dir);
    expect(diff.code).toBe(0);
    expect(rowsOf(diff.stdout, "input")).toEqual([["input", "changed", "U1", "2019", "Y1", "190", "209", "19", "10"]]); // 100·19/190
    expectRevisedOutputs(rowsOf(diff.stdout, "output"), 1);
    // The manifest lists the Parquet files: verify checks them like any output.
    expect((await runCli(["verify"], dir)).code).toBe(0);
    // The memory the revision summary reckons for the two runs counts their Parquet results at their size (eight-byte
    // numbers) and their text files at a third, summed here from the files.
    let bytes = 0;
    const size = async (run: string, name: string) => (await stat(join(dir, "runs", run, name))).size;
    for (const run of [first, latest])
      bytes += ((await size(run, "index.json")) + (await size(run, "input-values.csv"))) / 3 + (await size(run, "index.parquet")) + (await size(run, "scores.parquet"));
    expect(await revisionMemoryBytes(join(dir, "runs"), [first, latest])).toBe(Math.ceil(bytes));

    // A third run against a second one whose scores.parquet is gone, though its manifest lists it: a warning names the
    // file, and the line says the runs were not compared.
    const listed = (await stat(join(dir, "runs", latest, "scores.parquet"))).size;
    const scores = await readFile(join(dir, "runs", latest, "scores.parquet"));
    await rm(join(dir, "runs", latest, "scores.parquet"));
    await writeFile(join(dir, "values.csv"), values);
    const third = await runCli(["compute"], dir);
    expect(third.code).toBe(0);
    const problem = outputMessages.runFileNotAsListed(`runs/${latest}/scores.parquet`, { bytes: listed, sha256: sha256(scores) });
    expect(third.stderr).toContain(`warning: ${outputMessages.comparedRunChanged(problem, `runs/${latest}`)}\n`);
    expect(third.stderr).toContain(outputMessages.revisionsNotComparedChanged(latest) + "\n");
  });
});
