/**
 * Values read by DuckDB (`.sql`, `.parquet`) and trees with a `sql` column report every problem in one pass, as a CSV
 * file beside a plain tree does: a refused tree's problems beside the values' own and their codes checked against the
 * tree as far as it was built; a refused tree's queries run for their own problems; a values file's unknown codes
 * beside a failing query of the tree. And a query of more distinct codes than a panel may hold is refused from their
 * count in DuckDB, only the codes it lists coming into JavaScript.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { PANEL_CELL_LIMIT } from "../../../src/core/panel.js";
import { ValidationError, type Issue } from "../../../src/errors.js";
import { loadInputs } from "../../../src/io/read/load.js";
import { issuesOf, makeTempDir } from "../../helpers.js";
import { duckdb } from "./duckdb-statements.js";

const HEADER = "code,parent,name,weight,direction";
/** Leaves A and B under G (lines 2 to 4). */
const TREE = `${HEADER}\nG,,g,1,\nA,G,a,0.5,+\nB,G,b,0.5,+\n`;
/** Line 5 repeats the code A (first on line 3): the tree is refused, its codes G, A, B still known. */
const DUPLICATE_TREE = `${TREE}A,G,a again,0.5,+\n`;
/** B's weight (line 4, column 4) is no number: refused for a field alone, its structure the one meant. */
const WEIGHT_TREE = TREE.replace("B,G,b,0.5,+", "B,G,b,x,+");
/** Units U1 and U2, the year 2017, indicators A and B. */
const VALUES = "unit,year,indicator,value\nU1,2017,A,1\nU2,2017,A,2\nU1,2017,B,3\nU2,2017,B,4\n";
/** The values with C for U2's B (line 5) and a year 20x7 (line 3). */
const BAD_VALUES = "unit,year,indicator,value\nU1,2017,A,1\nU2,20x7,A,2\nU1,2017,B,3\nU2,2017,C,4\n";
/** A query of the values with C for U2's B, and the year 20170 for U1's A: no four-digit year. */
const BAD_QUERY =
  "SELECT unit, CASE WHEN unit = 'U1' AND indicator = 'A' THEN 20170 ELSE year END AS year, CASE WHEN unit = 'U2' AND indicator = 'B' THEN 'C' ELSE indicator END AS indicator, value FROM read_csv('values.csv')";
/** A query of the tree's sql column without the value column. */
const NO_VALUE_QUERY = "\"SELECT unit, year FROM read_csv('values.csv')\"";

/** `data` (a file of `dir`) read with `tree`, named by their names. */
const load = (dir: string, tree: string, data: string) => loadInputs(join(dir, tree), join(dir, data), { tree, data }, { queryRoot: dir });

/** Each issue as code, file:line and column (what the tests compare), then its message. */
const placed = (issues: readonly Issue[]) => issues.map((issue) => [issue.code, `${issue.source}:${issue.line ?? ""}`, issue.column ?? ""]);

const UNKNOWN_C = 'unknown indicator "C"; expected a leaf code of the indicator tree';

describe("a refused tree beside values DuckDB reads", () => {
  it("reports the tree's problem, the query's bad year and its unknown code (before: the unknown code was left out), as for CSV values", async () => {
    const dir = await makeTempDir({ "dup.csv": DUPLICATE_TREE, "values.csv": VALUES, "bad.csv": BAD_VALUES, "bad.sql": BAD_QUERY });
    await duckdb(dir, `COPY (${BAD_QUERY.replace("'values.csv'", "'@/values.csv'")}) TO '@/bad.parquet' (FORMAT parquet)`);
    const tree = ["E_DUPLICATE_CODE", "dup.csv:5", "code"];
    // The CSV file: its year 20x7 at line 3, column 2, and C at line 5, column 3, checked against the refused tree's codes.
    expect(placed(await issuesOf(load(dir, "dup.csv", "bad.csv")))).toEqual([tree, ["E_BAD_YEAR", "bad.csv:3", 2], ["E_UNKNOWN_INDICATOR", "bad.csv:5", 3]]);
    for (const data of ["bad.sql", "bad.parquet"]) {
      const issues = await issuesOf(load(dir, "dup.csv", data));
      // A query's rows have no line: its problems name the column (20170 on one row, C on one).
      expect(placed(issues)).toEqual([tree, ["E_BAD_YEAR", `${data}:`, "year"], ["E_UNKNOWN_INDICATOR", `${data}:`, "indicator"]]);
      expect(issues[2].message).toBe(UNKNOWN_C);
    }
  });

  it("with a tree refused for a weight alone: values of a group and indicators without values too, and the values' units and years", async () => {
    // G is a group (line 2); B (line 4) then has no value; the panel's units U1, U2 and year 2017 are known.
    const query = "SELECT unit, year, CASE WHEN indicator = 'B' THEN 'G' ELSE indicator END AS indicator, value FROM read_csv('values.csv')";
    const dir = await makeTempDir({ "weight.csv": WEIGHT_TREE, "values.csv": VALUES, "group.sql": query });
    const error = await load(dir, "weight.csv", "group.sql").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    const { issues, partial } = error as ValidationError;
    expect(placed(issues)).toEqual([
      ["E_BAD_WEIGHT", "weight.csv:4", 4],
      ["E_VALUE_FOR_GROUP", "group.sql:", "indicator"],
      ["E_NO_VALUES", "weight.csv:4", ""],
    ]);
    expect(partial).toEqual({ units: ["U1", "U2"], years: [2017] });
  });

  it("values without a problem against the refused tree's codes give their units and years, and no problem of their own", async () => {
    const dir = await makeTempDir({ "dup.csv": DUPLICATE_TREE, "values.csv": VALUES, "values.sql": "SELECT * FROM read_csv('values.csv')" });
    const error = (await load(dir, "dup.csv", "values.sql").catch((caught: unknown) => caught)) as ValidationError;
    expect(placed(error.issues)).toEqual([["E_DUPLICATE_CODE", "dup.csv:5", "code"]]);
    expect(error.partial).toEqual({ units: ["U1", "U2"], years: [2017] });
  });
});

describe("a tree with a sql column refused for a problem elsewhere", () => {
  // B's query (line 4) has no value column; line 5 repeats the code A.
  const tree = `${HEADER},sql\nG,,g,1,,\nA,G,a,0.5,+,\nB,G,b,0.5,+,${NO_VALUE_QUERY}\nA,G,a again,0.5,+,\n`;

  it("still runs its queries and reports their problems, beside the values' (before: the tree's problem alone)", async () => {
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": VALUES, "bad.csv": BAD_VALUES, "bad.sql": BAD_QUERY });
    const query = ["E_SQL_COLUMNS", "tree.csv:4", "sql"];
    expect(placed(await issuesOf(load(dir, "tree.csv", "values.csv")))).toEqual([["E_DUPLICATE_CODE", "tree.csv:5", "code"], query]);
    // The codes of a tree with queries are not checked without it (those its queries give are not the values file's).
    expect(placed(await issuesOf(load(dir, "tree.csv", "bad.csv")))).toEqual([["E_DUPLICATE_CODE", "tree.csv:5", "code"], ["E_BAD_YEAR", "bad.csv:3", 2], query]);
    const issues = await issuesOf(load(dir, "tree.csv", "bad.sql"));
    expect(placed(issues)).toEqual([["E_DUPLICATE_CODE", "tree.csv:5", "code"], ["E_BAD_YEAR", "bad.sql:", "year"], query]);
    expect(issues[2].message).toBe("tree.csv:4: indicator B, column sql: column value is missing; expected a number (DOUBLE)");
  });
});

describe("values with problems beside a tree query that fails", () => {
  const tree = `${HEADER},sql\nG,,g,1,,\nA,G,a,0.5,+,\nB,G,b,0.5,+,${NO_VALUE_QUERY}\n`;
  const query = ["E_SQL_COLUMNS", "tree.csv:4", "sql"];

  it("a CSV file's unknown code is reported with its other problems and the query's (before: left out)", async () => {
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": VALUES, "bad.csv": BAD_VALUES, "unknown.csv": VALUES.replace("U2,2017,B,4", "U2,2017,C,4") });
    expect(placed(await issuesOf(load(dir, "tree.csv", "bad.csv")))).toEqual([["E_BAD_YEAR", "bad.csv:3", 2], ["E_UNKNOWN_INDICATOR", "bad.csv:5", 3], query]);
    // Values without any other problem: their unknown code after the query's problem (before: the query's alone).
    expect(placed(await issuesOf(load(dir, "tree.csv", "unknown.csv")))).toEqual([query, ["E_UNKNOWN_INDICATOR", "unknown.csv:5", 3]]);
  });

  it("a .sql file's problems are reported with the query's", async () => {
    // Every row given as A: U1's two rows in the year 20170 (no year), U2's two in 2017 (a duplicate cell).
    const allA = "SELECT unit, CASE WHEN unit = 'U1' THEN 20170 ELSE year END AS year, 'A' AS indicator, value FROM read_csv('values.csv')";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": VALUES, "bad.sql": allA });
    const issues = await issuesOf(load(dir, "tree.csv", "bad.sql"));
    expect(placed(issues)).toEqual([["E_BAD_YEAR", "bad.sql:", "year"], ["E_DUPLICATE_VALUE", "bad.sql:", ""], query]);
  });
});

describe("a query of more distinct codes than a panel may hold", () => {
  it("is refused from their count in DuckDB, the first 20 listed, and the panel they would make named", async () => {
    // 30,000 rows of one unit, each of another code I0…I29999, over the years 1000…9999 (row i in 1000 + i mod 9000):
    // 1 × 9,000 × 30,000 = 270,000,000 cells, more than the 2^28 = 268,435,456 a panel may hold.
    const query = "SELECT 'U' AS unit, 1000 + i % 9000 AS year, 'I' || i AS indicator, 1.0 AS value FROM range(30000) AS t(i)";
    const dir = await makeTempDir({ "tree.csv": TREE, "many.sql": query });
    const started = Date.now();
    const issues = await issuesOf(load(dir, "tree.csv", "many.sql"));
    expect(Date.now() - started).toBeLessThan(5000);
    // By name (a code before those it begins): I0, I1, I10, I100, I1000, I10000 … I10009, then I1001 (after I10009,
    // before I10010), I10010 … I10013: 20 codes.
    const first = ["I0", "I1", "I10", "I100", "I1000", ...Array.from({ length: 10 }, (_, i) => `I1000${i}`), "I1001", "I10010", "I10011", "I10012", "I10013"];
    expect(first).toHaveLength(20);
    expect(issues.map((issue) => [issue.code, issue.id ?? ""])).toEqual([
      ...first.map((code) => ["E_UNKNOWN_INDICATOR", code]),
      ["E_UNKNOWN_INDICATOR", ""],
      ["E_PANEL_SIZE", ""],
      ["E_NO_VALUES", "A"],
      ["E_NO_VALUES", "B"],
    ]);
    // 30,000 codes, none a leaf: 20 listed, 29,980 more.
    expect(issues[20].message).toBe("many.sql: … and 29980 more codes that are not indicators of the tree");
    expect(issues[21].message).toBe(limitMessages.panelTooLarge("many.sql", 1, 9000, 30_000, PANEL_CELL_LIMIT));
    expect(issues[21].message).toContain("9,000 years × 30,000 indicators = 270,000,000 cells");
  });
});
