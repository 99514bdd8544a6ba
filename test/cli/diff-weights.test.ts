import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { terminalMessages } from "../../src/core/terminal-messages.js";
import { editByHand, makeTempDir, runCli } from "../helpers.js";

/**
 * A project weighted by AHP: INDEX has A and B, A has A1 and A2, B has B1. The judgements: A against B (`indexJudgement`),
 * A1 against A2 equal (1). For a 2×2 matrix with judgement a the weights are a/(1+a) and 1/(1+a), whatever the
 * eigenvector method: 4 gives A 0.8 and B 0.2, 3 gives 0.75 and 0.25; A1 = A2 = 1/2; B1, an only child, 1. The global
 * weight is the product down from the first level: A1 = A2 = 0.8·0.5 = 0.4 under 4, 0.75·0.5 = 0.375 under 3; B1 = B.
 */
const TREE = "code,parent,name,weight,direction\nA,,a,,\nA1,A,a1,,+\nA2,A,a2,,+\nB,,b,,\nB1,B,b1,,+\n";
const VALUES =
  "unit,year,indicator,value\n" +
  ["A1", "A2", "B1"].flatMap((code) => [`u,2017,${code},1`, `u,2018,${code},2`, `v,2017,${code},4`, `v,2018,${code},${code === "B1" ? 6 : 5}`]).join("\n") +
  "\n";
const ahp = (indexJudgement: number, group = "A,A1,A2") => `group,a,b,value\nINDEX,A,B,${indexJudgement}\n${group},1\n`;
const PROJECT = "indicators: tree.csv\nvalues: values.csv\nmethods:\n  weights: ahp\n  ahp: ahp.csv\n";

/** A project with its first run made (judgement 4), for the test to change and run again. */
async function firstRun(): Promise<string> {
  const dir = await makeTempDir({ "index.yaml": PROJECT, "tree.csv": TREE, "values.csv": VALUES, "ahp.csv": ahp(4) });
  expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
  return dir;
}

/** The rows of the table of kind `weight` or `global_weight`, split into their printed cells (empty cells drop out). */
const weightRows = (stdout: string) => stdout.split("\n").filter((line) => /^(weight|global_weight) /.test(line)).map((line) => line.split(/\s+/));
const weightCsvLines = (stdout: string) => stdout.split("\n").filter((line) => /^(weight|global_weight),/.test(line));

describe("diff: the weights that changed between two runs (weights.csv)", () => {
  it("A against B revised from 4 to 3: A 0.8 -> 0.75 and B 0.2 -> 0.25, in the parent and in the index; A1 and A2 0.4 -> 0.375 in the index only", async () => {
    const dir = await firstRun();
    await writeFile(join(dir, "ahp.csv"), ahp(3));
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const table = await runCli(["diff"], dir);
    expect(table.code).toBe(0);
    // Changes of the figures as shown, signed as printed; in percent of the earlier weight:
    // A 0.75 − 0.8 = −0.05, −0.05/0.8 = −6.25 %; B 0.25 − 0.2 = +0.05, 0.05/0.2 = +25 %;
    // A1, A2 0.375 − 0.4 = −0.025, −0.025/0.4 = −6.25 %. Weights within A (0.5) and of B1 (1) did not change.
    expect(weightRows(table.stdout)).toEqual([
      ["weight", "changed", "A", "0.800000", "0.750000", "-0.050000", "-6.25%"],
      ["weight", "changed", "B", "0.200000", "0.250000", "+0.050000", "+25.00%"],
      ["global_weight", "changed", "A", "0.800000", "0.750000", "-0.050000", "-6.25%"],
      ["global_weight", "changed", "A1", "0.400000", "0.375000", "-0.025000", "-6.25%"],
      ["global_weight", "changed", "A2", "0.400000", "0.375000", "-0.025000", "-6.25%"],
      ["global_weight", "changed", "B", "0.200000", "0.250000", "+0.050000", "+25.00%"],
      ["global_weight", "changed", "B1", "0.200000", "0.250000", "+0.050000", "+25.00%"],
    ]);
    // After the file that changed, before the values the weights moved: v 2018, A = 100·5/4 = 125, B = 100·6/4 = 150,
    // INDEX 0.8·125 + 0.2·150 = 130 -> 0.75·125 + 0.25·150 = 131.25 (+1.25, 100·1.25/130 = 0.96 %). Nothing else
    // moved: u is 200 everywhere, 2017 is the base year (100).
    const lines = table.stdout.trimEnd().split("\n").slice(1).map((line) => line.split(/\s+/));
    expect(lines.map((cells) => cells[0])).toEqual(["file", ...Array(2).fill("weight"), ...Array(5).fill("global_weight"), "output"]);
    expect(lines[8]).toEqual(["output", "changed", "v", "2018", "INDEX", "130.0000", "131.2500", "+1.2500", "+0.96%"]);
    expect(table.stderr).not.toContain("weights not compared");
    // The CSV: the weights as weights.csv holds them, unrounded (shortest text); with --decimals, 6 decimals at least.
    const csv = await runCli(["diff", "--format", "csv"], dir);
    expect(weightCsvLines(csv.stdout)).toEqual([
      "weight,changed,,,A,0.8,0.75,-0.05,-6.25",
      "weight,changed,,,B,0.2,0.25,0.05,25",
      "global_weight,changed,,,A,0.8,0.75,-0.05,-6.25",
      "global_weight,changed,,,A1,0.4,0.375,-0.025,-6.25",
      "global_weight,changed,,,A2,0.4,0.375,-0.025,-6.25",
      "global_weight,changed,,,B,0.2,0.25,0.05,25",
      "global_weight,changed,,,B1,0.2,0.25,0.05,25",
    ]);
    expect(csv.stdout.split("\n")[2]).toBe("weight,changed,,,A,0.8,0.75,-0.05,-6.25"); // after the header and the file row
    expect(weightCsvLines((await runCli(["diff", "--format", "csv", "--decimals", "2"], dir)).stdout)[3]).toBe("global_weight,changed,,,A1,0.400000,0.375000,-0.025000,-6.25");
    // --decimals 8 in the table: 8 decimals of the weights too (weights.csv holds 6, so two more zeros).
    expect(weightRows((await runCli(["diff", "--decimals", "8"], dir)).stdout)[0]).toEqual(["weight", "changed", "A", "0.80000000", "0.75000000", "-0.05000000", "-6.25%"]);
  });

  it("a node added and a node removed: A2 leaves A, B2 joins B", async () => {
    const dir = await firstRun();
    // Second run: A has A1 only (weight 1, in the index 0.8); B has B1 and B2, judged equal (0.5 each, in the index
    // 0.2·0.5 = 0.1).
    await writeFile(join(dir, "tree.csv"), "code,parent,name,weight,direction\nA,,a,,\nA1,A,a1,,+\nB,,b,,\nB1,B,b1,,+\nB2,B,b2,,+\n");
    await writeFile(join(dir, "values.csv"), VALUES.replaceAll("A2", "B2"));
    await writeFile(join(dir, "ahp.csv"), ahp(4, "B,B1,B2"));
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const table = await runCli(["diff", "-q"], dir);
    expect(table.code).toBe(0);
    // A1 0.5 -> 1 (+0.5, +100 %), B1 1 -> 0.5 (−0.5, −50 %); in the index A1 0.4 -> 0.8 (+100 %), B1 0.2 -> 0.1 (−50 %).
    // An added node has no weight before and no change; a removed one, no weight after. A and B did not move.
    expect(weightRows(table.stdout)).toEqual([
      ["weight", "changed", "A1", "0.500000", "1.000000", "+0.500000", "+100.00%"],
      ["weight", "changed", "B1", "1.000000", "0.500000", "-0.500000", "-50.00%"],
      ["weight", "added", "B2", "0.500000"],
      ["weight", "removed", "A2", "0.500000"],
      ["global_weight", "changed", "A1", "0.400000", "0.800000", "+0.400000", "+100.00%"],
      ["global_weight", "changed", "B1", "0.200000", "0.100000", "-0.100000", "-50.00%"],
      ["global_weight", "added", "B2", "0.100000"],
      ["global_weight", "removed", "A2", "0.400000"],
    ]);
    const csv = await runCli(["diff", "--format", "csv"], dir);
    expect(weightCsvLines(csv.stdout)).toEqual([
      "weight,changed,,,A1,0.5,1,0.5,100",
      "weight,changed,,,B1,1,0.5,-0.5,-50",
      "weight,added,,,B2,,0.5,,",
      "weight,removed,,,A2,0.5,,,",
      "global_weight,changed,,,A1,0.4,0.8,0.4,100",
      "global_weight,changed,,,B1,0.2,0.1,-0.1,-50",
      "global_weight,added,,,B2,,0.1,,",
      "global_weight,removed,,,A2,0.4,,,",
    ]);
  });

  it("weights that did not change: no weight rows (a value revised, the weights the same)", async () => {
    const dir = await firstRun();
    await writeFile(join(dir, "values.csv"), VALUES.replace("u,2018,A1,2", "u,2018,A1,3"));
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const table = await runCli(["diff"], dir);
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n").map((line) => line.split(/\s+/))).toContainEqual(["input", "changed", "u", "2018", "A1", "2.0000", "3.0000", "+1.0000", "+50.00%"]);
    expect(weightRows(table.stdout)).toEqual([]);
    expect(table.stderr).not.toContain("weights not compared");
    const csv = await runCli(["diff", "--format", "csv"], dir);
    expect(csv.stdout).toContain("input,changed,u,2018,A1,2,3,1,50\n"); // 3 − 2 = 1, 100·1/2 = 50 %
    expect(weightCsvLines(csv.stdout)).toEqual([]);
    expect(csv.stderr).toBe("");
  });

  it("a run without weights.csv (an older version's): weights not compared, said on stderr (not under --quiet), the rest compared; one whose manifest lists it, removed since, is refused", async () => {
    const dir = await firstRun();
    await writeFile(join(dir, "ahp.csv"), ahp(3));
    expect((await runCli(["compute", "-q"], dir)).code).toBe(0);
    const [first] = (await readdir(join(dir, "runs"))).filter((name) => /^\d{8}T/.test(name)).sort(); // the run folders, by id
    const folder = join(dir, "runs", first);
    // Removed with its manifest entry, as a run of a version before weights.csv lists no such file (checked as listed only).
    await rm(join(folder, "weights.csv"));
    const before = await runCli(["diff"], dir);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain(`error: runs/${first}/weights.csv is missing or cannot be read, though the run's manifest.json lists it`);
    const manifest = JSON.parse(await readFile(join(folder, "manifest.json"), "utf8")) as { outputs: { path: string }[] };
    manifest.outputs = manifest.outputs.filter((output) => output.path !== "weights.csv");
    await editByHand(join(folder, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    const note = terminalMessages.diffWeightsNotCompared(`runs/${first}/weights.csv`, true);
    expect(note).toBe(`weights not compared: runs/${first}/weights.csv is missing (a run of an older version, which wrote no weights.csv); the values, options and files are compared all the same\n`);
    for (const quiet of [false, true]) {
      const table = await runCli(["diff", ...(quiet ? ["-q"] : [])], dir);
      expect(table.code).toBe(0);
      // After the summary line; --quiet prints nothing but errors on stderr.
      expect(table.stderr.split("\n").slice(1).join("\n")).toBe(quiet ? "" : note);
      expect(table.stderr === "").toBe(quiet);
      expect(weightRows(table.stdout)).toEqual([]);
      expect(table.stdout.split("\n")[1].split(/\s+/).slice(0, 3)).toEqual(["file", "changed", "ahp.csv"]);
    }
    const csv = await runCli(["diff", "--format", "csv"], dir);
    expect(csv.code).toBe(0);
    expect(csv.stderr).toBe(note);
    expect(weightCsvLines(csv.stdout)).toEqual([]);
    expect(csv.stdout).toContain("file,changed,,,ahp.csv,");
  });

  it("--out folders: a weights.csv without code and weight columns is not compared either", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES, "a.csv": ahp(4), "b.csv": ahp(3) });
    for (const name of ["a", "b"]) expect((await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--weights", "ahp", "--ahp", `${name}.csv`, "-o", name, "-q"], dir)).code).toBe(0);
    expect(weightRows((await runCli(["diff", "a", "b", "-q"], dir)).stdout)[0]).toEqual(["weight", "changed", "A", "0.800000", "0.750000", "-0.050000", "-6.25%"]);
    await writeFile(join(dir, "b", "weights.csv"), "node,share\nA,0.75\n");
    const run = await runCli(["diff", "a", "b", "--format", "csv"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(terminalMessages.diffWeightsNotCompared("b/weights.csv", false));
    expect(run.stderr).toContain('b/weights.csv has no "code" and "weight" columns');
    expect(weightCsvLines(run.stdout)).toEqual([]);
    expect(run.stdout).toContain("output,changed,v,2018,INDEX,130,131.25,1.25,"); // the values compared all the same
  });
});
