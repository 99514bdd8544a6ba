/**
 * `validate` and `compute` report the values reader's problems (a duplicate, a cell that is not a number, a row of an
 * unknown code) and the data stage's (an empty unit-year, a base value of 0, a gap under `--missing error`) in one run
 * (docs/guides/data.md, "Validation"), each once: never a consequence of a problem already reported.
 * Run in-process from the sources (runCli), so no build is needed.
 */
import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { dataMessages } from "../../src/core/data-messages.js";
import { messages } from "../../src/core/messages.js";
import { makeTempDir, runCli } from "../helpers.js";

const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

/** The tester's tree: one group A of two leaves X and Y, both positive. */
const TREE = "code,parent,name,weight,direction\nA,,a,1,\nX,A,x,1,+\nY,A,y,1,+\n";
const BAD_NUMBER = (text: string) => messages.badValue(text, "value");

/**
 * The problem lines of `validate` on `values` (warnings left out: the weights 1 and 1 are divided by their sum, which
 * is no problem), after checking that `compute` says the same, exits 1 and writes nothing to stdout.
 */
async function problems(values: string): Promise<string[]> {
  const dir = await makeTempDir({ "tree.csv": TREE, "v.csv": values });
  folders.push(dir);
  const validate = await runCli(["validate", "-i", "tree.csv", "-d", "v.csv"], dir);
  const compute = await runCli(["compute", "-i", "tree.csv", "-d", "v.csv", "--out", "-"], dir);
  expect(validate).toMatchObject({ code: 1, stdout: "" });
  expect(compute).toEqual(validate);
  return validate.stderr
    .trim()
    .split("\n")
    .filter((line) => !line.startsWith("warning:"));
}

/**
 * A problem placed in `v.csv` at a line the data stage chooses (a unit-year no row holds: at the file, or at the unit's
 * first row): its message, whatever the line.
 */
const inValues = (message: string) => expect.stringMatching(new RegExp(`^v\\.csv(:\\d+)?: ${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));

// By hand, for the tester's values: u's X is 0 in 2017, the base year (the earliest), so u's fixed-base index of X is
// undefined (line 2); v has rows for 2017 only while u has 2018, so v's 2018 is a unit-year without any value (of the
// 2 indicators; no unit is named as v renamed, since u shares 2017 with v).
/**
 * `lines` (a summary line, then the problems) hold exactly the `expected` problems, each once, and those with a line
 * in the order of their lines (a problem placed at the file alone sorts first; where the data stage places an empty
 * unit-year or a gap no row holds is left to it).
 */
function expectExactly(lines: string[], expected: unknown[]): void {
  expect(lines[0]).toBe(`error: ${expected.length} problems found:`);
  expect(lines.slice(1)).toHaveLength(expected.length);
  expect(lines.slice(1)).toEqual(expect.arrayContaining(expected));
  const placed = lines.slice(1).map((line) => Number(/^v\.csv:(\d+)/.exec(line)?.[1] ?? 0));
  expect(placed).toEqual([...placed].sort((a, b) => a - b));
}

const BASE_ZERO = `v.csv:2:4: ${messages.baseValueZero("X", "u", 2017)}`;
const V_2018_EMPTY = inValues(messages.unitYearEmpty("v", 2018, 2));

describe("the values reader's problems do not hide the data stage's (before: only the reader's, the rest a run later)", () => {
  it("a duplicate (u 2018 Y on lines 5 and 6) beside v's empty 2018 and u's base value of 0", async () => {
    const values = "unit,year,indicator,value\nu,2017,X,0\nu,2017,Y,5\nu,2018,X,3\nu,2018,Y,6\nu,2018,Y,6\nv,2017,X,1\nv,2017,Y,1\n";
    // The duplicate is placed at its second row, the value's column (6:4), naming the first row (5).
    expectExactly(await problems(values), [BASE_ZERO, `v.csv:6:4: ${messages.duplicateValue("u", 2018, "Y", 5)}`, V_2018_EMPTY]);
  });

  it("a text cell (u 2018 Y, line 5) beside v's empty 2018 and u's base value of 0", async () => {
    const values = "unit,year,indicator,value\nu,2017,X,0\nu,2017,Y,5\nu,2018,X,3\nu,2018,Y,abc\nv,2017,X,1\nv,2017,Y,1\n";
    expectExactly(await problems(values), [BASE_ZERO, `v.csv:5:4: ${BAD_NUMBER("abc")}`, V_2018_EMPTY]);
  });
});

describe("a problem the reader reports is not reported again as its consequence", () => {
  // Every unit-year has a value but u's 2018, whose only row (line 4) gives X as "abc"; base values are not 0.
  const values = "unit,year,indicator,value\nu,2017,X,1\nu,2017,Y,5\nu,2018,X,abc\nv,2017,X,2\nv,2017,Y,4\nv,2018,X,3\nv,2018,Y,6\n";

  it("a text cell is one problem, not also a gap, and its unit-year is not empty; the gap beside it is reported", async () => {
    // u 2018: X was given (if not as a number), so the unit-year is not empty and X is no gap; Y was not given: a gap,
    // fillable by interpolate and carry-forward (u's 2017 has Y), mean and median (v's 2018 has Y), or reweight.
    // Before, u 2018 counted as empty, which was not said (it names no indicator), and Y's gap went with it.
    const gap = messages.missingValue("Y", "u", 2018, ["interpolate", "carry-forward", "mean", "median", "reweight"]);
    expectExactly(await problems(values), [inValues(gap), `v.csv:4:4: ${BAD_NUMBER("abc")}`]);
  });

  it("a unit-year whose every cell is a text is not empty: the two cells alone", async () => {
    const both = values.replace("u,2018,X,abc\n", "u,2018,X,abc\nu,2018,Y,xyz\n");
    expect(await problems(both)).toEqual(["error: 2 problems found:", `v.csv:4:4: ${BAD_NUMBER("abc")}`, `v.csv:5:4: ${BAD_NUMBER("xyz")}`]);
  });

  it("a unit-year whose only row names an unknown code is not said empty; the base value of 0 still is", async () => {
    // v's 2018 row (line 6) names Z, no code of the tree: left out, v 2018 has no value, but the row meant one.
    const unknown = "unit,year,indicator,value\nu,2017,X,0\nu,2017,Y,5\nu,2018,X,3\nu,2018,Y,6\nv,2018,Z,1\nv,2017,X,1\nv,2017,Y,1\n";
    expect(await problems(unknown)).toEqual(["error: 2 problems found:", BASE_ZERO, `v.csv:6:3: ${messages.unknownIndicator("Z")}`]);
  });
});

describe("a problem that is a consequence of another is left out (the tester's tree: G1 of X1 and X2, G2 of Y1)", () => {
  const tree = "code,parent,name,weight,direction\nG1,,g1,0.5,\nX1,G1,x1,1,+\nX2,G1,x2,1,+\nG2,,g2,0.5,\nY1,G2,y1,1,+\n";
  /** Every cell of U1 and U2 in 2017-2019 (value: the year's position, 1 to 3), but those `leftOut` drops. */
  const rows = (leftOut: (unit: string, year: number, code: string) => boolean) => {
    let text = "unit,year,indicator,value\n";
    for (const unit of ["U1", "U2"])
      for (const year of [2017, 2018, 2019])
        for (const code of ["X1", "X2", "Y1"]) if (!leftOut(unit, year, code)) text += `${unit},${year},${code},${year - 2016}\n`;
    return text;
  };
  async function problemsOf(values: string, options: string[] = []): Promise<string[]> {
    const dir = await makeTempDir({ "tree.csv": tree, "v.csv": values });
    folders.push(dir);
    const validate = await runCli(["validate", "-i", "tree.csv", "-d", "v.csv", ...options], dir);
    const compute = await runCli(["compute", "-i", "tree.csv", "-d", "v.csv", "--out", "-", ...options], dir);
    expect(validate).toMatchObject({ code: 1, stdout: "" });
    expect(compute).toEqual(validate);
    return validate.stderr.trim().split("\n").filter((line) => !line.startsWith("warning:"));
  }

  it("a code in lower case is its unknown code alone, not also a gap of the leaf it meant (before: no value for X1, U1, 2018)", async () => {
    // U1 2018's X1 row is written "x1" (line 5: header, then U1 2017's three rows): left out, so X1 has no row for U1
    // 2018; the row meant that cell, so only the unknown code is said, at 5:3 (column 3, indicator).
    const values = rows((unit, year, code) => unit === "U1" && year === 2018 && code === "X1").replace("U1,2018,X2,", "U1,2018,x1,2\nU1,2018,X2,");
    for (const options of [[], ["--missing", "carry-back"]])
      expect(await problemsOf(values, options)).toEqual(["error: 1 problem found:", `v.csv:5:3: ${dataMessages.caseCode("x1", "X1")}`]);
  });

  it("a code in full-width characters in the base year is its unknown code alone, not also a base value missing (before: X2, U2, no base value for 2017)", async () => {
    // U2 2017's X2 row is written "Ｘ2" (line 12: header, U1's nine rows, U2 2017's X1): the base value it meant is
    // given, so no base value of X2 is missing for U2.
    const values = rows((unit, year, code) => unit === "U2" && year === 2017 && code === "X2").replace("U2,2017,Y1,", "U2,2017,Ｘ2,1\nU2,2017,Y1,");
    expect(await problemsOf(values)).toEqual(["error: 1 problem found:", `v.csv:12:3: ${messages.fullWidthCode("Ｘ2", "X2")}`]);
  });

  it("an unknown code that names no leaf leaves the gap beside it reported", async () => {
    // "Z9" is no near miss of any leaf: the row meant no known cell, so U1 2018's X1 is a gap (interpolate and both
    // carries from U1's 2017 and 2019, mean and median from U2's 2018, reweight), at the file: no row holds it.
    const values = rows((unit, year, code) => unit === "U1" && year === 2018 && code === "X1").replace("U1,2018,X2,", "U1,2018,Z9,2\nU1,2018,X2,");
    const gap = messages.missingValue("X1", "U1", 2018, ["interpolate", "carry-forward", "carry-back", "mean", "median", "reweight"]);
    expect(await problemsOf(values)).toEqual(["error: 2 problems found:", `v.csv: ${gap}`, `v.csv:5:3: ${messages.unknownIndicator("Z9")}`]);
  });

  it("a base year left empty for a unit is one problem, not also a base value missing per indicator (before: 1 + 3)", async () => {
    // U2 has 2018 and 2019 rows, none for 2017, the base year (the earliest): one empty unit-year, with or without a
    // policy that fills gaps (it never fills a whole unit-year).
    const values = rows((unit, year) => unit === "U2" && year === 2017);
    for (const options of [[], ["--missing", "carry-back"]])
      expect(await problemsOf(values, options)).toEqual(["error: 1 problem found:", `v.csv: ${messages.unitYearEmpty("U2", 2017, 3)}`]);
  });

  it("a missing base value's hint never names the policy in use", async () => {
    // Under --unfilled reweight the empty unit-year U2 2017 is left out, not reported: each indicator's base value of
    // U2 is then missing. As given it has later values (interpolate, carry-back) and U1's 2017 (mean, median);
    // carry-back is in use and did not fill it, so it is not named.
    const values = rows((unit, year) => unit === "U2" && year === 2017);
    const lines = await problemsOf(values, ["--missing", "carry-back", "--unfilled", "reweight"]);
    expect(lines).toEqual([
      "error: 3 problems found:",
      ...["X1", "X2", "Y1"].map((code) => `v.csv: ${messages.baseValueMissing(code, "U2", 2017, ["interpolate", "mean", "median"])}`),
    ]);
  });

  // The lines of `rows` without a row left out: the header (1), then U1's 2017 X1, X2, Y1 (2-4), 2018 (5-7), 2019
  // (8-10), U2's 2017 (11-13), 2018 (14-16), 2019 (17-19).
  describe("an unreadable cell hides only the problems that could be its consequence (before: every problem of its indicator and groups)", () => {
    it("another unit's base value of 0 of the same indicator is kept", async () => {
      // U1's X2 in 2018 (line 6) is "abc"; U2's X2 in 2017, the base year, is 0 (line 12): its fixed-base index is
      // undefined whatever U1's X2 is. Before, only the "abc" was said, the base value a run later.
      const values = rows(() => false).replace("U1,2018,X2,2", "U1,2018,X2,abc").replace("U2,2017,X2,1", "U2,2017,X2,0");
      expect(await problemsOf(values)).toEqual(["error: 2 problems found:", `v.csv:6:4: ${BAD_NUMBER("abc")}`, `v.csv:12:4: ${messages.baseValueZero("X2", "U2", 2017)}`]);
    });

    it("another unit without any value of the indicator keeps its missing base value and gaps", async () => {
      // U2 has no X2 row (U2's lines: 11-16), U1's X2 in 2018 (line 6) is "abc". U2's X2 base (2017) is missing: no
      // value of U2's to interpolate or carry, U1's 2017 for mean and median (reweight fills no base); U2's 2018 and
      // 2019 are gaps: U1's values of those years (its 2018 given, if not as a number) for mean and median (not
      // reweight, which would leave the series' base missing still).
      const values = rows((unit, _year, code) => unit === "U2" && code === "X2").replace("U1,2018,X2,2", "U1,2018,X2,abc");
      const gap = (year: number) => `v.csv: ${messages.missingValue("X2", "U2", year, ["mean", "median"])}`;
      expect(await problemsOf(values)).toEqual([
        "error: 4 problems found:",
        `v.csv: ${messages.baseValueMissing("X2", "U2", 2017, ["mean", "median"])}`,
        gap(2018),
        gap(2019),
        `v.csv:6:4: ${BAD_NUMBER("abc")}`,
      ]);
    });

    it("a gap in the unreadable cell's own series, in another year, is kept", async () => {
      // U1's X1 in 2017 (line 2) is "abc", its 2018 has no row, its 2019 is 3: the 2018 gap is no consequence of the
      // text. Fillable by interpolate and both carries (2017 was given, if not as a number, and 2019), mean and median
      // (U2's 2018), reweight; at the file, as no row holds it. The base problems of U1's X1 (its base is the text) are not said.
      const values = rows((unit, year, code) => unit === "U1" && year === 2018 && code === "X1").replace("U1,2017,X1,1", "U1,2017,X1,abc");
      const gap = messages.missingValue("X1", "U1", 2018, ["interpolate", "carry-forward", "carry-back", "mean", "median", "reweight"]);
      expect(await problemsOf(values)).toEqual(["error: 2 problems found:", `v.csv: ${gap}`, `v.csv:2:4: ${BAD_NUMBER("abc")}`]);
    });

    it("under min-max a constant indicator that the unreadable cell could make vary is not said; under min-max-year, another year's is", async () => {
      // X2 is 5 in every cell but U1's 2018 (line 6), "abc": min-max over the panel would be undefined only if that cell
      // were 5 too, which is not known, so only the text is said.
      const constant = rows(() => false).replace(/(U\d,\d{4},X2,)\d/g, "$15").replace("U1,2018,X2,5", "U1,2018,X2,abc");
      expect(await problemsOf(constant, ["--normalise", "min-max"])).toEqual(["error: 1 problem found:", `v.csv:6:4: ${BAD_NUMBER("abc")}`]);
      // Per year: both units have the same value each year (rows gives a year's position), so each indicator is
      // constant in each year (2 observations) but X2 in 2018, where U1's cell is the text: 8 problems and the text.
      // A constant indicator names no file (it is no cell's).
      const lines = await problemsOf(rows(() => false).replace("U1,2018,X2,2", "U1,2018,X2,abc"), ["--normalise", "min-max-year"]);
      const constantIn = (code: string, year: number) => messages.constantIndicator(code, "min-max-year", year - 2016, 2, year, 2);
      expect(lines[0]).toBe("error: 9 problems found:");
      expect(lines.slice(1)).toEqual(
        expect.arrayContaining([`v.csv:6:4: ${BAD_NUMBER("abc")}`, ...["X1", "Y1"].flatMap((code) => [2017, 2018, 2019].map((year) => constantIn(code, year))), constantIn("X2", 2017), constantIn("X2", 2019)]),
      );
    });
  });

  it("a value given twice whose second cell is a text is one problem, the text's (before: also a duplicate at 3:4)", async () => {
    // Line 3 repeats U1 2017 X1 (line 2) with "abc": not a number, at 3:4 (column 4, value); the duplicate at the same cell is not said.
    const values = rows(() => false).replace("U1,2017,X1,1\n", "U1,2017,X1,1\nU1,2017,X1,abc\n");
    expect(await problemsOf(values)).toEqual(["error: 1 problem found:", `v.csv:3:4: ${BAD_NUMBER("abc")}`]);
  });

  it("a value given twice whose first cell is a text is one problem, the text's (before: also a duplicate at 3:4)", async () => {
    // Line 2 gives U1 2017 X1 as "abc", line 3 as 1: not a number at 2:4; the duplicate the second row would be is not said.
    const values = rows(() => false).replace("U1,2017,X1,1\n", "U1,2017,X1,abc\nU1,2017,X1,1\n");
    expect(await problemsOf(values)).toEqual(["error: 1 problem found:", `v.csv:2:4: ${BAD_NUMBER("abc")}`]);
    // A third row (line 4, 2) repeats the number of line 3: a duplicate whatever the text, at 4:4, naming the cell's first row (2).
    const thrice = rows(() => false).replace("U1,2017,X1,1\n", "U1,2017,X1,abc\nU1,2017,X1,1\nU1,2017,X1,2\n");
    expect(await problemsOf(thrice)).toEqual(["error: 2 problems found:", `v.csv:2:4: ${BAD_NUMBER("abc")}`, `v.csv:4:4: ${messages.duplicateValue("U1", 2017, "X1", 2)}`]);
  });

  // Two units, two years: the header (1), U1's 2017 X1 X2 Y1 (2-4), its 2018 X1 X2 (5-6), U2's 2017 (7-9), its 2018 X1
  // and Y1 (10-11). U1's X1 is 0 in 2017, the base year (the earliest): its fixed-base index is undefined (line 2).
  // U1's 2018 lacks Y1 and U2's 2018 lacks X2: two gaps, at the file (no row holds them), each fillable by interpolate
  // and carry-forward (the unit's 2017), mean and median (the other unit's 2018) and reweight (not a base value).
  describe("a row left out whole hides only the problems of the cells it may have meant (before: every other problem)", () => {
    const values = "unit,year,indicator,value\nU1,2017,X1,0\nU1,2017,X2,1\nU1,2017,Y1,1\nU1,2018,X1,1\nU1,2018,X2,1\nU2,2017,X1,1\nU2,2017,X2,1\nU2,2017,Y1,1\nU2,2018,X1,1\nU2,2018,Y1,1\n";
    const baseZero = `v.csv:2:4: ${messages.baseValueZero("X1", "U1", 2017)}`;
    const gap = (code: string, unit: string) => `v.csv: ${messages.missingValue(code, unit, 2018, ["interpolate", "carry-forward", "mean", "median", "reweight"])}`;

    it("as given: the base value of 0 and the two gaps", async () => {
      expect(await problemsOf(values)).toEqual(["error: 3 problems found:", gap("X2", "U2"), gap("Y1", "U1"), baseZero]);
    });

    it("a year that is not one: it may have meant U1's Y1 of any year, so U1's Y1 gap is not said; the rest is", async () => {
      expect(await problemsOf(`${values}U1,20x8,Y1,4\n`)).toEqual(["error: 3 problems found:", gap("X2", "U2"), baseZero, `v.csv:12:2: ${messages.badYear("20x8")}`]);
    });

    it("an empty code: it may have meant any indicator of U1's 2018, so U1's Y1 gap is not said; the rest is", async () => {
      expect(await problemsOf(`${values}U1,2018,,4\n`)).toEqual(["error: 3 problems found:", gap("X2", "U2"), baseZero, `v.csv:12: ${messages.emptyCode("indicator")}`]);
    });

    it("an empty unit: it may have meant any unit's Y1 of 2018 (of any year when the year is not one either), so U1's Y1 gap is not said; the rest is", async () => {
      // Column 1 (unit), the unit above being U2's.
      const empty = `v.csv:12:1: ${messages.emptyUnit("unit", 12, 12, "U2")}`;
      for (const row of [",2018,Y1,4", ",20x8,Y1,4"]) expect(await problemsOf(`${values}${row}\n`)).toEqual(["error: 3 problems found:", gap("X2", "U2"), baseZero, empty]);
    });

    it("a row with a field too many: its cells may have shifted, so it may have meant any cell; neither gap is said, the base value of 0 is", async () => {
      // 4 and 9, digits beside digits: the message's hint of a number split at its thousands separator.
      expect(await problemsOf(`${values}U1,2018,Y1,4,9\n`)).toEqual(["error: 2 problems found:", baseZero, `v.csv:12:5: ${messages.wrongFieldCount(5, 4, true)}`]);
    });
  });

  describe("an indicator without any value has no block to check: the others are (before: only its own problem)", () => {
    // Unit U, 2017 and 2018: X1 is 0 in 2017, the base year (line 2). Y1 (line 6 of the tree: header, G1, X1, X2, G2)
    // has no value: its base and gaps are not said, nor its group's problems.
    it("never given: Y1 has no values, and X1's base value of 0", async () => {
      const values = "unit,year,indicator,value\nU,2017,X1,0\nU,2017,X2,1\nU,2018,X1,1\nU,2018,X2,1\n";
      expect(await problemsOf(values)).toEqual(["error: 2 problems found:", `tree.csv:6: ${messages.indicatorWithoutValues("Y1")}`, `v.csv:2:4: ${messages.baseValueZero("X1", "U", 2017)}`]);
    });

    it("given only as a text: the text (Y1's lack of values is its consequence), and X1's base value of 0", async () => {
      const values = "unit,year,indicator,value\nU,2017,X1,0\nU,2017,X2,1\nU,2017,Y1,abc\nU,2018,X1,1\nU,2018,X2,1\n";
      expect(await problemsOf(values)).toEqual(["error: 2 problems found:", `v.csv:2:4: ${messages.baseValueZero("X1", "U", 2017)}`, `v.csv:4:4: ${BAD_NUMBER("abc")}`]);
    });
  });
});
