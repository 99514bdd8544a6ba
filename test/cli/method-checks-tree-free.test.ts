/**
 * The checks that need no tree, beside a tree that was refused (src/cli/method-checks.ts, `rethrowWithTreeFreeChecks`):
 * only the problems they find are kept (an error that is no `ValidationError`, a bug, is thrown on), the judgement
 * file's own problems are among them, and they run for values DuckDB reads (`.sql`, `.parquet`) as for CSV values.
 */
import { describe, expect, it } from "vitest";
import { rethrowWithMethodChecks } from "../../src/cli/method-checks.js";
import type { Panel } from "../../src/core/panel.js";
import { messages } from "../../src/core/messages.js";
import { readerMessages } from "../../src/core/reader-messages.js";
import type { Tree } from "../../src/core/types.js";
import { weightingMessages } from "../../src/core/weighting/messages.js";
import { ValidationError, type Issue } from "../../src/errors.js";
import { makeTempDir, runCli } from "../helpers.js";
import { duckdb } from "../io/read/duckdb-statements.js";

const TREE = "code,parent,name,weight,direction\nA,,Dim A,0.5,\nA1,A,ind a1,0.5,+\nA2,A,ind a2,0.5,-\nB,,Dim B,0.5,\nB1,B,ind b1,1,+\n";
/** B1 names the parent Q, which no row has (line 6, column 2: parent): the tree is refused. */
const BAD_TREE = TREE.replace("B1,B,", "B1,Q,");
const UNKNOWN_PARENT = 'bad.csv:6:2: unknown parent "Q"; expected a code from column "code" or an empty cell; did you mean "B" (a row with no children and no direction)?';
/** Units X and Y, years 2017 and 2018. */
const VALUES = [
  "unit,year,indicator,value",
  ...["X", "Y"].flatMap((unit) => [2017, 2018].flatMap((year) => ["A1", "A2", "B1"].map((code, i) => `${unit},${year},${code},${i + 1}`))),
  "",
].join("\n");
const BASE_YEAR_ABSENT = messages.baseYearAbsent(2030, [2017, 2018]);

/** `validate` and `compute --out -` in `dir` with `argv`: both refuse alike (exit 1); the printed problems. */
async function refusedByBoth(dir: string, argv: string[]): Promise<string> {
  const validate = await runCli(["validate", ...argv], dir);
  const compute = await runCli(["compute", "--out", "-", ...argv], dir);
  expect(validate).toMatchObject({ code: 1, stdout: "" });
  expect(compute).toEqual({ ...validate });
  return validate.stderr;
}

describe("rethrowWithMethodChecks with a refused tree (the values' units and years only)", () => {
  const treeProblem: Issue = { code: "E_UNKNOWN_PARENT", message: "unknown parent", source: "bad.csv", line: 6 };
  const refused = () => new ValidationError([treeProblem], undefined, { units: ["X", "Y"], years: [2017, 2018] });
  const never = () => {
    throw new Error("the checks with a tree must not run without one");
  };

  it("throws on an error of the checks that is no ValidationError (before: taken for no problem, the tree's alone)", async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'code')");
    await expect(
      rethrowWithMethodChecks(refused(), never, () => {
        throw bug;
      }),
    ).rejects.toBe(bug);
  });

  it("keeps the tree-free problems and the judgement file's own beside the tree's, and leaves those against the tree", async () => {
    const given: { tree?: Tree; panel?: Panel } = {};
    const baseYear: Issue = { code: "E_BASE_YEAR_ABSENT", message: BASE_YEAR_ABSENT };
    // An empty tree has no group at level 1: a problem of the tree, not of the option; it waits for the tree.
    const level: Issue = { code: "E_AGGREGATE_LEVEL", message: messages.aggregateLevelWithoutGroups(1, [0]), column: "--aggregate" };
    const badValue: Issue = { code: "E_AHP_BAD_VALUE", message: weightingMessages.badJudgementValue("abc"), source: "ahp.csv", line: 2, column: 4 };
    const notReciprocal: Issue = { code: "E_AHP_NOT_RECIPROCAL", message: readerMessages.ahpNotReciprocal("INDEX", 3, "A", "B", 2), source: "ahp.yaml", line: 5 };
    const caught = await rethrowWithMethodChecks(refused(), never, (tree, panel) => {
      Object.assign(given, { tree, panel });
      throw new ValidationError([badValue, notReciprocal, level, baseYear]);
    }).catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(ValidationError);
    // Before: the judgement file's problems were left out ([treeProblem, baseYear]).
    expect((caught as ValidationError).issues).toEqual([treeProblem, badValue, notReciprocal, baseYear]);
    // The checks ran on a tree of no node and the values' units and years, without indicators.
    expect(given.tree?.nodes).toEqual([]);
    expect({ units: given.panel?.units, years: given.panel?.years, indicators: given.panel?.indicators }).toEqual({ units: ["X", "Y"], years: [2017, 2018], indicators: [] });
  });
});

describe("a judgement file's own problems beside a refused tree (before: only once the tree was fixed)", () => {
  it("a value that is no positive number (CSV), beside the tree's problem and a base year absent from the values", async () => {
    // ahp.csv line 2, column 4 (value): "abc".
    const dir = await makeTempDir({ "bad.csv": BAD_TREE, "values.csv": VALUES, "ahp.csv": "group,a,b,value\nINDEX,A,B,abc\nA,A1,A2,3\n" });
    expect(await refusedByBoth(dir, ["-i", "bad.csv", "-d", "values.csv", "--weights", "ahp", "--ahp", "ahp.csv", "--base-year", "2030"])).toBe(
      ["error: 3 problems found:", UNKNOWN_PARENT, `ahp.csv:2:4: ${weightingMessages.badJudgementValue("abc")}`, BASE_YEAR_ABSENT, ""].join("\n"),
    );
  });

  it("a matrix that is not reciprocal and a value 0 (YAML); a judgement against the tree (A9) still waits for it", async () => {
    // INDEX's matrix: 3 for A against B (line 4) but 2 the other way (line 5), where 1/3 is expected; A's judgement of
    // A1 against A9 (line 7), no child of A, is found only with the tree; B's value 0 (line 9) is no positive number.
    const yaml = "INDEX:\n  order: [A, B]\n  matrix:\n    - [1, 3]\n    - [2, 1]\nA:\n  - [A1, A9, 2]\nB:\n  - [B1, B2, 0]\n";
    const dir = await makeTempDir({ "bad.csv": BAD_TREE, "values.csv": VALUES, "ahp.yaml": yaml });
    expect(await refusedByBoth(dir, ["-i", "bad.csv", "-d", "values.csv", "--weights", "combined", "--subjective", "ahp", "--ahp", "ahp.yaml"])).toBe(
      [
        "error: 3 problems found:",
        UNKNOWN_PARENT,
        `ahp.yaml:5: ${readerMessages.ahpNotReciprocal("INDEX", 3, "A", "B", 2)}`,
        `ahp.yaml:9: ${weightingMessages.badJudgementValue("0")}`,
        "",
      ].join("\n"),
    );
  });

  it("from index.yaml: the file's problem at its own line, beside the options' at index.yaml's", async () => {
    const files = { "bad.csv": BAD_TREE, "values.csv": VALUES, "ahp.csv": "group,a,b,value\nINDEX,A,B,abc\n" };
    const dir = await makeTempDir({ ...files, "index.yaml": "name: t\nindicators: bad.csv\nvalues: values.csv\nmethods:\n  weights: ahp\n  ahp: ahp.csv\n  base-year: 2030\n" });
    expect(await refusedByBoth(dir, [])).toBe(
      ["error: 3 problems found:", UNKNOWN_PARENT, `ahp.csv:2:4: ${weightingMessages.badJudgementValue("abc")}`, `index.yaml:7: methods.base-year: ${BASE_YEAR_ABSENT}`, ""].join("\n"),
    );
  });
});

describe("values read by DuckDB beside a refused tree get the option checks too (before: the tree's problem alone)", () => {
  const options = ["--base-year", "2030", "--reference-unit", "Nowhere"];
  // The values' units X and Y and years 2017 and 2018, as the CSV file's.
  const expected = () =>
    ["error: 3 problems found:", UNKNOWN_PARENT, BASE_YEAR_ABSENT, messages.unknownReferenceUnit("Nowhere", ["X", "Y"]), ""].join("\n");

  it("a .sql query and a .parquet file, as a CSV file", async () => {
    const dir = await makeTempDir({ "bad.csv": BAD_TREE, "values.csv": VALUES, "values.sql": "SELECT * FROM read_csv('values.csv')" });
    await duckdb(dir, "COPY (SELECT * FROM read_csv('@/values.csv')) TO '@/values.parquet' (FORMAT parquet)");
    for (const values of ["values.csv", "values.sql", "values.parquet"]) expect(await refusedByBoth(dir, ["-i", "bad.csv", "-d", values, ...options])).toBe(expected());
  });

  it("the unit --unit names, for values without a unit column", async () => {
    const dir = await makeTempDir({ "bad.csv": BAD_TREE, "values.csv": VALUES, "one.sql": "SELECT year, indicator, value FROM read_csv('values.csv') WHERE unit = 'X'" });
    expect(await refusedByBoth(dir, ["-i", "bad.csv", "-d", "one.sql", "--unit", "Z", "--reference-unit", "Nowhere"])).toBe(
      ["error: 2 problems found:", UNKNOWN_PARENT, messages.unknownReferenceUnit("Nowhere", ["Z"]), ""].join("\n"),
    );
  });

  it("a row without its year: the years are not known, so the base year is not checked", async () => {
    // Y's B1 of 2018 has no year: 2018 could be missing from the years read, so no year is judged absent.
    const query = "SELECT unit, CASE WHEN unit = 'Y' AND year = 2018 AND indicator = 'B1' THEN NULL ELSE year END AS year, indicator, value FROM read_csv('values.csv')";
    const dir = await makeTempDir({ "bad.csv": BAD_TREE, "values.csv": VALUES, "gap.sql": query });
    expect(await refusedByBoth(dir, ["-i", "bad.csv", "-d", "gap.sql", "--base-year", "2030"])).toBe(
      ["error: 2 problems found:", UNKNOWN_PARENT, readerMessages.sqlNullRows("gap.sql", 1, "year"), ""].join("\n"),
    );
  });
});
