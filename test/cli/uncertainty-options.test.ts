/**
 * `uncertainty` takes the method and data options of `compute`: its nominal run is `compute` with the same options.
 * Each case runs both commands on a small fixture, compares the nominal column of uncertainty.csv with compute's
 * overall index cell by cell, and checks one value worked out by hand.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AGGREGATE_METHODS } from "../../src/core/aggregate/methods.js";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { RATIO_METHODS } from "../../src/core/normalize.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

/**
 * Ten units, two years; X1 has two outliers in 2018 (U09 900, U10 1000, the rest 1..10 and 1..8), X2 and Y1 do not
 * move (X2 = u, Y1 = 10·u), so every X2 and Y1 score is 100 under fixed-base.
 */
function outlierValues(): string {
  const rows = ["unit,year,indicator,value"];
  for (let u = 1; u <= 10; u++) {
    const unit = `U${String(u).padStart(2, "0")}`;
    for (const year of [2017, 2018]) {
      const x1 = year === 2017 ? u : u === 10 ? 1000 : u === 9 ? 900 : u;
      rows.push(`${unit},${year},X1,${x1}`, `${unit},${year},X2,${u}`, `${unit},${year},Y1,${10 * u}`);
    }
  }
  return rows.join("\n") + "\n";
}

async function setUp(): Promise<string> {
  const values = await fixture("values.csv");
  return makeTempDir({
    "tree.csv": await fixture("tree.csv"),
    "values.csv": values,
    // U2's X1 is 0 in the base year 2017.
    "zero.csv": values.replace("U2,2017,X1,4\n", "U2,2017,X1,0\n"),
    // U1's X1 is missing in 2019 (an edge: carry-back cannot fill it) or in 2018 (interpolation can).
    "edge-gap.csv": values.replace("U1,2019,X1,15\n", ""),
    "inner-gap.csv": values.replace("U1,2018,X1,12\n", "U1,2018,X1,\n"),
    "outliers.csv": outlierValues(),
    // X three times as important as Y (weights 3/4, 1/4); X1 and X2 equal.
    "ahp.csv": "group,a,b,value\nINDEX,X,Y,3\nX,X1,X2,1\n",
  });
}

/** `unit,year` -> the overall index of compute, as printed with 4 decimals. */
async function computed(dir: string, data: string, options: string[]): Promise<Map<string, string>> {
  const out = `compute-${Math.random().toString(36).slice(2)}`;
  const run = await runCli(["compute", "-i", "tree.csv", "-d", data, ...options, "--out", out, "-q"], dir);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const rows = (await readFile(join(dir, out, "index.csv"), "utf8")).split("\n").filter((line) => line.includes(",INDEX,"));
  return new Map(rows.map((line) => line.split(",")).map((cells) => [`${cells[0]},${cells[1]}`, cells.at(-1)!]));
}

/** `unit,year` -> the nominal index of uncertainty (weights varied ±10%, few replications: only the nominal matters). */
async function nominal(dir: string, data: string, options: string[], vary = ["--weight-noise", "0.1"]): Promise<Map<string, string>> {
  const out = `uncertainty-${Math.random().toString(36).slice(2)}`;
  const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", data, ...options, ...vary, "-n", "20", "--out", out, "-q"], dir);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const rows = (await readFile(join(dir, out, "uncertainty.csv"), "utf8")).split("\n").slice(1, -1);
  return new Map(rows.map((line) => line.split(",")).map((cells) => [`${cells[0]},${cells[1]}`, cells[2]]));
}

// [name, data file, options, cell, hand value, how]
const CASES: [string, string, string[], string, string, string][] = [
  ["--weights equal", "values.csv", ["--weights", "equal"], "U1,2019", "135.0000", "X = (150 + 200)/2 = 175, Y = 95; X and Y weigh 1/2 each: (175 + 95)/2 = 135"],
  ["--weights ahp --ahp", "values.csv", ["--weights", "ahp", "--ahp", "ahp.csv"], "U1,2019", "155.0000", "X 3 times Y: w = 3/4, 1/4: 0.75·175 + 0.25·95 = 155"],
  ["--cap", "values.csv", ["--cap", "140"], "U1,2019", "122.0000", "X1 150 and X2 200 capped at 140: 0.6·140 + 0.4·95 = 122"],
  [
    "--dampen log",
    "values.csv",
    ["--dampen", "log"],
    "U1,2019",
    "130.9066",
    "100·(1 + ln r): X1 140.5465 (r 1.5), X2 169.3147 (r 2), X 154.9306; Y 94.8707 (r 0.95); 0.6·154.9306 + 0.4·94.8707 = 130.9066",
  ],
  [
    "--reference-unit",
    "values.csv",
    ["--normalise", "distance-to-reference", "--reference-unit", "U1"],
    "U2,2019",
    "94.5789",
    "U2 against U1 in 2019: X1 100·6/15 = 40, X2 (−) 100·25/10 = 250, X 145; Y 100·36/190 = 18.9474; 0.6·145 + 0.4·18.9474 = 94.5789",
  ],
  [
    "--aggregate with a level",
    "values.csv",
    ["--aggregate", "arithmetic,0=geometric"],
    "U1,2019",
    "137.0605",
    "overall index geometric: 175^0.6 · 95^0.4 = exp(0.6·5.164786 + 0.4·4.553877) = 137.0605",
  ],
  [
    "--zero-base first-nonzero",
    "zero.csv",
    ["--zero-base", "first-nonzero"],
    "U2,2019",
    "108.0000",
    "X1's base moves to 2018 (U2 2017 is 0): 100·6/5 = 120; X2 (−) 100·8/10 = 80; X 100; Y 100·36/30 = 120; 0.6·100 + 0.4·120 = 108",
  ],
  [
    "--missing carry-back --unfilled reweight",
    "edge-gap.csv",
    ["--missing", "carry-back", "--unfilled", "reweight"],
    "U1,2019",
    "158.0000",
    "X1 2019 cannot be carried back, so it is dropped: X = X2 = 200; 0.6·200 + 0.4·95 = 158",
  ],
  ["--missing interpolate", "inner-gap.csv", ["--missing", "interpolate"], "U1,2018", "117.0000", "X1 2018 = (10 + 15)/2 = 12.5: X1 125, X2 125, Y 105; 0.6·125 + 0.4·105 = 117"],
  [
    "--outliers winsorise",
    "outliers.csv",
    ["--outliers", "winsorise"],
    "U09,2018",
    "103.3333",
    "over the panel, 1000 -> 900, then both 900s -> 10: U09 X1 100·10/9 = 111.1111, X 105.5556; 0.6·105.5556 + 0.4·100 = 103.3333",
  ],
  [
    "--outliers winsorise --winsor-max 1",
    "outliers.csv",
    ["--outliers", "winsorise", "--winsor-max", "1"],
    "U10,2018",
    "2770.0000",
    "one point only: U10 1000 -> 900, X1 100·900/10 = 9000, X 4550; 0.6·4550 + 0.4·100 = 2770 (untreated: 3070)",
  ],
  [
    "--outliers winsorise --outlier-scope year",
    "outliers.csv",
    ["--outliers", "winsorise", "--outlier-scope", "year"],
    "U10,2018",
    "3070.0000",
    "2018 alone (1..8, 900, 1000) has skewness 1.79 < 2: untreated, X1 10000, X 5050; 0.6·5050 + 0.4·100 = 3070",
  ],
  [
    "--outliers log",
    "outliers.csv",
    ["--outliers", "log"],
    "U10,2018",
    "140.4848",
    "ln(x − 1 + 9.99): X1 100·ln(1008.99)/ln(18.99) = 100·6.916705/2.943913 = 234.9496, X 167.4748; 0.6·167.4748 + 40 = 140.4848",
  ],
  ["--normalise chain", "values.csv", ["--normalise", "chain"], "U1,2019", "143.0000", "chained ratios multiply to the fixed-base ratios: 0.6·175 + 0.4·95 = 143"],
];

describe("uncertainty's nominal run is compute with the same options", () => {
  it.each(CASES)("%s", async (_name, data, options, cell, hand) => {
    const dir = await setUp();
    const fromCompute = await computed(dir, data, options);
    const fromUncertainty = await nominal(dir, data, options);
    expect([...fromUncertainty]).toEqual([...fromCompute]);
    expect(fromUncertainty.get(cell)).toBe(hand);
  });

  it.each([["entropy"], ["critic"], ["cv"], ["pca"], ["combined"]])("--weights %s (derived weights), with its sub-options", async (method) => {
    const dir = await setUp();
    const options = ["--weights", method, ...(method === "combined" ? ["--ahp", "ahp.csv", "--alpha", "0.3"] : ["--weight-years", "2017-2018"])];
    expect([...(await nominal(dir, "values.csv", options))]).toEqual([...(await computed(dir, "values.csv", options))]);
  });

  it("--weights with varied normalisations and noise: the nominal is compute's; another seed moves only the spread", async () => {
    const dir = await setUp();
    const vary = ["--normalisations", "fixed-base,min-max", "--weight-noise", "0.3"];
    const fromUncertainty = await nominal(dir, "values.csv", ["--weights", "equal", "--cap", "160"], vary);
    // U1 2019 with equal weights and the cap: X1 150, X2 160 (200 capped), X 155; Y 95; (155 + 95)/2 = 125.
    expect(fromUncertainty.get("U1,2019")).toBe("125.0000");
    expect([...fromUncertainty]).toEqual([...(await computed(dir, "values.csv", ["--weights", "equal", "--cap", "160"]))]);
  });

  it("noise perturbs the derived weights: with AHP weights 3/4, 1/4 and ±20%, U1 2019 stays in the bounds worked out by hand", async () => {
    const dir = await setUp();
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--weights", "ahp", "--ahp", "ahp.csv", "--weight-noise", "0.2", "-n", "300", "-q"], dir);
    expect(run.code).toBe(0);
    const row = (await readFile(join(dir, "out/uncertainty.csv"), "utf8")).split("\n")[3].split(",");
    // X1 150, X2 200, Y 95. w_X = 0.75a / (0.75a + 0.25b) with a, b in [0.8, 1.2]: from 0.6/(0.6 + 0.3) = 2/3 to
    // 0.9/(0.9 + 0.2) = 9/11; X1 and X2 (1/2 each) at ±20%: X from 0.4·150 + 0.6·200 = 170 to 180. INDEX in
    // [2/3·170 + 1/3·95, 9/11·180 + 2/11·95] = [145, 164.55]. Around the tree's weights (w_X 0.6, from 0.5 to
    // 0.6923) it could not pass 0.6923·180 + 0.3077·95 = 153.85, which this run's 95% quantile does.
    expect(row.slice(0, 3)).toEqual(["U1", "2019", "155.0000"]);
    expect(Number(row[4])).toBeGreaterThanOrEqual(145);
    expect(Number(row[5])).toBeLessThanOrEqual(164.55);
    expect(Number(row[5])).toBeGreaterThan(153.85);
  });

  it("prints the nominal run's warnings and what --weights and the data stage did", async () => {
    const dir = await setUp();
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "outliers.csv", "--outliers", "log", "--weights", "equal", "--weight-noise", "0.1", "-n", "10"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${messages.logWithFixedBase("X1")}`);
    expect(run.stderr).toContain("weights by equal\n");
    expect(run.stderr).toContain("nominal run: imputed 0 cells, reweighted 0 cells, outlier-treated 20 cells\n");
  });
});

describe("warnings", () => {
  it("--cap is reported unused only when no listed normalisation uses it", async () => {
    const dir = await setUp();
    const argv = ["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--cap", "140", "-n", "10"];
    const unused = `warning: ${messages.optionUnused("--cap", RATIO_METHODS)}`;
    const used = await runCli([...argv, "--normalisations", "min-max,fixed-base"], dir);
    expect(used.code).toBe(0);
    expect(used.stderr).not.toContain(unused);
    // (min-max and fixed-base are on different scales: that is warned about, and is no --cap warning)
    expect(used.stderr.split("\n").filter((line) => line.startsWith("warning:"))).toEqual([
      `warning: ${messages.scalesMixed([{ scale: "0-100", methods: ["min-max"] }, { scale: "ratio (100 = a base)", methods: ["fixed-base"] }])}`,
    ]);
    const none = await runCli([...argv, "--normalisations", "min-max,z-score"], dir);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain(unused);
    // Under --strict the same rule: an error only when no listed method uses --cap, as compute --strict would refuse it.
    expect((await runCli([...argv, "--strict", "--normalisations", "min-max,fixed-base", "-q"], dir)).code).toBe(0);
    const strict = await runCli([...argv, "--strict", "--normalisations", "min-max,z-score", "-q"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(`error: 1 problem found:\n${messages.optionUnused("--cap", RATIO_METHODS)}\n`);
    const tree = (await readFile(join(dir, "tree.csv"), "utf8")).replace(",0.4,", ",0.5,");
    await writeFile(join(dir, "tree-0.5.csv"), tree);
    const weights = await runCli(["uncertainty", "-i", "tree-0.5.csv", "-d", "values.csv", "--strict", "--weight-noise", "0.1", "-q"], dir);
    const computeStrict = await runCli(["compute", "-i", "tree-0.5.csv", "-d", "values.csv", "--strict", "-q"], dir);
    expect(computeStrict.code).toBe(1);
    expect(weights.code).toBe(1);
    expect(weights.stderr).toBe(computeStrict.stderr);
  });
});

describe("single options and lists of methods", () => {
  it("--missing agreeing with the first of --missing-policies is accepted; --normalise and --aggregate likewise", async () => {
    const dir = await setUp();
    const both = await nominal(dir, "inner-gap.csv", ["--missing", "interpolate", "--normalise", "fixed-base", "--aggregate", "geometric"], [
      "--missing-policies",
      "interpolate,reweight",
      "--normalisations",
      "fixed-base,chain",
      "--aggregations",
      "geometric,arithmetic",
    ]);
    expect([...both]).toEqual([...(await computed(dir, "inner-gap.csv", ["--missing", "interpolate", "--aggregate", "geometric"]))]);
  });

  it.each([
    [["--missing", "reweight", "--missing-policies", "interpolate,reweight"], messages.nominalConflict("--missing", "reweight", "--missing-policies", ["interpolate", "reweight"])],
    [["--normalise", "min-max", "--normalisations", "fixed-base,min-max"], messages.nominalConflict("--normalise", "min-max", "--normalisations", ["fixed-base", "min-max"])],
    [["--normalize", "min-max", "--normalisations", "fixed-base,min-max"], messages.nominalConflict("--normalize", "min-max", "--normalisations", ["fixed-base", "min-max"])],
    [["--aggregate", "geometric", "--aggregations", "arithmetic,geometric"], messages.nominalConflict("--aggregate", "geometric", "--aggregations", ["arithmetic", "geometric"])],
  ])("conflicting nominal choices are a usage error (exit 2), writing nothing: %j", async (options, message) => {
    const dir = await setUp();
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "inner-gap.csv", ...options], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${message}\n(run with --help for usage)\n`);
    expect(await listDir(join(dir, "out"))).toEqual([]);
  });

  it("power:P in --aggregations is refused with the way to give the exponent (--power P)", async () => {
    const dir = await setUp();
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--aggregations", "arithmetic,power:0.5"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the exponent goes in --power P");
    expect(run.stderr).toContain(messages.unknownOptionChoice("--aggregations", "power:0.5", AGGREGATE_METHODS, "arithmetic,power:0.5"));
  });

  it("--weights alone, or a single method, still varies nothing: a usage error", async () => {
    const dir = await setUp();
    const run = await runCli(["uncertainty", "-i", "tree.csv", "-d", "values.csv", "--weights", "equal", "--missing-policies", "interpolate"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(messages.nothingVaries());
  });

  it("gives byte-identical files for the same seed with the new options", async () => {
    const dir = await setUp();
    const argv = ["uncertainty", "-i", "tree.csv", "-d", "outliers.csv", "--weights", "entropy", "--outliers", "winsorise", "--cap", "500"];
    const vary = ["--weight-noise", "0.3", "--normalisations", "fixed-base,chain", "--aggregations", "arithmetic,harmonic", "-n", "64", "--seed", "11", "-q"];
    for (const out of ["a", "b"]) expect((await runCli([...argv, ...vary, "--out", out], dir)).code).toBe(0);
    for (const name of ["uncertainty.csv", "sensitivity.csv", "uncertainty.html"]) {
      const a = await readFile(join(dir, "a", name));
      expect(a.length).toBeGreaterThan(0);
      expect((await readFile(join(dir, "b", name))).equals(a)).toBe(true);
    }
  });
});

describe("uncertainty in a project (index.yaml)", () => {
  async function project(methods: string[]): Promise<string> {
    const dir = await setUp();
    // The inputs sit in the parent folder, which index.yaml must allow.
    const yaml = ["indicators: ../tree.csv", "values: ../outliers.csv", "allow-outside: true", "methods:", ...methods.map((line) => `  ${line}`), ""].join("\n");
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "sub/index.yaml"), yaml);
    return join(dir, "sub");
  }

  it("takes the method keys of index.yaml as compute does", async () => {
    const sub = await project(["weights: equal", "outliers: winsorise", "winsor-max: 1", "cap: 5000", "aggregate: arithmetic,0=geometric"]);
    const fromCompute = await runCli(["compute", "--out", "c", "-q"], sub);
    expect(fromCompute.code).toBe(0);
    const index = (await readFile(join(sub, "c/index.csv"), "utf8")).split("\n").filter((line) => line.includes(",INDEX,")).map((line) => line.split(",").at(-1));
    const run = await runCli(["uncertainty", "--weight-noise", "0.1", "-n", "10", "-q"], sub);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const rows = (await readFile(join(sub, "out/uncertainty.csv"), "utf8")).split("\n").slice(1, -1);
    expect(rows.map((line) => line.split(",")[2])).toEqual(index);
    // U10 2018: one point winsorised (1000 -> 900), X1 = 9000 capped at 5000, X2 100: X = (5000 + 100)/2 = 2550;
    // equal weights at the top, geometric: √(2550·100) = 504.9752.
    expect(rows.find((line) => line.startsWith("U10,2018,"))?.split(",")[2]).toBe("504.9752");
  });

  it("a list on the command line replaces the file's single method (flags override the file)", async () => {
    const sub = await project(["normalise: min-max", "aggregate: arithmetic,0=geometric"]);
    const run = await runCli(["uncertainty", "--normalisations", "fixed-base,chain", "--aggregations", "harmonic,arithmetic", "-q"], sub);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const rows = (await readFile(join(sub, "out/uncertainty.csv"), "utf8")).split("\n").slice(1, -1);
    // The nominal is fixed-base and harmonic everywhere (the file's level 0 geometric is replaced too). U10 2018:
    // X1 10000, X2 100: X = 2/(1/10000 + 1/100) = 198.0198; Y 100: INDEX = 1/(0.6/198.0198 + 0.4/100) = 142.2475.
    expect(rows.find((line) => line.startsWith("U10,2018,"))?.split(",")[2]).toBe("142.2475");
  });
});
