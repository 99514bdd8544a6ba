import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listDir, makeTempDir, runCli } from "../helpers.js";
import { outputMessages } from "../../src/core/output-messages.js";
import { messages } from "../../src/core/messages.js";
import { projectMessages } from "../../src/core/project-messages.js";
import { UNUSED, weightingMessages } from "../../src/core/weighting/messages.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

/** What compute writes for the small fixture (two units, so ranks.csv too). */
const OUTPUT_FILES = [
  "contributions.csv",
  "coverage.csv",
  "growth.csv",
  "imputations.csv",
  "index-wide.csv",
  "index.csv",
  "index.json",
  "ranks.csv",
  "scores.csv",
  "treatment.csv",
  "weights.csv",
];

async function smallProject(): Promise<string> {
  return makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv") });
}

describe("innovation-index compute", () => {
  it("writes the files with the hand-computed values of the small fixture", async () => {
    const dir = await smallProject();
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--base-year", "2017", "--out", "out", "--decimals", "2"], dir);
    expect(run.stderr).toBe("wrote index.csv, index-wide.csv, scores.csv, growth.csv, contributions.csv, ranks.csv, weights.csv, coverage.csv, imputations.csv, treatment.csv, index.json to out\n");
    expect(run.code).toBe(0);
    expect(await listDir(join(dir, "out"))).toEqual(OUTPUT_FILES);
    // Values worked out by hand in test/core/compute.test.ts (fixed base 2017, X = mean(X1, X2), INDEX = 0.6·X + 0.4·Y).
    // CSV files for people start with a UTF-8 byte order mark (Excel then reads the Chinese names)
    expect(await readFile(join(dir, "out/index.csv"), "utf8")).toBe(
      [
        "\uFEFFunit,year,code,name,level,value",
        "U1,2017,INDEX,总指数,0,100.00",
        "U1,2017,X,维度X,1,100.00",
        "U1,2017,Y,维度Y,1,100.00",
        "U1,2018,INDEX,总指数,0,115.50",
        "U1,2018,X,维度X,1,122.50",
        "U1,2018,Y,维度Y,1,105.00",
        "U1,2019,INDEX,总指数,0,143.00",
        "U1,2019,X,维度X,1,175.00",
        "U1,2019,Y,维度Y,1,95.00",
        "U2,2017,INDEX,总指数,0,100.00",
        "U2,2017,X,维度X,1,100.00",
        "U2,2017,Y,维度Y,1,100.00",
        "U2,2018,INDEX,总指数,0,111.50",
        "U2,2018,X,维度X,1,112.50",
        "U2,2018,Y,维度Y,1,110.00",
        "U2,2019,INDEX,总指数,0,117.00",
        "U2,2019,X,维度X,1,115.00",
        "U2,2019,Y,维度Y,1,120.00",
        "",
      ].join("\n"),
    );
    expect(await readFile(join(dir, "out/index-wide.csv"), "utf8")).toBe(
      [
        "\uFEFFunit,code,name,level,2017,2018,2019",
        "U1,INDEX,总指数,0,100.00,115.50,143.00",
        "U1,X,维度X,1,100.00,122.50,175.00",
        "U1,Y,维度Y,1,100.00,105.00,95.00",
        "U2,INDEX,总指数,0,100.00,111.50,117.00",
        "U2,X,维度X,1,100.00,112.50,115.00",
        "U2,Y,维度Y,1,100.00,110.00,120.00",
        "",
      ].join("\n"),
    );
    const scores = (await readFile(join(dir, "out/scores.csv"), "utf8")).split("\n");
    // U1 X2 is negative: 100·50/25 = 200 in 2019
    expect(scores).toContain("U1,2019,X2,指标2,2,200.00");
    expect(scores).toHaveLength(1 + 2 * 3 * 3 + 1);
    const json = JSON.parse(await readFile(join(dir, "out/index.json"), "utf8"));
    expect(json.baseYear).toBe(2017);
    expect(json.results[1]).toEqual({ unit: "U1", year: 2018, values: { INDEX: 115.5, X: 122.5, X1: 120, X2: 125, Y: 105, Y1: 105 } });
    // the terminal table: overall index and first-level sub-indices with year-on-year growth
    expect(run.stdout).toContain("INDEX  总指数  100.00  115.50 (+15.5%)  143.00 (+23.8%)");
  });

  it("reads the wide layout as one unit", async () => {
    const dir = await makeTempDir({
      "tree.csv": await fixture("tree.csv"),
      "wide.csv": "indicator,name,2017,2018\nX1,a,10,12\nX2,b,50,40\nY1,c,\"1,000\",1.05e3\n",
    });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "wide.csv", "-q"], dir);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    // 2018 by hand: X = mean(120, 125) = 122.5; Y = 100·1050/1000 = 105; INDEX = 0.6·122.5 + 0.4·105 = 115.5
    expect(await readFile(join(dir, "out/index-wide.csv"), "utf8")).toContain("INDEX,总指数,0,100.0000,115.5000\n");
  });

  it("gives byte-identical files for the same inputs", async () => {
    const dir = await smallProject();
    await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-o", "a", "-q"], dir);
    await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-o", "b", "-q"], dir);
    for (const name of ["index.csv", "index-wide.csv", "scores.csv", "index.json"])
      expect(await readFile(join(dir, "b", name), "utf8")).toBe(await readFile(join(dir, "a", name), "utf8"));
  });

  it("keeps the last good output when a run fails, and writes nothing new", async () => {
    const dir = await smallProject();
    await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-q"], dir);
    const before = await readFile(join(dir, "out/index.csv"), "utf8");
    await writeFile(join(dir, "values.csv"), (await fixture("values.csv")).replace("U1,2018,X1,12", "U1,2018,X1,twelve"));
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(1);
    expect(await readFile(join(dir, "out/index.csv"), "utf8")).toBe(before);
    expect(await listDir(join(dir, "out"))).toEqual(OUTPUT_FILES);
  });

  it("says it took over the lock of a killed compute in its output folder, and writes the files", async () => {
    const dir = await smallProject();
    await mkdir(join(dir, "out"));
    // A compute killed while it wrote (kill -9): its lock names a process that is gone.
    const gone = await new Promise<number>((done) => {
      const child = execFile(process.execPath, ["-e", ""], () => done(child.pid!));
    });
    const since = new Date().toISOString();
    await writeFile(join(dir, "out/.innovation-index.lock"), JSON.stringify({ pid: gone, host: hostname(), startedAt: since }) + "\n");
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${projectMessages.lockTakenOver("out/.innovation-index.lock", `pid ${gone} on ${hostname()}, since ${since}`, "gone", 0, 0)}\n`);
    expect(await listDir(join(dir, "out"))).toEqual(OUTPUT_FILES);
  });

  it("exits 3 when the output folder cannot be written, leaving no temporary file", async () => {
    const dir = await makeTempDir({ "tree.csv": await fixture("tree.csv"), "values.csv": await fixture("values.csv"), blocked: "a file" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "-o", "blocked/out"], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`error: ${outputMessages.folderNotCreated("blocked/out", join(dir, "blocked/out"), "ENOTDIR")}\n`);
    // a rename that fails (index.json is a folder) removes every temporary file
    await mkdir(join(dir, "out/index.json"), { recursive: true });
    const failed = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(failed.code).toBe(3);
    expect((await listDir(join(dir, "out"))).filter((name) => name.endsWith(".tmp") || name.endsWith(".old"))).toEqual([]);
  });

  it.each([
    [["compute", "--decimals", "x"], /--decimals must be a whole number from 0 to 15, got "x"/],
    [["compute", "--missing", "guess"], /unknown value "guess" of --missing; expected one of: error, carry-forward, interpolate, carry-back, reweight, mean, median\n/],
    [["compute", "--bogus"], /unknown option '--bogus'/],
    [["compute", "-i", "tree.csv"], /--data is missing; expected both --indicators and --data, or neither for the shipped example/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("exits 2 on a usage error: %j", async (argv, message) => {
    const dir = await smallProject();
    const run = await runCli(argv, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(await listDir(join(dir, "out"))).toEqual([]);
  });

  it("computes the shipped Changzhou example with no arguments", async () => {
    const dir = await makeTempDir();
    const run = await runCli(["compute"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("using the shipped Changzhou example (illustrative data, not the official index)");
    const wide = (await readFile(join(dir, "out/index-wide.csv"), "utf8")).split("\n");
    expect(wide[0]).toBe("\uFEFFcode,name,level,2017,2018,2019,2020");
    // 1 overall index + 5 dimensions + 15 second-level groups, and a trailing newline
    expect(wide).toHaveLength(1 + 1 + 5 + 15 + 1);
    expect(wide.filter((line) => /^[A-E],/.test(line)).map((line) => line.split(",")[1])).toEqual(["双创活力", "产业成长", "互联互通", "平台赋能", "场景融合"]);
    expect(wide.every((line) => line === "" || line.startsWith("\uFEFFcode") || line.split(",")[3] === "100.0000")).toBe(true);
  });
});

describe("compute: options that do nothing warn (W_OPTION_UNUSED)", () => {
  it("--static without --report warns and writes no report.html; --strict refuses it before writing", async () => {
    const dir = await smallProject();
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--static"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n").filter((line) => line.startsWith("warning: "))).toEqual([`warning: ${messages.staticWithoutReport()}`]);
    expect(run.stderr).not.toMatch(/^wrote .*report\.html/m);
    expect(await listDir(join(dir, "out"))).toEqual(OUTPUT_FILES);
    const strict = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--static", "--strict", "--out", "strict"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(`error: 1 problem found:\n${messages.staticWithoutReport()}\n`);
    expect(await listDir(join(dir, "strict"))).toEqual([]);
  });

  it("--out - with --xlsx, --report, --parquet and --parquet-only warns of each (no file is written) and prints the CSV", async () => {
    const dir = await smallProject();
    const plain = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-"], dir);
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-", "--xlsx", "--report", "--parquet", "--parquet-only"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr).toBe(["--report", "--xlsx", "--parquet", "--parquet-only"].map((option) => `warning: ${messages.optionUnusedOnStdout(option)}\n`).join(""));
    expect(await listDir(dir)).toEqual(["tree.csv", "values.csv"]);
  });

  it.each([
    [["--alpha", "0.3"], [weightingMessages.alphaUnused("--weights explicit")]],
    [["--entropy-shift", "0.1"], [weightingMessages.entropyShiftUnused("--weights explicit")]],
    [["--weights", "critic", "--alpha", "0.3", "--entropy-shift", "0.1"], [weightingMessages.entropyShiftUnused("--weights critic"), weightingMessages.alphaUnused("--weights critic")]],
    [["--weights", "combined", "--combination", "multiplicative", "--alpha", "0.3"], [weightingMessages.alphaUnused("--combination multiplicative")]],
    [["--weights", "combined", "--objective", "cv", "--entropy-shift", "0.1"], [weightingMessages.entropyShiftUnused("--weights combined --objective cv")]],
    [["--weights", "combined", "--alpha", "0.3", "--entropy-shift", "0.1"], []],
    [["--weights", "entropy", "--entropy-shift", "0.1"], []],
    // The other weighting flags, which had commander defaults and so were ignored without a word when given.
    [["--weight-years", "2018", "--weight-missing", "drop"], ["--weight-years", "--weight-missing"].map((flag) => weightingMessages.optionUnused(flag, "--weights explicit", UNUSED.observations.which, UNUSED.observations.expected))],
    [["--weights", "equal", "--group-weights", "tree"], [weightingMessages.optionUnused("--group-weights", "--weights equal", UNUSED.observations.which, UNUSED.observations.expected)]],
    [["--weights", "critic", "--pca-rotation", "none", "--entropy-input", "raw"], [
      weightingMessages.optionUnused("--entropy-input", "--weights critic", UNUSED.entropy.which, UNUSED.entropy.expected),
      weightingMessages.optionUnused("--pca-rotation", "--weights critic", UNUSED.pca.which, UNUSED.pca.expected),
    ]],
    // The judgement file is not even read (there is none of that name).
    [["--weights", "entropy", "--ahp", "no-such-judgements.csv", "--allow-inconsistent", "--random-index", "saaty2005"], [
      weightingMessages.optionUnused("--random-index", "--weights entropy", UNUSED.judgements.which, UNUSED.judgements.expected),
      weightingMessages.optionUnused("--allow-inconsistent", "--weights entropy", UNUSED.judgements.which, UNUSED.judgements.expected),
      weightingMessages.optionUnused("--ahp", "--weights entropy", UNUSED.judgements.which, UNUSED.judgements.expected),
    ]],
    [["--weights", "combined", "--subjective", "equal", "--random-index", "saaty2005"], [weightingMessages.optionUnused("--random-index", "--weights combined --subjective equal", UNUSED.judgements.which, UNUSED.judgements.expected)]],
    [["--objective", "cv", "--combination", "multiplicative", "--subjective", "equal"], ["--subjective", "--objective", "--combination"].map((flag) => weightingMessages.optionUnused(flag, "--weights explicit", UNUSED.combination.which, UNUSED.combination.expected))],
    // Used: the defaults named, and the observations of an objective method.
    [["--weights", "combined", "--objective", "entropy", "--combination", "additive", "--weight-years", "2017-2018", "--group-weights", "sum"], []],
  ])("compute %j warns of the weighting options the method does not use, and computes as without them", async (args, expected) => {
    const dir = await smallProject();
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-", ...args], dir);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n").filter((line) => line.startsWith("warning: "))).toEqual(expected.map((message) => `warning: ${message}`));
    if (expected.length === 0) return;
    // The same values as with the method alone (each unused flag and its value left out).
    const unusedFlags = new Set(expected.map((message) => message.split(" ")[0]));
    const used = args.filter((arg, i) => !unusedFlags.has(arg) && !(unusedFlags.has(args[i - 1]) && !arg.startsWith("--")));
    expect(run.stdout).toBe((await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-", ...used], dir)).stdout);
  });

  it("--weights pca from no more observations than indicators warns (W_PCA_FEW_OBSERVATIONS), and is refused under --strict", async () => {
    // U1 in 2018-2019: 2 observations of the small fixture's 3 indicators, weighed together under INDEX.
    const dir = await smallProject();
    const args = ["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-", "--weights", "pca", "--weight-years", "2018-2019", "--weight-units", "U1"];
    const run = await runCli(args, dir);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n").filter((line) => line.startsWith("warning: "))).toEqual([`warning: ${weightingMessages.pcaFewObservations("INDEX", 2, 3, false)}`]);
    const strict = await runCli([...args, "--strict"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(weightingMessages.pcaFewObservations("INDEX", 2, 3, false));
  });

  it("--alpha with the tree's weights is refused under --strict, as the other methods' unused options are", async () => {
    const dir = await smallProject();
    for (const weights of ["explicit", "entropy"]) {
      const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", "--out", "-", "--weights", weights, "--alpha", "0.3", "--strict"], dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`error: 1 problem found:\n${weightingMessages.alphaUnused(`--weights ${weights}`)}\n`);
    }
  });
});
