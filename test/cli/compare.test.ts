/**
 * `compare`: the ASEM data (51 units) under min-max and z-score, checked against R on the reference values of
 * test/fixtures/asem/expected.csv; two project files; the shipped single-unit example; the errors.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { robustnessMessages } from "../../src/core/audit/robustness-messages.js";
import { commandMessages } from "../../src/core/command-messages.js";
import { messages } from "../../src/core/messages.js";
import { splitFlags } from "../../src/cli/commands/compare.js";
import { makeTempDir, runCli } from "../helpers.js";

const ASEM = join(import.meta.dirname, "../fixtures/asem");
const TREE = join(ASEM, "tree-scaling.csv");
const VALUES = join(ASEM, "values.csv");

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
async function tempDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await makeTempDir(files);
  dirs.push(dir);
  return dir;
}

/** Rows of a CSV file (no quoted fields in these files) as objects keyed by the header. */
async function readRows(path: string): Promise<Record<string, string>[]> {
  const text = await readFile(path, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true); // a UTF-8 byte order mark, for Excel on Chinese Windows
  const [header, ...lines] = text.slice(1).trimEnd().split("\n");
  const keys = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [keys[i], cell])));
}

// Reference, R 4.2.2 on the INDEX rows of test/fixtures/asem/expected.csv (cases "min-max|arithmetic" and
// "z-score|arithmetic", which test/core/asem-reference.test.ts checks computeIndex against):
//   cor(a, b, method = "spearman"): 2018 0.967149321267, 2022 0.957737556561 (51 units)
//   mean(abs(rank(-a, ties = "min") - rank(-b, ties = "min"))): 2018 2.745098, 2022 3.058824
//   AUT 2018: a 67.67249 rank 8, b 103.87291 rank 5; CHN 2022: a 43.88321 rank 49, b 92.62557 rank 48
describe("compare", () => {
  it("compare --with on the ASEM data gives R's Spearman correlations, ranks and shifts", async () => {
    const out = await tempDir();
    const run = await runCli(["compare", "-i", TREE, "-d", VALUES, "--missing", "reweight", "--normalise", "min-max", "--with", "--normalise z-score", "--out", out], out);
    expect(run.stderr).toContain("b: the command's flags with --normalise z-score");
    expect(run.code).toBe(0);
    const years = await readRows(join(out, "compare-years.csv"));
    expect(years.map((row) => row.year)).toEqual(["2018", "2019", "2020", "2021", "2022"]);
    const at = (year: string) => years.find((row) => row.year === year)!;
    expect(at("2018")).toEqual({ year: "2018", units: "51", spearman: "0.9671", mean_abs_shift: "2.7451" });
    expect(at("2022")).toEqual({ year: "2022", units: "51", spearman: "0.9577", mean_abs_shift: "3.0588" });
    const rows = await readRows(join(out, "compare.csv"));
    expect(rows.length).toBe(51 * 5);
    expect(rows.find((row) => row.unit === "AUT" && row.year === "2018")).toEqual({
      unit: "AUT",
      year: "2018",
      index_a: "67.6725",
      rank_a: "8",
      index_b: "103.8729",
      rank_b: "5",
      rank_shift: "3",
    });
    expect(rows.find((row) => row.unit === "CHN" && row.year === "2022")).toMatchObject({ index_a: "43.8832", rank_a: "49", index_b: "92.6256", rank_b: "48", rank_shift: "1" });
  });

  it("compare a/index.yaml b/index.yaml --year 2022 prints the table with R's correlation", async () => {
    const project = (normalise: string) => `name: ${normalise}\nallow-outside: true\nindicators: ${TREE}\nvalues: ${VALUES}\nmethods:\n  normalise: ${normalise}\n  missing: reweight\n`;
    const dir = await tempDir({ "a/index.yaml": project("min-max"), "b/index.yaml": project("z-score") });
    const run = await runCli(["compare", "a/index.yaml", "b/index.yaml", "--year", "2022"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^unit +year +index a +rank a +index b +rank b +shift\n/);
    expect(run.stdout).toMatch(/\nCHN +2022 +43\.8832 +49 +92\.6256 +48 +\+1\n/);
    expect(run.stdout).toContain("2022: Spearman 0.9577 over 51 units, mean |shift| 3.06");
    expect(run.stderr).toContain("a: a/index.yaml\nb: b/index.yaml\n");
  });

  it("a value off an option's list in --with is refused in the tool's words with the closest choice (before: commander's)", async () => {
    const dir = await tempDir();
    const run = await runCli(["compare", "--with", "--normalise minmax"], dir);
    expect(run.code).toBe(2);
    // "minmax" is one letter from "min-max" (the closest normalisation method).
    const reason = messages.unknownOptionChoice("--normalise", "minmax", ["min-max"]).split(";")[0];
    expect(run.stderr).toContain(commandMessages.compareWithRefused("--normalise minmax", reason).split(reason)[0] + reason);
    expect(run.stderr).toContain('did you mean "min-max"?');
    expect(run.stderr).not.toContain("Allowed choices");
  });

  it("compare on the shipped single-unit example ranks the unit first in both and says why there is no correlation", async () => {
    const dir = await tempDir();
    const run = await runCli(["compare", "--with", "--aggregate geometric"], dir);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n").filter((line) => /^\S+ +20\d\d /.test(line));
    expect(lines.length).toBeGreaterThan(1);
    // One unit: rank 1 under both, no shift.
    for (const line of lines) expect(line).toMatch(/ 1 +\S+ +1 +0$/);
    expect(run.stdout).toContain("Spearman undefined over 1 unit");
    expect(run.stderr).toContain(`note: ${robustnessMessages.spearmanUndefined(2017, 1)}`);
  });

  it("says two units tied in the base year are tied, not too few (before: '2 units are ranked ..., it needs two units or more')", async () => {
    // Fixed-base: every unit is 100 in the base year 2017 under both configurations, so its two units tie there.
    const tree = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,0.5,+\nA2,A,a2,0.5,+\n";
    const values = "unit,year,indicator,value\nu1,2017,A1,1\nu1,2017,A2,2\nu1,2018,A1,3\nu1,2018,A2,4\nu2,2017,A1,5\nu2,2017,A2,6\nu2,2018,A1,2\nu2,2018,A2,9\n";
    const dir = await tempDir({ "tree.csv": tree, "values.csv": values });
    const run = await runCli(["compare", "-i", "tree.csv", "-d", "values.csv", "--with", "--aggregate geometric", "--out", "out"], dir);
    expect(run.code).toBe(0);
    // 2018: u1 (300 + 200)/2 = 250 and √(300·200) ≈ 244.9; u2 (40 + 150)/2 = 95 and √(40·150) ≈ 77.5: u1 first in both.
    expect(run.stderr).toContain(`note: ${robustnessMessages.spearmanUndefined(2017, 2, "both")}\n`);
    expect(run.stderr).not.toContain("2018:");
  });

  it("compare of two configurations with different units fails naming them, and writes nothing", async () => {
    const values = await readFile(VALUES, "utf8");
    const fewer = values.split("\n").filter((line) => !line.startsWith("AUT,") && !line.startsWith("BEL,")).join("\n");
    const project = (file: string) => `name: x\nallow-outside: true\nindicators: ${TREE}\nvalues: ${file}\nmethods:\n  normalise: min-max\n  missing: reweight\n`;
    const dir = await tempDir({ "fewer.csv": fewer, "a/index.yaml": project(VALUES), "b/index.yaml": project("../fewer.csv") });
    const run = await runCli(["compare", "a/index.yaml", "b/index.yaml", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(robustnessMessages.compareUnits(["AUT", "BEL"], []));
    const absent = await runCli(["compare", "a/index.yaml", "a/index.yaml", "--year", "2030"], dir);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain(robustnessMessages.compareYearAbsent(2030, [2018, 2019, 2020, 2021, 2022]));
    expect(await readFile(join(dir, "out/compare.csv"), "utf8").catch(() => "absent")).toBe("absent");
  });

  it("a configuration that cannot be computed heads the error, which counts only the problems under it", async () => {
    const tree = "code,parent,name,weight,direction\nA,,a,1,\nA1,A,a1,1,+\nA2,A,a2,1,+\n";
    // Four gaps of A2: u1 2017 and 2018, u2 2018, u3 2017, each a row left out (no line): the values file alone.
    const values = "unit,year,indicator,value\nu1,2017,A1,1\nu2,2017,A1,2\nu1,2018,A1,3\nu2,2018,A1,4\nu3,2017,A1,1\nu3,2018,A1,2\nu2,2017,A2,5\nu3,2018,A2,4\n";
    const dir = await tempDir({ "tree.csv": tree, "values.csv": values });
    // Each gap's policies: u1 has no A2 (only mean, median from u2's 2017 and u3's 2018); u2 has 2017 before its gap,
    // u3 2018 after; every year has another unit's A2.
    const gaps = [
      messages.missingValue("A2", "u1", 2017, ["mean", "median", "reweight"]),
      messages.missingValue("A2", "u1", 2018, ["mean", "median", "reweight"]),
      messages.missingValue("A2", "u2", 2018, ["interpolate", "carry-forward", "mean", "median", "reweight"]),
      messages.missingValue("A2", "u3", 2017, ["interpolate", "carry-back", "mean", "median", "reweight"]),
    ].map((gap) => `values.csv: ${gap}`);
    // a (min-max, missing error) fails on the four gaps.
    const a = await runCli(["compare", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--with", "--missing reweight"], dir);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe(`error: configuration a (the command's flags) cannot be computed; 4 problems found:\n${gaps.join("\n")}\n`);
    // b (the same with --missing error on top of reweight) fails on them too; a is computed.
    const b = await runCli(["compare", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--missing", "reweight", "--with", "--missing error"], dir);
    expect(b.code).toBe(1);
    expect(b.stderr).toBe(`error: configuration b (the command's flags with --missing error) cannot be computed; 4 problems found:\n${gaps.join("\n")}\n`);
    // In JSON logs the heading is a line of its own, with its code, before the four problems.
    const json = await runCli(["--log-format", "json", "compare", "-i", "tree.csv", "-d", "values.csv", "--normalise", "min-max", "--with", "--missing reweight"], dir);
    const lines = json.stderr.trimEnd().split("\n").map((line) => JSON.parse(line) as { code?: string; message: string });
    expect(lines.map((line) => line.code)).toEqual(["E_COMPARE_CONFIGURATION", "E_MISSING_VALUE", "E_MISSING_VALUE", "E_MISSING_VALUE", "E_MISSING_VALUE", undefined]);
    expect(lines[0].message).toBe("configuration a (the command's flags) cannot be computed");
  });

  it("reports the problems of both configurations in one run when both cannot be computed, each naming its file", async () => {
    const tree = "code,parent,name,weight,direction\nA,,a,,\nA1,A,a1,,+\nA2,A,a2,,+\n";
    const values = "unit,year,indicator,value\nu,2020,A1,1\nu,2020,A2,2\nv,2020,A1,2\nv,2020,A2,1\n";
    const project = "indicators: tree.csv\nvalues: values.csv\n";
    const dir = await tempDir({
      "ca/index.yaml": project,
      "ca/tree.csv": tree.replace("A1,A,a1,,+", "A1,A,a1,,up"),
      "ca/values.csv": values.replace("u,2020,A2,2", "u,2020,A2,x"),
      "cb/index.yaml": project,
      "cb/tree.csv": tree.replace("A1,A,a1,,+", "A1,A,a1,-1,+").replace("A2,A,a2,,+", "A2,A,a2,1,+"),
      // A gap the method finds (v 2020 A2), its row left out (no line): it names cb's values file alone.
      "cb/values.csv": values.replace("v,2020,A2,1\n", ""),
      "cc/index.yaml": project.replace("values:", "valus:"),
    });
    // Before, only configuration a's two problems were reported; b's came on the run after their fix.
    const both = await runCli(["compare", "ca/index.yaml", "cb/index.yaml"], dir);
    expect(both.code).toBe(1);
    expect(both.stdout).toBe("");
    expect(both.stderr).toBe(
      [
        "error: configurations a (ca/index.yaml) and b (cb/index.yaml) cannot be computed; 3 problems found:",
        `ca/tree.csv:3:5: ${messages.badDirection("A1", "up")}`,
        `ca/values.csv:3:4: ${messages.badValue("x", "value")}`,
        `cb/tree.csv:3:4: ${messages.negativeWeight("A1", "-1")}`,
        "",
      ].join("\n"),
    );
    // b's tree fixed: the problems of its gap are reported beside a's, at its values file.
    await writeFile(join(dir, "cb/tree.csv"), tree);
    const withGap = await runCli(["compare", "ca/index.yaml", "cb/index.yaml"], dir);
    const lines = withGap.stderr.trimEnd().split("\n");
    expect(lines.slice(1, 3)).toEqual([`ca/tree.csv:3:5: ${messages.badDirection("A1", "up")}`, `ca/values.csv:3:4: ${messages.badValue("x", "value")}`]);
    expect(lines.slice(3)).toEqual([expect.stringMatching(/^cb\/values\.csv: indicator "A2", unit "v": no base value for 2020/)]);
    // A project file that cannot be read does not hide the other configuration's problems either.
    const project_ = await runCli(["compare", "cc/index.yaml", "ca/index.yaml"], dir);
    expect(project_.stderr.split("\n")[0]).toBe("error: configurations a (cc/index.yaml) and b (ca/index.yaml) cannot be computed; 4 problems found:");
    expect(project_.stderr).toMatch(/^cc\/index\.yaml:2: unknown key "valus"/m);
    expect(project_.stderr).toContain(`ca/tree.csv:3:5: ${messages.badDirection("A1", "up")}`);
    // Two configurations of the same broken inputs share their problems: each is listed once.
    const same = await runCli(["compare", "-i", "ca/tree.csv", "-d", "ca/values.csv", "--with", "--aggregate geometric"], dir);
    expect(same.stderr).toBe(
      [
        "error: configurations a (the command's flags) and b (the command's flags with --aggregate geometric) cannot be computed; 2 problems found:",
        `ca/tree.csv:3:5: ${messages.badDirection("A1", "up")}`,
        `ca/values.csv:3:4: ${messages.badValue("x", "value")}`,
        "",
      ].join("\n"),
    );
  });

  it("compare refuses a bad --with, --with with two projects, one project, and nothing to compare (exit 2)", async () => {
    const dir = await tempDir({ "a/index.yaml": `name: a\nallow-outside: true\nindicators: ${TREE}\nvalues: ${VALUES}\n` });
    const bad = await runCli(["compare", "--with", "--aggregate nonsense"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`--with "--aggregate nonsense": `);
    expect((await runCli(["compare", "a/index.yaml", "a/index.yaml", "--with", "--strict"], dir)).stderr).toContain("--with cannot be used with two project files");
    const one = await runCli(["compare", "a/index.yaml"], dir);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain(`compare takes two project files, got 1 ("a/index.yaml")`);
    expect((await runCli(["compare"], dir)).stderr).toContain("nothing to compare");
  });

  it("splitFlags(text) splits on whitespace and keeps quoted words together", () => {
    expect(splitFlags(` --aggregate geometric  --weight-units "A B,C" --x 'y z'`)).toEqual(["--aggregate", "geometric", "--weight-units", "A B,C", "--x", "y z"]);
  });
});

describe("compare's warnings", () => {
  it("a warning both configurations give is told once, with an option unused in both (before: the tree's warning twice)", async () => {
    // Dims A and B weigh 0.6 and 0.5: their weights sum to 1.1 (tree.csv line 2, the first of them), in a and in b
    // alike, as both read the same tree. --screen-by without --screen is unused in both (typed once, for both).
    const tree = "code,parent,name,weight,direction\nA,,Dim A,0.6,\nA1,A,ind a1,1,+\nB,,Dim B,0.5,\nB1,B,ind b1,1,+\n";
    const values = "unit,year,indicator,value\nX,2017,A1,1\nX,2017,B1,2\nY,2017,A1,3\nY,2017,B1,1\nZ,2017,A1,2\nZ,2017,B1,3\n";
    const dir = await tempDir({ "tree.csv": tree, "values.csv": values });
    const run = await runCli(["compare", "-i", "tree.csv", "-d", "values.csv", "--screen-by", "unit", "--with", "--aggregate geometric"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n").filter((line) => line.startsWith("warning:"))).toEqual([
      `warning: tree.csv:2: ${messages.weightsRenormalised("INDEX", 1.1)}`,
      `warning: ${commandMessages.screenByWithoutScreen("unit")}`,
    ]);
  });
});

describe("compare warns of --screen-by without --screen in each configuration, naming the file that set it", () => {
  // Units X, Y, Z in 2017, two indicators: every value present, so nothing but the screening options is warned of.
  const tree = "code,parent,name,weight,direction\nA,,Dim A,0.5,\nA1,A,ind a1,1,+\nB,,Dim B,0.5,\nB1,B,ind b1,1,+\n";
  const values = "unit,year,indicator,value\nX,2017,A1,1\nX,2017,B1,2\nY,2017,A1,3\nY,2017,B1,1\nZ,2017,A1,2\nZ,2017,B1,3\n";
  const head = "name: t\nindicators: tree.csv\nvalues: values.csv\n";
  /** commandMessages.screenByWithoutScreen(scope) with each flag named by its key, as a project file words it. */
  const fromFile = (scope: string) =>
    `methods.screen-by ${scope} has no effect without methods.screen: it says whether methods.screen leaves out whole units or unit-years, and no methods.screen is given; expected methods.screen <share> with it, or no methods.screen-by`;
  const warnings = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("warning:") || line.startsWith("警告："));

  it("methods.screen-by in index.yaml (line 5), compare --with: index.yaml's line and key, once for both; a --with value keeps its flag", async () => {
    const dir = await tempDir({ "tree.csv": tree, "values.csv": values, "index.yaml": `${head}methods:\n  screen-by: unit-year\n` });
    const equal = await runCli(["compare", "--with", "--weights equal"], dir);
    expect(equal.code).toBe(0);
    // a and b both read screen-by from index.yaml: the same warning, told once.
    expect(warnings(equal.stderr)).toEqual([`warning: index.yaml:5: ${fromFile("unit-year")}`]);
    // b's own --screen-by unit is typed: its flag's name, not index.yaml's (before: "index.yaml:5: methods.screen-by
    // unit", though index.yaml says unit-year), after a's (file order: index.yaml's problems first).
    const typed = await runCli(["compare", "--with", "--screen-by unit"], dir);
    expect(warnings(typed.stderr)).toEqual([`warning: index.yaml:5: ${fromFile("unit-year")}`, `warning: ${commandMessages.screenByWithoutScreen("unit")}`]);
  });

  it("compare --with \"--screen-by unit-year\": b's warning, in the flag's words (no project file)", async () => {
    const dir = await tempDir({ "tree.csv": tree, "values.csv": values });
    const run = await runCli(["compare", "-i", "tree.csv", "-d", "values.csv", "--with", "--screen-by unit-year"], dir);
    expect(run.code).toBe(0);
    expect(warnings(run.stderr)).toEqual([`warning: ${commandMessages.screenByWithoutScreen("unit-year")}`]);
  });

  it("compare index.yaml b.yaml where only b.yaml sets screen-by (line 5): b.yaml:5 and the key (before: --screen-by, no file)", async () => {
    const dir = await tempDir({ "tree.csv": tree, "values.csv": values, "index.yaml": head, "b.yaml": `${head}methods:\n  screen-by: unit-year\n` });
    const run = await runCli(["compare", "index.yaml", "b.yaml"], dir);
    expect(run.code).toBe(0);
    expect(warnings(run.stderr)).toEqual([`warning: b.yaml:5: ${fromFile("unit-year")}`]);
    const json = await runCli(["compare", "index.yaml", "b.yaml", "--log-format", "json"], dir);
    const logged = json.stderr.split("\n").filter((line) => line.includes('"warning"')).map((line) => JSON.parse(line));
    expect(logged).toEqual([expect.objectContaining({ code: "W_OPTION_UNUSED", message: fromFile("unit-year"), source: "b.yaml", line: 5, column: "methods.screen-by" })]);
    // In Chinese: zh screenByWithoutScreen("unit-year") with the flags named by their keys, no stray comma before them.
    const zh = await runCli(["compare", "index.yaml", "b.yaml"], dir, { language: "zh" });
    expect(warnings(zh.stderr)).toEqual([
      "警告：b.yaml:5: methods.screen-by unit-year 在没有 methods.screen 时不起作用：它决定 methods.screen 筛除整个评价对象还是单个对象-年份，而未指定 methods.screen；应与 methods.screen <share> 一起使用，或不用 methods.screen-by",
    ]);
  });

  it("both files set it, on lines of their own: each warning names its file and line (a's index.yaml:6, then b.yaml:5)", async () => {
    const dir = await tempDir({
      "tree.csv": tree,
      "values.csv": values,
      "index.yaml": `${head}methods:\n  normalise: min-max\n  screen-by: unit\n`,
      "b.yaml": `${head}methods:\n  screen-by: unit-year\n`,
    });
    const run = await runCli(["compare", "index.yaml", "b.yaml"], dir);
    expect(run.code).toBe(0);
    expect(warnings(run.stderr)).toEqual([`warning: index.yaml:6: ${fromFile("unit")}`, `warning: b.yaml:5: ${fromFile("unit-year")}`]);
  });
});

describe("compare words a configuration's errors in its own terms, as its warnings", () => {
  // Units X, Y in 2017 and 2018, two indicators; index.yaml sets base-year 2017 (line 5), which the data have.
  const tree = "code,parent,name,weight,direction\nA,,Dim A,0.5,\nA1,A,ind a1,1,+\nB,,Dim B,0.5,\nB1,B,ind b1,1,+\n";
  const values = "unit,year,indicator,value\nX,2017,A1,1\nX,2017,B1,2\nY,2017,A1,3\nY,2017,B1,1\nX,2018,A1,2\nX,2018,B1,2\nY,2018,A1,3\nY,2018,B1,2\n";
  const head = "name: t\nindicators: tree.csv\nvalues: values.csv\nmethods:\n";
  const absent = (year: number) => `base year ${year} is absent from the data; expected one of 2017, 2018`;
  const problems = (stderr: string) => stderr.trimEnd().split("\n").slice(1);

  it("b.yaml's base year (line 5) names b.yaml, not index.yaml, which sets a base year the data have (before: index.yaml:5)", async () => {
    const dir = await tempDir({ "tree.csv": tree, "values.csv": values, "index.yaml": `${head}  base-year: 2017\n`, "b.yaml": `${head}  base-year: 2030\n` });
    const run = await runCli(["compare", "index.yaml", "b.yaml"], dir);
    expect(run.code).toBe(1);
    expect(problems(run.stderr)).toEqual([`b.yaml:5: methods.base-year: ${absent(2030)}`]);
  });

  it("a base year typed in --with keeps its flag's terms, beside index.yaml's own (before: index.yaml:5)", async () => {
    const dir = await tempDir({ "tree.csv": tree, "values.csv": values, "index.yaml": `${head}  base-year: 2017\n` });
    const run = await runCli(["compare", "--with", "--base-year 2030"], dir);
    expect(run.code).toBe(1);
    expect(problems(run.stderr)).toEqual([absent(2030)]);
  });

  it("--strict with b.yaml's unused power (line 6) names b.yaml's key (before: the flag --power)", async () => {
    const dir = await tempDir({ "tree.csv": tree, "values.csv": values, "index.yaml": `${head}  base-year: 2017\n`, "b.yaml": `${head}  base-year: 2017\n  power: 2\n` });
    const run = await runCli(["compare", "index.yaml", "b.yaml", "--strict"], dir);
    expect(run.code).toBe(1);
    expect(problems(run.stderr)).toEqual([
      "b.yaml:6: methods.power has no effect: no group is aggregated with the power mean; expected methods.aggregate power (or power in a group's aggregate column)",
    ]);
  });
});
