/**
 * Values read by DuckDB (`.parquet` and `.sql`): the same panel as the CSV reader gives for the same values (the
 * CSV reader is the reference, tested on its own), and the sandbox and checks of a query.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Panel } from "../../../src/core/panel.js";
import { dataMessages } from "../../../src/core/data-messages.js";
import { ValidationError } from "../../../src/errors.js";
import { inSandboxFolder, openDuckdb, openSandbox, sqlString } from "../../../src/io/read/duckdb.js";
import { loadInputs } from "../../../src/io/read/load.js";
import { readQueryFiles } from "../../../src/io/read/values-duckdb.js";
import { makeTempDir, issuesOf } from "../../helpers.js";

const ASEM = fileURLToPath(new URL("../../fixtures/asem/", import.meta.url));
const TREE = join(ASEM, "tree-scaling.csv");
let dir: string;
let csvPanel: Panel;

/** Runs statements in a fresh, unsandboxed DuckDB (to make test files). */
async function duckdb(...statements: string[]): Promise<void> {
  const session = await openDuckdb();
  try {
    for (const statement of statements) await session.connection.run(statement);
  } finally {
    session.close();
  }
}


beforeAll(async () => {
  dir = await makeTempDir({ "outside-marker.txt": "x" });
  await writeFile(join(dir, "values.csv"), await readFile(join(ASEM, "values.csv")));
  csvPanel = (await loadInputs(TREE, join(dir, "values.csv"))).panel;
  const csv = sqlString(join(dir, "values.csv"));
  await duckdb(
    `COPY (SELECT * FROM read_csv(${csv})) TO ${sqlString(join(dir, "long.parquet"))} (FORMAT parquet)`,
    // The wide layout: one row per unit and indicator, one column per year (a single year, 2018, in this data).
    `COPY (PIVOT (SELECT unit, indicator, year::VARCHAR AS year, value FROM read_csv(${csv})) ON year USING first(value) ORDER BY unit, indicator) TO ${sqlString(join(dir, "wide.parquet"))} (FORMAT parquet)`,
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** `panel` with its units in `order`, for comparison with a panel whose units are sorted otherwise. */
function reorderUnits(panel: Panel, order: readonly string[]): Float64Array {
  const out = new Float64Array(panel.values.length);
  const years = panel.years.length;
  for (let i = 0; i < panel.indicators.length; i++)
    order.forEach((unit, u) => {
      const from = panel.units.indexOf(unit);
      for (let y = 0; y < years; y++) out[(i * order.length + u) * years + y] = panel.values[(i * panel.units.length + from) * years + y];
    });
  return out;
}

describe("values from Parquet", () => {
  it("a long Parquet file gives the panel of the same values as CSV: units in file order, gaps as NaN", async () => {
    const { panel } = await loadInputs(TREE, join(dir, "long.parquet"));
    expect(panel.units).toEqual(csvPanel.units);
    expect(panel.years).toEqual(csvPanel.years);
    expect(panel.indicators).toEqual(csvPanel.indicators);
    expect(panel.values).toEqual(csvPanel.values);
    // The ASEM data have gaps: the comparison covers NaN cells too.
    expect(csvPanel.values.some(Number.isNaN)).toBe(true);
  });

  it("a wide Parquet file (indicator, a column a year) gives the same values", async () => {
    const { panel } = await loadInputs(TREE, join(dir, "wide.parquet"));
    expect([...panel.units].sort()).toEqual([...csvPanel.units].sort());
    expect(reorderUnits(panel, csvPanel.units)).toEqual(csvPanel.values);
  });

  it("refuses infinite values when it reads them, naming their cells (a division by zero upstream leaves inf in a DOUBLE column)", async () => {
    await writeFile(join(dir, "tree-inf.csv"), "code,parent,name,weight,direction\nG,,group,1,\nX1,G,x1,0.5,+\nX2,G,x2,0.5,+\n");
    await duckdb(
      `COPY (SELECT * FROM (VALUES ('A', 2017, 'X1', 1.0::DOUBLE), ('A', 2017, 'X2', 1.0), ('A', 2018, 'X1', 'inf'::DOUBLE), ('A', 2018, 'X2', '-inf'::DOUBLE)) t(unit, year, indicator, value)) TO ${sqlString(join(dir, "inf.parquet"))} (FORMAT parquet)`,
    );
    const issues = await issuesOf(loadInputs(join(dir, "tree-inf.csv"), join(dir, "inf.parquet"), { tree: "tree-inf.csv", data: "inf.parquet" }));
    expect(issues).toEqual([
      { code: "E_BAD_NUMBER", message: dataMessages.infiniteValue("inf.parquet", "A", 2018, "X1", Infinity), source: "inf.parquet", column: "value", id: "X1" },
      { code: "E_BAD_NUMBER", message: dataMessages.infiniteValue("inf.parquet", "A", 2018, "X2", -Infinity), source: "inf.parquet", column: "value", id: "X2" },
    ]);
    expect(issues[1].message).toBe('inf.parquet: indicator "X2", unit "A", year 2018: the value is -Infinity; expected a finite number (an empty cell or NULL for a missing value)');
  });

  it("a file that is not Parquet is an error naming it", async () => {
    await writeFile(join(dir, "fake.parquet"), "unit,year\n");
    const error = await loadInputs(TREE, join(dir, "fake.parquet"), { tree: "tree.csv", data: "fake.parquet" }).catch((caught: unknown) => caught);
    expect((error as ValidationError).issues[0]).toMatchObject({ code: "E_PARQUET", source: "fake.parquet" });
  });
});

describe("values from a SQL query", () => {
  // The tests run in the query's folder, as the tool does in a project folder; relative paths resolve against the
  // query's folder from elsewhere too (below).
  const started = process.cwd();
  beforeAll(() => process.chdir(dir));
  afterAll(() => process.chdir(started));
  const query = async (name: string, sql: string) => {
    await writeFile(join(dir, name), sql);
    return join(dir, name);
  };

  it("a query over a CSV file gives the same values as reading the file, its units sorted by name", async () => {
    const path = await query("values.sql", "-- the ASEM values\nSELECT unit, year, indicator, value FROM read_csv('values.csv');\n");
    const { panel, query: text, filesRead } = await loadInputs(TREE, path);
    expect(panel.units).toEqual([...csvPanel.units].sort());
    expect(reorderUnits(panel, csvPanel.units)).toEqual(csvPanel.values);
    expect(text).toContain("read_csv('values.csv')");
    expect(filesRead).toEqual([join(dir, "values.csv")]);
    expect(await readQueryFiles(path)).toEqual([join(dir, "values.csv")]);
  });

  it("a query may aggregate microdata: counts per unit and year become values", async () => {
    await writeFile(join(dir, "firms.csv"), "unit,year,employees\nU1,2017,10\nU1,2017,30\nU2,2017,5\nU1,2018,40\nU2,2018,7\nU2,2018,9\n");
    await writeFile(join(dir, "tree.csv"), "code,parent,name,weight,direction\nF,,firms,1,+\nE,,employees,1,+\n");
    const path = await query(
      "firms.sql",
      `SELECT unit, year, 'F' AS indicator, count(*)::DOUBLE AS value FROM 'firms.csv' GROUP BY unit, year
       UNION ALL SELECT unit, year, 'E', sum(employees)::DOUBLE FROM 'firms.csv' GROUP BY unit, year`,
    );
    const { panel } = await loadInputs(join(dir, "tree.csv"), path);
    expect(panel.units).toEqual(["U1", "U2"]);
    // Indicator-major, then unit, then year: F = counts (2,1 | 1,2), E = sums (40,40 | 5,16), by hand from firms.csv.
    expect([...panel.values]).toEqual([2, 1, 1, 2, 40, 40, 5, 16]);
  });

  it("refuses a query that writes (COPY, ATTACH, CREATE) and writes nothing", async () => {
    for (const [name, sql] of [
      ["copy.sql", "COPY (SELECT 1) TO 'written.csv'"],
      ["attach.sql", "ATTACH 'written.duckdb' AS other"],
      ["create.sql", "CREATE TABLE t AS SELECT 1"],
    ]) {
      const issues = await issuesOf(loadInputs(TREE, await query(name, sql), { tree: "tree.csv", data: name }));
      expect(issues).toEqual([expect.objectContaining({ code: "E_SQL_NOT_SELECT", source: name })]);
      expect(issues[0].message).toMatch(new RegExp(`^${name.replace(".", "\\.")}: the query is not a SELECT statement \\((COPY|ATTACH|CREATE)\\); expected a query that only reads$`));
    }
    expect(existsSync(join(dir, "written.csv"))).toBe(false);
    expect(existsSync(join(dir, "written.duckdb"))).toBe(false);
  });

  it("refuses a query that reads outside its folder, naming the file and giving DuckDB's message", async () => {
    const inner = await makeTempDir();
    try {
      const path = join(inner, "outside.sql");
      await writeFile(path, `SELECT * FROM read_csv(${sqlString(join(dir, "values.csv"))})`);
      const issues = await issuesOf(loadInputs(TREE, path, { tree: "tree.csv", data: "outside.sql" }));
      expect(issues[0].code).toBe("E_SQL");
      expect(issues[0].message).toMatch(/^outside\.sql: DuckDB refused the query: Permission Error: Cannot access file/);
    } finally {
      await rm(inner, { recursive: true, force: true });
    }
  });

  it("resolves a query's relative paths against its folder from any current folder, a file of the current folder of the same name unread", async () => {
    // The process runs in another folder holding a values.csv of its own (one row), which must not be read.
    const elsewhere = await makeTempDir({ "values.csv": "unit,year,indicator,value\nX,2018,A1,1\n", "sub/values.csv": "x\n" });
    await mkdir(join(dir, "parts"), { recursive: true });
    await writeFile(join(dir, "parts", "values.csv"), await readFile(join(dir, "values.csv")));
    const path = await query(
      "relative.sql",
      // A file argument, a list and a glob of them, a file named as a table, and a text that only looks like a path.
      `SELECT unit, year, indicator, value, 'values.csv' AS source FROM read_csv('values.csv', delim = ',')
       WHERE unit IN (SELECT unit FROM "values.csv") AND unit IN (SELECT unit FROM read_csv(['values.csv', './parts/values.csv']))
       AND unit IN (SELECT unit FROM read_csv('part*/*.csv'))`,
    );
    process.chdir(elsewhere);
    try {
      const { panel, filesRead } = await loadInputs(TREE, path, { tree: "tree.csv", data: "relative.sql" });
      expect(reorderUnits(panel, csvPanel.units)).toEqual(csvPanel.values);
      expect(filesRead).toEqual([join(dir, "parts", "values.csv"), join(dir, "values.csv")]);
      expect(await readQueryFiles(path)).toEqual([join(dir, "parts", "values.csv"), join(dir, "values.csv")]);
    } finally {
      process.chdir(dir);
    }
  });

  it("still refuses a relative path that leads out of the query's folder, and reads a path built in the query in its folder, not the current one", async () => {
    const outside = await makeTempDir({ "secret.csv": "unit,year,indicator,value\nX,2018,A1,1\n" });
    const inner = await makeTempDir();
    await writeFile(join(inner, "up.sql"), `SELECT * FROM read_csv('../${outside.split(/[\\/]/).pop()}/secret.csv')`);
    await writeFile(join(inner, "built.sql"), "SELECT * FROM read_csv('sec' || 'ret.csv')");
    process.chdir(outside);
    try {
      const up = await issuesOf(loadInputs(TREE, join(inner, "up.sql"), { tree: "tree.csv", data: "up.sql" }));
      expect(up[0].message).toMatch(/^up\.sql: DuckDB refused the query: Permission Error: Cannot access file "[^"]*secret\.csv"/);
      // The current folder's secret.csv is not read: the query's folder holds none.
      const built = await issuesOf(loadInputs(TREE, join(inner, "built.sql"), { tree: "tree.csv", data: "built.sql" }));
      expect(built[0].message).toMatch(/^built\.sql: DuckDB refused the query: IO Error: No files found that match the pattern "([^"]*)"/);
      expect(resolve(/pattern "([^"]*)"/.exec(built[0].message)?.[1] ?? "")).toBe(join(inner, "secret.csv"));
    } finally {
      process.chdir(dir);
    }
  });

  it("makes only a query's file arguments absolute, as DuckDB's parser finds them, in a text with Chinese before them", async () => {
    const session = await openSandbox(dir);
    try {
      // Dollar-quoted ($$…$$, $q$…$q$) and escape (E'…') strings are paths as '…' is: made absolute, written '…'.
      const sql =
        "SELECT '常州' AS unit, * FROM read_csv('values.csv', delim = ',') JOIN 'wide.parquet' w USING (indicator), read_parquet($$long.parquet$$), read_json($q$d/c.json$q$), read_csv(E'd/it\\'s.csv') WHERE indicator <> 'a.csv'";
      const at = (name: string) => sqlString(join(dir, name));
      expect(await inSandboxFolder(session, sql)).toBe(
        `SELECT '常州' AS unit, * FROM read_csv(${at("values.csv")}, delim = ',') JOIN ${at("wide.parquet")} w USING (indicator), read_parquet(${at("long.parquet")}), read_json(${at("d/c.json")}), read_csv(${at("d/it's.csv")}) WHERE indicator <> 'a.csv'`,
      );
      // A CTE named like a file and a table's name are no files; an absolute path, a statement that is not a SELECT and
      // a syntax error stay as written.
      for (const kept of [`WITH "v.csv" AS (SELECT 1 AS a) SELECT * FROM "v.csv"`, 'SELECT * FROM "duckdb_tables"', `SELECT * FROM read_csv(${sqlString(join(dir, "values.csv"))})`, "COPY (SELECT 1) TO 'x.csv'", "SELEC * FROM 'x.csv'"])
        expect(await inSandboxFolder(session, kept)).toBe(kept);
    } finally {
      session.close();
    }
  });

  it("refuses several statements, and a query that cannot switch the sandbox off", async () => {
    expect(await issuesOf(loadInputs(TREE, await query("two.sql", "SELECT 1; SELECT 2"), { tree: "t", data: "two.sql" }))).toEqual([
      expect.objectContaining({ code: "E_SQL", message: "two.sql: the query holds 2 statements; expected exactly one SELECT" }),
    ]);
    const issues = await issuesOf(loadInputs(TREE, await query("set.sql", "SET enable_external_access = true"), { tree: "t", data: "set.sql" }));
    expect(issues[0].code).toMatch(/^E_SQL/);
  });

  it("refuses wrong columns and types before anything runs, every problem at once", async () => {
    const path = await query("columns.sql", "SELECT unit, year::VARCHAR AS year, indicator, 'high' AS value, 1 AS extra FROM 'values.csv'");
    const issues = await issuesOf(loadInputs(TREE, path, { tree: "tree.csv", data: "columns.sql" }));
    expect(issues.map((issue) => issue.message)).toEqual([
      "columns.sql: column year is VARCHAR; expected a whole number (INTEGER; cast it: year::INTEGER)",
      "columns.sql: column value is VARCHAR; expected a number (DOUBLE)",
      "columns.sql: unexpected column extra; expected unit, year, indicator, value and an optional source and measure",
    ]);
  });

  it("reports unknown indicators, groups and duplicate cells like the CSV reader", async () => {
    await writeFile(join(dir, "tree2.csv"), "code,parent,name,weight,direction\nG,,group,1,\nA,G,a,1,+\n");
    const path = await query(
      "bad.sql",
      "SELECT * FROM (VALUES ('U', 2017, 'A', 1.0), ('U', 2017, 'A', 2.0), ('U', 2017, 'Z', 1.0), ('U', 2017, 'G', 1.0)) t(unit, year, indicator, value)",
    );
    const issues = await issuesOf(loadInputs(join(dir, "tree2.csv"), path, { tree: "tree2.csv", data: "bad.sql" }));
    expect(issues.map((issue) => issue.code)).toEqual(["E_VALUE_FOR_GROUP", "E_UNKNOWN_INDICATOR", "E_DUPLICATE_VALUE"]);
    expect(issues[2].message).toBe('bad.sql: unit "U", year 2017, indicator "A" has 2 rows; expected one value per unit, year and indicator');
  });

  it("suggests for a code the tree renamed (A23, now A24) the nearest leaf without values, as the CSV reader does", async () => {
    await writeFile(join(dir, "tree-renamed.csv"), "code,parent,name,weight,direction\nA,,a,1,\nA21,A,a21,1,+\nA22,A,a22,1,+\nA24,A,a24,1,+\n");
    // By hand: A21, A22 and A24 are each one edit from A23 (a tie); of them only A24 has no value in the query's rows.
    const path = await query("renamed.sql", "SELECT * FROM (VALUES ('U', 2017, 'A21', 1.0), ('U', 2017, 'A22', 2.0), ('U', 2017, 'A23', 3.0)) t(unit, year, indicator, value)");
    const issues = await issuesOf(loadInputs(join(dir, "tree-renamed.csv"), path, { tree: "tree-renamed.csv", data: "renamed.sql" }));
    expect(issues.filter((issue) => issue.code === "E_UNKNOWN_INDICATOR").map((issue) => issue.message)).toEqual([dataMessages.nearCode("A23", "A24", true)]);
  });

  it("finds duplicate cells in values that have no other problem (met on the way, then listed by a query)", async () => {
    await writeFile(join(dir, "tree3.csv"), "code,parent,name,weight,direction\nG,,group,1,\nA,G,a,1,+\n");
    // Written by hand: the cell U-2017-A has three rows and V-2018-A two; every other cell one.
    const path = await query(
      "duplicates.sql",
      "SELECT * FROM (VALUES ('U', 2017, 'A', 1.0), ('V', 2017, 'A', 2.0), ('U', 2017, 'A', 3.0), ('V', 2018, 'A', 4.0), ('U', 2017, 'A', 5.0), ('V', 2018, 'A', 6.0), ('U', 2018, 'A', 7.0)) t(unit, year, indicator, value)",
    );
    const issues = await issuesOf(loadInputs(join(dir, "tree3.csv"), path, { tree: "tree3.csv", data: "duplicates.sql" }));
    expect(issues.map((issue) => issue.message)).toEqual([
      'duplicates.sql: unit "U", year 2017, indicator "A" has 3 rows; expected one value per unit, year and indicator',
      'duplicates.sql: unit "V", year 2018, indicator "A" has 2 rows; expected one value per unit, year and indicator',
    ]);
  });

  it("a syntax error names the file and gives DuckDB's message", async () => {
    const issues = await issuesOf(loadInputs(TREE, await query("syntax.sql", "SELEC 1"), { tree: "tree.csv", data: "syntax.sql" }));
    expect(issues[0]).toMatchObject({ code: "E_SQL", source: "syntax.sql" });
    expect(issues[0].message).toMatch(/^syntax\.sql: DuckDB refused the query: .*Parser Error: syntax error at or near "SELEC"/);
  });
});

describe("indicators defined by a query in the tree (column sql)", () => {
  const started = process.cwd();
  beforeAll(() => process.chdir(dir));
  afterAll(() => process.chdir(started));

  it("takes each query's unit, year and value as its indicator's values, beside the values file's", async () => {
    await writeFile(join(dir, "patents.csv"), "unit,year,granted\nU1,2017,1\nU1,2017,1\nU1,2018,0\nU2,2017,1\nU2,2018,1\nU2,2018,1\n");
    await writeFile(
      join(dir, "tree-sql.csv"),
      'code,parent,name,weight,direction,sql\nP,,patents granted,1,+,"SELECT unit, year, sum(granted)::DOUBLE AS value FROM read_csv(\'patents.csv\') GROUP BY unit, year"\nR,,R&D share,1,+,\n',
    );
    await writeFile(join(dir, "other.csv"), "unit,year,indicator,value\nU1,2017,R,1.5\nU1,2018,R,2\nU2,2017,R,3\nU2,2018,R,4\n");
    const { panel } = await loadInputs(join(dir, "tree-sql.csv"), join(dir, "other.csv"));
    expect(panel.units).toEqual(["U1", "U2"]);
    // P by hand from patents.csv: U1 2 then 0, U2 1 then 2; R from other.csv.
    expect([...panel.values]).toEqual([2, 0, 1, 2, 1.5, 2, 3, 4]);
  });

  it("joins the queries' values to those of a .sql or .parquet values file too, not only a CSV file", async () => {
    // The tree and data of the test above; other.sql reads other.csv, other.parquet holds it.
    await writeFile(join(dir, "other.sql"), "SELECT unit, year, indicator, value FROM read_csv('other.csv')\n");
    await duckdb(`COPY (SELECT * FROM read_csv(${sqlString(join(dir, "other.csv"))})) TO ${sqlString(join(dir, "other.parquet"))} (FORMAT parquet)`);
    for (const values of ["other.sql", "other.parquet"]) {
      const { panel } = await loadInputs(join(dir, "tree-sql.csv"), join(dir, values));
      expect(panel.indicators).toEqual(["P", "R"]);
      expect(panel.units).toEqual(["U1", "U2"]);
      expect([...panel.values]).toEqual([2, 0, 1, 2, 1.5, 2, 3, 4]);
    }
    // An indicator of the values file without values is still named, beside a failing query, in one pass.
    await writeFile(join(dir, "tree-sql-missing.csv"), 'code,parent,name,weight,direction,sql\nP,,p,1,+,"SELECT unit, year FROM read_csv(\'patents.csv\')"\nR,,r,1,+,\nS,,s,1,+,\n');
    const issues = await issuesOf(loadInputs(join(dir, "tree-sql-missing.csv"), join(dir, "other.sql"), { tree: "tree-sql-missing.csv", data: "other.sql" }));
    expect(issues.map((issue) => [issue.code, issue.id])).toEqual([
      ["E_NO_VALUES", "S"],
      ["E_SQL_COLUMNS", "P"],
    ]);
  });

  it("evaluates a formula indicator over the variables of a .sql values file, as over a CSV file", async () => {
    // F = A / B per unit and year: U1 2017 6/3 = 2, U1 2018 8/2 = 4, U2 2017 5/5 = 1, U2 2018 9/3 = 3.
    await writeFile(join(dir, "tree-formula.csv"), "code,parent,name,weight,direction,formula\nF,,ratio,1,+,A / B\nR,,R,1,+,\n");
    await writeFile(join(dir, "raw.csv"), "unit,year,indicator,value\nU1,2017,A,6\nU1,2018,A,8\nU2,2017,A,5\nU2,2018,A,9\nU1,2017,B,3\nU1,2018,B,2\nU2,2017,B,5\nU2,2018,B,3\nU1,2017,R,1\nU1,2018,R,2\nU2,2017,R,3\nU2,2018,R,4\n");
    await writeFile(join(dir, "raw.sql"), "SELECT unit, year, indicator, value FROM read_csv('raw.csv')\n");
    const fromCsv = (await loadInputs(join(dir, "tree-formula.csv"), join(dir, "raw.csv"))).panel;
    const fromSql = (await loadInputs(join(dir, "tree-formula.csv"), join(dir, "raw.sql"))).panel;
    expect(fromSql.indicators).toEqual(["F", "R"]);
    expect([...fromSql.values]).toEqual([2, 4, 1, 3, 1, 2, 3, 4]);
    expect([...fromSql.values]).toEqual([...fromCsv.values]);
  });

  it("names the tree file, the indicator's line and the sql column for a query that fails or returns other columns", async () => {
    await writeFile(
      join(dir, "tree-bad.csv"),
      'code,parent,name,weight,direction,sql\nP,,p,1,+,"SELECT unit, year FROM read_csv(\'patents.csv\')"\nQ,,q,1,+,"COPY (SELECT 1) TO \'x.csv\'"\n',
    );
    const issues = await issuesOf(loadInputs(join(dir, "tree-bad.csv"), join(dir, "other.csv"), { tree: "tree-bad.csv", data: "other.csv" }));
    expect(issues.map((issue) => [issue.code, issue.line, issue.column, issue.id, issue.message])).toEqual([
      ["E_SQL_COLUMNS", 2, "sql", "P", "tree-bad.csv:2: indicator P, column sql: column value is missing; expected a number (DOUBLE)"],
      ["E_SQL_NOT_SELECT", 3, "sql", "Q", "tree-bad.csv:3: indicator Q, column sql: the query is not a SELECT statement (COPY); expected a query that only reads"],
      // The values file's codes are checked in the same run: its four rows (lines 2 to 5) are of R, no indicator of this tree.
      ...[2, 3, 4, 5].map((line) => ["E_UNKNOWN_INDICATOR", line, 3, "R", 'unknown indicator "R"; expected a leaf code of the indicator tree']),
    ]);
  });
});
