/**
 * The measure column (the unit of measurement) of values read by DuckDB, a Parquet file or a `.sql` query, checked as
 * a CSV file's is: against the tree's measure and across the rows of one indicator (`E_MEASURE_MISMATCH`), and a unit
 * column of measures refused (`E_MEASURE_COLUMN`), each problem naming the file.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../../../src/core/messages.js";
import type { Issue } from "../../../src/errors.js";
import { duckdb } from "./duckdb-statements.js";
import { loadInputs } from "../../../src/io/read/load.js";
import { issuesOf, makeTempDir } from "../../helpers.js";

/** A in 亿元 (the tree's `unit` column is the measure, line 2), B without a measure. */
const TREE = "code,parent,name,weight,direction,unit\nA,,a,0.5,+,亿元\nB,,b,0.5,+,\n";
const VALUES = "unit,year,indicator,value\nU1,2017,A,1\nU1,2018,A,2\nU2,2017,A,3\nU2,2018,A,4\nU1,2017,B,5\nU1,2018,B,6\nU2,2017,B,7\nU2,2018,B,8\n";

/** A folder with the tree, the values as CSV, and `files`. */
function folder(files: Record<string, string> = {}): Promise<string> {
  return makeTempDir({ "tree.csv": TREE, "values.csv": VALUES, ...files });
}


/** The values of `data` (a file of `dir`) read with tree.csv, labelled by their names. */
function load(dir: string, data: string) {
  return loadInputs(join(dir, "tree.csv"), join(dir, data), { tree: "tree.csv", data }, { queryRoot: dir });
}

/** The fields of `issues` a reader sees. */
const brief = (issues: readonly Issue[]) => issues.map(({ code, message, source, column, id }) => ({ code, message, source, column, id }));

describe("the measure column of a Parquet file", () => {
  it("reads values whose measures agree with the tree's (％ and spaces as the CSV reader compares them), long and wide, 计量单位 too", async () => {
    const dir = await folder();
    // A in 亿元 (one row written " 亿元 "), B in ％ then %: the same measure once compared.
    const measure = "CASE WHEN indicator = 'A' THEN (CASE WHEN unit = 'U2' AND year = 2018 THEN ' 亿元 ' ELSE '亿元' END) WHEN unit = 'U1' THEN '％' ELSE '%' END";
    await duckdb(
      dir,
      `COPY (SELECT unit, year, indicator, ${measure} AS measure, value FROM read_csv('@/values.csv')) TO '@/long.parquet'`,
      // The wide layout as template writes it: indicator, 计量单位, a column a year (B's measure left empty).
      `COPY (SELECT unit, indicator, CASE WHEN indicator = 'A' THEN '亿元' END AS 计量单位, sum(value) FILTER (year = 2017) AS "2017", sum(value) FILTER (year = 2018) AS "2018" FROM read_csv('@/values.csv') GROUP BY ALL ORDER BY ALL) TO '@/wide.parquet'`,
    );
    const reference = (await load(dir, "values.csv")).panel;
    for (const file of ["long.parquet", "wide.parquet"]) {
      const { panel } = await load(dir, file);
      expect({ file, units: panel.units, years: panel.years, values: [...panel.values] }).toEqual({ file, units: reference.units, years: reference.years, values: [...reference.values] });
    }
    // The values 1 to 8 as written in values.csv (U1 A 2017 is 1, U2 B 2018 is 8), read from the measured file.
    expect([...(await load(dir, "long.parquet")).panel.values]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("refuses a measure other than the tree's, once per indicator and measure, naming the file, the column and the tree's line", async () => {
    const dir = await folder();
    // A in 万元 in its four rows, against 亿元 in tree.csv line 2; the same column read from the wide layout as 计量单位.
    await duckdb(
      dir,
      "COPY (SELECT unit, year, indicator, value, CASE WHEN indicator = 'A' THEN '万元' END AS measure FROM read_csv('@/values.csv')) TO '@/long.parquet'",
      `COPY (SELECT indicator, unit, CASE WHEN indicator = 'A' THEN '万元' END AS 计量单位, sum(value) FILTER (year = 2017) AS "2017", sum(value) FILTER (year = 2018) AS "2018" FROM read_csv('@/values.csv') GROUP BY ALL ORDER BY ALL) TO '@/wide.parquet'`,
    );
    const mismatch = messages.measureMismatch("A", "万元", "亿元", "tree.csv:2", true);
    expect(brief(await issuesOf(load(dir, "long.parquet")))).toEqual([{ code: "E_MEASURE_MISMATCH", message: mismatch, source: "long.parquet", column: "measure", id: "A" }]);
    expect(brief(await issuesOf(load(dir, "wide.parquet")))).toEqual([{ code: "E_MEASURE_MISMATCH", message: mismatch, source: "wide.parquet", column: "计量单位", id: "A" }]);
    expect(mismatch).toBe(
      'indicator "A" is given in "万元" here but in "亿元" in the indicator tree (tree.csv:2); values are read as written, not converted, so the two would be compared as if alike; expected "亿元": convert the values to it, or correct the measure in the tree or here',
    );
  });

  it("refuses an indicator given in two measures where the tree gives none, the first row in the file setting the measure", async () => {
    const dir = await folder();
    // B (no measure in the tree): 件 for U1, 个 for U2, U2's rows first in the file: 个 is the measure, U1's 件 differs.
    await duckdb(
      dir,
      "COPY (SELECT unit, year, indicator, value, CASE WHEN indicator = 'B' THEN (CASE WHEN unit = 'U1' THEN '件' ELSE '个' END) END AS measure FROM read_csv('@/values.csv') ORDER BY unit DESC, indicator, year) TO '@/long.parquet'",
    );
    expect(brief(await issuesOf(load(dir, "long.parquet")))).toEqual([
      { code: "E_MEASURE_MISMATCH", message: messages.measureMismatch("B", "件", "个", undefined, false), source: "long.parquet", column: "measure", id: "B" },
    ]);
    expect(messages.measureMismatch("B", "件", "个", undefined, false)).toBe(
      'indicator "B" is given in "件" here but in "个" by an earlier row; values are read as written, not converted, so the two would be compared as if alike; expected "个": convert the values to it, or correct the measure of one of the rows',
    );
  });

  it("refuses a unit column that holds units of measurement, and a measure column that is not text", async () => {
    const dir = await folder();
    await duckdb(
      dir,
      // U1's values with the measures in the unit column: A's rows 万元, B's 件 (no cell given twice).
      "COPY (SELECT CASE WHEN indicator = 'A' THEN '万元' ELSE '件' END AS unit, year, indicator, value FROM read_csv('@/values.csv') WHERE unit = 'U1') TO '@/units.parquet'",
      "COPY (SELECT unit, year, indicator, value, 1 AS measure FROM read_csv('@/values.csv')) TO '@/number.parquet'",
    );
    expect(brief(await issuesOf(load(dir, "units.parquet")))).toEqual([
      { code: "E_MEASURE_COLUMN", message: messages.unitColumnOfMeasures("unit", ["万元", "件"]), source: "units.parquet", column: "unit", id: undefined },
    ]);
    expect(brief(await issuesOf(load(dir, "number.parquet")))).toEqual([
      { code: "E_SQL_TYPE", message: "number.parquet: column measure is INTEGER; expected text (VARCHAR)", source: "number.parquet", column: "measure", id: undefined },
    ]);
  });
});

describe("a 单位 column of a Parquet file (reviewer's cases, as the CSV reader reads them)", () => {
  it("百分比 on every row, without the tree's measure: the measure, read, the unit unnamed (as a CSV file)", async () => {
    const dir = await folder({ "plain.csv": "code,parent,name,weight,direction\nA,,a,0.5,+\nB,,b,0.5,+\n" });
    await duckdb(dir, "COPY (SELECT year, indicator, value, '百分比' AS 单位 FROM read_csv('@/values.csv') WHERE unit = 'U1') TO '@/v.parquet'");
    const { panel } = await loadInputs(join(dir, "plain.csv"), join(dir, "v.parquet"), { tree: "plain.csv", data: "v.parquet" }, { queryRoot: dir });
    // U1's values as written in values.csv (A 1, 2; B 5, 6), under the unnamed unit.
    expect({ units: panel.units, values: [...panel.values] }).toEqual({ units: [""], values: [1, 2, 5, 6] });
  });

  it("reporting bodies beside the units (甲区科技局 for U1, 乙区科技局 for U2): E_MEASURE_COLUMN at the first indicator and year, A 2017", async () => {
    const dir = await folder();
    await duckdb(dir, "COPY (SELECT unit, year, indicator, value, CASE WHEN unit = 'U1' THEN '甲区科技局' ELSE '乙区科技局' END AS 单位 FROM read_csv('@/values.csv')) TO '@/v.parquet'");
    // The two sorted by code point (乙 U+4E59 before 甲 U+7532); no lines in a Parquet file.
    const message = messages.measureColumnConflict("单位", ["乙区科技局", "甲区科技局"], "A", 2017, undefined);
    expect(brief(await issuesOf(load(dir, "v.parquet")))).toEqual([{ code: "E_MEASURE_COLUMN", message, source: "v.parquet", column: "单位", id: undefined }]);
    expect(message).toBe(
      'column "单位" gives "乙区科技局" and "甲区科技局" for indicator "A" in 2017 on two rows that are not of one unit ranked, which a unit of measurement never does; expected units of measurement in this column (the same for every unit ranked): if it names the units ranked, head it 评价对象 (or unit); if it is a note, leave it out of the values',
    );
  });

  it("a header 单位： (a colon at its end) or 计量 单位 is the measure column: A in 万元 against the tree's 亿元", async () => {
    const dir = await folder();
    for (const [file, header] of [["colon.parquet", "单位："], ["space.parquet", "计量 单位"]])
      await duckdb(dir, `COPY (SELECT unit, year, indicator, value, CASE WHEN indicator = 'A' THEN '万元' END AS "${header}" FROM read_csv('@/values.csv')) TO '@/${file}'`);
    const mismatch = messages.measureMismatch("A", "万元", "亿元", "tree.csv:2", true);
    expect(brief(await issuesOf(load(dir, "colon.parquet")))).toEqual([{ code: "E_MEASURE_MISMATCH", message: mismatch, source: "colon.parquet", column: "单位：", id: "A" }]);
    expect(brief(await issuesOf(load(dir, "space.parquet")))).toEqual([{ code: "E_MEASURE_MISMATCH", message: mismatch, source: "space.parquet", column: "计量 单位", id: "A" }]);
  });
});

describe("the measure column of a .sql query", () => {
  it("reads a query whose measures agree with the tree's; an empty measure (NULL, '') is not compared", async () => {
    const dir = await folder({
      "q.sql": "SELECT unit, year, indicator, value, CASE WHEN indicator = 'A' THEN '亿元' WHEN unit = 'U1' THEN '' END AS measure FROM read_csv('values.csv')",
    });
    const reference = (await load(dir, "values.csv")).panel;
    const { panel } = await load(dir, "q.sql");
    expect({ units: panel.units, values: [...panel.values] }).toEqual({ units: reference.units, values: [...reference.values] });
  });

  it("refuses a measure other than the tree's, naming the .sql file", async () => {
    const dir = await folder({ "q.sql": "SELECT unit, year, indicator, value, CASE WHEN indicator = 'A' THEN '万元' END AS measure FROM read_csv('values.csv')" });
    expect(brief(await issuesOf(load(dir, "q.sql")))).toEqual([
      { code: "E_MEASURE_MISMATCH", message: messages.measureMismatch("A", "万元", "亿元", "tree.csv:2", true), source: "q.sql", column: "measure", id: "A" },
    ]);
  });

  it("refuses an indicator given in two measures where the tree gives none, its rows taken by unit and year (a query's rows have no order)", async () => {
    // B: 件 for U1, 个 for U2. By unit, U1 comes first: 件 is the measure (not 个, first by name), U2's 个 differs.
    const dir = await folder({
      "q.sql": "SELECT unit, year, indicator, value, CASE WHEN indicator = 'B' THEN (CASE WHEN unit = 'U1' THEN '件' ELSE '个' END) END AS measure FROM read_csv('values.csv')",
    });
    expect(brief(await issuesOf(load(dir, "q.sql")))).toEqual([
      { code: "E_MEASURE_MISMATCH", message: messages.measureMismatch("B", "个", "件", undefined, false), source: "q.sql", column: "measure", id: "B" },
    ]);
  });

  it("refuses a measure column that is not text, with the other columns' problems", async () => {
    const dir = await folder({ "q.sql": "SELECT unit, year, indicator, value, 1 AS measure, 2 AS extra FROM read_csv('values.csv')" });
    expect((await issuesOf(load(dir, "q.sql"))).map((issue) => issue.message)).toEqual([
      "q.sql: column measure is INTEGER; expected text (VARCHAR)",
      "q.sql: unexpected column extra; expected unit, year, indicator, value and an optional source and measure",
    ]);
  });
});
