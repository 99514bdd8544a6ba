import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/core/messages.js";
import { listDir, makeTempDir, runCli } from "../helpers.js";

const TREE = "code,parent,name,weight,direction\nX,,X,,\nX1,X,x1,,+\nX2,X,x2,,-\n";
const VALUES = "unit,year,indicator,value\nU,2017,X1,10\nU,2018,X1,12\nU,2017,X2,5\nU,2018,X2,4\n";

/** Runs `validate` and `compute` on a tree and values; both must fail alike and write nothing. */
async function expectProblems(tree: string, values: string, argv: string[] = []) {
  const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
  const validate = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", ...argv], dir);
  const compute = await runCli(["compute", "-i", "tree.csv", "-d", "values.csv", ...argv], dir);
  expect(validate.code).toBe(1);
  expect(compute.code).toBe(1);
  expect(compute.stderr).toBe(validate.stderr);
  expect(await listDir(join(dir, "out"))).toEqual([]);
  return validate.stderr;
}

describe("innovation-index validate", () => {
  it("says ok and exits 0 on clean inputs", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES });
    const run = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(run).toEqual({ code: 0, stdout: "ok: tree.csv (2 indicators in 1 group), values.csv (1 unit, years 2017, 2018)\n", stderr: "" });
  });

  it("validates the shipped example", async () => {
    const run = await runCli(["validate"], await makeTempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ok: indicators\/changzhou-2020\.csv \(40 indicators in 20 groups\), data\/changzhou\/values\.csv \(1 unit, years 2017, 2018, 2019, 2020\)\n$/);
  });

  it.each([
    // The parent is column 2 of the header code,parent,name,weight,direction.
    ["unknown parent", TREE + "X3,Q,x3,,+\n", VALUES, `tree.csv:5:2: ${messages.unknownParent("Q")}`],
    ["duplicate code", TREE + "X1,X,again,,+\n", VALUES, `tree.csv:5: ${messages.duplicateCode("X1", 3)}`],
    ["cycle", TREE + "C1,C2,c,,+\nC2,C1,c,,+\n", VALUES, `tree.csv:5:2: ${messages.treeCycle(["C1", "C2", "C1"])}`],
    ["leaf with no direction", TREE + "X3,X,x3,,\n", VALUES + "U,2017,X3,1\nU,2018,X3,2\n", `tree.csv:5:5: ${messages.missingDirection("X3")}`],
    ["non-numeric weight", TREE.replace("X,,X,,", "X,,X,heavy,"), VALUES, `tree.csv:2:4: ${messages.badWeight("X", "heavy")}`],
    ["negative weight", TREE.replace("X,,X,,", "X,,X,-1,"), VALUES, `tree.csv:2:4: ${messages.negativeWeight("X", "-1")}`],
    ["value for an unknown indicator", TREE, VALUES + "U,2017,X9,1\n", `values.csv:6:3: ${messages.unknownIndicator("X9")}`],
    ["duplicate value", TREE, VALUES + "U,2017,X1,11\n", `values.csv:6:4: ${messages.duplicateValue("U", 2017, "X1", 2)}`],
    ["non-numeric value", TREE, VALUES.replace("U,2018,X1,12", "U,2018,X1,1 2 x"), `values.csv:3:4: ${messages.badValue("1 2 x", "value")}`],
    ["indicator with no values", TREE + "X3,X,x3,,+\n", VALUES, `tree.csv:5: ${messages.indicatorWithoutValues("X3")}`],
    // X2 of U has 2017 before the gap, and U is the only unit: interpolate, carry-forward, reweight. Its row is left
    // out, so it has no line: the values file alone.
    ["missing value", TREE, VALUES.replace("U,2018,X2,4\n", ""), `values.csv: ${messages.missingValue("X2", "U", 2018, ["interpolate", "carry-forward", "reweight"])}`],
    ["zero base value", TREE, VALUES.replace("U,2017,X1,10", "U,2017,X1,0"), `values.csv:2:4: ${messages.baseValueZero("X1", "U", 2017)}`],
  ])("reports a %s with its place, exit code 1 and no output", async (_, tree, values, expected) => {
    const stderr = await expectProblems(tree, values);
    expect(stderr).toBe(`error: 1 problem found:\n${expected}\n`);
  });

  it("reports a base year absent from the data", async () => {
    const stderr = await expectProblems(TREE, VALUES, ["--base-year", "2016"]);
    expect(stderr).toBe(`error: 1 problem found:\n${messages.baseYearAbsent(2016, [2017, 2018])}\n`);
  });

  it("collects the problems of both files in one pass", async () => {
    const stderr = await expectProblems(TREE + "X3,Q,x3,,+\n", VALUES + "U,2017,X1,11\nU,2019,X2,abc\n");
    expect(stderr).toBe(
      [
        // In file order: the tree, then the values line by line (the number check runs before the duplicate check).
        "error: 3 problems found:",
        `tree.csv:5:2: ${messages.unknownParent("Q")}`,
        `values.csv:6:4: ${messages.duplicateValue("U", 2017, "X1", 2)}`,
        `values.csv:7:4: ${messages.badValue("abc", "value")}`,
        "",
      ].join("\n"),
    );
  });

  it("prints the problems in file order: by file, then line, then column, whichever check found them", async () => {
    const tree = [
      "code,parent,name,weight,direction",
      "X,,X,,",
      "X1,X,x1,abc,+", // line 3: a weight that is not a number
      "X2,X,x2,,", // line 4: no direction; X's children mix given weights (X1, X4) with an empty one (X2)
      "S,S,self,,", // line 5: its own parent (and only that: see the next test)
      "X3,Q,x3,,+", // line 6: unknown parent
      "X4,X,x4,1,sideways", // line 7: a direction that is none
    ].join("\n");
    const values = VALUES + "U,2017,X9,3\nU,2018,X2,zz\n"; // line 6: unknown code; line 7: not a number, and a duplicate of line 5
    const stderr = await expectProblems(tree + "\n", values);
    // The checks find them in another order: the tree's parents (lines 5, 6), then each row's weight and direction
    // (3, 4, 7), then siblings' weights (4); the values' numbers (7), duplicates (7), then codes (6). Worked out by
    // hand, the file order is: tree.csv before values.csv (the file of the first problem found), each by line. Line
    // 4's two problems keep the order they were found in (their columns are named, not numbered); on values.csv's
    // line 7 both problems are at column 4, the value's cell, and keep the order they were found in.
    expect(stderr).toBe(
      [
        "error: 9 problems found:",
        `tree.csv:3:4: ${messages.badWeight("X1", "abc")}`,
        `tree.csv:4:5: ${messages.missingDirection("X2")}`,
        `tree.csv:4: ${messages.mixedWeights("X", ["X1", "X4"], ["X2"])}`,
        `tree.csv:5:2: ${messages.selfParent("S")}`,
        `tree.csv:6:2: ${messages.unknownParent("Q")}`,
        `tree.csv:7:5: ${messages.badDirection("X4", "sideways")}`,
        `values.csv:6:3: ${messages.unknownIndicator("X9")}`,
        `values.csv:7:4: ${messages.badValue("zz", "value")}`,
        `values.csv:7:4: ${messages.duplicateValue("U", 2018, "X2", 5)}`,
        "",
      ].join("\n"),
    );
  });

  it("reports a node that is its own parent once, not again as an indicator with no direction", async () => {
    // S names itself as parent and has no direction: a leaf only because its parent link was dropped.
    const stderr = await expectProblems(TREE + "S,S,self,,\n", VALUES);
    expect(stderr).toBe(`error: 1 problem found:\ntree.csv:5:2: ${messages.selfParent("S")}\n`);
  });

  it("reports a misspelt weight column with the rows' own problems, in file order (before: the two column problems only)", async () => {
    // A2 names the parent Z, which no row has (line 3, column 2), and the direction "q" (column 5); A3 is its own parent
    // (line 4, column 2). On one line, problems are in the order of their columns (report-issues.ts).
    const header = ["code", "parent", "name", "wieght", "direction"];
    const stderr = await expectProblems(`${header.join(",")}\nA1,,a,,+\nA2,Z,b,,q\nA3,A3,c,,+\n`, "unit,year,indicator,value\nU,2017,A1,1\n");
    expect(stderr).toBe(
      [
        "error: 5 problems found:",
        `tree.csv:1: ${messages.missingColumn("weight", header)}`,
        'tree.csv:1: unknown column "wieght" (did you mean "weight"?); expected a tree column such as code, parent, name, weight, direction, or a setting such as normalise, cap, formula (own notes: a column starting with "x_" or "note")',
        'tree.csv:3:2: unknown parent "Z"; expected a code from column "code" or an empty cell',
        'tree.csv:3:5: indicator "A2" has direction "q"; expected "+" or "-" (also positive/negative, 正向/逆向 or 负向/反向, 1/-1)',
        'tree.csv:4:2: node "A3" is its own parent; expected another code or an empty cell',
        "",
      ].join("\n"),
    );
  });

  it("reports the options' problems that need no tree beside the tree's own (before: the tree's only)", async () => {
    // X2 names the parent Z, which no row has (line 4, column 2: parent is TREE's second column). The values have the unit U and the years 2017 and 2018: the base
    // year, the reference unit and the weight units are not in them, and the judgement file does not exist.
    const tree = TREE.replace("X2,X,", "X2,Z,");
    const unknownParent = 'tree.csv:4:2: unknown parent "Z"; expected a code from column "code" or an empty cell';
    const options = ["--base-year", "2030", "--reference-unit", "V", "--weights", "combined", "--subjective", "ahp", "--ahp", "none.csv", "--weight-units", "V"];
    expect(await expectProblems(tree, VALUES, options)).toBe(
      [
        "error: 5 problems found:",
        unknownParent,
        "none.csv: no such file; expected a readable file",
        'unknown unit "V" in --weight-units; expected one of the data\'s units: "U"',
        messages.baseYearAbsent(2030, [2017, 2018]),
        messages.unknownReferenceUnit("V", ["U"]),
        "",
      ].join("\n"),
    );
    // A level of --aggregate without groups needs the tree to be judged: it waits for it.
    expect(await expectProblems(tree, VALUES, ["--aggregate", "geometric,7=harmonic"])).toBe(`error: 1 problem found:\n${unknownParent}\n`);
  });

  it("reports a cell that is not a number together with unknown indicators, values of groups and duplicates", async () => {
    // Line 8's "abc" used to hide the three problems of the values' structure on lines 6, 7 and 9 (in the wide layout
    // too, where a cell that is not a number stands beside the rest of its row). All four are printed by line, after
    // the data stage's gap they hid too: U's 2019 gave X1 (if not as a number) and no X2, a gap of X2 that no row holds
    // (placed at the file), fillable from U's earlier years (2017, 2018) and by reweight; no other unit has 2019.
    const values = VALUES + "U,2018,X1,13\nU,2018,X9,1\nU,2019,X1,abc\nU,2019,X,2\n";
    const stderr = await expectProblems(TREE, values);
    expect(stderr).toBe(
      [
        "error: 5 problems found:",
        `values.csv: ${messages.missingValue("X2", "U", 2019, ["interpolate", "carry-forward", "reweight"])}`,
        `values.csv:6:4: ${messages.duplicateValue("U", 2018, "X1", 3)}`,
        `values.csv:7:3: ${messages.unknownIndicator("X9")}`,
        `values.csv:8:4: ${messages.badValue("abc", "value")}`,
        `values.csv:9:3: ${messages.valueForGroup("X")}`,
        "",
      ].join("\n"),
    );
    const wide = "indicator,2017,2018\nX1,10,12\nX2,5,n/a?\nX9,1,2\nX1,3,4\n";
    expect(await expectProblems(TREE, wide)).toBe(
      [
        "error: 4 problems found:",
        `values.csv:3:3: ${messages.badValue("n/a?", "2018")}`,
        `values.csv:4:1: ${messages.unknownIndicator("X9")}`, // once for its row, not once per year
        `values.csv:5:2: ${messages.duplicateValue("", 2017, "X1", 2)}`,
        `values.csv:5:3: ${messages.duplicateValue("", 2018, "X1", 2)}`,
        "",
      ].join("\n"),
    );
  });

  it("suggests for a code the tree renamed (X3, now X4) the nearest leaf code without values, in English and in Chinese", async () => {
    // By hand: "x3" has 2 characters, so 1 edit allowed; X1, X2 and X4 are each 1 edit from X3 (a tie), and of them
    // only X4 has no value in values.csv: X4, said to be without values. Each row of X3 is named (lines 6 and 7), then
    // X4 without values (tree.csv line 5), as the values' problems come before those found after reading them all.
    const tree = TREE + "X4,X,x4,,+\n";
    const values = VALUES + "U,2017,X3,7\nU,2018,X3,8\n";
    expect(await expectProblems(tree, values)).toBe(
      [
        "error: 3 problems found:",
        `values.csv:6:3: ${messages.nearCode("X3", "X4", true)}`,
        `values.csv:7:3: ${messages.nearCode("X3", "X4", true)}`,
        `tree.csv:5: ${messages.indicatorWithoutValues("X4")}`,
        "",
      ].join("\n"),
    );
    expect(messages.nearCode("X3", "X4", true)).toBe(
      'unknown indicator "X3": did you mean "X4", the nearest leaf code with no values read (an indicator renamed in the tree)? expected a leaf code of the indicator tree, as the tree writes it',
    );
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const chinese = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir, { language: "zh" });
    expect(chinese.code).toBe(1);
    expect(chinese.stderr).toContain(
      'values.csv:6:3: 未知的指标 "X3"：是否应为 "X4"（最接近的、未读到任何数值的末级指标代码：指标体系中改过代码的指标）？应为指标体系中末级指标的代码，写法与指标体系相同\n',
    );
  });

  it("runs the method's checks on the cells that could be read: a missing base value beside a cell that is not a number", async () => {
    // X2 has no 2017 (base) value; X1's 2017 cell is "abc". The base check of X2 runs in the same pass; X1's own base
    // check is left out, as it would only be the unreadable cell again.
    const values = "unit,year,indicator,value\nU,2017,X1,abc\nU,2018,X1,12\nU,2018,X2,4\n";
    expect(await expectProblems(TREE, values)).toBe(
      // X2's base has a later year (2018): interpolate and carry-back fill it. Its row is left out (no line): the values
      // file alone, which in file order comes before the file's lines.
      ["error: 2 problems found:", `values.csv: ${messages.baseValueMissing("X2", "U", 2017, ["interpolate", "carry-back"])}`, `values.csv:2:4: ${messages.badValue("abc", "value")}`, ""].join("\n"),
    );
    // A row left out whole (a year that is not a year): which year it meant is unknown, but it names U's X1, so only the
    // problems of U's X1 cells wait for it; X2's missing base (2017, the earliest year read; 2018 is later) is said.
    const badYear = "unit,year,indicator,value\nU,2017,X1,10\nU,20x8,X1,12\nU,2018,X2,4\n";
    expect(await expectProblems(TREE, badYear)).toBe(
      ["error: 2 problems found:", `values.csv: ${messages.baseValueMissing("X2", "U", 2017, ["interpolate", "carry-back"])}`, `values.csv:3:2: ${messages.badYear("20x8")}`, ""].join("\n"),
    );
  });

  it("refuses a values column given twice, and a year given as two columns (2017 and 2017年)", async () => {
    const long = "unit,year,indicator,value,value\nU,2017,X1,10,11\nU,2018,X1,12,13\nU,2017,X2,5,5\nU,2018,X2,4,4\n";
    expect(await expectProblems(TREE, long)).toBe(`error: 1 problem found:\nvalues.csv:1:5: ${messages.repeatedColumn("value", 4, 5)}\n`);
    expect(messages.repeatedColumn("2017年", 2, 4, "2017")).toBe(
      'column 4 "2017年" repeats column 2 "2017", so which one holds the values is unclear; expected each column once',
    );
    const wide = "indicator,2017,2018,2017年\nX1,10,12,10\nX2,5,4,5\n";
    expect(await expectProblems(TREE, wide)).toBe(`error: 1 problem found:\nvalues.csv:1:4: ${messages.repeatedColumn("2017年", 2, 4, "2017")}\n`);
  });

  it("names a missing file", async () => {
    const run = await runCli(["validate", "-i", "nope.csv", "-d", "values.csv"], await makeTempDir({ "values.csv": VALUES }));
    expect(run).toMatchObject({ code: 1, stderr: "error: nope.csv: no such file; expected a readable file\n" });
  });

  it("warns about weights that do not sum to 1, and refuses them under --strict", async () => {
    const tree = "code,parent,name,weight,direction\nA,,a,2,+\nB,,b,3,+\n";
    const values = "year,indicator,value\n2017,A,1\n2017,B,1\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": values });
    const loose = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv"], dir);
    expect(loose.code).toBe(0);
    expect(loose.stderr).toBe(`warning: tree.csv:2: ${messages.weightsRenormalised("INDEX", 5)}\n`);
    const strict = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--strict"], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe(`error: 1 problem found:\ntree.csv:2: ${messages.weightsRenormalised("INDEX", 5)}\n`);
  });

  it("refuses --performance-groups (compute's groups.csv, which validate does not form), and a preset's or index.yaml's is left aside", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.csv": VALUES, "index.yaml": "indicators: tree.csv\nvalues: values.csv\nmethods:\n  performance-groups: 120,100,80\n" });
    // Before, it was taken and did nothing, without a word.
    const typed = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--performance-groups"], dir);
    expect(typed).toMatchObject({ code: 2, stdout: "" });
    expect(typed.stderr).toContain("unknown option '--performance-groups'");
    // The EIS preset sets performance groups among its methods; validate takes the others.
    const preset = await runCli(["validate", "-i", "tree.csv", "-d", "values.csv", "--preset", "eis"], dir);
    expect(preset.stderr).not.toMatch(/performance/);
    expect(preset.code).toBe(0);
    // The project's key is compute's: validate runs in that project as before.
    expect(await runCli(["validate"], dir)).toMatchObject({ code: 0, stderr: "" });
  });
});
