/**
 * Every normalisation and aggregation method end to end through the CLI, on test/fixtures/small, against values
 * worked out by hand (or with Python's statistics module where a standard deviation is involved).
 *
 * The fixture, U1 / U2, 2017-2019: X1 (+) 10, 12, 15 / 4, 5, 6; X2 (−) 50, 40, 25 / 8, 8, 10;
 * Y1 (+) 200, 210, 190 / 30, 33, 36. X = mean(X1, X2), Y = Y1, INDEX = 0.6·X + 0.4·Y.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { makeTempDir, runCli } from "../helpers.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

/** The tree of the fixture with method columns: X1 between goalposts 0 and 20, X2 at distance to a target of 20. */
const TREE_WITH_COLUMNS = [
  "code,parent,name,weight,direction,normalise,min,max,target",
  "X,,维度X,0.6,,,,,",
  "X1,X,指标1,,+,min-max-goalposts,0,20,",
  "X2,X,指标2,,-,distance-to-target,,,20",
  "Y,,维度Y,0.4,,,,,",
  "Y1,Y,指标3,,+,,,,",
  "",
].join("\n");

async function project(tree?: string): Promise<string> {
  return makeTempDir({ "tree.csv": tree ?? (await fixture("tree.csv")), "values.csv": await fixture("values.csv") });
}

/** Runs compute and returns the overall index of U1 and U2 in 2019 as printed (2 decimals). */
async function index2019(args: string[], tree?: string): Promise<{ U1: string; U2: string; code: number; stderr: string }> {
  const dir = await project(tree);
  const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-o", "out", "--decimals", "2", "-q", ...args], dir);
  if (run.code !== 0) return { U1: "", U2: "", code: run.code, stderr: run.stderr };
  const lines = (await readFile(join(dir, "out/index.csv"), "utf8")).split("\n");
  const value = (unit: string) => lines.find((line) => line.startsWith(`${unit},2019,INDEX,`))!.split(",").at(-1)!;
  return { U1: value("U1"), U2: value("U2"), code: run.code, stderr: run.stderr };
}

describe("compute --normalise", () => {
  it.each([
    // fixed base: X = mean(150, 200) = 175, Y = 95 -> 0.6·175 + 0.4·95 = 143
    ["fixed-base", [], "143.00"],
    // chain: the same without gaps (the year-on-year ratios telescope)
    ["chain", [], "143.00"],
    // min-max over the panel: X1 100·(15 − 4)/11 = 100; X2 100·(50 − 25)/42 = 59.5238; Y1 100·(190 − 30)/180 = 88.8889
    // -> 0.6·79.7619 + 0.4·88.8889 = 83.4127
    ["min-max", [], "83.41"],
    // min-max within 2019 (two units): X1 U1 best -> 100, X2 U1 worse (25 > 10) -> 0, Y1 U1 best -> 100 -> 0.6·50 + 0.4·100
    ["min-max-year", [], "70.00"],
    // z-score over the panel (Python statistics.mean/stdev): X1 114.504239, X2 99.171637, Y1 108.014595
    // -> 0.6·106.837938 + 0.4·108.014595 = 107.308601
    ["z-score", [], "107.31"],
    // z-score within a year of two units is ±1/√2: X1 +, X2 −, Y1 + -> 0.6·100 + 0.4·107.0711 = 102.8284
    ["z-score-year", [], "102.83"],
    // rank of two units in 2019: X1 2, X2 1, Y1 2 -> 0.6·1.5 + 0.4·2 = 1.7
    ["rank", [], "1.70"],
    // to U2 in the same year: X1 100·15/6 = 250, X2 100·10/25 = 40, Y1 100·190/36 = 527.7778 -> 0.6·145 + 0.4·527.7778
    ["distance-to-reference", ["--reference-unit", "U2"], "298.11"],
  ])("%s", async (method, extra, expected) => {
    const run = await index2019(["--normalise", method, ...(extra as string[])]);
    expect(run.stderr).toBe("");
    expect(run.U1).toBe(expected);
    if (method === "distance-to-reference") expect(run.U2).toBe("100.00");
  });

  it("min-max-goalposts and distance-to-target from the tree's columns", async () => {
    // X1 100·15/20 = 75; X2 (−) 100·20/25 = 80; Y1 fixed base 95 -> 0.6·77.5 + 0.4·95 = 84.5
    expect((await index2019([], TREE_WITH_COLUMNS)).U1).toBe("84.50");
  });

  it("accepts the --normalize spelling", async () => {
    expect((await index2019(["--normalize", "rank"])).U1).toBe("1.70");
  });

  it("--cap and --dampen", async () => {
    // cap 180: X2 200 -> 180, X = 165 -> 0.6·165 + 0.4·95 = 137
    expect((await index2019(["--cap", "180"])).U1).toBe("137.00");
    // sqrt: X = mean(100·√1.5, 100·√2) = 131.947922, Y = 100·√0.95 = 97.467943 -> 118.155930
    expect((await index2019(["--dampen", "sqrt"])).U1).toBe("118.16");
    // log: X = mean(100·(1 + ln 1.5), 100·(1 + ln 2)), Y = 100·(1 + ln 0.95) -> 130.906637
    expect((await index2019(["--dampen", "log"])).U1).toBe("130.91");
  });
});

describe("compute --aggregate", () => {
  it.each([
    // X = √(150·200) = 173.205081; INDEX = 173.205081^0.6 · 95^0.4 = 136.215277
    ["geometric", "136.22"],
    // X = 2/(1/150 + 1/200) = 171.428571; INDEX = 1/(0.6/171.428571 + 0.4/95) = 129.692833
    ["harmonic", "129.69"],
    // X = 175 − 25²/175 = 171.428571; INDEX: M = 0.6·171.428571 + 0.4·95 = 140.857143,
    // S² = 0.6·30.571429² + 0.4·45.857143² = 1401.918367, M − S²/M = 130.904376
    ["mpi", "130.90"],
    // arithmetic below, geometric at the overall index: X = 175, INDEX = 175^0.6 · 95^0.4 = 137.060487
    ["arithmetic,0=geometric", "137.06"],
    ["1=arithmetic,0=geometric", "137.06"],
  ])("%s", async (spec, expected) => {
    const run = await index2019(["--aggregate", spec]);
    expect(run.stderr).toBe("");
    expect(run.U1).toBe(expected);
  });

  it("z-scores then MPI, the Mazziotta–Pareto pipeline", async () => {
    // X = MPI(114.504239, 99.171637) = 106.287833; INDEX = MPI of (106.287833, 108.014595) weighted 0.6/0.4 = 106.971848
    expect((await index2019(["--normalise", "z-score", "--aggregate", "mpi"])).U1).toBe("106.97");
  });

  it("records the methods in index.json", async () => {
    const dir = await project(TREE_WITH_COLUMNS);
    await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-o", "out", "-q", "--aggregate", "geometric,0=arithmetic", "--cap", "300"], dir);
    const json = JSON.parse(await readFile(join(dir, "out/index.json"), "utf8"));
    expect(json.options).toEqual({ normalize: "fixed-base", aggregate: "geometric", missing: "error", unfilled: "error", zeroBase: "error", outliers: "none", winsorMax: 5, outlierScope: "panel", strict: false, aggregateByLevel: { 0: "arithmetic" }, cap: 300 });
    expect(json.nodes.map((node: { code: string; method: string }) => `${node.code}:${node.method}`)).toEqual([
      "INDEX:arithmetic",
      "X:geometric",
      "X1:min-max-goalposts",
      "X2:distance-to-target",
      "Y:geometric",
      "Y1:fixed-base",
    ]);
  });
});

describe("method errors", () => {
  it("an unknown method or a bad option value is a usage error (exit 2)", async () => {
    for (const args of [["--normalise", "minmax"], ["--aggregate", "median"], ["--cap", "50"], ["--dampen", "cube"], ["--normalise", "rank", "--normalize", "chain"]]) {
      const run = await index2019(args);
      expect(run.code, args.join(" ")).toBe(2);
    }
    expect((await index2019(["--cap", "50"])).stderr).toContain("--cap must be a number >= 100");
  });

  it("a geometric mean over a zero score names group, child, unit and year (exit 1, nothing written)", async () => {
    const dir = await project();
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-o", "out", "--normalise", "min-max", "--aggregate", "geometric"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(messages.scoreNotPositive("geometric", "X", "X2", "U1", 2017, 0));
    expect(await readFile(join(dir, "out/index.csv"), "utf8").catch(() => "absent")).toBe("absent");
    // The advice of the message works: min-max on 1 to 100 gives the lowest value 1, and the geometric mean is defined.
    expect(run.stderr).toContain("--range 1,100");
    const ranged = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-o", "out", "--normalise", "min-max", "--range", "1,100", "--aggregate", "geometric", "-q"], dir);
    expect(ranged.code, ranged.stderr).toBe(0);
  });

  it("missing goalposts or target name the indicator and the tree line", async () => {
    const tree = TREE_WITH_COLUMNS.replace("X1,X,指标1,,+,min-max-goalposts,0,20,", "X1,X,指标1,,+,min-max-goalposts,,20,").replace(",,,20\n", ",,,\n");
    const run = await index2019([], tree);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`tree.csv:3: ${messages.missingGoalposts("X1", true, false)}`);
    expect(run.stderr).toContain(`tree.csv:4: ${messages.missingTarget("X2")}`);
  });
});

describe("validate with method columns and options", () => {
  it("accepts the tree's method columns, and checks them under the chosen options", async () => {
    const dir = await project(TREE_WITH_COLUMNS);
    const ok = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("ok: tree.csv (3 indicators in 2 groups)");
    const bad = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--normalise", "chain", "--aggregate", "3=mpi"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(messages.aggregateLevelWithoutGroups(3, [0, 1]));
  });

  it("reads the method keys of a YAML tree", async () => {
    const yaml = [
      "- code: X",
      "  weight: 0.6",
      "  children:",
      "    - { code: X1, direction: +, normalise: min-max-goalposts, min: 0, max: 20 }",
      "    - { code: X2, direction: '-', normalise: distance-to-target, target: 20 }",
      "- code: Y",
      "  weight: 0.4",
      "  children:",
      "    - { code: Y1, direction: + }",
      "",
    ].join("\n");
    const dir = await makeTempDir({ "tree.yaml": yaml, "values.csv": await fixture("values.csv") });
    const run = await runCli(["compute", "-i", "tree.yaml", "-d", "values.csv", "-o", "out", "--decimals", "2", "-q"], dir);
    expect(run.code).toBe(0);
    // as with the CSV columns: 0.6·77.5 + 0.4·95 = 84.5
    expect(await readFile(join(dir, "out/index.csv"), "utf8")).toContain("U1,2019,INDEX,Index,0,84.50\n");
  });
});
