/**
 * Problems that come from index.yaml name its line and key, whichever check finds them: the options' parsers, or the
 * checks against the data (a base year absent from the data, weight years, a reference unit, a level of --aggregate),
 * the weighting's requirements (weights: ahp without judgements, an ahp file that does not exist). They are input
 * errors (exit 1), never command-line ones, all listed in one run, and `validate` finds every one `compute` finds.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { RATIO_METHODS } from "../../src/core/normalize/methods.js";
import { weightingMessages } from "../../src/core/weighting/messages.js";
import { makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nA,,Dim A,0.5,\nA1,A,ind a1,0.5,+\nA2,A,ind a2,0.5,-\nB,,Dim B,0.5,\nB1,B,ind b1,1,+\n";
/** Units X and Y, years 2017 and 2018, indicators A1, A2 and B1: the values 1 to 12 in that order. */
const VALUES = [
  "unit,year,indicator,value",
  "X,2017,A1,1",
  "X,2017,A2,2",
  "X,2017,B1,3",
  "X,2018,A1,4",
  "X,2018,A2,5",
  "X,2018,B1,6",
  "Y,2017,A1,7",
  "Y,2017,A2,8",
  "Y,2017,B1,9",
  "Y,2018,A1,10",
  "Y,2018,A2,11",
  "Y,2018,B1,12",
  "",
].join("\n");
const HEAD = "name: t\nindicators: tree.csv\nvalues: values.csv\n";

/** A project with `methods` (lines 5 on) under `methods:` (line 4). */
function project(methods: string, files: Record<string, string> = {}): Promise<string> {
  return makeTempDir({ "tree.csv": TREE, "values.csv": VALUES, "index.yaml": `${HEAD}methods:\n${methods}`, ...files });
}

/** `validate` and `compute --out -` in `dir`: both refuse alike, and the printed problems are returned. */
async function refusedByBoth(dir: string, argv: string[] = [], env = {}): Promise<string> {
  const validate = await runCli(["validate", ...argv], dir, env);
  const compute = await runCli(["compute", "--out", "-", ...argv], dir, env);
  expect(validate).toMatchObject({ code: 1, stdout: "" });
  expect(compute).toMatchObject({ code: 1, stdout: "" });
  expect(compute.stderr).toBe(validate.stderr);
  return validate.stderr;
}

describe("a weighting index.yaml asks for is checked by validate as compute checks it, and named by its key", () => {
  it("weights: ahp without an ahp file: index.yaml's line and key, exit 1 (before: validate said ok, compute exit 2 naming --ahp)", async () => {
    const dir = await project("  weights: ahp\n");
    expect(await refusedByBoth(dir)).toBe(
      "error: 1 problem found:\nindex.yaml:5: methods.weights ahp needs the pairwise judgements; expected methods.ahp FILE (CSV with columns group,a,b,value)\n",
    );
    // Typed, it is still the command line's problem (exit 2), in the command line's words.
    const typed = await runCli(["compute", "--out", "-", "--weights", "ahp"], await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES, "index.yaml": HEAD }));
    expect(typed).toMatchObject({ code: 2, stderr: `error: ${weightingMessages.ahpFileMissing()}\n(run with --help for usage)\n` });
  });

  it("weights: ahp without an ahp file is one problem among the others (before: the only one, hiding them)", async () => {
    // The data have units X, Y and years 2017, 2018: neither the reference unit nor the base year is in them.
    const dir = await project("  weights: ahp\n  reference-unit: Nowhere\n  base-year: 2030\n");
    const expected = [
      "error: 3 problems found:",
      "index.yaml:5: methods.weights ahp needs the pairwise judgements; expected methods.ahp FILE (CSV with columns group,a,b,value)",
      `index.yaml:6: methods.reference-unit: ${messages.unknownReferenceUnit("Nowhere", ["X", "Y"])}`,
      `index.yaml:7: methods.base-year: ${messages.baseYearAbsent(2030, [2017, 2018])}`,
      "",
    ].join("\n");
    expect(await refusedByBoth(dir)).toBe(expected);
    // A project run too, writing no run.
    expect(await runCli(["compute"], dir)).toEqual({ code: 1, stdout: "", stderr: expected });
    expect(existsSync(join(dir, "runs"))).toBe(false);
    // Its code is the weighting's own, at the line and key of methods.weights.
    const json = await runCli(["validate", "--log-format", "json"], dir);
    expect(JSON.parse(json.stderr.split("\n")[0])).toMatchObject({ code: "E_AHP_NO_JUDGEMENTS", source: "index.yaml", line: 5, column: "methods.weights" });
    // combined with subjective ahp: the objective set's weight years absent from the data beside it.
    const combined = await project("  weights: combined\n  subjective: ahp\n  weight-years: 2030\n");
    expect(await refusedByBoth(combined)).toBe(
      [
        "error: 2 problems found:",
        "index.yaml:5: methods.weights ahp needs the pairwise judgements; expected methods.ahp FILE (CSV with columns group,a,b,value)",
        "index.yaml:7: year 2030 in methods.weight-years is absent from the data; expected one of 2017, 2018",
        "",
      ].join("\n"),
    );
    // Beside a value that is not a number (line 3, X's A2 in 2017): the three at once.
    const cell = await project("  weights: ahp\n  base-year: 2030\n", { "values.csv": VALUES.replace("X,2017,A2,2", "X,2017,A2,abc") });
    const both = (await refusedByBoth(cell)).split("\n");
    expect([both[0], ...both.slice(2)]).toEqual([
      "error: 3 problems found:",
      "index.yaml:5: methods.weights ahp needs the pairwise judgements; expected methods.ahp FILE (CSV with columns group,a,b,value)",
      `index.yaml:6: methods.base-year: ${messages.baseYearAbsent(2030, [2017, 2018])}`,
      "",
    ]);
    expect(both[1]).toMatch(/^values\.csv:3:4: value "abc" in column "value" is not a number;/);
  });

  it("--weights ahp typed without --ahp stays the command line's problem (exit 2), alone, in validate and compute", async () => {
    const usage = { code: 2, stdout: "", stderr: `error: ${weightingMessages.ahpFileMissing()}\n(run with --help for usage)\n` };
    // The file's reference unit is not in the data: the usage error is still said alone.
    const dir = await project("  reference-unit: Nowhere\n");
    expect(await runCli(["validate", "--weights", "ahp"], dir)).toEqual(usage);
    expect(await runCli(["compute", "--out", "-", "--weights", "ahp"], dir)).toEqual(usage);
    // Without a project, beside a base year absent from the data, and beside a tree that is refused.
    const flags = await makeTempDir({ "tree.csv": TREE, "bad.csv": TREE.replace("B1,B,", "B1,Q,"), "values.csv": VALUES });
    expect(await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--weights", "ahp", "--base-year", "2030"], flags)).toEqual(usage);
    expect(await runCli(["compute", "--out", "-", "-i", "bad.csv", "-d", "values.csv", "--weights", "combined", "--subjective", "ahp"], flags)).toEqual(usage);
  });

  it("an ahp file that does not exist is named by the key that names it", async () => {
    const dir = await project("  weights: ahp\n  ahp: nope.csv\n");
    expect(await refusedByBoth(dir)).toBe("error: 1 problem found:\nindex.yaml:6: methods.ahp: nope.csv: no such file; expected a readable file\n");
  });

  it("an ahp file the weighting does not read is warned of and not read, by a project run as by validate and the flags", async () => {
    // weights: entropy reads no judgements. Before, validate warned and said ok, and a project run refused with
    // "index.yaml:6: methods.ahp: nofile.csv: no such file" (it hashed every file an option names).
    const dir = await project("  weights: entropy\n  ahp: nofile.csv\n");
    const warning =
      "warning: index.yaml:6: methods.ahp has no effect with methods.weights entropy, which reads no AHP judgements; expected methods.weights ahp, or combined with methods.subjective ahp\n";
    expect(await runCli(["validate"], dir)).toEqual({ code: 0, stdout: "ok: tree.csv (3 indicators in 2 groups), values.csv (2 units, years 2017, 2018)\n", stderr: warning });
    for (const argv of [["compute"], ["compute", "--out", "-"]]) {
      const run = await runCli(argv, dir);
      expect({ argv, code: run.code, warned: run.stderr.startsWith(warning), refused: run.stderr.includes("no such file") }).toEqual({ argv, code: 0, warned: true, refused: false });
    }
    // The run records the option as given, and hashes only the files it read.
    const latest = (await readFile(join(dir, "runs", "LATEST"), "utf8")).trim();
    const manifest = JSON.parse(await readFile(join(dir, "runs", latest, "manifest.json"), "utf8"));
    expect(manifest.options.ahp).toBe("nofile.csv");
    expect(manifest.inputs.map((input: { role: string }) => input.role)).toEqual(["project", "indicators", "values"]);
    // The same flags: the same warning in the flags' words, and the index computed.
    const typed = await runCli(["compute", "--out", "-", "--weights", "entropy", "--ahp", "nofile.csv"], await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES, "index.yaml": HEAD }));
    expect(typed.code).toBe(0);
    expect(typed.stderr).toContain(
      "warning: --ahp has no effect with --weights entropy, which reads no AHP judgements; expected --weights ahp, or combined with --subjective ahp\n",
    );
  });

  it("an ahp file that does not exist is one problem among the others, in the file as with the flags (before: the only one)", async () => {
    // weight-years has no effect with weights: ahp (a warning); the reference unit is the other problem.
    const dir = await project("  weight-years: 2030\n  weights: ahp\n  reference-unit: Nowhere\n  ahp: nofile.csv\n");
    const expected = [
      "error: 2 problems found:",
      'index.yaml:7: methods.reference-unit: reference unit "Nowhere" is not in the data; expected one of: "X", "Y"',
      "index.yaml:8: methods.ahp: nofile.csv: no such file; expected a readable file",
      "",
    ].join("\n");
    expect(await refusedByBoth(dir)).toBe(expected);
    // A project run too (which hashes its input files first), writing no run.
    expect(await runCli(["compute"], dir)).toEqual({ code: 1, stdout: "", stderr: expected });
    expect(existsSync(join(dir, "runs"))).toBe(false);
    // combined with subjective ahp: the objective set's weight years absent from the data are found without the judgements.
    const combined = await project("  weights: combined\n  subjective: ahp\n  weight-years: 2030\n  ahp: nofile.csv\n");
    expect(await refusedByBoth(combined)).toBe(
      [
        "error: 2 problems found:",
        "index.yaml:7: year 2030 in methods.weight-years is absent from the data; expected one of 2017, 2018",
        "index.yaml:8: methods.ahp: nofile.csv: no such file; expected a readable file",
        "",
      ].join("\n"),
    );
    // The same as flags: the file and the base year, in the flags' words (before: only the file).
    const typed = ["--base-year", "2030", "--weights", "ahp", "--ahp", "nofile.csv"];
    const flags = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES, "index.yaml": HEAD });
    expect(await refusedByBoth(flags, typed)).toBe(
      `error: 2 problems found:\nnofile.csv: no such file; expected a readable file\n${messages.baseYearAbsent(2030, [2017, 2018])}\n`,
    );
    // Beside a value that is not a number: all three at once.
    const cell = await project("  weights: ahp\n  ahp: nofile.csv\n  base-year: 2030\n", { "values.csv": VALUES.replace("X,2017,A2,2", "X,2017,A2,abc") });
    const both = await refusedByBoth(cell);
    expect(both.split("\n").slice(0, 1)).toEqual(["error: 3 problems found:"]);
    expect(both.split("\n").slice(2)).toEqual([
      "index.yaml:6: methods.ahp: nofile.csv: no such file; expected a readable file",
      `index.yaml:7: methods.base-year: ${messages.baseYearAbsent(2030, [2017, 2018])}`,
      "",
    ]);
    expect(both.split("\n")[1]).toMatch(/^values\.csv:3:4: value "abc" in column "value" is not a number;/);
  });

  it("an ahp file is read and checked by validate: judgements of an unknown code are refused, good ones pass", async () => {
    // A's children A1 and A2 judged 3:1; the dimensions A and B 1:1. A judgement naming A9 is refused by both.
    const good = "group,a,b,value\nA,A1,A2,3\nINDEX,A,B,1\n";
    const dir = await project("  weights: ahp\n  ahp: ahp.csv\n", { "ahp.csv": good + "A,A1,A9,2\n" });
    expect(await refusedByBoth(dir)).toMatch(/^error: 1 problem found:\nahp\.csv:4: .*"A9"/);
    const fine = await project("  weights: ahp\n  ahp: ahp.csv\n", { "ahp.csv": good });
    expect(await runCli(["validate"], fine)).toEqual({ code: 0, stdout: "ok: tree.csv (3 indicators in 2 groups), values.csv (2 units, years 2017, 2018)\n", stderr: "" });
  });

  it("weight years absent from the data (before: validate said ok)", async () => {
    const dir = await project('  weights: entropy\n  weight-years: "2030-2031"\n');
    expect(await refusedByBoth(dir)).toBe(
      [
        "error: 2 problems found:",
        "index.yaml:6: year 2030 in methods.weight-years is absent from the data; expected one of 2017, 2018",
        "index.yaml:6: year 2031 in methods.weight-years is absent from the data; expected one of 2017, 2018",
        "",
      ].join("\n"),
    );
  });

  it("a single year as a number is a year list of one, as --weight-years 2018 is", async () => {
    const dir = await project("  weights: entropy\n  weight-years: 2018\n");
    const fromFile = await runCli(["compute", "--out", "-"], dir);
    expect(fromFile.code).toBe(0);
    // The weights come from the two observations of 2018 (units X and Y), as the run says.
    expect(fromFile.stderr).toContain('objective weights from 2 observations: units X, Y; years 2018; groups weighted by rule "sum"\n');
    const flags = await runCli(["compute", "--out", "-", "-i", "tree.csv", "-d", "values.csv", "--weights", "entropy", "--weight-years", "2018"], await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES }));
    expect(fromFile).toEqual(flags);
  });

  it("validate takes --weights and the weighting options as compute does", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--weights", "entropy", "--weight-years", "2030"], dir);
    expect(run).toEqual({ code: 1, stdout: "", stderr: `error: 1 problem found:\n${weightingMessages.unknownWeightYear(2030, [2017, 2018])}\n` });
  });
});

describe("index.yaml's values refused by the data name its line and key, all in one run", () => {
  it("base-year, aggregate and reference-unit (before: named --aggregate, or nothing)", async () => {
    const dir = await project('  base-year: 2025\n  aggregate: "geometric,7=harmonic"\n  reference-unit: ZZ\n');
    expect(await refusedByBoth(dir)).toBe(
      [
        "error: 3 problems found:",
        "index.yaml:5: methods.base-year: base year 2025 is absent from the data; expected one of 2017, 2018",
        "index.yaml:6: methods.aggregate names level 7, which has no groups; expected one of: 0, 1 (0 is the overall index)",
        'index.yaml:7: methods.reference-unit: reference unit "ZZ" is not in the data; expected one of: \"X\", \"Y\"',
        "",
      ].join("\n"),
    );
  });

  it("the weighting's problems and the index's together (before: validate named only the reference unit, compute only the weight years)", async () => {
    const dir = await project('  weights: entropy\n  weight-years: "2030-2031"\n  reference-unit: ZZ\n  normalise: distance-to-reference\n');
    expect(await refusedByBoth(dir)).toBe(
      [
        "error: 3 problems found:",
        "index.yaml:6: year 2030 in methods.weight-years is absent from the data; expected one of 2017, 2018",
        "index.yaml:6: year 2031 in methods.weight-years is absent from the data; expected one of 2017, 2018",
        'index.yaml:7: methods.reference-unit: reference unit "ZZ" is not in the data; expected one of: \"X\", \"Y\"',
        "",
      ].join("\n"),
    );
  });

  it("a gap both the weighting and the index refuse is said once; the index's other gaps too", async () => {
    // A1 of X in 2018 and B1 of Y in 2017 are missing. Entropy over 2018 needs A1 of X (said by the weighting); the
    // index needs both: B1 of Y in 2017 is said by the index, A1 of X in 2018 not again as a gap (it is also the
    // missing base value of X's A1, a problem of its own). Both rows are left out (no line): each is placed at the
    // values file alone.
    const values = VALUES.replace("X,2018,A1,4\n", "").replace("Y,2017,B1,9\n", "");
    const dir = await project("  weights: entropy\n  weight-years: 2018\n  base-year: 2018\n", { "values.csv": values });
    expect(await refusedByBoth(dir)).toBe(
      [
        "error: 3 problems found:",
        `values.csv: ${weightingMessages.missingObservation("A1", "X", 2018)}`,
        // A1 of X has 2017 before its base (2018), and Y has A1 in 2018; B1 of Y has 2018 after the gap, and X has B1 in 2017.
        `values.csv: ${messages.baseValueMissing("A1", "X", 2018, ["interpolate", "carry-forward", "mean", "median"])}`,
        `values.csv: ${messages.missingValue("B1", "Y", 2017, ["interpolate", "carry-back", "mean", "median", "reweight"])}`,
        "",
      ].join("\n"),
    );
  });

  it("under strict, a warning of an option the file set is named by its key, and so are the flags it advises", async () => {
    const dir = await project("  alpha: 0.3\n  strict: true\n");
    expect(await refusedByBoth(dir)).toBe(
      "error: 1 problem found:\nindex.yaml:5: methods.alpha has no effect with methods.weights explicit, which takes no share of a subjective set; expected methods.weights combined, methods.combination additive\n",
    );
  });

  it("a value typed on the command line keeps the command line's words", async () => {
    const dir = await project("  missing: error\n");
    expect(await refusedByBoth(dir, ["--base-year", "2025"])).toBe(`error: 1 problem found:\n${messages.baseYearAbsent(2025, [2017, 2018])}\n`);
  });

  it("in Chinese, the key and its line too, in place of the flag", async () => {
    const dir = await project('  weights: entropy\n  weight-years: "2030"\n  base-year: 2025\n  aggregate: "geometric,7=harmonic"\n');
    expect(await refusedByBoth(dir, [], { language: "zh" })).toBe(
      [
        "错误：发现 3 个问题：",
        "index.yaml:6: methods.weight-years 中的年份 2030 不在数据中；应为以下年份之一：2017、2018",
        "index.yaml:7: 键 methods.base-year：基期 2025 年不在数据中；应为以下年份之一：2017、2018",
        "index.yaml:8: methods.aggregate 指定的层级 7 没有指标组；应为以下层级之一：0、1（0 为总指数）",
        "",
      ].join("\n"),
    );
    const ahp = await project("  weights: ahp\n");
    expect(await refusedByBoth(ahp, [], { language: "zh" })).toBe(
      "错误：发现 1 个问题：\nindex.yaml:5: methods.weights ahp 需要两两比较判断；应指定 methods.ahp FILE（含 group,a,b,value 列的 CSV 文件）\n",
    );
  });

  it("--log-format json gives index.yaml, the line and the key as the problem's place", async () => {
    const dir = await project("  base-year: 2025\n");
    const run = await runCli(["compute", "--out", "-", "--log-format", "json"], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stderr.split("\n")[0])).toMatchObject({
      code: "E_BASE_YEAR_ABSENT",
      message: `methods.base-year: ${messages.baseYearAbsent(2025, [2017, 2018])}`,
      source: "index.yaml",
      line: 5,
      column: "methods.base-year",
    });
  });
});

describe("a warning about an option index.yaml set names its line and key, as an error does", () => {
  // With min-max, no indicator is normalised with a ratio method, so a cap has no effect.
  const unused = (option: string) => `${option} has no effect: no indicator is normalised with ${RATIO_METHODS.join(", ")}`;

  it("methods: cap (line 6) is named methods.cap at index.yaml:6 by compute, a project run and validate", async () => {
    const dir = await project("  normalise: min-max\n  cap: 300\n");
    const expected = `warning: index.yaml:6: ${unused("methods.cap")}\n`;
    for (const argv of [["compute", "--out", "-"], ["compute"], ["validate"]]) {
      const run = await runCli(argv, dir);
      expect({ argv, code: run.code, warned: run.stderr.includes(expected), flag: run.stderr.includes("--cap") }).toEqual({ argv, code: 0, warned: true, flag: false });
    }
    const json = await runCli(["compute", "--out", "-", "--log-format", "json"], dir);
    const warnings = json.stderr.split("\n").filter((line) => line.includes('"warning"')).map((line) => JSON.parse(line));
    expect(warnings).toEqual([expect.objectContaining({ code: "W_OPTION_UNUSED", message: unused("methods.cap"), source: "index.yaml", line: 6, column: "methods.cap" })]);
    // In Chinese, the translated warning is reworded alike.
    const zh = await runCli(["compute", "--out", "-"], dir, { language: "zh" });
    expect(zh.stderr).toContain("警告：index.yaml:6: methods.cap 不起作用：没有指标采用 ");
    expect(zh.stderr).not.toContain("--cap");
  });

  it("the same option typed keeps the flag's name, also when it overrides the file's", async () => {
    const flagOnly = await runCli(["compute", "--out", "-", "--cap", "300"], await project("  normalise: min-max\n"));
    expect(flagOnly.stderr).toContain(`warning: ${unused("--cap")}\n`);
    expect(flagOnly.stderr).not.toContain("methods.cap");
    const overriding = await runCli(["compute", "--out", "-", "--cap", "200"], await project("  normalise: min-max\n  cap: 300\n"));
    expect(overriding.stderr).toContain(`warning: ${unused("--cap")}\n`);
    expect(overriding.stderr).not.toContain("index.yaml");
  });

  // methods: normalise min-max (line 5), cap 300 (line 6: no ratio method, so no effect, a warning of computeIndex kept
  // in the result) and screen-by unit-year (line 7: no screen, so no effect, a warning of the command's own checks).
  const METHODS = "  normalise: min-max\n  cap: 300\n  screen-by: unit-year\n";
  const cap = (source: string) => ({ code: "W_OPTION_UNUSED", message: unused("methods.cap"), source, line: 6, column: "methods.cap" });
  // commandMessages.screenByWithoutScreen("unit-year") with each flag named by its key: --screen-by set by the file, --screen
  // by nobody (what to write in index.yaml is its key, methods.screen).
  const screenBy = (source: string) => ({
    code: "W_OPTION_UNUSED",
    message:
      "methods.screen-by unit-year has no effect without methods.screen: it says whether methods.screen leaves out whole units or unit-years, and no methods.screen is given; expected methods.screen <share> with it, or no methods.screen-by",
    source,
    line: 7,
    column: "methods.screen-by",
  });
  const logged = (stderr: string) =>
    stderr
      .split("\n")
      .filter((line) => line.includes('"warning"'))
      .map((line) => JSON.parse(line))
      .map(({ code, message, source, line, column }) => ({ code, message, source, line, column }));

  it("a project run writes them as it prints them: index.json's and manifest.json's warnings name index.yaml:<line> and the key (before: the flags)", async () => {
    const dir = await project(METHODS);
    const run = await runCli(["compute", "--log-format", "json"], dir);
    expect(run.code).toBe(0);
    expect(logged(run.stderr)).toEqual([cap("index.yaml"), screenBy("index.yaml")]);
    const id = (await readFile(join(dir, "runs", "LATEST"), "utf8")).trim();
    // index.json keeps the index's own warnings (the cap's); the manifest every warning of the run, in the order found.
    const index = JSON.parse(await readFile(join(dir, "runs", id, "index.json"), "utf8"));
    expect(index.warnings).toEqual([cap("index.yaml")]);
    const manifest = JSON.parse(await readFile(join(dir, "runs", id, "manifest.json"), "utf8"));
    expect(manifest.warnings).toEqual([cap("index.yaml"), screenBy("index.yaml")]);
    // Printed as text, the same words, once (not reworded twice: no "methods.cap: methods.cap").
    const text = await runCli(["compute", "--force"], dir);
    expect(text.stderr).toContain(`warning: index.yaml:6: ${unused("methods.cap")}\nwarning: index.yaml:7: ${screenBy("index.yaml").message}\n`);
  });

  it("plain compute with --project writes them so too: index.json, the report's warnings, and index.json on stdout", async () => {
    const dir = await makeTempDir({ "sub/tree.csv": TREE, "sub/values.csv": VALUES, "sub/index.yaml": `${HEAD}methods:\n${METHODS}` });
    const run = await runCli(["compute", "--project", "sub/index.yaml", "--out", "out", "--report", "--static", "-q"], dir);
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
    // The project file as messages name it from the current folder: sub/index.yaml.
    expect(JSON.parse(await readFile(join(dir, "out", "index.json"), "utf8")).warnings).toEqual([cap("sub/index.yaml")]);
    const report = await readFile(join(dir, "out", "report.html"), "utf8");
    // The report is in Chinese (lang: zh by default), its warning the Chinese of the one worded in the file's terms.
    expect(report).toContain("<li>sub/index.yaml:6: methods.cap 不起作用：没有指标采用 fixed-base、chain、");
    expect(report).not.toContain("--cap");
    const printed = await runCli(["compute", "--project", "sub/index.yaml", "--out", "-", "--format", "json", "-q"], dir);
    expect(JSON.parse(printed.stdout).warnings).toEqual([cap("sub/index.yaml")]);
  });

  it("weights writes them so: the JSON's warnings, in a file and on stdout, name index.yaml:<line> and the key (before: the flags)", async () => {
    // methods: normalise min-max (line 5), cap 300 (line 6), weights entropy (line 7), alpha 0.5 (line 8: entropy takes
    // no share of a subjective set, so no effect). weightingMessages.alphaUnused("--weights entropy") with each flag
    // named by its key: --alpha and --weights set by the file, --combination by nobody (two keys in a row: a comma).
    const dir = await project("  normalise: min-max\n  cap: 300\n  weights: entropy\n  alpha: 0.5\n");
    const alpha = {
      code: "W_OPTION_UNUSED",
      message:
        "methods.alpha has no effect with methods.weights entropy, which takes no share of a subjective set; expected methods.weights combined, methods.combination additive",
      source: "index.yaml",
      line: 8,
      column: "methods.alpha",
    };
    const written = await runCli(["weights", "--out", "weights.json"], dir);
    expect(written.code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, "weights.json"), "utf8")).warnings).toEqual([alpha]);
    // Printed once in those words (not reworded twice: no "methods.alpha: methods.alpha").
    expect(written.stderr).toContain(`warning: index.yaml:8: ${alpha.message}\nweights by entropy\n`);
    const printed = await runCli(["weights", "--format", "json"], dir);
    expect(JSON.parse(printed.stdout).warnings).toEqual([alpha]);
    // --optimise computes the index, whose warning of the cap (no ratio method) joins the weighting's, after it.
    await runCli(["weights", "--optimise", "--out", "optimised.json"], dir);
    const optimised = JSON.parse(await readFile(join(dir, "optimised.json"), "utf8")).warnings as { code: string }[];
    expect(optimised.filter((warning) => warning.code === "W_OPTION_UNUSED")).toEqual([alpha, cap("index.yaml")]);
  });

  it("uncertainty writes them so in uncertainty.html, in English and in Chinese (before: --cap)", async () => {
    // METHODS (lines 5 to 7), then uncertainty: (line 8) varying the weights. The cap has no effect in every run (all
    // min-max), so the analysis keeps its warning; screen-by's is printed only (uncertainty.html lists the analysis's).
    const dir = await project(`${METHODS}uncertainty:\n  weight-noise: 0.2\n  replications: 8\n`);
    const english = await runCli(["uncertainty", "--lang", "en", "--out", "en"], dir);
    expect(english.code).toBe(0);
    const page = await readFile(join(dir, "en", "uncertainty.html"), "utf8");
    expect(page.match(/<li>.*?<\/li>/g)).toEqual([`<li>index.yaml:6: ${unused("methods.cap")}</li>`]);
    expect(page).not.toContain("--cap");
    expect(english.stderr).toContain(`warning: index.yaml:6: ${unused("methods.cap")}\nwarning: index.yaml:7: ${screenBy("index.yaml").message}\n`);
    // The page in Chinese (--lang zh, the default): zh optionUnused of the key, the methods joined by 、.
    await runCli(["uncertainty", "--out", "zh"], dir);
    const chinese = await readFile(join(dir, "zh", "uncertainty.html"), "utf8");
    expect(chinese.match(/<li>.*?<\/li>/g)).toEqual([`<li>index.yaml:6: methods.cap 不起作用：没有指标采用 ${RATIO_METHODS.join("、")} 标准化</li>`]);
  });

  it("report writes them so in report.html, with --out and into the run (as compute, whose outputs it builds)", async () => {
    const dir = await project(METHODS);
    const elsewhere = await runCli(["report", "--out", "elsewhere", "--lang", "en", "--static"], dir);
    expect(elsewhere.code).toBe(0);
    const expected = [`<li>index.yaml:6: ${unused("methods.cap")}</li>`];
    const page = await readFile(join(dir, "elsewhere", "report.html"), "utf8");
    expect(page.match(/<li>index\.yaml.*?<\/li>|<li>--.*?<\/li>/g)).toEqual(expected);
    expect(page).not.toContain("--cap");
    expect((await runCli(["compute"], dir)).code).toBe(0);
    expect((await runCli(["report", "--lang", "en", "--static"], dir)).code).toBe(0);
    const id = (await readFile(join(dir, "runs", "LATEST"), "utf8")).trim();
    const inRun = await readFile(join(dir, "runs", id, "report.html"), "utf8");
    expect(inRun.match(/<li>index\.yaml.*?<\/li>|<li>--.*?<\/li>/g)).toEqual(expected);
  });
});

describe("flags named by their keys: words after a flag stay its message's words, in English and in Chinese", () => {
  // Each expected text is the catalogue's message (src/core/*messages.ts, src/core/zh/*) with every flag the command
  // line did not give replaced by its key, and ", " only between a flag's value (or a switch) and the next key.
  const printed = async (dir: string, argv: string[], language: "en" | "zh") => {
    const run = await runCli(argv, dir, { language });
    expect(run.code).toBe(0);
    return run.stderr.split("\n").filter((line) => line.startsWith("warning:") || line.startsWith("警告："));
  };

  it("screen-by without screen (line 5): no comma before methods.screen after a Chinese clause (before: '它决定, methods.screen')", async () => {
    const dir = await project("  screen-by: unit-year\n");
    expect(await printed(dir, ["validate"], "zh")).toEqual([
      "警告：index.yaml:5: methods.screen-by unit-year 在没有 methods.screen 时不起作用：它决定 methods.screen 筛除整个评价对象还是单个对象-年份，而未指定 methods.screen；应与 methods.screen <share> 一起使用，或不用 methods.screen-by",
    ]);
    expect(await printed(dir, ["validate"], "en")).toEqual([
      "warning: index.yaml:5: methods.screen-by unit-year has no effect without methods.screen: it says whether methods.screen leaves out whole units or unit-years, and no methods.screen is given; expected methods.screen <share> with it, or no methods.screen-by",
    ]);
  });

  it("alpha with weights entropy (line 6): '在 methods.weights', the values combined and additive still apart (before: '在, methods.weights')", async () => {
    const dir = await project("  weights: entropy\n  alpha: 0.5\n");
    expect(await printed(dir, ["validate"], "zh")).toEqual([
      "警告：index.yaml:6: methods.alpha 在 methods.weights entropy 下不起作用，因为这种方式不涉及主观权重的占比；应使用 methods.weights combined, methods.combination additive",
    ]);
    expect(await printed(dir, ["validate"], "en")).toEqual([
      "warning: index.yaml:6: methods.alpha has no effect with methods.weights entropy, which takes no share of a subjective set; expected methods.weights combined, methods.combination additive",
    ]);
  });

  it("power without a power mean (line 5): '应使用 methods.aggregate power' (before: '应使用, methods.aggregate')", async () => {
    const dir = await project("  power: 2\n");
    expect(await printed(dir, ["validate"], "zh")).toEqual([
      "警告：index.yaml:5: methods.power 不起作用：没有指标组采用幂平均合成；应使用 methods.aggregate power（或在指标组的 aggregate 列中填写 power）",
    ]);
    expect(await printed(dir, ["validate"], "en")).toEqual([
      "warning: index.yaml:5: methods.power has no effect: no group is aggregated with the power mean; expected methods.aggregate power (or power in a group's aggregate column)",
    ]);
  });

  it("outputs static without report (line 7): '在没有 outputs.report'; two switches in a row apart (before: '在没有, outputs.report', 'outputs.report outputs.static')", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES, "index.yaml": `${HEAD}methods:\n  normalise: min-max\noutputs:\n  static: true\n` });
    expect(await printed(dir, ["compute", "--out", "zh"], "zh")).toEqual([
      "警告：index.yaml:7: outputs.static 在没有 outputs.report 时不起作用：它设置 report.html 的外观，而只有 outputs.report 才会写出该文件；应使用 outputs.report, outputs.static",
    ]);
    expect(await printed(dir, ["compute", "--out", "en"], "en")).toEqual([
      "warning: index.yaml:7: outputs.static has no effect without outputs.report: it sets the look of report.html, which only outputs.report writes; expected outputs.report, outputs.static",
    ]);
  });
});

describe("a tree with problems does not hide the options' problems that need no tree", () => {
  // B1 names the parent Q, which no row has (tree.csv line 6, column 2: parent): the tree is refused.
  const BAD_TREE = TREE.replace("B1,B,", "B1,Q,");
  const UNKNOWN_PARENT = 'tree.csv:6:2: unknown parent "Q"; expected a code from column "code" or an empty cell; did you mean "B" (a row with no children and no direction)?';

  it("typed: a reference unit and a base year absent from the values, beside the tree's problem (before: the tree's only)", async () => {
    const dir = await makeTempDir({ "tree.csv": BAD_TREE, "values.csv": VALUES, "index.yaml": HEAD });
    expect(await refusedByBoth(dir, ["--reference-unit", "Nowhere", "--base-year", "2030"])).toBe(
      [
        "error: 3 problems found:",
        UNKNOWN_PARENT,
        messages.baseYearAbsent(2030, [2017, 2018]),
        messages.unknownReferenceUnit("Nowhere", ["X", "Y"]),
        "",
      ].join("\n"),
    );
    // An ahp file that cannot be read and weight years absent from the values (entropy) too.
    expect(await refusedByBoth(dir, ["--weights", "ahp", "--ahp", "nofile.csv"])).toBe(
      `error: 2 problems found:\n${UNKNOWN_PARENT}\nnofile.csv: no such file; expected a readable file\n`,
    );
    expect(await refusedByBoth(dir, ["--weights", "entropy", "--weight-years", "2030"])).toBe(
      `error: 2 problems found:\n${UNKNOWN_PARENT}\n${weightingMessages.unknownWeightYear(2030, [2017, 2018])}\n`,
    );
  });

  it("from index.yaml: weights: ahp without an ahp file, the reference unit and the base year, named by their keys", async () => {
    const dir = await project("  weights: ahp\n  reference-unit: Nowhere\n  base-year: 2030\n", { "tree.csv": BAD_TREE });
    const expected = [
      "error: 4 problems found:",
      UNKNOWN_PARENT,
      "index.yaml:5: methods.weights ahp needs the pairwise judgements; expected methods.ahp FILE (CSV with columns group,a,b,value)",
      `index.yaml:6: methods.reference-unit: ${messages.unknownReferenceUnit("Nowhere", ["X", "Y"])}`,
      `index.yaml:7: methods.base-year: ${messages.baseYearAbsent(2030, [2017, 2018])}`,
      "",
    ].join("\n");
    expect(await refusedByBoth(dir)).toBe(expected);
    expect(await runCli(["compute"], dir)).toEqual({ code: 1, stdout: "", stderr: expected });
    expect(existsSync(join(dir, "runs"))).toBe(false);
    // The ahp file that does not exist, and combined's weight years.
    const combined = await project("  weights: combined\n  subjective: ahp\n  ahp: nofile.csv\n  weight-years: 2030\n", { "tree.csv": BAD_TREE });
    expect(await refusedByBoth(combined)).toBe(
      [
        "error: 3 problems found:",
        UNKNOWN_PARENT,
        "index.yaml:7: methods.ahp: nofile.csv: no such file; expected a readable file",
        "index.yaml:8: year 2030 in methods.weight-years is absent from the data; expected one of 2017, 2018",
        "",
      ].join("\n"),
    );
  });

  it("the checks that need the tree wait for it: the levels of aggregate, the judgements against the groups", async () => {
    // Level 7 has no groups, and the judgement A,A1,A9 names no child of A: both are found only once the tree is valid.
    const ahp = "group,a,b,value\nA,A1,A2,3\nINDEX,A,B,1\nA,A1,A9,2\n";
    const methods = '  weights: ahp\n  ahp: ahp.csv\n  aggregate: "geometric,7=harmonic"\n  base-year: 2030\n';
    const refused = await project(methods, { "tree.csv": BAD_TREE, "ahp.csv": ahp });
    expect(await refusedByBoth(refused)).toBe(
      `error: 2 problems found:\n${UNKNOWN_PARENT}\nindex.yaml:8: methods.base-year: ${messages.baseYearAbsent(2030, [2017, 2018])}\n`,
    );
    // The same with the tree fixed: all three.
    const fixed = (await refusedByBoth(await project(methods, { "ahp.csv": ahp }))).split("\n");
    expect(fixed[0]).toBe("error: 3 problems found:");
    expect(fixed[1]).toMatch(/^ahp\.csv:4: .*"A9"/);
    expect(fixed.slice(2)).toEqual([
      "index.yaml:7: methods.aggregate names level 7, which has no groups; expected one of: 0, 1 (0 is the overall index)",
      `index.yaml:8: methods.base-year: ${messages.baseYearAbsent(2030, [2017, 2018])}`,
      "",
    ]);
  });

  it("values with a row left out whole (a bad year): their years are not known, so the base year is not checked", async () => {
    // Y's B1 of 2018 is read without its year: 2018 could be missing from the years read, so no year is judged absent.
    const dir = await project("  base-year: 2030\n", { "tree.csv": BAD_TREE, "values.csv": VALUES.replace("Y,2018,B1", "Y,20x8,B1") });
    const stderr = (await refusedByBoth(dir)).split("\n");
    expect(stderr.slice(0, 2)).toEqual(["error: 2 problems found:", UNKNOWN_PARENT]);
    expect(stderr[2]).toMatch(/^values\.csv:13:2: year "20x8" is not a year;/);
  });
});

describe("a project compute that fails", () => {
  it("leaves no runs folder it made for nothing, and never removes one that was there", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES.replace("X,2018,A1,4", "X,2018,A1,x"), "index.yaml": HEAD });
    expect(await runCli(["compute", "-q"], dir)).toMatchObject({ code: 1 });
    // Before, an empty runs/ was left behind.
    expect(existsSync(join(dir, "runs"))).toBe(false);
    await mkdir(join(dir, "runs"));
    expect(await runCli(["compute", "-q"], dir)).toMatchObject({ code: 1 });
    expect(await readdir(join(dir, "runs"))).toEqual([]);
  });
});
