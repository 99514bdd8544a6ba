/**
 * The files DuckDB reads itself (a values query's, a tree's `sql` column's, a `.parquet` values file), said as the
 * tool's own readers say theirs: GBK and UTF-16 text (what Excel on Chinese Windows saves) with how to read it, a file
 * holding NUL bytes refused before the query runs, a workbook, a PDF or text where DuckDB expects CSV or Parquet
 * named as what it is (duckdb-file-checks.ts). Before, DuckDB's own "Invalid unicode", "Error when sniffing file" or
 * "No magic bytes found" were printed, and a CSV file ending in NUL bytes read as one garbled column.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { readerMessages } from "../../../src/core/reader-messages.js";
import { limitMessagesZh } from "../../../src/core/zh/limit-messages.js";
import type { Issue } from "../../../src/errors.js";
import { queryFileError, refuseNulBytes } from "../../../src/io/read/duckdb-file-checks.js";
import { openDuckdb, sqlString } from "../../../src/io/read/duckdb.js";
import { loadInputs } from "../../../src/io/read/load.js";
import { readTree } from "../../../src/io/read/tree-csv.js";
import { readIndicatorQueries } from "../../../src/io/read/values-duckdb.js";
import { issuesOf, makeTempDir, runCli } from "../../helpers.js";

const TREE = "code,parent,name,weight,direction\nA,,a,,+\n";
/** Two Chinese units, two years. Each row is 16 bytes in UTF-8 (北京 and 上海 are 6), after a header of 26: 90 bytes. */
const VALUES = "unit,year,indicator,value\n北京,2017,A,1\n上海,2017,A,2\n北京,2018,A,3\n上海,2018,A,4\n";

/** The values of `data` (a file of `dir`) read with `tree`, the queries reading `dir`. */
function load(dir: string, data: string, tree = "tree.csv") {
  return loadInputs(join(dir, tree), join(dir, data), { tree, data }, { queryRoot: dir });
}

/** The codes and messages of `issues`. */
const brief = (issues: readonly Issue[]) => issues.map(({ code, message }) => ({ code, message }));

/** `VALUES` as Excel's "Unicode 文本" saves text: UTF-16LE after its byte-order mark. */
const UTF16 = Buffer.from(`\ufeff${VALUES}`, "utf16le");

describe("a values query over a file DuckDB cannot read as UTF-8", () => {
  it("a UTF-16 CSV file is E_ENCODING naming the file and DuckDB's encoding = 'utf-16', with which the same file reads", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "u16.csv": UTF16, "q.sql": "SELECT * FROM read_csv('u16.csv')", "ok.sql": "SELECT * FROM read_csv('u16.csv', encoding = 'utf-16')" });
    const issues = brief(await issuesOf(load(dir, "q.sql")));
    expect(issues).toEqual([{ code: "E_ENCODING", message: limitMessages.queryFileEncoding("q.sql", "u16.csv", "UTF-16LE", "csv") }]);
    expect(issues[0].message).toMatch(/^q\.sql: the query reads u16\.csv, which is UTF-16LE text .*: add encoding = 'utf-16' to the read_csv call that reads it, or save it again as UTF-8/);
    // The advice holds: a query's units sorted by name (上 U+4E0A before 北 U+5317), each unit's 2017 then 2018.
    const { panel } = await load(dir, "ok.sql");
    expect(panel.units).toEqual(["上海", "北京"]);
    expect([...panel.values]).toEqual([2, 4, 1, 3]);
  });

  it("names the file a glob matched (a GBK file among UTF-8 ones), relative to the folder the query reads", async () => {
    const dir = await makeTempDir({
      "tree.csv": TREE,
      "data/2017.csv": "unit,year,indicator,value\n北京,2017,A,1\n",
      "data/2018.csv": iconv.encode("unit,year,indicator,value\n北京,2018,A,3\n", "gbk"),
      "q.sql": "SELECT * FROM 'data/*.csv'",
    });
    expect(brief(await issuesOf(load(dir, "q.sql")))).toEqual([{ code: "E_ENCODING", message: limitMessages.queryFileEncoding("q.sql", "data/2018.csv", "GBK", "csv") }]);
  });

  it("in Chinese, exits 1 and writes no output (compute)", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "gbk.csv": iconv.encode(VALUES, "gbk"), "q.sql": "SELECT * FROM read_csv('gbk.csv')" });
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "q.sql", "--out", "out"], dir, { language: "zh" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(limitMessagesZh.queryFileEncoding("q.sql", "gbk.csv", "GBK", "csv"));
    expect(run.stderr).toContain('另存为 "CSV UTF-8"');
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});

describe("the queries of a tree's sql column over files DuckDB reads wrong or refuses", () => {
  it("each is named at its line: NUL bytes (refused before it runs), a PDF, UTF-16 JSON, a workbook and a cut Parquet file read with read_parquet", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("数据").addRow(["unit", "year", "value"]);
    const query = (reader: string) => `"SELECT unit, year, value FROM ${reader}"`;
    const tree = [
      "code,parent,name,weight,direction,sql",
      `N,,n,,+,${query("read_csv('cut.csv')")}`,
      `P,,p,,+,${query("read_csv('report.csv')")}`,
      `J,,j,,+,${query("read_json('u16.json')")}`,
      `X,,x,,+,${query("read_parquet('book.parquet')")}`,
      `C,,c,,+,${query("read_parquet('cut.parquet')")}`,
    ].join("\n");
    const dir = await makeTempDir({
      "tree.csv": `${tree}\n`,
      "values.csv": "unit,year,indicator,value\n",
      // Text, then the NUL bytes of a copy that stopped: the first at byte 90, on line 6 (after 5 line ends).
      "cut.csv": Buffer.concat([Buffer.from(VALUES), Buffer.alloc(30)]),
      "report.csv": Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a])]),
      "u16.json": Buffer.from('\ufeff[{"unit":"北京","year":2017,"value":1}]', "utf16le"),
      "book.parquet": new Uint8Array(await book.xlsx.writeBuffer()),
      // A Parquet file's first bytes (PAR1, then binary), without its end.
      "cut.parquet": Buffer.from([0x50, 0x41, 0x52, 0x31, 0x15, 0x04, 0x15, 0x10, 0x15, 0x14, 0x4c]),
    });
    const at = (line: number, code: string) => `tree.csv:${line}: indicator ${code}, column sql`;
    expect(brief(await issuesOf(load(dir, "values.csv")))).toEqual([
      { code: "E_BINARY", message: limitMessages.queryFileNul(at(2, "N"), "cut.csv", 6, 90) },
      { code: "E_BINARY", message: limitMessages.queryFileBinary(at(3, "P"), "report.csv", "a PDF document") },
      { code: "E_ENCODING", message: limitMessages.queryFileEncoding(at(4, "J"), "u16.json", "UTF-16LE", "json") },
      { code: "E_PARQUET", message: limitMessages.queryFileNotParquet(at(5, "X"), "book.parquet", "an Excel workbook (.xlsx)") },
      { code: "E_PARQUET", message: limitMessages.queryFileNotParquet(at(6, "C"), "cut.parquet", "a Parquet file cut short (its end is missing: copy it again)") },
    ]);
  });
});

describe("a .parquet values file that is no Parquet file", () => {
  it("is E_PARQUET saying what it looks like: a renamed workbook, a CSV file (before: DuckDB's \"No magic bytes found at end of file\")", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("数据").addRow(["unit", "year", "indicator", "value"]);
    const dir = await makeTempDir({ "tree.csv": TREE, "book.parquet": new Uint8Array(await book.xlsx.writeBuffer()), "text.parquet": iconv.encode(VALUES, "gbk") });
    expect(brief(await issuesOf(load(dir, "book.parquet")))).toEqual([{ code: "E_PARQUET", message: limitMessages.parquetNotParquet("book.parquet", "an Excel workbook (.xlsx)") }]);
    const [text] = brief(await issuesOf(load(dir, "text.parquet")));
    expect(text).toEqual({ code: "E_PARQUET", message: "text.parquet: the file looks like GBK/GB18030 text, not Parquet; expected a Parquet file (the tool reads a CSV file or an .xlsx workbook itself, given under its own extension, .csv or .xlsx)" });
  });
});

describe("a damaged .parquet values file", () => {
  it("is E_PARQUET with DuckDB's words, exit 1 (before: an internal error, exit 4)", async () => {
    // 150,000 rows (300 units, 5 years, 100 indicators) written by DuckDB (snappy pages), then 200 bytes overwritten
    // from offset 1,001, inside the first column's pages: DuckDB fails to decompress them.
    const dir = await makeTempDir({ "tree.csv": `code,parent,name,weight,direction\nA,,a,1,\n${Array.from({ length: 100 }, (_, k) => `X${k},A,x${k},,+\n`).join("")}` });
    const session = await openDuckdb();
    await session.connection.run(
      `COPY (SELECT 'U' || (r % 300) AS unit, 2017 + (r // 300) % 5 AS year, 'X' || (r // 1500) AS indicator, (r % 97) + 1.0 AS value FROM range(150000) t(r)) TO ${sqlString(join(dir, "values.parquet"))} (FORMAT parquet)`,
    );
    session.close();
    const bytes = await readFile(join(dir, "values.parquet"));
    for (let k = 0; k < 200; k++) bytes[1001 + k] = (k * 37 + 11) & 255;
    await writeFile(join(dir, "values.parquet"), bytes);
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "values.parquet", "--out", "out", "-q"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: 1 problem found:\nvalues\.parquet: DuckDB could not read the Parquet file's data: Invalid Input Error: Failed to read file "[^"]*values\.parquet": Snappy decompression failure; expected a whole Parquet file \(copy it again, or write it again with the program that made it\)\n$/);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});

describe("refuseNulBytes (no DuckDB)", () => {
  it("finds the NUL bytes ending a large file from where they start, and a NUL character of UTF-16 text on its line", async () => {
    // 1000 rows of "U<i>,2017,A,1\n" after a 26-byte header: rows 0-9 are 12 bytes, 10-99 13, 100-999 14: 26 + 120 + 1170 + 12,600 = 13,916 bytes, then 20,000 NUL bytes.
    const rows = Array.from({ length: 1000 }, (_, i) => `U${i},2017,A,1\n`).join("");
    const dir = await makeTempDir({
      "cut.csv": Buffer.concat([Buffer.from(`unit,year,indicator,value\n${rows}`), Buffer.alloc(20_000)]),
      // "a\n" then U+0000: line 2, byte 6 (after the 2-byte mark and two 2-byte characters).
      "nul16.csv": Buffer.from("\ufeffa\n\u0000b\n", "utf16le"),
    });
    const refused = (file: string) => refuseNulBytes("q.sql", [{ path: join(dir, file), name: file }]).then(() => undefined, (error: Error & { code: string }) => [error.code, error.message]);
    expect(await refused("cut.csv")).toEqual(["E_BINARY", limitMessages.queryFileNul("q.sql", "cut.csv", undefined, 13_916)]);
    expect(await refused("nul16.csv")).toEqual(["E_BINARY", limitMessages.queryFileNul("q.sql", "nul16.csv", 2, 6)]);
  });

  it("leaves files DuckDB reads as they are: UTF-16 text, Parquet, gzip, a workbook, and a NUL byte in the middle of a large file (not read whole before DuckDB)", async () => {
    const middle = Buffer.concat([Buffer.alloc(20_000, "a"), Buffer.alloc(1), Buffer.alloc(20_000, "b")]);
    const dir = await makeTempDir({
      "u16.csv": UTF16,
      "v.parquet": Buffer.from([0x50, 0x41, 0x52, 0x31, 0x15, 0x00, 0x15, 0x00, 0x50, 0x41, 0x52, 0x31]),
      "v.csv.gz": Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]),
      "book.xlsx": Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
      "middle.csv": middle,
    });
    const files = ["u16.csv", "v.parquet", "v.csv.gz", "book.xlsx", "middle.csv"].map((name) => ({ path: join(dir, name), name }));
    await expect(refuseNulBytes("q.sql", files)).resolves.toBeUndefined();
    // The same NUL byte near the start is found.
    const early = await makeTempDir({ "early.csv": Buffer.concat([Buffer.from("a\nb"), Buffer.alloc(1), Buffer.alloc(20_000, "c")]) });
    await expect(refuseNulBytes("q.sql", [{ path: join(early, "early.csv"), name: "early.csv" }])).rejects.toThrow(limitMessages.queryFileNul("q.sql", "early.csv", 2, 3));
  });
});

describe("a unit's name holding a NUL character, from the query itself (chr(0))", () => {
  it("is E_BINARY naming the query, the count and the first name (␀ where the NUL is), not an internal error", async () => {
    // Two units with a NUL (A␀B, C␀D) and one without: 2 named, the first in the query's order of units (sorted: A␀B).
    const query = "SELECT * FROM (VALUES ('A' || chr(0) || 'B', 2017, 'A', 1.0), ('C' || chr(0) || 'D', 2017, 'A', 2.0), ('E', 2017, 'A', 3.0)) t(unit, year, indicator, value)";
    const dir = await makeTempDir({ "tree.csv": TREE, "q.sql": query });
    expect(brief(await issuesOf(load(dir, "q.sql")))).toEqual([{ code: "E_BINARY", message: readerMessages.sqlNulInUnit("q.sql", 2, "A␀B") }]);
    expect(readerMessages.sqlNulInUnit("q.sql", 2, "A␀B")).toBe(
      "q.sql: 2 units' names hold a NUL character (U+0000), the first \"A␀B\" (␀ marks it); expected names of text without NUL characters: remove them in the query (replace(unit, chr(0), '')) or in the file it reads",
    );
  });
});

/** A tree of indicators, each `[code, query]` a root indicator whose values its query (column sql) gives, from line 2 on. */
const queryTree = (...queries: (readonly [string, string])[]) =>
  `code,parent,name,weight,direction,sql\n${queries.map(([code, query]) => `${code},,${code.toLowerCase()},,+,"${query}"`).join("\n")}\n`;

/** The problems `readIndicatorQueries` finds in the queries of `dir`'s tree.csv: code, message, line. */
async function queryIssues(dir: string) {
  const issues = await issuesOf(readIndicatorQueries(await readTree(join(dir, "tree.csv"), "tree.csv"), dir));
  return issues.map(({ code, message, line }) => ({ code, message, line }));
}

/** The label of the query of indicator `code` on `line` of tree.csv. */
const at = (line: number, code: string) => `tree.csv:${line}: indicator ${code}, column sql`;

describe("gzip data a values query reads (x.csv.gz, which DuckDB unpacks): its first 8 KB unpacked, said as the plain file", () => {
  it("GBK or UTF-16LE text inside is E_ENCODING naming the .gz file and the text inside it, a PDF inside E_BINARY (before: DuckDB's \"Invalid unicode\")", async () => {
    const dir = await makeTempDir({
      "tree.csv": TREE,
      "gbk.csv.gz": gzipSync(iconv.encode(VALUES, "gbk")),
      "u16.csv.gz": gzipSync(UTF16),
      "report.csv.gz": gzipSync(Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a])])),
      "gbk.sql": "SELECT * FROM read_csv('gbk.csv.gz')",
      "u16.sql": "SELECT * FROM read_csv('u16.csv.gz')",
      "report.sql": "SELECT * FROM read_csv('report.csv.gz')",
      "ok.sql": "SELECT * FROM read_csv('u16.csv.gz', encoding = 'utf-16')",
    });
    expect(brief(await issuesOf(load(dir, "gbk.sql")))).toEqual([{ code: "E_ENCODING", message: limitMessages.queryFileEncoding("gbk.sql", "gbk.csv.gz", "GBK", "csv", true) }]);
    expect(brief(await issuesOf(load(dir, "u16.sql")))).toEqual([
      {
        code: "E_ENCODING",
        message:
          'u16.sql: the query reads u16.csv.gz, gzip data whose text inside is UTF-16LE text (what Excel saves as "Unicode Text", "Unicode 文本" in Chinese Excel), not UTF-8, which DuckDB expects; ' +
          `expected UTF-8: add encoding = 'utf-16' to the read_csv call that reads it, or unpack it (gzip -d) and save it again as UTF-8 (in Excel: Save As "CSV UTF-8", "CSV UTF-8(逗号分隔)" in Chinese Excel)`,
      },
    ]);
    expect(brief(await issuesOf(load(dir, "report.sql")))).toEqual([{ code: "E_BINARY", message: limitMessages.queryFileBinary("report.sql", "report.csv.gz", "a PDF document", true) }]);
    // The advice holds: DuckDB unpacks the file and reads its UTF-16LE text; units sorted by name (上 before 北).
    const { panel } = await load(dir, "ok.sql");
    expect(panel.units).toEqual(["上海", "北京"]);
    expect([...panel.values]).toEqual([2, 4, 1, 3]);
  });

  it("leaves DuckDB's words for GBK text past the first 8 KB unpacked (gzip data is never unpacked whole)", async () => {
    // 1,000 ASCII rows of 18 bytes after the 26-byte header: the GBK row starts at byte 18,026 of the text, past 8,192.
    const rows = Array.from({ length: 1000 }, (_, i) => `U${String(i).padStart(5, "0")},2017,A,1.5\n`).join("");
    const text = Buffer.concat([Buffer.from(`unit,year,indicator,value\n${rows}`), iconv.encode("北京,2017,A,1.5\n", "gbk")]);
    const dir = await makeTempDir({ "tree.csv": TREE, "late.csv.gz": gzipSync(text), "q.sql": "SELECT * FROM read_csv('late.csv.gz')" });
    const [issue] = brief(await issuesOf(load(dir, "q.sql")));
    expect(issue.code).toBe("E_SQL");
    expect(issue.message).toMatch(/^q\.sql: DuckDB refused the query: [^]*Invalid unicode/);
  });
});

describe("a GBK JSON file a values query reads", () => {
  it("is E_ENCODING saying to save it again as UTF-8 where it was written, or iconv, not Excel's CSV format", async () => {
    const json = iconv.encode('[{"unit":"北京","year":2017,"indicator":"A","value":1}]', "gbk");
    const dir = await makeTempDir({ "tree.csv": TREE, "gbk.json": json, "q.sql": "SELECT * FROM read_json('gbk.json')" });
    expect(brief(await issuesOf(load(dir, "q.sql")))).toEqual([
      {
        code: "E_ENCODING",
        message:
          "q.sql: the query reads gbk.json, which is GBK/GB18030 text, not UTF-8, which DuckDB expects; expected UTF-8: save it again as UTF-8 in the editor or program that wrote it, or convert it (iconv -f GB18030 -t UTF-8); DuckDB's read_json reads UTF-8 only",
      },
    ]);
  });
});

describe("a UTF-16BE CSV file read with encoding = 'utf-16' (which DuckDB reads as UTF-16LE, its column names garbled)", () => {
  it("is E_ENCODING naming the file and what to do, before the columns the tool refused; with its byte-order mark or without, SELECT * or named columns", async () => {
    const dir = await makeTempDir({
      "tree.csv": TREE,
      "be.csv": Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(VALUES, "utf16be")]),
      "bare.csv": iconv.encode(VALUES, "utf16be"),
      "le.csv": iconv.encode(VALUES, "utf16le"),
      "be.sql": "SELECT * FROM read_csv('be.csv', encoding = 'utf-16')",
      "bare.sql": "SELECT * FROM read_csv('bare.csv', encoding = 'utf-16')",
      "named.sql": "SELECT unit, year, indicator, value FROM read_csv('be.csv', encoding = 'utf-16')",
      "le.sql": "SELECT * FROM read_csv('le.csv', encoding = 'utf-16')",
    });
    const issues = brief(await issuesOf(load(dir, "be.sql")));
    // DuckDB found one garbled column: no year, no indicator, no value, and one unexpected column (4 E_SQL_COLUMNS).
    expect(issues.map(({ code }) => code)).toEqual(["E_ENCODING", "E_SQL_COLUMNS", "E_SQL_COLUMNS", "E_SQL_COLUMNS", "E_SQL_COLUMNS"]);
    expect(issues[0].message).toBe(
      "be.sql: the query reads be.csv, which is UTF-16BE text, but DuckDB's encoding = 'utf-16' reads UTF-16LE only: the columns it found are that text read in the wrong byte order; " +
        `expected UTF-8 or UTF-16LE: save it again as UTF-8 (in Excel: Save As "CSV UTF-8", "CSV UTF-8(逗号分隔)" in Chinese Excel), or convert it to UTF-16LE (iconv -f UTF-16BE -t UTF-16LE), which encoding = 'utf-16' reads`,
    );
    expect(brief(await issuesOf(load(dir, "bare.sql")))[0]).toEqual({ code: "E_ENCODING", message: limitMessages.queryFileByteOrder("bare.sql", "bare.csv") });
    // Columns the query names: DuckDB's binder finds none ("Referenced column "unit" not found"), said the same way.
    expect(brief(await issuesOf(load(dir, "named.sql")))).toEqual([{ code: "E_ENCODING", message: limitMessages.queryFileByteOrder("named.sql", "be.csv") }]);
    // The advice holds: the text in UTF-16LE (as iconv -f UTF-16BE -t UTF-16LE writes it) reads with encoding = 'utf-16'.
    const { panel } = await load(dir, "le.sql");
    expect(panel.units).toEqual(["上海", "北京"]);
    expect([...panel.values]).toEqual([2, 4, 1, 3]);
  });

  it("in a tree's sql queries: the same, at each query's line", async () => {
    const dir = await makeTempDir({
      "be.csv": Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode("unit,year,value\n北京,2017,1\n", "utf16be")]),
      "tree.csv": queryTree(["A", "SELECT * FROM read_csv('be.csv', encoding = 'utf-16')"], ["B", "SELECT unit, year, value FROM read_csv('be.csv', encoding = 'utf-16')"]),
    });
    // A: no year, no value, one unexpected column (3 E_SQL_COLUMNS) after the file's E_ENCODING; B: DuckDB's binder refused it.
    const issues = await queryIssues(dir);
    expect(issues.map(({ code, line }) => [code, line])).toEqual([["E_ENCODING", 2], ["E_SQL_COLUMNS", 2], ["E_SQL_COLUMNS", 2], ["E_SQL_COLUMNS", 2], ["E_ENCODING", 3]]);
    expect(issues[0].message).toBe(limitMessages.queryFileByteOrder(at(2, "A"), "be.csv"));
    expect(issues[4].message).toBe(limitMessages.queryFileByteOrder(at(3, "B"), "be.csv"));
  });
});

/**
 * 30,000 rows "U00000,2017,A,1.5" to "U29999,2017,A,1.5" (18 bytes each with its line feed) after the 26-byte header,
 * 540,026 bytes, byte `column` of row 25,000 (on line 25,002) made a NUL: past the first and last 8 KB `refuseNulBytes`
 * looks at before a query runs, and past the 20,480 rows DuckDB sniffs the columns' types from.
 */
function middleNul(column: number): Buffer {
  const rows = Array.from({ length: 30_000 }, (_, i) => `U${String(i).padStart(5, "0")},2017,A,1.5\n`).join("");
  const bytes = Buffer.from(`unit,year,indicator,value\n${rows}`);
  bytes[26 + 25_000 * 18 + column] = 0;
  return bytes;
}

describe("a NUL byte in the middle of a large CSV file a query reads", () => {
  // Row 25,000 starts at byte 26 + 25,000 × 18 = 450,026: its "." of "1.5" (byte 15) is at 450,041, the last digit
  // of U25000 (byte 5) at 450,031; both on line 25,002 (the header, then rows 0 to 25,000).
  it("in a value: DuckDB's refusal (\"Could not convert string \\\"1\\05\\\"\") is E_BINARY naming the file, line and offset; the command exits 1", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "big.csv": middleNul(15), "q.sql": "SELECT * FROM read_csv('big.csv')" });
    const message =
      "q.sql: the query reads big.csv, which holds a NUL byte on line 25002 at byte offset 450041, which no text holds (binary data, or text followed by the NUL bytes of a copy that stopped); " +
      "expected a CSV or JSON file in UTF-8 without NUL bytes (if the rest of the file is NUL bytes, copy it again, or keep its first 450041 bytes)";
    expect(brief(await issuesOf(load(dir, "q.sql")))).toEqual([{ code: "E_BINARY", message }]);
    const run = await runCli(["compute", "-i", "tree.csv", "-d", "q.sql", "--out", "out"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("in a unit's name: E_BINARY naming the file, line and offset (before: the name, and \"the file it reads\")", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "big.csv": middleNul(5), "q.sql": "SELECT * FROM read_csv('big.csv')" });
    expect(brief(await issuesOf(load(dir, "q.sql")))).toEqual([{ code: "E_BINARY", message: limitMessages.queryFileNul("q.sql", "big.csv", 25_002, 450_031) }]);
  });

  it("in a tree's sql query: E_BINARY at its line (before: the rows after the NUL byte left out without a word, or a unit named with it; exit 0)", async () => {
    const dir = await makeTempDir({
      "value.csv": middleNul(15),
      "unit.csv": middleNul(5),
      "tree.csv": queryTree(["A", "SELECT unit, year, value FROM read_csv('value.csv')"], ["B", "SELECT unit, year, value FROM read_csv('unit.csv')"]),
    });
    expect(await queryIssues(dir)).toEqual([
      { code: "E_BINARY", message: limitMessages.queryFileNul(at(2, "A"), "value.csv", 25_002, 450_041), line: 2 },
      { code: "E_BINARY", message: limitMessages.queryFileNul(at(3, "B"), "unit.csv", 25_002, 450_031), line: 3 },
    ]);
  });

  it("a unit's NUL from a tree's sql query itself (chr(0), no file): E_BINARY naming the query, as a values query's (before: into the outputs)", async () => {
    const dir = await makeTempDir({ "tree.csv": queryTree(["A", "SELECT 'A' || chr(0) || 'B' AS unit, 2017 AS year, 1.0 AS value"]) });
    expect(await queryIssues(dir)).toEqual([{ code: "E_BINARY", message: readerMessages.sqlNulInUnit(at(2, "A"), 1, "A␀B"), line: 2 }]);
  });

  it("is found by its line across the MB the file is read by: a CRLF cut between two, a carriage return alone (queryFileError, no DuckDB)", async () => {
    // 1,048,575 a's, CR at 1,048,575 (the first MB's last byte) and LF at 1,048,576, "b" at 1,048,577, a CR alone at
    // 1,048,578, "c" at 1,048,579, the NUL at 1,048,580: after two line ends, on line 3.
    const bytes = Buffer.concat([Buffer.alloc(1024 ** 2 - 1, "a"), Buffer.from("\r\nb\rc\0\n")]);
    const dir = await makeTempDir({ "cut.csv": bytes, "text.csv": "a,b\nc\\0,d\n" });
    const refusal = (file: string) => new Error(`Invalid Input Error: CSV Error on Line: 3\nOriginal Line: c\\0\n  file = ${join(dir, file)}`);
    const error = await queryFileError(refusal("cut.csv"), "q.sql", [{ path: join(dir, "cut.csv"), name: "cut.csv" }]);
    expect([error?.code, error?.message]).toEqual(["E_BINARY", limitMessages.queryFileNul("q.sql", "cut.csv", 3, 1_048_580)]);
    // A backslash and a 0 written as text, no NUL byte: DuckDB's words stand.
    expect(await queryFileError(refusal("text.csv"), "q.sql", [{ path: join(dir, "text.csv"), name: "text.csv" }])).toBeUndefined();
  });
});
