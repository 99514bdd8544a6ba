/**
 * The checks a values query, a Parquet file and a tree's `sql` column share with the CSV reader: a column given twice,
 * a year that is no four-digit year (however large its integer type), an infinite value, a duplicate cell named at the
 * tree's line; Parquet read as the CSV reader reads its layouts (integer codes, `2018年` and Chinese headers); the
 * query's text accepted and quoted as written; DuckDB's threads as asked; the paths a query builds resolved against the
 * folder it reads; a named pipe among the files refused before DuckDB would wait on it.
 */
import { execFileSync } from "node:child_process";
import { closeSync, constants, existsSync, openSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, join, parse, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Issue } from "../../../src/errors.js";
import { inSandboxFolder, openDuckdb, openSandbox, sqlString } from "../../../src/io/read/duckdb.js";
import { duckdb } from "./duckdb-statements.js";
import { loadInputs, type ReadOptions } from "../../../src/io/read/load.js";
import { readIndicatorQueryFiles, readQueryFiles, type UnnamedQueryReads } from "../../../src/io/read/values-duckdb.js";
import { parseTreeCsv } from "../../../src/io/read/tree-csv.js";
import { makeTempDir, runCli, issuesOf } from "../../helpers.js";
import { readerMessages } from "../../../src/core/reader-messages.js";
import { messages } from "../../../src/core/messages.js";

const TREE = "code,parent,name,weight,direction\nA,,a,0.5,+\nB,,b,0.5,+\n";
const VALUES = "unit,year,indicator,value\nU1,2017,A,1\nU1,2018,A,2\nU2,2017,A,3\nU2,2018,A,4\nU1,2017,B,5\nU1,2018,B,6\nU2,2017,B,7\nU2,2018,B,8\n";

/** A folder with the tree, the values as CSV, and `files`. */
function folder(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  return makeTempDir({ "tree.csv": TREE, "values.csv": VALUES, ...files });
}


/** The values of `data` (a file of `dir`) read with `tree` (default tree.csv), labelled by their names. */
function load(dir: string, data: string, tree = "tree.csv", options: ReadOptions = {}) {
  return loadInputs(join(dir, tree), join(dir, data), { tree, data }, { queryRoot: dir, ...options });
}


/** The codes and messages of `issues`. */
const brief = (issues: readonly Issue[]) => issues.map(({ code, message }) => ({ code, message }));

describe("a column given twice", () => {
  it("is refused in a values query, whatever its case, naming the file, the column and its spellings", async () => {
    const dir = await folder({
      "star.sql": "SELECT *, value + 1000 AS value FROM read_csv('values.csv')",
      "case.sql": "SELECT unit, year, indicator, value, value * 0 + 1 AS VALUE FROM read_csv('values.csv')",
    });
    const star = await issuesOf(load(dir, "star.sql"));
    expect(brief(star)).toEqual([
      {
        code: "E_SQL_COLUMNS",
        message:
          "star.sql: column value is given 2 times (value, value); expected it once (SELECT *, … AS value keeps the old column beside the new one: write SELECT * REPLACE (… AS value), or SELECT * EXCLUDE (value), …)",
      },
    ]);
    expect((await issuesOf(load(dir, "case.sql")))[0].message).toMatch(/^case\.sql: column value is given 2 times \(value, VALUE\)/);
  });

  it("is refused in a tree's sql column, naming its line and the column sql", async () => {
    const dir = await folder({ "q.csv": "code,parent,name,weight,direction,sql\nA,,a,0.5,+,\nB,,b,0.5,+,\"SELECT unit, year, value, 1.0 AS value FROM read_csv('values.csv') WHERE indicator = 'B'\"\n" });
    const issues = await issuesOf(load(dir, "values.csv", "q.csv"));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "E_SQL_COLUMNS", source: "q.csv", line: 3, column: "sql", id: "B" });
    expect(issues[0].message).toMatch(/^q\.csv:3: indicator B, column sql: column value is given 2 times \(value, value\)/);
  });
});

describe("years", () => {
  it("refuses a year of a query or a Parquet file that is no four-digit year, as the CSV reader does, naming the file", async () => {
    const dir = await folder({
      // A date key (yyyymmdd), an offset from 2017, a sentinel, epoch milliseconds (BIGINT, beyond an INTEGER), and a
      // HUGEINT beyond a BIGINT (2^64 + 2017).
      "key.sql": "SELECT unit, (year * 10000 + 101)::INTEGER AS year, indicator, value FROM read_csv('values.csv')",
      "offset.sql": "SELECT unit, (year - 2017)::INTEGER AS year, indicator, value FROM read_csv('values.csv')",
      "sentinel.sql": "SELECT unit, CASE WHEN year = 2017 THEN -5 ELSE year END AS year, indicator, value FROM read_csv('values.csv')",
      "epoch.sql": "SELECT unit, epoch_ms(make_date(year::INTEGER, 1, 1)) AS year, indicator, value FROM read_csv('values.csv')",
      "huge.sql": "SELECT unit, year::HUGEINT + 18446744073709551616 AS year, indicator, value FROM read_csv('values.csv')",
    });
    const expected = (file: string, years: string[]) => years.map((year) => ({ code: "E_BAD_YEAR", message: `${file}: year ${year} is not a year (4 rows); expected a four-digit year such as 2017` }));
    expect(brief(await issuesOf(load(dir, "key.sql")))).toEqual(expected("key.sql", ["20170101", "20180101"]));
    expect(brief(await issuesOf(load(dir, "offset.sql")))).toEqual(expected("offset.sql", ["0", "1"]));
    expect(brief(await issuesOf(load(dir, "sentinel.sql")))).toEqual(expected("sentinel.sql", ["-5"]));
    // 2017-01-01 is 1483228800 s after 1970-01-01 (47 years, 12 of them leap: 17167 days × 86400 s); 2018: 365 days more.
    expect(brief(await issuesOf(load(dir, "epoch.sql")))).toEqual(expected("epoch.sql", ["1483228800000", "1514764800000"]));
    expect(brief(await issuesOf(load(dir, "huge.sql")))).toEqual(expected("huge.sql", ["18446744073709553633", "18446744073709553634"]));
    await duckdb(dir, "COPY (SELECT unit, epoch_ms(make_date(year::INTEGER, 1, 1)) AS year, indicator, value FROM read_csv('@/values.csv')) TO '@/epoch.parquet'");
    expect(brief(await issuesOf(load(dir, "epoch.parquet")))).toEqual(expected("epoch.parquet", ["1483228800000", "1514764800000"]));
  });

  it("refuses such a year from a tree's sql column, naming the line and the column sql", async () => {
    const dir = await folder({ "q.csv": "code,parent,name,weight,direction,sql\nA,,a,0.5,+,\nB,,b,0.5,+,\"SELECT unit, (year * 10000 + 101)::BIGINT AS year, value FROM read_csv('values.csv') WHERE indicator = 'B'\"\n" });
    const issues = await issuesOf(load(dir, "values.csv", "q.csv"));
    expect(issues.map((issue) => [issue.code, issue.line, issue.column, issue.message])).toEqual([
      ["E_BAD_YEAR", 3, "sql", "q.csv:3: indicator B, column sql: year 20170101 is not a year (2 rows); expected a four-digit year such as 2017"],
      ["E_BAD_YEAR", 3, "sql", "q.csv:3: indicator B, column sql: year 20180101 is not a year (2 rows); expected a four-digit year such as 2017"],
    ]);
  });
});

describe("a tree's sql column", () => {
  it("refuses an infinite value, naming the line and the column sql (a .sql values file refuses it too)", async () => {
    const dir = await folder({
      "q.csv":
        "code,parent,name,weight,direction,sql\nA,,a,0.5,+,\nB,,b,0.5,+,\"SELECT unit, year, CASE WHEN unit = 'U1' AND year = 2018 THEN 'inf'::DOUBLE WHEN unit = 'U2' AND year = 2017 THEN 1 / 0.0 * -1 ELSE value END AS value FROM read_csv('values.csv') WHERE indicator = 'B'\"\n",
      "rest.csv": VALUES.split("\n").filter((line) => !/,B,/.test(line)).join("\n"),
    });
    const issues = await issuesOf(load(dir, "rest.csv", "q.csv"));
    expect(issues.map((issue) => [issue.code, issue.line, issue.column, issue.message])).toEqual([
      // By unit and year, as a values file's (whatever the order of the query's rows).
      ["E_BAD_NUMBER", 3, "sql", 'q.csv:3: indicator B, column sql: indicator "B", unit "U1", year 2018: the value is Infinity; expected a finite number (an empty cell or NULL for a missing value)'],
      ["E_BAD_NUMBER", 3, "sql", 'q.csv:3: indicator B, column sql: indicator "B", unit "U2", year 2017: the value is -Infinity; expected a finite number (an empty cell or NULL for a missing value)'],
    ]);
  });

  it("names the line and the column sql for a unit and year its query gives twice", async () => {
    const dir = await folder({
      "q.csv": "code,parent,name,weight,direction,sql\nA,,a,0.5,+,\nB,,b,0.5,+,\"SELECT unit, year, value FROM read_csv('values.csv') WHERE indicator = 'B' UNION ALL SELECT 'U2', 2018, 1.0\"\n",
      "rest.csv": VALUES.split("\n").filter((line) => !/,B,/.test(line)).join("\n"),
    });
    const issues = await issuesOf(load(dir, "rest.csv", "q.csv"));
    expect(brief(issues)).toEqual([
      { code: "E_DUPLICATE_VALUE", message: 'q.csv:3: indicator B, column sql: unit "U2", year 2018, indicator "B" has 2 rows; expected one value per unit, year and indicator' },
    ]);
    expect(issues[0]).toMatchObject({ source: "q.csv", line: 3, column: "sql" });
  });

  it("lists the files its queries read, dollar-quoted paths too", async () => {
    const dir = await folder({ "d/p.csv": "unit,year,value\n", "d/q.json": "[]" });
    const tree = parseTreeCsv("code,parent,name,weight,direction,sql\nA,,a,0.5,+,SELECT * FROM read_csv($$d/p.csv$$)\nB,,b,0.5,+,SELECT * FROM read_json(E'd/q.json')\n", "tree.csv");
    expect(await readIndicatorQueryFiles(tree, dir)).toEqual([join(dir, "d/p.csv"), join(dir, "d/q.json")]);
  });
});

describe("Parquet read as the CSV reader reads its layouts", () => {
  it("reads indicator codes and units written as whole numbers as text, in the wide and the long layout", async () => {
    const tree = "code,parent,name,weight,direction\n101,,a,0.5,+\n102,,b,0.5,+\n";
    const csv = "unit,year,indicator,value\n1,2017,101,1\n1,2018,101,2\n2,2017,101,3\n2,2018,101,4\n1,2017,102,5\n1,2018,102,6\n2,2017,102,7\n2,2018,102,8\n";
    const dir = await makeTempDir({ "tree.csv": tree, "values.csv": csv });
    await duckdb(
      dir,
      // BIGINT codes and units, as pandas writes a column of integers.
      "COPY (SELECT unit::BIGINT AS unit, indicator::BIGINT AS indicator, sum(value) FILTER (year = 2017) AS \"2017\", sum(value) FILTER (year = 2018) AS \"2018\" FROM read_csv('@/values.csv', all_varchar = true, types = {'value': 'DOUBLE'}) GROUP BY ALL ORDER BY ALL) TO '@/wide.parquet'",
      "COPY (SELECT unit::BIGINT AS unit, year::INTEGER AS year, indicator::BIGINT AS indicator, value::DOUBLE AS value FROM read_csv('@/values.csv', all_varchar = true)) TO '@/long.parquet'",
    );
    const reference = (await load(dir, "values.csv")).panel;
    expect(reference.units).toEqual(["1", "2"]);
    for (const file of ["wide.parquet", "long.parquet"]) {
      const { panel } = await load(dir, file);
      expect({ units: panel.units, years: panel.years, indicators: panel.indicators, values: [...panel.values] }).toEqual({
        units: reference.units,
        years: reference.years,
        indicators: reference.indicators,
        values: [...reference.values],
      });
    }
  });

  it("reads the year headers 2018年, 2018年度 and 2018.0 of a wide file, and the Chinese headers of a long one", async () => {
    const dir = await folder();
    const reference = (await load(dir, "values.csv")).panel;
    const pivot = (year2017: string, year2018: string) =>
      `SELECT unit AS 地区, indicator AS 指标, sum(value) FILTER (year = 2017) AS "${year2017}", sum(value) FILTER (year = 2018) AS "${year2018}" FROM read_csv('@/values.csv') GROUP BY ALL ORDER BY ALL`;
    await duckdb(
      dir,
      `COPY (${pivot("2017年", "2018年度")}) TO '@/wide-cn.parquet'`,
      `COPY (${pivot("2017.0", "2018.0")}) TO '@/wide-float.parquet'`,
      "COPY (SELECT unit AS 评价对象, year AS 年份, indicator AS 指标代码, value AS \"数值（万元）\" FROM read_csv('@/values.csv')) TO '@/long-cn.parquet'",
      `COPY (SELECT *, "2018" AS "2018.0" FROM (${pivot("2017", "2018")})) TO '@/twice.parquet'`,
    );
    for (const file of ["wide-cn.parquet", "wide-float.parquet", "long-cn.parquet"]) {
      const { panel } = await load(dir, file);
      expect({ file, units: panel.units, years: panel.years, values: [...panel.values] }).toEqual({ file, units: reference.units, years: reference.years, values: [...reference.values] });
    }
    // Two headers of one year: which one holds its values is unclear.
    expect(brief(await issuesOf(load(dir, "twice.parquet")))).toEqual([{ code: "E_SQL_COLUMNS", message: "twice.parquet: column 2018 is given 2 times (2018, 2018.0); expected it once" }]);
  });

  it("refuses a wide file's column that looks like a year and is none (21年, 二〇二一年, 2021E), as the CSV reader does", async () => {
    // Before: the three columns and their values were left out without a word, and 2017 alone was read.
    const dir = await folder();
    await duckdb(
      dir,
      "COPY (SELECT indicator AS 指标, sum(value) FILTER (year = 2017) AS \"2017\", 1.5 AS \"21年\", 2.5 AS \"二〇二一年\", 3.5 AS \"2021E\", 'x' AS 说明 FROM read_csv('@/values.csv') WHERE unit = (SELECT min(unit) FROM read_csv('@/values.csv')) GROUP BY ALL ORDER BY ALL) TO '@/wide-bad.parquet'",
    );
    expect(brief(await issuesOf(load(dir, "wide-bad.parquet")))).toEqual([
      { code: "E_BAD_YEAR", message: messages.twoDigitYearColumn("21年") },
      { code: "E_BAD_YEAR", message: messages.chineseYearColumn("二〇二一年") },
      { code: "E_BAD_YEAR", message: messages.badYearColumn("2021E") },
    ]);
  });
});

describe("the query's text", () => {
  it("accepts a semicolon followed by comments, as DuckDB reads one statement", async () => {
    const dir = await folder({
      "a.sql": "SELECT unit, year, indicator, value FROM read_csv('values.csv');\n-- end of query\n",
      "b.sql": "SELECT unit, year, indicator, value FROM read_csv('values.csv'); /* done */",
      "c.sql": "-- the values\nSELECT unit, year, indicator, value FROM read_csv('values.csv');;  -- done",
    });
    const reference = (await load(dir, "values.csv")).panel;
    for (const file of ["a.sql", "b.sql", "c.sql"]) expect([...(await load(dir, file)).panel.values]).toEqual([...reference.values]);
  });

  it("refuses an empty query or one of comments only as holding no statement", async () => {
    const dir = await folder({ "empty.sql": "", "todo.sql": "-- TODO: write the query\n/* later */ ;\n" });
    for (const file of ["empty.sql", "todo.sql"]) {
      expect(brief(await issuesOf(load(dir, file)))).toEqual([{ code: "E_SQL", message: `${file}: the query holds no statement; expected exactly one SELECT` }]);
    }
  });

  it("quotes the query as written in DuckDB's message, its paths not made absolute, the caret where it was", async () => {
    const dir = await folder({ "typo.sql": "SELECT unit, year, indicator, value FROM read_csv('values.csv') WHERE valu > 0" });
    const [issue] = await issuesOf(load(dir, "typo.sql"));
    expect(issue.message).toMatch(/^typo\.sql: DuckDB refused the query: Binder Error: Referenced column "valu" not found/);
    expect(issue.message).not.toContain(dir);
    // DuckDB quotes the end of a long line ("LINE 1: ..." and the end of the folder made absolute, taken out), the
    // caret under "valu".
    const lines = issue.message.split("\n");
    const quoted = lines.findIndex((line) => line.startsWith("LINE 1: "));
    expect(lines[quoted]).toMatch(/^LINE 1: \.\.\..*values\.csv'\) WHERE valu > 0$/);
    expect(lines[quoted]).not.toContain("/");
    expect(lines[quoted + 1].indexOf("^")).toBe(lines[quoted].indexOf("valu >"));
  });

  it("says how to read a file that is not UTF-8 (a GBK export), which DuckDB cannot read here (before: E_SQL, DuckDB's \"Invalid unicode\" and its settings)", async () => {
    // "地区" in GBK: B5D8 C7F8.
    const gbk = Buffer.concat([Buffer.from("unit,year,indicator,value\n"), Buffer.from([0xb5, 0xd8, 0xc7, 0xf8]), Buffer.from(",2017,A,1\n")]);
    const dir = await folder({ "gbk.csv": gbk, "gbk.sql": "SELECT * FROM read_csv('gbk.csv')" });
    const [error] = await issuesOf(load(dir, "gbk.sql"));
    expect(error.code).toBe("E_ENCODING");
    expect(error.message).toMatch(/^gbk\.sql: the query reads gbk\.csv, which is GBK\/GB18030 text .*not UTF-8/);
    expect(error.message).toMatch(/"CSV UTF-8".*iconv -f GB18030 -t UTF-8.*the tool's own reader reads GBK\).*encodings extension, which is never loaded here$/);
  });

  it("lists and reads the files named by dollar-quoted and escape strings, from any current folder", async () => {
    const dir = await folder({ "d/c.json": '[{"unit":"U1","year":2017,"indicator":"A","value":1}]', "d/e.csv": "unit,year,indicator,value\n" });
    const query = "SELECT unit, year::INTEGER AS year, indicator, value FROM read_json($$d/c.json$$) UNION ALL SELECT * FROM read_csv(E'd/e.csv', types = {'year': 'INTEGER', 'value': 'DOUBLE'}) UNION ALL SELECT * FROM read_csv('values.csv') WHERE NOT (unit = 'U1' AND year = 2017 AND indicator = 'A')";
    const root = await makeTempDir({ "q.sql": query });
    // The query lives elsewhere: its files resolve against the folder it may read (the values), not the current one.
    expect(await readQueryFiles(join(root, "q.sql"), dir)).toEqual([join(dir, "d/c.json"), join(dir, "d/e.csv"), join(dir, "values.csv")]);
    const { panel } = await loadInputs(join(dir, "tree.csv"), join(root, "q.sql"), { tree: "tree.csv", data: "q.sql" }, { queryRoot: dir });
    expect(panel.values[0]).toBe(1);
  });
});

describe("DuckDB's threads", () => {
  it("are those asked for (one gives the same sums on every run), and every core's by default", async () => {
    // The query's value is DuckDB's own setting: the number of threads its queries run with.
    const dir = await makeTempDir({
      "tree.csv": "code,parent,name,weight,direction\nT,,threads,1,+\n",
      "threads.sql": `SELECT 'U' AS unit, 2020 AS year, 'T' AS indicator, current_setting('threads')::DOUBLE AS value`,
    });
    expect((await load(dir, "threads.sql", "tree.csv", { threads: 1 })).panel.values[0]).toBe(1);
    expect((await load(dir, "threads.sql", "tree.csv", { threads: 3 })).panel.values[0]).toBe(3);
    const session = await openDuckdb();
    try {
      const cores = Number((await session.connection.runAndReadAll("SELECT current_setting('threads')")).getRowsJS()[0][0]);
      expect((await load(dir, "threads.sql")).panel.values[0]).toBe(cores);
    } finally {
      session.close();
    }
    // A tree's sql column runs with them too, beside a CSV values file (V) and a Parquet one.
    const tree = "code,parent,name,weight,direction,sql\nV,,v,0.5,+,\nT,,threads,0.5,+,\"SELECT 'U' AS unit, 2020 AS year, current_setting('threads')::DOUBLE AS value\"\n";
    const other = await makeTempDir({ "tree.csv": tree, "values.csv": "unit,year,indicator,value\nU,2020,V,1\n" });
    await duckdb(other, "COPY (SELECT * FROM read_csv('@/values.csv')) TO '@/values.parquet'");
    for (const values of ["values.csv", "values.parquet"]) {
      const { panel } = await load(other, values, "tree.csv", { threads: 1 });
      expect(panel.values[panel.indicators.indexOf("T")]).toBe(1);
    }
  });
});

describe("the folder a query may read", () => {
  it("is refused when it holds every file: the file system's root or the home folder (a job started there, outside a project)", async () => {
    const dir = await folder({ "q.sql": "SELECT unit, year, indicator, value FROM read_csv('values.csv')" });
    for (const [root, home] of [[parse(dir).root, false], [homedir(), true]] as const) {
      const issues = await issuesOf(load(dir, "q.sql", "tree.csv", { queryRoot: root }));
      expect(issues).toEqual([expect.objectContaining({ code: "E_SQL_ROOT", message: readerMessages.sqlRootTooWide(root, home) })]);
    }
    // The query's own folder reads as before.
    const read = await load(dir, "q.sql");
    expect(read.panel.units).toEqual(["U1", "U2"]);
  });

  it("from the command line outside a project, the current folder: started in / the query is refused before it runs", async () => {
    const dir = await folder({ "q.sql": "SELECT unit, year, indicator, value FROM read_csv('values.csv')" });
    const run = await runCli(["compute", "-i", join(dir, "tree.csv"), "-d", join(dir, "q.sql"), "--out", join(dir, "out")], "/");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(readerMessages.sqlRootTooWide("/", false));
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});

describe("a path the query builds", () => {
  it("reads against the folder the query reads, not the current one: || and concat, a glob, a list, before a named parameter, sniff_csv", async () => {
    const dir = await folder({
      "data/v.csv": VALUES,
      "q.sql": `SELECT unit, year, indicator, value FROM read_csv('data/' || 'v.csv')
        WHERE unit IN (SELECT unit FROM read_csv(concat('da', 'ta/', '*.csv')))
        AND indicator IN (SELECT indicator FROM read_csv(['data/v.csv', 'data/' || 'v.csv'], header = true))
        AND (SELECT Delimiter FROM main.sniff_csv ( lower('DATA/V.CSV') )) = ','`,
    });
    // Without changing the current folder: it is not the query's, where its relative paths would be found.
    expect(relative(dir, process.cwd()).startsWith("..")).toBe(true);
    expectValues((await load(dir, "q.sql")).panel);
    // One parse of the query lists the file it names (the list's literal) and those of the paths it builds, each
    // known before it runs (data/v.csv, the glob's one file, lower('DATA/V.CSV')): no call is left unnamed.
    const unnamed: UnnamedQueryReads[] = [];
    expect(await readQueryFiles(join(dir, "q.sql"), dir, unnamed)).toEqual([join(dir, "data/v.csv")]);
    expect(unnamed).toEqual([]);
  });

  it("lists the files of a built path known before the query runs, and leaves unnamed only the calls whose path is not", async () => {
    const dir = await folder({
      "data/v.csv": VALUES,
      "data/w.csv": VALUES,
      "data/x.json": "[]",
      // data/w.csv by a built path; the glob data/*.json by concat; read_json's subquery is known only when it runs,
      // and so is read_csv's second call (a subquery too): read_csv stays unnamed although its first call is known.
      "q.sql": `SELECT * FROM read_csv('data/' || 'w.csv'), read_json(concat('data/', '*.json')), read_parquet((SELECT 'data/v.parquet')), read_csv((SELECT 'data/v.csv'))`,
      "known.sql": "SELECT * FROM read_csv('data/' || 'w.csv'), read_json(concat('data/', '*.json')), read_csv('data/' || 'missing.csv'), read_csv('data/')",
    });
    const unnamed: UnnamedQueryReads[] = [];
    expect(await readQueryFiles(join(dir, "q.sql"), dir, unnamed)).toEqual([join(dir, "data/w.csv"), join(dir, "data/x.json")]);
    // In the order met: read_csv at its first call.
    expect(unnamed).toEqual([{ calls: ["read_csv", "read_parquet"] }]);
    // Every built path known: none unnamed; a path of no file (DuckDB refuses it when it runs) and a folder list none.
    const known: UnnamedQueryReads[] = [];
    expect(await readQueryFiles(join(dir, "known.sql"), dir, known)).toEqual([join(dir, "data/w.csv"), join(dir, "data/x.json")]);
    expect(known).toEqual([]);
  });

  it("gives the globs a query reads by, named or built, made absolute against the folder it reads (for a project run's runs folder)", async () => {
    const dir = await folder({
      "data/v.csv": VALUES,
      "data/sub/w.csv": VALUES,
      // data/*.csv named, data/**/*.csv in a list, data/s*/w.csv built from constants; 'x*' is a text, not a path
      // read (left relative: no glob); the plain file values.csv is no glob.
      "q.sql": `SELECT 'x*' AS t FROM read_csv('data/*.csv'), read_csv(['data/**/*.csv', 'values.csv']), read_csv('data/' || 's*/w.csv')`,
      "tree-q.csv": "code,parent,name,weight,direction,sql\nA,,a,1,+,\"SELECT unit, year, value FROM read_csv('data/*')\"\n",
    });
    const globs: { pattern: string }[] = [];
    const files = await readQueryFiles(join(dir, "q.sql"), dir, undefined, undefined, globs);
    // The files: data/v.csv (by data/*.csv and data/**/*.csv), data/sub/w.csv (by ** and by the built glob), values.csv.
    expect(files).toEqual([join(dir, "data/sub/w.csv"), join(dir, "data/v.csv"), join(dir, "values.csv")]);
    expect(globs.map((glob) => glob.pattern).sort()).toEqual([join(dir, "data/**/*.csv"), join(dir, "data/*.csv"), join(dir, "data/s*/w.csv")].sort());
    // A query of the tree's sql column: its indicator and line (line 2 of tree-q.csv).
    const treeGlobs: { pattern: string; code?: string; line?: number }[] = [];
    await readIndicatorQueryFiles(parseTreeCsv(await readFile(join(dir, "tree-q.csv"), "utf8"), "tree-q.csv"), dir, undefined, treeGlobs);
    expect(treeGlobs).toEqual([{ pattern: join(dir, "data/*"), code: "A", line: 2 }]);
  });

  it("passes the argument through the sandbox's macro, as written around it, literals beside it made absolute", async () => {
    const dir = await folder();
    const session = await openSandbox(dir);
    try {
      const sql = "SELECT * FROM read_csv('d/' || 'x.csv', delim = ','), read_csv(['a.csv', 'b' || '.csv' -- b\n], delim = ','), sniff_csv(concat(E'a\\'', '.csv'))";
      // By hand: the call's argument between the macro's name and a closing parenthesis marked by a comment (each up to
      // the , or ) after it, the blank or comment before it kept inside); a.csv absolute; sniff_csv takes one path.
      expect(await inSandboxFolder(session, sql)).toBe(
        `SELECT * FROM read_csv(innovation_index_paths('d/' || 'x.csv'/* innovation-index */), delim = ','), read_csv(innovation_index_paths([${sqlString(join(dir, "a.csv"))}, 'b' || '.csv' -- b\n]/* innovation-index */), delim = ','), sniff_csv(innovation_index_path(concat(E'a\\'', '.csv')/* innovation-index */))`,
      );
    } finally {
      session.close();
    }
  });

  it("cannot lead out of the folder the query reads, and is quoted as written in DuckDB's message", async () => {
    const outside = await makeTempDir({ "secret.csv": VALUES });
    const dir = await folder({
      "up.sql": `SELECT * FROM read_csv('../' || '${basename(outside)}/secret.csv')`,
      "absolute.sql": `SELECT * FROM read_csv(${sqlString(outside)} || '/secret.csv')`,
      "missing.sql": "SELECT * FROM read_csv('sec' || 'ret.csv')",
    });
    for (const name of ["up.sql", "absolute.sql"]) {
      const [issue] = await issuesOf(load(dir, name));
      expect(issue.code).toBe("E_SQL");
      expect(issue.message).toMatch(new RegExp(`^${name.replace(".", "\\.")}: DuckDB refused the query: Permission Error: Cannot access file "[^"]*secret\\.csv"`));
    }
    // Read in the query's folder, where there is none, and the message quotes the query without the macro.
    const [missing] = await issuesOf(load(dir, "missing.sql"));
    expect(resolve(/No files found that match the pattern "([^"]*)"/.exec(missing.message)?.[1] ?? "")).toBe(join(dir, "secret.csv"));
    // DuckDB cuts the quoted line inside the macro's text: the part left taken out.
    expect(missing.message.split("\n").slice(-2)).toEqual(["LINE 1: SELECT * FROM read_csv('sec' || 'ret.csv'...", "                      ^"]);
  });
});

/** The panel of data/v.csv, which holds VALUES: A of U1 1, 2 and of U2 3, 4; B of U1 5, 6 and of U2 7, 8 (2017, 2018). */
function expectValues(panel: { units: readonly string[]; years: readonly number[]; values: Float64Array }): void {
  expect(panel.units).toEqual(["U1", "U2"]);
  expect(panel.years).toEqual([2017, 2018]);
  expect([...panel.values]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
}

describe("a query given as text to query('…') or query_table('…')", () => {
  it("reads against the folder the query reads, not the current one, and names its files for a run", async () => {
    const dir = await folder({
      "data/v.csv": VALUES,
      // A literal inside the text (doubled quotes), a path the inner query builds, a nested query('…'), query_table
      // of a file and of a CTE's name (left as it is), on several lines.
      "q.sql": `WITH kept AS (SELECT 'U1' AS unit UNION ALL SELECT 'U2')
        SELECT unit, year, indicator, value FROM query('SELECT * FROM read_csv(''data/v.csv'')')
        WHERE unit IN (SELECT unit FROM query_table('kept'))
        AND indicator IN (SELECT indicator FROM query('SELECT * FROM query(''SELECT * FROM read_csv(''''data/'''' || ''''v.csv'''')'')'))
        AND year IN (SELECT year FROM query_table(['data/v.csv']))`,
    });
    // Without changing the current folder: it is not the query's, where data/v.csv would be looked for before.
    expect(relative(dir, process.cwd()).startsWith("..")).toBe(true);
    expectValues((await load(dir, "q.sql")).panel);
    // The files of the texts are listed for a run's fingerprint, that of the path the nested text builds too.
    const unnamed: UnnamedQueryReads[] = [];
    expect(await readQueryFiles(join(dir, "q.sql"), dir, unnamed)).toEqual([join(dir, "data/v.csv")]);
    expect(unnamed).toEqual([]);
  });

  it("writes the text's literal again with its paths made absolute, where DuckDB then looks for its files", async () => {
    const dir = await folder({ "missing.sql": "SELECT *\nFROM query('SELECT * FROM read_csv(''nothing.csv'')')" });
    const session = await openSandbox(dir);
    try {
      // By hand: the inner 'nothing.csv' made absolute, then the whole text quoted again (each ' doubled).
      const inner = `SELECT * FROM read_csv(${sqlString(join(dir, "nothing.csv"))})`;
      expect(await inSandboxFolder(session, "SELECT * FROM query('SELECT * FROM read_csv(''nothing.csv'')')")).toBe(`SELECT * FROM query(${sqlString(inner)})`);
    } finally {
      session.close();
    }
    const [issue] = await issuesOf(load(dir, "missing.sql"));
    expect(issue.code).toBe("E_SQL");
    // Looked for in the query's folder, not the current one.
    expect(resolve(/No files found that match the pattern "([^"]*)"/.exec(issue.message)?.[1] ?? "")).toBe(join(dir, "nothing.csv"));
  });

  it("is refused when given a text the query builds, naming the file, the call and its line, in a tree's sql column too", async () => {
    const dir = await folder({
      "built.sql": "SELECT unit, year, indicator, value\nFROM query('SELECT * FROM ' || 'read_csv(''data/v.csv'')')",
      "nested.sql": "SELECT *\nFROM values_table, query('SELECT * FROM query_table(''data/'' || ''v.csv'')')",
      "q.csv": "code,parent,name,weight,direction,sql\nA,,a,0.5,+,\nB,,b,0.5,+,\"SELECT unit, year, value FROM query_table(concat('v', '.csv'))\"\n",
    });
    const built = `built.sql: query(…) on line 2 is given a text the query builds, not one string literal; expected one string literal with the paths written inside it, as in query('SELECT * FROM read_csv(''data/x.csv'')') (the paths of a built text would be read against the current folder, not the folder the query reads)`;
    expect(brief(await issuesOf(load(dir, "built.sql")))).toEqual([{ code: "E_SQL_QUERY_TEXT", message: built }]);
    // Listed for a run, before it hashes the files: the same refusal.
    await expect(readQueryFiles(join(dir, "built.sql"), dir)).rejects.toMatchObject({ code: "E_SQL_QUERY_TEXT", message: built });
    // Inside a query('…') text: at the line of the call around it.
    expect(brief(await issuesOf(load(dir, "nested.sql")))).toEqual([{ code: "E_SQL_QUERY_TEXT", message: readerMessages.sqlQueryTextBuilt("nested.sql", "query_table", 2) }]);
    const label = "q.csv:3: indicator B, column sql";
    const issues = await issuesOf(load(dir, "values.csv", "q.csv"));
    expect(issues).toEqual([expect.objectContaining({ code: "E_SQL_QUERY_TEXT", message: readerMessages.sqlQueryTextBuilt(label, "query_table", 1), line: 3, column: "sql", id: "B" })]);
    await expect(readIndicatorQueryFiles(parseTreeCsv(await readFile(join(dir, "q.csv"), "utf8"), "q.csv"), dir)).rejects.toMatchObject({ code: "E_SQL_QUERY_TEXT" });
  });
});

/**
 * `promise`, the named pipe `fifo` opened for writing and closed every 100 ms until it settles: should DuckDB open the
 * pipe (the refusal failing), its wait ends on an empty file, so that the test fails rather than hangs.
 */
async function unblocking<T>(fifo: string, promise: Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    try {
      closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
    } catch {
      // ENXIO: no one is reading the pipe.
    }
  }, 100);
  try {
    return await promise;
  } finally {
    clearInterval(timer);
  }
}

describe.skipIf(process.platform === "win32")("a named pipe (FIFO) among the files DuckDB would read", () => {
  const WAITS = "expected a regular file (DuckDB would wait on it without end, and the time limit cannot stop a read that waits)";

  it("is refused before the query runs, naming the query file, the pipe and what it is, when listed for a run too", { timeout: 30_000 }, async () => {
    const dir = await folder({ "q.sql": "SELECT unit, year, indicator, value FROM read_csv('data/pipe.csv')", "data/v.csv": VALUES });
    const fifo = join(dir, "data", "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    const message = `q.sql: the query reads data/pipe.csv, which is a named pipe (FIFO); ${WAITS}`;
    expect(brief(await unblocking(fifo, issuesOf(load(dir, "q.sql"))))).toEqual([{ code: "E_SQL_SPECIAL_FILE", message }]);
    // Listed for a project run's fingerprint, before hashing would wait on it; a glob leaves a pipe out (DuckDB's too).
    await expect(unblocking(fifo, readQueryFiles(join(dir, "q.sql"), dir))).rejects.toMatchObject({ code: "E_SQL_SPECIAL_FILE", message });
    await writeFile(join(dir, "glob.sql"), "SELECT unit, year, indicator, value FROM read_csv('data/*.csv')");
    expect(await unblocking(fifo, readQueryFiles(join(dir, "glob.sql"), dir))).toEqual([join(dir, "data/v.csv")]);
  });

  it("is refused in a tree's sql column, naming the tree's line, and as a .parquet values file itself", { timeout: 30_000 }, async () => {
    const dir = await folder({
      "q.csv": "code,parent,name,weight,direction,sql\nA,,a,0.5,+,\nB,,b,0.5,+,\"SELECT unit, year, value FROM read_csv('pipe.csv')\"\n",
    });
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    const message = `q.csv:3: indicator B, column sql: the query reads pipe.csv, which is a named pipe (FIFO); ${WAITS}`;
    const issues = await unblocking(fifo, issuesOf(load(dir, "values.csv", "q.csv")));
    expect(issues).toEqual([expect.objectContaining({ code: "E_SQL_SPECIAL_FILE", message, source: "q.csv", line: 3, column: "sql", id: "B" })]);
    await expect(unblocking(fifo, readIndicatorQueryFiles(parseTreeCsv(await readFile(join(dir, "q.csv"), "utf8"), "q.csv"), dir))).rejects.toMatchObject({ code: "E_SQL_SPECIAL_FILE", message });
    const parquet = join(dir, "values.parquet");
    execFileSync("mkfifo", [parquet]);
    expect(brief(await unblocking(parquet, issuesOf(load(dir, "values.parquet"))))).toEqual([
      { code: "E_SQL_SPECIAL_FILE", message: `values.parquet: the values file is a named pipe (FIFO); ${WAITS}` },
    ]);
  });

  // A path the query builds, its value known before it runs: evaluated in the sandbox and checked as a literal is.
  it("is refused when the query builds its path, alone, in a list, in a lambda or inside query('…'), and for a run too", { timeout: 8_000 }, async () => {
    const dir = await folder({
      "concat.sql": "SELECT unit, year, indicator, value FROM read_csv('data/' || 'y.csv')",
      "list.sql": "SELECT unit, year, indicator, value FROM read_csv(['data/v.csv', concat('da', 'ta/y.csv')])",
      "lambda.sql": "SELECT unit, year, indicator, value FROM read_csv(list_transform(['v', 'y'], name -> 'data/' || name || '.csv'))",
      "inner.sql": "SELECT unit, year, indicator, value FROM query('SELECT * FROM read_csv(''data/'' || ''y.csv'')')",
      "q.csv": "code,parent,name,weight,direction,sql\nA,,a,0.5,+,\nB,,b,0.5,+,\"SELECT unit, year, value FROM read_csv('data/' || 'y.csv') WHERE indicator = 'B'\"\n",
      "data/v.csv": VALUES,
    });
    const fifo = join(dir, "data", "y.csv");
    execFileSync("mkfifo", [fifo]);
    const started = Date.now();
    // The message the literal read_csv('data/y.csv') gets (the test above), the built path made absolute then shown
    // relative to the folder the query reads.
    for (const name of ["concat.sql", "list.sql", "lambda.sql", "inner.sql"]) {
      const message = `${name}: the query reads data/y.csv, which is a named pipe (FIFO); ${WAITS}`;
      expect(brief(await unblocking(fifo, issuesOf(load(dir, name))))).toEqual([{ code: "E_SQL_SPECIAL_FILE", message }]);
      await expect(unblocking(fifo, readQueryFiles(join(dir, name), dir))).rejects.toMatchObject({ code: "E_SQL_SPECIAL_FILE", message });
    }
    const message = `q.csv:3: indicator B, column sql: the query reads data/y.csv, which is a named pipe (FIFO); ${WAITS}`;
    const issues = await unblocking(fifo, issuesOf(load(dir, "values.csv", "q.csv")));
    expect(issues).toEqual([expect.objectContaining({ code: "E_SQL_SPECIAL_FILE", message, source: "q.csv", line: 3, column: "sql", id: "B" })]);
    await expect(unblocking(fifo, readIndicatorQueryFiles(parseTreeCsv(await readFile(join(dir, "q.csv"), "utf8"), "q.csv"), dir))).rejects.toMatchObject({ code: "E_SQL_SPECIAL_FILE", message });
    // Refused before DuckDB opened the pipe: the writer's opens (every 100 ms) found no reader, so nothing waited on it.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("leaves a built glob as a literal one (DuckDB's glob lists no pipe), and a built path to a regular file reads its values", { timeout: 8_000 }, async () => {
    const dir = await folder({
      "glob.sql": "SELECT unit, year, indicator, value FROM read_csv('data/' || '*.csv')",
      "regular.sql": "SELECT unit, year, indicator, value FROM read_csv('data/' || 'v.csv')",
      "data/v.csv": VALUES,
    });
    const fifo = join(dir, "data", "y.csv");
    execFileSync("mkfifo", [fifo]);
    // data/*.csv matches v.csv and the pipe y.csv; DuckDB's glob leaves the pipe out, as for read_csv('data/*.csv') above,
    // so the values are v.csv's eight (U1/U2 × 2017/2018 × A/B: 1 to 8).
    for (const name of ["glob.sql", "regular.sql"]) expectValues((await unblocking(fifo, load(dir, name))).panel);
    // The built path's file is listed (for a run to hash), the pipe the built glob matches is not (as DuckDB's glob).
    expect(await unblocking(fifo, readQueryFiles(join(dir, "regular.sql"), dir))).toEqual([join(dir, "data/v.csv")]);
    expect(await unblocking(fifo, readQueryFiles(join(dir, "glob.sql"), dir))).toEqual([join(dir, "data/v.csv")]);
  });
});
