/**
 * The `uncertainty:` block of index.yaml: its keys are `uncertainty`'s own options (the flag names), applied when the
 * command runs in a project, overridden by flags, ignored by `compute`, and checked with the file's line and key.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { NORMALIZE_METHODS } from "../../src/core/normalize.js";
import { projectMessages } from "../../src/core/project-messages.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

/**
 * The small fixture as a project in `sub/`, U1's X1 missing in 2018 (interpolation fills it), with a weight-ranges
 * file next to index.yaml and the `uncertainty:` block `block` (lines without their indent).
 */
async function project(block: string[], methods = ["missing: interpolate"]): Promise<string> {
  const values = (await fixture("values.csv")).replace("U1,2018,X1,12\n", "");
  const yaml = [
    "indicators: tree.csv",
    "values: data",
    "methods:",
    ...methods.map((line) => `  ${line}`),
    "outputs:",
    "  decimals: 1",
    "uncertainty:",
    ...block.map((line) => `  ${line}`),
    "",
  ].join("\n");
  return makeTempDir({
    "sub/index.yaml": yaml,
    "sub/tree.csv": await fixture("tree.csv"),
    "sub/data/values.csv": values,
    "sub/ranges.csv": "code,min,max\nX,0.4,0.8\n",
  });
}

/** Every key of the block, none at its default. */
const BLOCK = [
  "weight-noise: 0.3",
  "weight-ranges: ranges.csv", // relative to index.yaml, not to the folder the command runs in
  "normalisations: [fixed-base, chain]",
  'aggregations: "arithmetic, geometric"', // the flag's comma-separated text works too
  "missing-policies: [interpolate, carry-forward]",
  "replications: 64",
  "seed: 7",
  "bootstrap: 50",
  "out: results",
  "decimals: 3",
];
/** The same choices as flags, run from the parent folder (no index.yaml there). */
const FLAGS = [
  "-i", "sub/tree.csv", "-d", "sub/data", "--missing", "interpolate",
  "--weight-noise", "0.3", "--weight-ranges", "sub/ranges.csv", "--normalisations", "fixed-base,chain",
  "--aggregations", "arithmetic,geometric", "--missing-policies", "interpolate,carry-forward",
  "--replications", "64", "--seed", "7", "--bootstrap", "50", "--decimals", "3",
];
const FILES = ["sensitivity.csv", "uncertainty.csv", "uncertainty.html"];

async function expectSameFiles(a: string, b: string): Promise<void> {
  expect(await listDir(a)).toEqual(FILES);
  expect(await listDir(b)).toEqual(FILES);
  for (const name of FILES) expect((await readFile(join(a, name))).equals(await readFile(join(b, name))), name).toBe(true);
}

describe("uncertainty: in index.yaml", () => {
  it("applies every key: the files equal those of the same flags without a project, byte for byte", async () => {
    const dir = await project(BLOCK);
    const fromFile = await runCli(["uncertainty", "--project", "sub", "-q"], dir);
    expect(fromFile.stderr).toBe("");
    expect(fromFile.code).toBe(0);
    const fromFlags = await runCli(["uncertainty", ...FLAGS, "--out", "flags", "-q"], dir);
    expect(fromFlags.code).toBe(0);
    // out: results is relative to index.yaml: sub/results, not ./results.
    expect(await listDir(join(dir, "results"))).toEqual([]);
    await expectSameFiles(join(dir, "sub/results"), join(dir, "flags"));
    const csv = await readFile(join(dir, "sub/results/uncertainty.csv"), "utf8");
    // decimals: 3 of the block wins over outputs.decimals: 1. By hand, U1 2018 nominal (interpolate, fixed-base,
    // arithmetic): X1 = (10 + 15)/2 = 12.5 -> 125, X2 = 100·50/40 = 125, X = 125, Y = 100·210/200 = 105;
    // INDEX = 0.6·125 + 0.4·105 = 117.
    expect(csv).toMatch(/\nU1,2018,117\.000,\d+\.\d{3},/);
    // Four choices vary (the weight ranges and the noise together are one): the block's lists all took effect.
    const choices = (await readFile(join(dir, "sub/results/sensitivity.csv"), "utf8")).split("\n").filter((line) => line.startsWith("index,2019,all,"));
    expect(choices.map((line) => line.split(",")[4])).toEqual(["weights", "normalisation", "aggregation", "missing"]);
  });

  it("compute does not use the block", async () => {
    const dir = await project(BLOCK);
    const run = await runCli(["compute", "--out", "c", "-q"], join(dir, "sub"));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    // outputs.decimals 1 applies, uncertainty.decimals 3 does not; the same U1 2018 value as above.
    expect(await readFile(join(dir, "sub/c/index.csv"), "utf8")).toContain("U1,2018,INDEX,总指数,0,117.0\n");
    expect(await listDir(join(dir, "sub/results"))).toEqual([]);
  });

  it("flags override the block: typed values, a typed list, and a typed single method that replaces the file's list", async () => {
    const dir = await project(BLOCK);
    const typed = ["--seed", "9", "-n", "32", "--decimals", "2", "--normalisations", "chain,fixed-base", "--missing", "interpolate", "--weight-noise", "0.1"];
    const fromFile = await runCli(["uncertainty", "--project", "sub", ...typed, "--out", "typed", "-q"], dir);
    expect(fromFile.stderr).toBe("");
    expect(fromFile.code).toBe(0);
    // The file's aggregations, weight ranges and bootstrap stay; --missing interpolate replaces missing-policies (no list).
    const flags = [
      "-i", "sub/tree.csv", "-d", "sub/data", "--weight-ranges", "sub/ranges.csv", "--aggregations", "arithmetic,geometric", "--bootstrap", "50", ...typed,
    ];
    const fromFlags = await runCli(["uncertainty", ...flags, "--out", "flags", "-q"], dir);
    expect(fromFlags.code).toBe(0);
    expect(await listDir(join(dir, "sub/results"))).toEqual([]); // --out typed replaced out: results
    await expectSameFiles(join(dir, "typed"), join(dir, "flags"));
    const sensitivity = await readFile(join(dir, "typed/sensitivity.csv"), "utf8");
    expect(sensitivity).not.toContain("missing");
    expect(sensitivity).toContain("normalisation");
    expect(await readFile(join(dir, "typed/uncertainty.csv"), "utf8")).toMatch(/\nU1,2018,\d+\.\d\d,/);
  });

  it("a bad value is exit 1 naming the file, line and key, for uncertainty and compute alike", async () => {
    const dir = await project(["weight-noise: 1.5", "normalisations: [fixed-base, median]", "seed: one", "replications: 1", "colour: red", "bootstrap: 1"]);
    const expected =
      "error: 6 problems found:\n" +
      "sub/index.yaml:13: uncertainty.bootstrap: found number \"1\"; expected 0 (no intervals) or at least 2 resamples\n" +
      `sub/index.yaml:8: ${projectMessages.badKey("uncertainty.weight-noise", 1.5, "a number <= 1")}\n` +
      `sub/index.yaml:9: ${projectMessages.badKey(
        "uncertainty.normalisations",
        ["fixed-base", "median"],
        `a list of one or more of: ${NORMALIZE_METHODS.join(", ")}, each once (or the same comma-separated)`,
      )}\n` +
      `sub/index.yaml:11: ${projectMessages.badKey("uncertainty.replications", 1, "a number >= 2")}\n` +
      `sub/index.yaml:10: ${projectMessages.badKey("uncertainty.seed", "one", "a whole number")}\n` +
      `sub/index.yaml:12: ${projectMessages.unknownKey("uncertainty.colour", ["weight-noise", "weight-ranges", "normalisations", "aggregations", "missing-policies", "replications", "seed", "bootstrap", "memory-limit", "out", "decimals"])}\n`;
    for (const command of ["uncertainty", "compute"]) {
      const run = await runCli([command, "--project", "sub"], dir);
      expect(run.code).toBe(1);
      expect(run.stderr.split("\n").sort()).toEqual(expected.split("\n").sort());
    }
    // What a user reads:
    expect(projectMessages.badKey("uncertainty.weight-noise", 1.5, "a number <= 1")).toBe('uncertainty.weight-noise: found number "1.5"; expected a number <= 1');
    expect(await listDir(join(dir, "sub"))).toEqual(["data", "index.yaml", "ranges.csv", "tree.csv"]);
  });

  it("a method named twice, or a list that does not start with the methods: method, is exit 1 with the key", async () => {
    const twice = await project(["weight-noise: 0.2", "aggregations: arithmetic,geometric,arithmetic"]);
    const run = await runCli(["uncertainty"], join(twice, "sub"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: 1 problem found:\nindex\.yaml:9: uncertainty\.aggregations: found string "arithmetic,geometric,arithmetic"; expected a list of one or more of: arithmetic, geometric, harmonic, mpi, power, copeland, bod, topsis, topsis-year, grey, each once/);

    // methods.missing is interpolate (line 4): the block's list must start with it; both lists are reported.
    const conflict = await project(["normalisations: [chain, fixed-base]", "missing-policies: [carry-forward, interpolate]"], ["missing: interpolate", "normalise: fixed-base"]);
    const both = await runCli(["uncertainty"], join(conflict, "sub"));
    expect(both.code).toBe(1);
    expect(both.stderr).toBe(
      "error: 2 problems found:\n" +
        `index.yaml:9: ${projectMessages.nominalConflict("uncertainty.normalisations", ["chain", "fixed-base"], "methods.normalise", "fixed-base", 5)}\n` +
        `index.yaml:10: ${projectMessages.nominalConflict("uncertainty.missing-policies", ["carry-forward", "interpolate"], "methods.missing", "interpolate", 4)}\n`,
    );
    expect(projectMessages.nominalConflict("uncertainty.normalisations", ["chain", "fixed-base"], "methods.normalise", "fixed-base", 5)).toBe(
      'uncertainty.normalisations: found a list "[\\"chain\\",\\"fixed-base\\"]", which does not start with methods.normalise "fixed-base" (line 5); expected a list that starts with "fixed-base", the nominal method, so that the nominal run is compute\'s',
    );
    // A typed single method replaces the file's list, so the conflict is gone (and with it the only varied choice).
    const typed = await runCli(["uncertainty", "--normalise", "fixed-base", "--missing", "interpolate"], join(conflict, "sub"));
    expect(typed.code).toBe(2);
    expect(typed.stderr).toContain(messages.nothingVaries());
  });
});
