/**
 * Values read by DuckDB (`.parquet`, `.sql`, a tree's `sql` column) decoded as the CSV reader reads the same values:
 * a year column left empty is a year of the panel, NaN is refused (NULL is the gap), a year written as a whole-number
 * DOUBLE or DECIMAL is read, units and codes are trimmed, a DECIMAL of more than 15 digits is its exact text's Number,
 * and a gap no policy fills names the file. And a query's text: a PIVOT that DuckDB makes two statements of, a byte
 * order mark, a URL.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataMessages } from "../../../src/core/data-messages.js";
import { messages } from "../../../src/core/messages.js";
import { placeOfCell } from "../../../src/core/panel.js";
import { readerMessages } from "../../../src/core/reader-messages.js";
import { writtenStatements } from "../../../src/io/read/duckdb.js";
import { loadInputs, type ReadOptions } from "../../../src/io/read/load.js";
import { WHITE_SPACE } from "../../../src/io/read/values-duckdb.js";
import { issuesOf, makeTempDir, runCli } from "../../helpers.js";
import { duckdb } from "./duckdb-statements.js";

/** The values of `data` (a file of `dir`) read with `tree`, labelled by their names, queries reading `dir`. */
function load(dir: string, data: string, tree: string, options: ReadOptions = {}) {
  return loadInputs(join(dir, tree), join(dir, data), { tree, data }, { queryRoot: dir, ...options });
}

/** What a panel holds, for comparing two readings. */
async function panelOf(dir: string, data: string, tree: string) {
  const { panel } = await load(dir, data, tree);
  return { units: panel.units, years: panel.years, indicators: panel.indicators, values: [...panel.values] };
}

const TREE_XY = "code,parent,name,weight,direction\nX,,x,,+\nY,,y,,+\n";

describe("a wide Parquet file's year column left empty (all NULL)", () => {
  it("is a year of the panel without values, as in a CSV file (before: the year was left out, and 2017 alone computed)", async () => {
    const dir = await makeTempDir({ "t2.csv": TREE_XY, "wn2.csv": "indicator,2017,2018\nX,10,\nY,5,\n" });
    await duckdb(dir, `COPY (SELECT * FROM (VALUES ('X', 10.0::DOUBLE, NULL::DOUBLE), ('Y', 5.0, NULL)) t(indicator, "2017", "2018")) TO '@/wn2.parquet' (FORMAT parquet)`);
    const parquet = await panelOf(dir, "wn2.parquet", "t2.csv");
    // By hand: one unnamed unit; X 10 then a gap, Y 5 then a gap.
    expect(parquet).toEqual({ units: [""], years: [2017, 2018], indicators: ["X", "Y"], values: [10, Number.NaN, 5, Number.NaN] });
    expect(parquet).toEqual(await panelOf(dir, "wn2.csv", "t2.csv"));
    // The run: the empty year refused (naming the file), or under reweight kept, with an empty index, as from CSV.
    const refused = await runCli(["compute", "-i", "t2.csv", "-d", "wn2.parquet", "--out", "refused"], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`wn2.parquet: ${messages.yearEmpty(2018, 2)}`);
    for (const data of ["wn2.csv", "wn2.parquet"]) expect(await runCli(["compute", "-i", "t2.csv", "-d", data, "--missing", "reweight", "--out", `out-${data.replace(".", "-")}`, "-q"], dir)).toMatchObject({ code: 0 });
    const index = await readFile(join(dir, "out-wn2-parquet", "index.csv"), "utf8");
    expect(index).toBe(await readFile(join(dir, "out-wn2-csv", "index.csv"), "utf8"));
    expect(index).toMatch(/\n,?2018,INDEX,/);
  });

  it("a NULL beside a value of the same cell in another row is no duplicate, as an empty CSV cell is none", async () => {
    // X's 2017 in one row and its 2018 in another (rows appended year by year): by hand X = 10, 7; Y = 5, 6.
    const dir = await makeTempDir({ "t.csv": TREE_XY, "w.csv": "indicator,2017,2018\nX,10,\nY,5,6\nX,,7\n" });
    await duckdb(dir, `COPY (SELECT * FROM (VALUES ('X', 10.0::DOUBLE, NULL::DOUBLE), ('Y', 5.0, 6.0), ('X', NULL, 7.0)) t(indicator, "2017", "2018")) TO '@/w.parquet'`);
    const parquet = await panelOf(dir, "w.parquet", "t.csv");
    expect(parquet.values).toEqual([10, 7, 5, 6]);
    expect(parquet).toEqual(await panelOf(dir, "w.csv", "t.csv"));
    // Two values of one cell still are.
    await duckdb(dir, `COPY (SELECT * FROM (VALUES ('X', 10.0::DOUBLE, NULL::DOUBLE), ('Y', 5.0, 6.0), ('X', 11.0, 7.0)) t(indicator, "2017", "2018")) TO '@/twice.parquet'`);
    expect((await issuesOf(load(dir, "twice.parquet", "t.csv"))).map((issue) => issue.message)).toEqual([
      'twice.parquet: unit "", year 2017, indicator "X" has 2 rows; expected one value per unit, year and indicator',
    ]);
  });
});

describe("NaN from a query or a Parquet file", () => {
  const TREE_R = "code,parent,name,weight,direction\nR,,R&D intensity,,+\n";
  // U2 spent nothing on R&D in 2018 and had no revenue: 0/0.
  const FIRMS = "unit,year,rd,rev\nU1,2017,1,10\nU1,2018,2,10\nU2,2017,3,30\nU2,2018,0,0\n";

  it("is refused, naming the file, unit, year and indicator, and saying NULL is a gap (before: a gap, filled by carry-forward)", async () => {
    const dir = await makeTempDir({
      "tree.csv": TREE_R,
      "firms.csv": FIRMS,
      "ratio.sql": "SELECT unit, year, 'R' AS indicator, sum(rd)::DOUBLE / sum(rev)::DOUBLE AS value FROM read_csv('firms.csv') GROUP BY ALL",
    });
    const issues = await issuesOf(load(dir, "ratio.sql", "tree.csv"));
    expect(issues).toEqual([{ code: "E_BAD_NUMBER", message: dataMessages.notANumberValue("ratio.sql", "U2", 2018, "R"), source: "ratio.sql", column: "value", id: "R" }]);
    expect(issues[0].message).toBe(
      'ratio.sql: indicator "R", unit "U2", year 2018: the value is NaN (not a number, as 0/0 gives: a ratio of two sums of zero?); expected a finite number, or NULL for a missing value (NULLIF(denominator, 0) gives NULL where the divisor is 0)',
    );
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "ratio.sql", "--missing", "carry-forward", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(dataMessages.notANumberValue("ratio.sql", "U2", 2018, "R"));
    // In a Parquet file too.
    await duckdb(dir, "COPY (SELECT unit, year, 'R' AS indicator, sum(rd)::DOUBLE / sum(rev)::DOUBLE AS value FROM read_csv('@/firms.csv') GROUP BY ALL) TO '@/ratio.parquet'");
    expect((await issuesOf(load(dir, "ratio.parquet", "tree.csv"))).map((issue) => issue.message)).toEqual([dataMessages.notANumberValue("ratio.parquet", "U2", 2018, "R")]);
  });

  it("is refused from a tree's sql column, naming the line and the column sql", async () => {
    const dir = await makeTempDir({
      "q.csv": `code,parent,name,weight,direction,sql\nR,,r,,+,"SELECT unit, year, sum(rd)::DOUBLE / sum(rev)::DOUBLE AS value FROM read_csv('firms.csv') GROUP BY ALL"\nX,,x,,+,\n`,
      "firms.csv": FIRMS,
      "x.csv": "unit,year,indicator,value\nU1,2017,X,1\nU1,2018,X,2\nU2,2017,X,3\nU2,2018,X,4\n",
    });
    const issues = await issuesOf(load(dir, "x.csv", "q.csv"));
    expect(issues.map((issue) => [issue.code, issue.line, issue.column, issue.message])).toEqual([
      ["E_BAD_NUMBER", 2, "sql", dataMessages.notANumberValue("q.csv:2: indicator R, column sql", "U2", 2018, "R")],
    ]);
  });

  it("a NULL stays a gap, whose message names the file (before: no file, where a CSV file gives file:line)", async () => {
    const dir = await makeTempDir({
      "tree.csv": TREE_R,
      "firms.csv": FIRMS,
      "ratio.sql": "SELECT unit, year, 'R' AS indicator, sum(rd)::DOUBLE / NULLIF(sum(rev), 0)::DOUBLE AS value FROM read_csv('firms.csv') GROUP BY ALL",
    });
    const { panel } = await load(dir, "ratio.sql", "tree.csv");
    // U2's 2018 (unit 1, year 1 of 2: cell 3) is the gap; the values by hand: 1/10, 2/10, 3/30.
    expect([...panel.values]).toEqual([0.1, 0.2, 0.1, Number.NaN]);
    expect(placeOfCell(panel, 3)).toEqual({ source: "ratio.sql" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "ratio.sql", "--out", "out"], dir);
    expect(run.code).toBe(1);
    // U2 has 2017 before the gap and U1 has 2018: interpolate, carry-forward, mean, median, reweight.
    expect(run.stderr).toContain(`ratio.sql: ${messages.missingValue("R", "U2", 2018, ["interpolate", "carry-forward", "mean", "median", "reweight"])}`);
  });
});

describe("a year written as a whole-number DOUBLE, FLOAT or DECIMAL", () => {
  const VALUES = "unit,year,indicator,value\nU1,2017,X,1\nU1,2018,X,2\nU2,2017,X,3\nU2,2018,X,4\nU1,2017,Y,5\nU1,2018,Y,6\nU2,2017,Y,7\nU2,2018,Y,8\n";

  it("is read from a Parquet file, as the CSV reader reads 2017.0 (before: refused, a file having no query to cast it in)", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE_XY, "values.csv": VALUES, "float.csv": VALUES.replace(/,(201[78]),/g, ",$1.0,") });
    const types = ["DOUBLE", "FLOAT", "DECIMAL(4,0)", "DECIMAL(38,0)", "DECIMAL(6,1)"];
    for (const type of types) await duckdb(dir, `COPY (SELECT unit, year::${type} AS year, indicator, value FROM read_csv('@/values.csv')) TO '@/${type.replace(/\W/g, "")}.parquet'`);
    const reference = await panelOf(dir, "values.csv", "tree.csv");
    expect(await panelOf(dir, "float.csv", "tree.csv")).toEqual(reference);
    for (const type of types) expect({ type, ...(await panelOf(dir, `${type.replace(/\W/g, "")}.parquet`, "tree.csv")) }).toEqual({ type, ...reference });
  });

  it("is read from a query and a tree's sql column; one that is not whole (2017.5) is no year, as in a CSV file", async () => {
    const dir = await makeTempDir({
      "tree.csv": TREE_XY,
      "values.csv": VALUES,
      "double.sql": "SELECT unit, year::DOUBLE AS year, indicator, value FROM read_csv('values.csv')",
      "half.sql": "SELECT unit, CASE WHEN unit = 'U2' AND year = 2018 AND indicator = 'X' THEN 2017.5 ELSE year END::DOUBLE AS year, indicator, value FROM read_csv('values.csv')",
      "q.csv": `code,parent,name,weight,direction,sql\nX,,x,,+,\nY,,y,,+,"SELECT unit, year::DECIMAL(4,0) AS year, value FROM read_csv('values.csv') WHERE indicator = 'Y'"\n`,
      "q-half.csv": `code,parent,name,weight,direction,sql\nX,,x,,+,\nY,,y,,+,"SELECT unit, year + 0.5 AS year, value FROM read_csv('values.csv') WHERE indicator = 'Y' AND year = 2017"\n`,
      "x.csv": VALUES.split("\n").filter((line) => !line.includes(",Y,")).join("\n"),
    });
    const reference = await panelOf(dir, "values.csv", "tree.csv");
    expect(await panelOf(dir, "double.sql", "tree.csv")).toEqual(reference);
    expect(await panelOf(dir, "x.csv", "q.csv")).toEqual(reference);
    expect((await issuesOf(load(dir, "half.sql", "tree.csv"))).map((issue) => [issue.code, issue.message])).toEqual([
      ["E_BAD_YEAR", "half.sql: year 2017.5 is not a year (1 row); expected a four-digit year such as 2017"],
    ]);
    // The tree's query: U1 and U2 in 2017.5.
    expect((await issuesOf(load(dir, "x.csv", "q-half.csv"))).map((issue) => [issue.code, issue.message])).toEqual([
      ["E_BAD_YEAR", "q-half.csv:3: indicator Y, column sql: year 2017.5 is not a year (2 rows); expected a four-digit year such as 2017"],
    ]);
  });
});

describe("units, codes and measures with white space around them", () => {
  it("equals the JavaScript white space that String.prototype.trim (and so the CSV reader) takes off", () => {
    const trimmedByJavaScript = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((char) => char.trim() === "");
    expect([...WHITE_SPACE]).toEqual(trimmedByJavaScript);
  });

  it("are trimmed as the CSV reader trims them, in a Parquet file and a query (before: an unknown indicator, a second unit)", async () => {
    // Spaces, a tab, a full-width space (U+3000) and a no-break space (U+00A0) around units and codes.
    const rows: [string, number, string, number][] = [
      ["常州 ", 2017, " X ", 1],
      ["常州", 2018, "X\t", 2],
      ["\u3000无锡", 2017, "X", 3],
      ["无锡\u00a0", 2018, "\u3000X", 4],
      ["常州", 2017, "Y", 5],
      ["常州", 2018, "Y", 6],
      ["无锡", 2017, "Y ", 7],
      ["无锡", 2018, "Y", 8],
    ];
    const csv = `unit,year,indicator,value\n${rows.map((row) => row.join(",")).join("\n")}\n`;
    const tuples = rows.map(([unit, year, code, value]) => `('${unit}', ${year}, '${code}', ${value}.0::DOUBLE)`).join(", ");
    const dir = await makeTempDir({ "tree.csv": TREE_XY, "values.csv": csv, "values.sql": `SELECT * FROM (VALUES ${tuples}) t(unit, year, indicator, value)` });
    await duckdb(dir, `COPY (SELECT * FROM (VALUES ${tuples}) t(unit, year, indicator, value)) TO '@/values.parquet'`);
    const reference = await panelOf(dir, "values.csv", "tree.csv");
    // By hand: two units, the values in the order written.
    expect(reference).toEqual({ units: ["常州", "无锡"], years: [2017, 2018], indicators: ["X", "Y"], values: [1, 2, 3, 4, 5, 6, 7, 8] });
    expect(await panelOf(dir, "values.parquet", "tree.csv")).toEqual(reference);
    // A query's units are sorted by name: 常州 (U+5E38) before 无锡 (U+65E0), as in the file.
    expect(await panelOf(dir, "values.sql", "tree.csv")).toEqual(reference);
  });

  it("are trimmed in a tree's sql column", async () => {
    const dir = await makeTempDir({
      "q.csv": `code,parent,name,weight,direction,sql\nX,,x,,+,\nY,,y,,+,"SELECT unit || ' ' AS unit, year, value FROM read_csv('values.csv') WHERE indicator = 'Y'"\n`,
      "values.csv": "unit,year,indicator,value\nU1,2017,X,1\nU2,2017,X,2\nU1,2017,Y,3\nU2,2017,Y,4\n",
      "x.csv": "unit,year,indicator,value\nU1,2017,X,1\nU2,2017,X,2\n",
    });
    // By hand: X 1, 2 and Y 3, 4 for U1 and U2, not four units.
    expect(await panelOf(dir, "x.csv", "q.csv")).toEqual({ units: ["U1", "U2"], years: [2017], indicators: ["X", "Y"], values: [1, 2, 3, 4] });
  });
});

describe("a DECIMAL value of more than 15 digits", () => {
  // Number("1.23456789012345678") is 1.2345678901234567; DuckDB's own cast of the DECIMAL(18,17) gives 1.234567890123457.
  const EXACT = Number("1.23456789012345678");

  it("is the Number of its exact text, as the CSV reader reads it, in a Parquet file (long and wide) and a query", async () => {
    expect(EXACT).toBe(1.2345678901234567);
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nX,,x,,+\n",
      "values.csv": "unit,year,indicator,value\nU,2017,X,1.23456789012345678\nU,2018,X,-98765432109876543.21\n",
      "values.sql": "SELECT 'U' AS unit, 2017 AS year, 'X' AS indicator, 1.23456789012345678::DECIMAL(38,17) AS value UNION ALL SELECT 'U', 2018, 'X', -98765432109876543.21::DECIMAL(38,17)",
    });
    await duckdb(
      dir,
      "COPY (SELECT unit, year, indicator, value::DECIMAL(38,17) AS value FROM read_csv('@/values.csv', types = {'value': 'VARCHAR'})) TO '@/long.parquet'",
      `COPY (SELECT 'U' AS unit, 'X' AS indicator, 1.23456789012345678::DECIMAL(18,17) AS "2017", -98765432109876543.21::DECIMAL(19,2) AS "2018") TO '@/wide.parquet'`,
    );
    const reference = await panelOf(dir, "values.csv", "tree.csv");
    // -98765432109876543.21 to the nearest double, as JavaScript reads the text.
    expect(reference.values).toEqual([EXACT, Number("-98765432109876543.21")]);
    for (const file of ["long.parquet", "wide.parquet", "values.sql"]) expect({ file, ...(await panelOf(dir, file, "tree.csv")) }).toEqual({ file, ...reference });
  });

  it("is the Number of its exact text from a tree's sql column", async () => {
    const dir = await makeTempDir({
      "q.csv": `code,parent,name,weight,direction,sql\nX,,x,,+,"SELECT 'U' AS unit, 2017 AS year, 1.23456789012345678::DECIMAL(18,17) AS value"\nY,,y,,+,\n`,
      "y.csv": "unit,year,indicator,value\nU,2017,Y,1\n",
    });
    expect((await panelOf(dir, "y.csv", "q.csv")).values).toEqual([EXACT, 1]);
  });
});

describe("the text of a query", () => {
  it("counts the statements as written, not a ; inside a string, a quoted name or a comment", () => {
    expect(writtenStatements("SELECT 1")).toBe(1);
    expect(writtenStatements("SELECT 1; SELECT 2")).toBe(2);
    expect(writtenStatements("SELECT 1;;  -- done; really\n")).toBe(1);
    expect(writtenStatements("SELECT ';', \";\", E'\\';', $$;$$, $q$ ; $q$ /* ; /* ; */ ; */ FROM t")).toBe(1);
    expect(writtenStatements("SELECT 'it''s; fine'; SELECT 2")).toBe(2);
    expect(writtenStatements("-- nothing\n/* at all; */ ;")).toBe(0);
  });

  it("runs a PIVOT whose columns are not listed, which DuckDB makes two statements of (before: 'holds 2 statements')", async () => {
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nR,,ratio,,+\n",
      "v.csv": "unit,year,indicator,value\nU1,2017,A,6\nU1,2017,B,3\nU2,2017,A,5\nU2,2017,B,10\n",
      "pivot.sql": "SELECT unit, year, 'R' AS indicator, A / B AS value FROM (PIVOT read_csv('v.csv') ON indicator USING first(value))",
      "two.sql": "CREATE TYPE kind AS ENUM ('a'); SELECT 'U1' AS unit, 2017 AS year, 'R' AS indicator, 1.0 AS value",
    });
    // By hand: U1 6/3 = 2, U2 5/10 = 0.5. Run in the query's folder: DuckDB's parser gives no places of the paths of a
    // text it makes two statements of, so they are not made absolute.
    const started = process.cwd();
    process.chdir(dir);
    try {
      expect(await panelOf(dir, "pivot.sql", "tree.csv")).toEqual({ units: ["U1", "U2"], years: [2017], indicators: ["R"], values: [2, 0.5] });
    } finally {
      process.chdir(started);
    }
    // Two statements as written still are refused.
    expect((await issuesOf(load(dir, "two.sql", "tree.csv"))).map((issue) => issue.message)).toEqual(["two.sql: the query holds 2 statements; expected exactly one SELECT"]);
  });

  it("reads a query saved with a byte order mark from any current folder (before: its paths were not made absolute)", async () => {
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nX,,x,,+\n",
      "micro.csv": "unit,year,indicator,value\nU1,2017,X,1\nU2,2017,X,2\n",
      "v.sql": '\uFEFFSELECT * FROM "micro.csv"\n',
    });
    const elsewhere = await makeTempDir();
    const started = process.cwd();
    process.chdir(elsewhere);
    try {
      expect(await panelOf(dir, "v.sql", "tree.csv")).toEqual({ units: ["U1", "U2"], years: [2017], indicators: ["X"], values: [1, 2] });
    } finally {
      process.chdir(started);
    }
  });

  it("says a URL or an extension's function is not what a query may read, not to install DuckDB's extension", async () => {
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nX,,x,,+\n",
      "xlsx.sql": "SELECT * FROM read_xlsx('values.xlsx')",
    });
    // DuckDB says the file needs its httpfs extension, or (by the folder the query may read) that it may not access it.
    for (const [name, sql] of [["url.sql", "SELECT * FROM read_csv('https://example.com/values.csv')"], ["s3.sql", "SELECT * FROM 's3://bucket/values.parquet'"]]) {
      await writeFile(join(dir, name), sql);
      for (const root of [dir, await makeTempDir()]) {
        const issues = await issuesOf(loadInputs(join(dir, "tree.csv"), join(dir, name), { tree: "tree.csv", data: name }, { queryRoot: root }));
        expect(issues).toEqual([expect.objectContaining({ code: "E_SQL", message: readerMessages.sqlRemoteFile(name, sql.match(/'(.*)'/)![1]), source: name })]);
      }
    }
    expect(readerMessages.sqlRemoteFile("url.sql", "https://example.com/values.csv")).toContain(
      "expected files inside the folder the query may read (the project folder; outside a project, the current folder)",
    );
    const xlsx = await issuesOf(load(dir, "xlsx.sql", "tree.csv"));
    expect(xlsx).toEqual([expect.objectContaining({ code: "E_SQL", message: readerMessages.sqlExtension("xlsx.sql", "read_xlsx", "excel"), source: "xlsx.sql" })]);
  });
});
