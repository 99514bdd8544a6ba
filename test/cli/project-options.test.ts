import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MISSING_POLICIES } from "../../src/core/missing.js";
import { projectMessages } from "../../src/core/project-messages.js";
import { METHOD_OPTIONS } from "../../src/io/project/project-schema.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";
import { initProject } from "./project-fixture.js";

const fixture = (name: string) => readFile(new URL(`../fixtures/small/${name}`, import.meta.url), "utf8");

/** The small fixture as a project in `sub/` with index.yaml `yaml`. */
async function project(yaml: string): Promise<string> {
  return makeTempDir({ "sub/index.yaml": yaml, "sub/tree.csv": await fixture("tree.csv"), "sub/data/values.csv": await fixture("values.csv") });
}

describe("compute and validate with index.yaml", () => {
  it("takes base-year as the values write a year (2018年), recorded as the number; anything else is the key's problem", async () => {
    const dir = await project("indicators: tree.csv\nvalues: data\nmethods:\n  base-year: 2018年\n");
    const run = await runCli(["compute", "--project", "sub/index.yaml", "-q"], dir);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const id = (await readFile(join(dir, "sub/runs/LATEST"), "utf8")).trim();
    // As the test below with base-year: 2018 (by hand: INDEX of U1 in 2017 is 87.095 against 2018).
    expect(await readFile(join(dir, "sub/runs", id, "index.csv"), "utf8")).toContain("U1,2017,INDEX,总指数,0,87.0952\n");
    expect(JSON.parse(await readFile(join(dir, "sub/runs", id, "manifest.json"), "utf8")).options).toMatchObject({ "base-year": 2018 });
    const wrong = await project("indicators: tree.csv\nvalues: data\nmethods:\n  base-year: 二〇一八\n");
    const refused = await runCli(["validate", "--project", "sub/index.yaml"], wrong);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("index.yaml:4");
    expect(refused.stderr).toContain("methods.base-year");
  });

  it("says every bad key in one pass: one the schema refuses beside one whose option refuses its value (before: the second after the first was fixed)", async () => {
    // missing: skip (line 5) is no policy of the schema; aggregate: arithmetik (line 4) is refused by --aggregate's own
    // parser, which ran only on a file the schema accepted.
    const dir = await project("indicators: tree.csv\nvalues: data\nmethods:\n  aggregate: arithmetik\n  missing: skip\n");
    const run = await runCli(["compute", "--project", "sub/index.yaml", "-q"], dir);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("error: 2 problems found:");
    expect(lines[1]).toMatch(/^sub\/index\.yaml:4: methods\.aggregate: found string "arithmetik"; expected what --aggregate accepts .*did you mean "arithmetic"\?\)$/);
    expect(lines[2]).toBe(`sub/index.yaml:5: ${projectMessages.badKey("methods.missing", "skip", `one of: ${MISSING_POLICIES.join(", ")}`)}`);
  });

  it("resolves paths against the folder of index.yaml, and flags override the file", async () => {
    const dir = await project("indicators: tree.csv\nvalues: data\nmethods:\n  base-year: 2018\noutputs:\n  decimals: 1\n");
    const run = await runCli(["compute", "--project", "sub/index.yaml", "--decimals", "3", "-q"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const id = (await readFile(join(dir, "sub/runs/LATEST"), "utf8")).trim();
    const index = await readFile(join(dir, "sub/runs", id, "index.csv"), "utf8");
    // Base year 2018 from the file, 3 decimals from the flag. U1 2017 with base 2018: X1 = 100·10/12, X2 = 100·40/50 = 80,
    // X = (83.333… + 80)/2 = 81.6667, Y = 100·200/210 = 95.2381, INDEX = 0.6·81.6667 + 0.4·95.2381 = 87.095.
    expect(index).toContain("U1,2017,INDEX,总指数,0,87.095\n");
    expect(index).toContain("U1,2018,INDEX,总指数,0,100.000\n");
    const manifest = JSON.parse(await readFile(join(dir, "sub/runs", id, "manifest.json"), "utf8"));
    expect(manifest.options).toMatchObject({ "base-year": 2018, decimals: 3 });
    // --alpha and --entropy-shift, not given, are recorded at the method's defaults, as runs have always recorded them
    // (so that the fingerprint, and what report --run compares, stay those of earlier runs).
    expect(manifest.options).toMatchObject({ alpha: 0.5, "entropy-shift": 0 });
    expect(manifest.inputs.map((input: { path: string }) => input.path)).toEqual(["index.yaml", "tree.csv", "data/values.csv"]);
  });

  it("a flag typed under the option's other name overrides the key too: --normalize over init's normalise (compute, compare --with); both names typed must agree", async () => {
    const dir = await initProject();
    const csv = ["--out", "-", "--format", "csv"];
    const american = await runCli(["compute", "--normalize", "min-max", ...csv], dir);
    expect(american.code, american.stderr).toBe(0);
    expect(american.stdout).toBe((await runCli(["compute", "--normalise", "min-max", ...csv], dir)).stdout);
    // By hand: one unit over 2017-2018 whose every indicator is better in 2018 (B2, negative, falls): min-max gives each
    // 0 in 2017 and 100 in 2018, and so the index (index.yaml's fixed-base would give 100 in 2017).
    expect(american.stdout).toMatch(/^示例园区,2017,INDEX,总指数,0,0\.0000$/m);
    expect(american.stdout).toMatch(/^示例园区,2018,INDEX,总指数,0,100\.0000$/m);
    const compare = await runCli(["compare", "--with", "--normalize min-max"], dir);
    expect(compare.code, compare.stderr).toBe(0);
    expect(compare.stdout).toMatch(/^示例园区\s+2017\s+100\.0000\s+1\s+0\.0000\s+1\s+0$/m);
    const both = await runCli(["compute", "--normalise", "min-max", "--normalize", "z-score", ...csv], dir);
    expect(both).toEqual({ code: 2, stdout: "", stderr: "error: --normalise min-max and --normalize z-score disagree; expected one of them\n(run with --help for usage)\n" });
  });

  it("records every option runs recorded before METHOD_DEFAULTS' flags lost their commander defaults, so that earlier runs still match", async () => {
    const dir = await project("indicators: tree.csv\nvalues: data\n");
    expect((await runCli(["compute", "-q"], join(dir, "sub"))).code).toBe(0);
    const id = (await readFile(join(dir, "sub/runs/LATEST"), "utf8")).trim();
    const manifest = JSON.parse(await readFile(join(dir, "sub/runs", id, "manifest.json"), "utf8"));
    // The options of this project's run as the version before 9eb6d55 recorded them (copied from the manifest.json it
    // wrote): --winsor-max, --outlier-scope and the weighting flags had commander defaults then. An option missing here
    // would change every run's fingerprint (--if-changed would run again) and make report --run refuse earlier runs.
    expect(manifest.options).toEqual({
      report: false,
      static: false,
      contributions: "dimensions",
      xlsx: false,
      parquet: false,
      "parquet-only": false,
      lang: "zh",
      decimals: 4,
      strict: false,
      weights: "explicit",
      "screen-by": "unit",
      missing: "error",
      unfilled: "error",
      "zero-base": "error",
      outliers: "none",
      "winsor-max": 5,
      "outlier-scope": "panel",
      encoding: "auto",
      "allow-inconsistent": false,
      "weight-missing": "error",
      "group-weights": "sum",
      "pca-rotation": "varimax",
      objective: "entropy",
      combination: "additive",
      explain: false,
      alpha: 0.5,
      "entropy-shift": 0,
    });
  });

  it("validate reads index.yaml too", async () => {
    const dir = await project("indicators: tree.csv\nvalues: data\n");
    const run = await runCli(["validate"], join(dir, "sub"));
    expect(run.stdout).toBe("ok: tree.csv (3 indicators in 2 groups), data (2 units, years 2017, 2018, 2019)\n");
    expect(run.code).toBe(0);
  });

  it("other commands that read a tree and values (weights) take them from index.yaml too", async () => {
    const dir = await project("indicators: tree.csv\nvalues: data\n");
    const run = await runCli(["weights"], join(dir, "sub"));
    expect(run.code).toBe(0);
    expect((await runCli(["weights", "--project", "sub"], dir)).stdout).toBe(run.stdout);
    // The tree's weights: X 0.6 and Y 0.4 at the top, X1 and X2 equal (0.5 each, 0.3 of the whole).
    expect(run.stdout).toMatch(/\nX,INDEX,1,0\.60*,0\.60*\nX1,X,2,0\.50*,0\.30*\n/);
  });

  it("--out DIR writes straight into DIR, with the project's choices and no run folder", async () => {
    const dir = await project("indicators: tree.csv\nvalues: data\noutputs:\n  decimals: 2\n");
    const run = await runCli(["compute", "--out", "out", "-q"], join(dir, "sub"));
    expect(run.code).toBe(0);
    expect(await listDir(join(dir, "sub/out"))).toEqual(expect.arrayContaining(["index-wide.csv", "index.csv", "index.json", "scores.csv"]));
    expect(await listDir(join(dir, "sub/out"))).not.toContain("manifest.json");
    expect(await readFile(join(dir, "sub/out/index.csv"), "utf8")).toContain("U1,2018,INDEX,总指数,0,115.50\n");
    expect(await listDir(join(dir, "sub/runs"))).toEqual([]);
  });

  it("an invalid index.yaml is exit code 1 with every problem, file, line and key", async () => {
    const dir = await project("indicators: tree.csv\nvalues: data\nmethods:\n  missing: skip\n  normalize-typo: x\n");
    const run = await runCli(["compute"], join(dir, "sub"));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `error: 2 problems found:\nindex.yaml:4: ${projectMessages.badKey("methods.missing", "skip", `one of: ${MISSING_POLICIES.join(", ")}`)}\n` +
        `index.yaml:5: ${projectMessages.unknownKey("methods.normalize-typo", Object.keys(METHOD_OPTIONS))}\n`,
    );
  });

  it("--if-changed outside a project is a usage error (exit 2); a missing --project file is an input error (exit 1)", async () => {
    const dir = await makeTempDir();
    const outside = await runCli(["compute", "--if-changed"], dir);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe(`error: ${projectMessages.ifChangedWithoutProject()}\n(run with --help for usage)\n`);
    for (const flag of ["--force", "--always"]) {
      const forced = await runCli(["compute", flag], dir);
      expect(forced.code).toBe(2);
      expect(forced.stderr).toBe(`error: ${projectMessages.forceWithoutProject(flag)}\n(run with --help for usage)\n`);
    }
    const missing = await runCli(["compute", "--project", "nope.yaml"], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`error: ${projectMessages.notFound("nope.yaml")}\n`);
  });

  it("a values folder reports a problem in the file it is in, and duplicates across files name both", async () => {
    const dir = await makeTempDir({
      "index.yaml": "indicators: tree.csv\nvalues: data\n",
      "tree.csv": await fixture("tree.csv"),
      "data/a.csv": await fixture("values.csv"),
      "data/b.csv": "unit,year,indicator,value\nU1,2019,X1,15\n",
    });
    const run = await runCli(["compute"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: 1 problem found:\ndata/b.csv:2:4: duplicate value for unit "U1", year 2019, indicator "X1" (first given in data/a.csv on line 4); expected one value per unit, year and indicator\n',
    );
  });
});

describe("every compute option can be set in index.yaml", () => {
  it("keys of methods: and outputs: give the same files as the same flags", async () => {
    const yaml = [
      "indicators: tree.csv",
      "values: data",
      "methods:",
      "  base-year: 2018",
      "  normalise: chain",
      '  aggregate: "arithmetic,0=geometric"',
      "  weights: equal",
      "  weight-years: [2017, 2018]",
      "outputs:",
      "  decimals: 6",
      "  xlsx: true",
      "  bom: false",
      "",
    ].join("\n");
    const dir = await project(yaml);
    const sub = join(dir, "sub");
    const fromFile = await runCli(["compute", "--out", "from-file", "-q"], sub);
    expect(fromFile.stderr).toBe("");
    expect(fromFile.code).toBe(0);
    const flags = ["--base-year", "2018", "--normalise", "chain", "--aggregate", "arithmetic,0=geometric", "--weights", "equal", "--weight-years", "2017,2018", "--decimals", "6", "--xlsx", "--no-bom"];
    // The parent folder has no index.yaml: the flags alone.
    const fromFlags = await runCli(["compute", "-i", "sub/tree.csv", "-d", "sub/data", ...flags, "--out", "from-flags", "-q"], dir);
    expect(fromFlags.code).toBe(0);
    const fileNames = await listDir(join(sub, "from-file"));
    expect(fileNames).toContain("index.xlsx");
    expect(await listDir(join(dir, "from-flags"))).toEqual(fileNames);
    for (const name of fileNames) expect(await readFile(join(sub, "from-file", name), "utf8")).toBe(await readFile(join(dir, "from-flags", name), "utf8"));
    expect(await readFile(join(sub, "from-file/index.csv"), "utf8")).toMatch(/^unit,year/); // no byte order mark
  });

  it("a value the option's own parser refuses is reported with the key and its line", async () => {
    const dir = await project('indicators: tree.csv\nvalues: data\nmethods:\n  aggregate: "arithmetic,0=median"\n');
    const run = await runCli(["compute"], join(dir, "sub"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: 1 problem found:\nindex\.yaml:4: methods\.aggregate: found string "arithmetic,0=median"; expected what --aggregate accepts \(.+\)\n$/);
  });
});
