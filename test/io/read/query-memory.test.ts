/**
 * The memory of users' DuckDB queries is bounded: DuckDB's own (`memoryLimit`; what it cannot spill to its temporary folder), a `.sql` values
 * file of more units than a panel may hold (refused from DuckDB's counts, before its units come into JavaScript), and a
 * tree's `sql` query of more rows than one indicator may fill (read no further than one row past the limit). Small
 * limits are injected, so that every case stays light: no test allocates more than a few tens of MB.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { limitMessages } from "../../../src/core/limit-messages.js";
import { readerMessages } from "../../../src/core/reader-messages.js";
import { InputError, UsageError, ValidationError } from "../../../src/errors.js";
import type { MemoryLimit } from "../../../src/io/memory.js";
import { QUERY_MEMORY_LIMIT_VARIABLE, queryMemoryBytesOf, queryMemoryLimit } from "../../../src/io/read/duckdb.js";
import { load } from "../../../src/api.js";
import { checkMessages } from "../../../src/core/check-messages.js";
import { readTree } from "../../../src/io/read/tree-csv.js";
import { readDuckdbValues, readIndicatorQueries } from "../../../src/io/read/values-duckdb.js";
import { issuesOf, makeTempDir } from "../../helpers.js";

const MEGABYTE = 1024 ** 2;
const GIGABYTE = 1024 ** 3;
const TREE = "code,parent,name,weight,direction\nA,,a,1,+\n";

describe("DuckDB's memory limit", () => {
  it("a .sql values file that needs more than the limit: E_QUERY_MEMORY_LIMIT naming the file and the limit", async () => {
    // Two million rows of a 19-character unit ('unit-number-1999999', stored apart from the row beyond 12 characters):
    // about 40 bytes a row, some 80 MB to hold, against a limit of 16 MB.
    const query = "SELECT 'unit-number-' || i AS unit, 2017 AS year, 'A' AS indicator, i::DOUBLE AS value FROM range(2000000) t(i)";
    const dir = await makeTempDir({ "tree.csv": TREE, "values.sql": query });
    const tree = await readTree(join(dir, "tree.csv"), "tree.csv");
    const error = await readDuckdbValues(tree, join(dir, "values.sql"), "values.sql", dir, undefined, { threads: 1, memoryLimit: 16 * MEGABYTE }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: "E_QUERY_MEMORY_LIMIT", message: limitMessages.queryMemoryLimit("values.sql", 16 * MEGABYTE) });
    // The message as written out: 16 * 1024^2 bytes is "16 MB".
    expect((error as Error).message).toContain("values.sql: DuckDB needed more than 16 MB of memory");
    // A values query holds every indicator: one row per unit, year and indicator.
    expect((error as Error).message).toContain("expected the values read within it: return one row per unit, year and indicator (aggregate the microdata in the query: GROUP BY unit, year)");
  });

  it("a tree's sql query that needs more than the limit: E_QUERY_MEMORY_LIMIT naming the line, told one row per unit and year", async () => {
    // One row, but the text of five million numbers joined (some 40 MB, in one value DuckDB cannot spill), against a
    // limit of 16 MB.
    const query = "SELECT 'U1' AS unit, 2017 AS year, length(string_agg(i::VARCHAR, ','))::DOUBLE AS value FROM range(5000000) t(i)";
    const dir = await makeTempDir({ "tree.csv": `code,parent,name,weight,direction,sql\nA,,a,1,+,"${query}"\n` });
    const tree = await readTree(join(dir, "tree.csv"), "tree.csv");
    const issues = await issuesOf(readIndicatorQueries(tree, dir, { threads: 1, memoryLimit: 16 * MEGABYTE }));
    // Indicator A on line 2 of the tree (line 1 its header).
    expect(issues.map(({ code, line, column, id }) => ({ code, line, column, id }))).toEqual([{ code: "E_QUERY_MEMORY_LIMIT", line: 2, column: "sql", id: "A" }]);
    expect(issues[0].message).toBe(
      "tree.csv:2: indicator A, column sql: DuckDB needed more than 16 MB of memory, what it may use to read the values (half of this machine's memory), and was stopped; expected the values read within it: return one row per unit and year (aggregate the microdata in the query: GROUP BY unit, year), make the query cheaper (a join without a condition multiplies the rows), or run with --threads 1 (each DuckDB thread takes memory of its own), or on a machine with more memory",
    );
  });

  it("a large aggregation over the limit spills to DuckDB's own temporary folder, removed once done, and succeeds", async () => {
    // 6 million rows in 3 million groups (i % 3,000,000), each group's values joined as a text: far more than 64 MB to
    // hold at once, which DuckDB with no folder to spill to refuses ("Out of Memory Error"). The count of groups is
    // 3,000,000 by construction.
    const query =
      "SELECT 'U1' AS unit, 2017 AS year, 'A' AS indicator, count(*)::DOUBLE AS value FROM (SELECT i % 3000000 AS g, string_agg(i::VARCHAR) FROM range(6000000) t(i) GROUP BY g)";
    const dir = await makeTempDir({ "tree.csv": TREE, "values.sql": query });
    const tree = await readTree(join(dir, "tree.csv"), "tree.csv");
    const { panel } = await readDuckdbValues(tree, join(dir, "values.sql"), "values.sql", dir, undefined, { threads: 1, memoryLimit: 64 * MEGABYTE });
    expect([...panel.values]).toEqual([3_000_000]);
    // Nothing left behind: not in the project, not in the system's temporary folder.
    expect(readdirSync(dir).sort()).toEqual(["tree.csv", "values.sql"]);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`innovation-index-duckdb-${process.pid}-`))).toEqual([]);
  });

  it("past the limit, a temporary folder DuckDB cannot make is E_QUERY_SPILL naming it and TMPDIR", async () => {
    // The aggregation of the test above, with TMPDIR under a file (tree.csv), where no folder can be made.
    const query =
      "SELECT 'U1' AS unit, 2017 AS year, 'A' AS indicator, count(*)::DOUBLE AS value FROM (SELECT i % 3000000 AS g, string_agg(i::VARCHAR) FROM range(6000000) t(i) GROUP BY g)";
    const dir = await makeTempDir({ "tree.csv": TREE, "values.sql": query });
    const tree = await readTree(join(dir, "tree.csv"), "tree.csv");
    const before = process.env.TMPDIR;
    process.env.TMPDIR = join(dir, "tree.csv");
    try {
      const error = await readDuckdbValues(tree, join(dir, "values.sql"), "values.sql", dir, undefined, { threads: 1, memoryLimit: 64 * MEGABYTE }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ code: "E_QUERY_SPILL", source: "values.sql" });
      expect((error as Error).message).toMatch(
        new RegExp(`^values\\.sql: DuckDB needed more than its 64 MB of memory and could not spill the rest to its temporary folder ${join(dir, "tree.csv").replaceAll(".", "\\.")}/innovation-index-duckdb-${process.pid}-[0-9a-f]{12} \\(.+\\); expected a writable temporary folder with room: set TMPDIR to one`),
      );
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });

  it("a query within the limit reads as always", async () => {
    // Units U1 and U2 over 2017 and 2018, value = 10 * unit + (year - 2017): U1 10, 11; U2 20, 21.
    const query = "SELECT 'U' || u AS unit, y AS year, 'A' AS indicator, (10 * u + y - 2017)::DOUBLE AS value FROM range(1, 3) a(u), range(2017, 2019) b(y)";
    const dir = await makeTempDir({ "tree.csv": TREE, "values.sql": query });
    const tree = await readTree(join(dir, "tree.csv"), "tree.csv");
    const { panel } = await readDuckdbValues(tree, join(dir, "values.sql"), "values.sql", dir, undefined, { threads: 1, memoryLimit: 16 * MEGABYTE });
    expect(panel.units).toEqual(["U1", "U2"]);
    expect(panel.years).toEqual([2017, 2018]);
    expect([...panel.values]).toEqual([10, 11, 20, 21]);
  });
});

describe("INNOVATION_INDEX_QUERY_MEMORY_LIMIT", () => {
  const machine = (): MemoryLimit => ({ bytes: 12 * GIGABYTE, source: "machine" });

  it("sets DuckDB's memory limit (a size in powers of 1024, or bytes) from 16 MB; unset or blank, the default stays", () => {
    expect(QUERY_MEMORY_LIMIT_VARIABLE).toBe("INNOVATION_INDEX_QUERY_MEMORY_LIMIT");
    expect(queryMemoryLimit({}, machine)).toEqual({ bytes: 12 * GIGABYTE, source: "machine" });
    expect(queryMemoryLimit({ [QUERY_MEMORY_LIMIT_VARIABLE]: " " }, machine)).toEqual({ bytes: 12 * GIGABYTE, source: "machine" });
    // 8 × 1024^3 = 8,589,934,592; 512 × 1024^2 = 536,870,912; 1.5 × 1024^3 = 1,610,612,736.
    expect(queryMemoryLimit({ [QUERY_MEMORY_LIMIT_VARIABLE]: "8GB" }, machine)).toEqual({ bytes: 8_589_934_592, source: "variable" });
    expect(queryMemoryLimit({ [QUERY_MEMORY_LIMIT_VARIABLE]: " 512MB " }, machine)).toEqual({ bytes: 536_870_912, source: "variable" });
    expect(queryMemoryLimit({ [QUERY_MEMORY_LIMIT_VARIABLE]: "1.5g" }, machine)).toEqual({ bytes: 1_610_612_736, source: "variable" });
    // The least, 16 MB = 16,777,216 bytes, in digits.
    expect(queryMemoryLimit({ [QUERY_MEMORY_LIMIT_VARIABLE]: "16777216" }, machine)).toEqual({ bytes: 16_777_216, source: "variable" });
    // 8191 TB = 8191 × 1024^4 = 9,006,099,743,113,216, under 2^53 − 1 = 9,007,199,254,740,991.
    expect(queryMemoryLimit({ [QUERY_MEMORY_LIMIT_VARIABLE]: "8191TB" }, machine)).toEqual({ bytes: 9_006_099_743_113_216, source: "variable" });
  });

  it("anything else is a usage error naming the variable, what it holds and what is expected", () => {
    // 15MB and 16777215 are under 16 MB; 8192TB = 2^53 bytes is past 2^53 − 1; the rest are no size.
    for (const text of ["15MB", "16777215", "0", "-1GB", "8 GB RAM", "1e9", "0x10", "lots", "8PB", "8192TB"]) {
      expect(() => queryMemoryLimit({ [QUERY_MEMORY_LIMIT_VARIABLE]: text }, machine), text).toThrow(UsageError);
      expect(() => queryMemoryLimit({ [QUERY_MEMORY_LIMIT_VARIABLE]: text }, machine), text).toThrow(readerMessages.queryMemoryLimitVariable(QUERY_MEMORY_LIMIT_VARIABLE, text, 16 * MEGABYTE));
    }
    expect(readerMessages.queryMemoryLimitVariable(QUERY_MEMORY_LIMIT_VARIABLE, "15MB", 16 * MEGABYTE)).toBe(
      'INNOVATION_INDEX_QUERY_MEMORY_LIMIT is "15MB"; expected a size of memory from 16 MB up, such as 8GB or 512MB (powers of 1024), or a number of bytes in digits',
    );
  });

  it("a query over the limit it sets: E_QUERY_MEMORY_LIMIT naming the variable as the limit's source, and how to raise it", async () => {
    // The two million rows of the first test (some 80 MB) against the variable's 16 MB.
    const query = "SELECT 'unit-number-' || i AS unit, 2017 AS year, 'A' AS indicator, i::DOUBLE AS value FROM range(2000000) t(i)";
    const dir = await makeTempDir({ "tree.csv": TREE, "values.sql": query });
    const tree = await readTree(join(dir, "tree.csv"), "tree.csv");
    vi.stubEnv(QUERY_MEMORY_LIMIT_VARIABLE, "16MB");
    try {
      const error = await readDuckdbValues(tree, join(dir, "values.sql"), "values.sql", dir, undefined, { threads: 1 }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "E_QUERY_MEMORY_LIMIT", message: limitMessages.queryMemoryLimit("values.sql", 16 * MEGABYTE, true, "variable") });
      expect((error as Error).message).toBe(
        "values.sql: DuckDB needed more than 16 MB of memory, what it may use to read the values (INNOVATION_INDEX_QUERY_MEMORY_LIMIT), and was stopped; expected the values read within it: return one row per unit, year and indicator (aggregate the microdata in the query: GROUP BY unit, year), make the query cheaper (a join without a condition multiplies the rows), or run with --threads 1 (each DuckDB thread takes memory of its own), or raise INNOVATION_INDEX_QUERY_MEMORY_LIMIT (such as 8GB), within the memory the machine has",
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("a limit from the container's cgroup is named as such", () => {
    expect(limitMessages.queryMemoryLimit("values.parquet", 2 * GIGABYTE, false, "container")).toBe(
      "values.parquet: DuckDB needed more than 2 GB of memory, what it may use to read the values (half of the memory limit of the container or service it runs in), and was stopped; expected the values read within it: run with --threads 1 (each DuckDB thread takes memory of its own), or give the container or service more memory (its cgroup memory limit)",
    );
  });
});

describe("load's queryMemoryLimit", () => {
  // A query whose one unit is DuckDB's own memory_limit as it reads it back: the limit the session was given.
  const SETTING = "SELECT current_setting('memory_limit') AS unit, 2017 AS year, 'A' AS indicator, 1.0::DOUBLE AS value";

  it("reaches DuckDB, as a size or a number of bytes, over the environment's variable, for a values query and a tree's sql", async () => {
    const dir = await makeTempDir({
      "tree.csv": TREE,
      "values.sql": SETTING,
      "sql-tree.csv": "code,parent,name,weight,direction,sql\nA,,a,1,+,\"SELECT current_setting('memory_limit') AS unit, 2017 AS year, 1.0::DOUBLE AS value\"\n",
      "values.csv": "unit,year,indicator,value\n",
    });
    // The variable would say 32 MB; the option wins. DuckDB writes its limit in powers of 1024, one decimal:
    // "16MB" and 16,777,216 bytes are 16.0 MiB; "1.5GB" is 1.5 GiB; 100,000,000 bytes = 100,000,000 / 1024^2 = 95.37 MiB,
    // set in whole KiB (97,656 KiB = 95.37 MiB), read as 95.3 MiB.
    vi.stubEnv(QUERY_MEMORY_LIMIT_VARIABLE, "32MB");
    try {
      for (const [given, read] of [["16MB", "16.0 MiB"], [16 * MEGABYTE, "16.0 MiB"], ["1.5GB", "1.5 GiB"], [100_000_000, "95.3 MiB"]] as const) {
        const { panel } = await load({ indicators: "tree.csv", data: "values.sql", cwd: dir, queryMemoryLimit: given });
        expect(panel.units, String(given)).toEqual([read]);
      }
      // Without the option, the variable's: 32.0 MiB.
      expect((await load({ indicators: "tree.csv", data: "values.sql", cwd: dir })).panel.units).toEqual(["32.0 MiB"]);
      // A tree's sql column beside a CSV values file (no values of its own) runs in a session of the same limit.
      expect((await load({ indicators: "sql-tree.csv", data: "values.csv", cwd: dir, queryMemoryLimit: "64MB" })).panel.units).toEqual(["64.0 MiB"]);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("a query over it: E_QUERY_MEMORY_LIMIT naming the file, the limit and the option as its source", async () => {
    // The two million rows of the first test of this file (some 80 MB) against the option's 16 MB.
    const query = "SELECT 'unit-number-' || i AS unit, 2017 AS year, 'A' AS indicator, i::DOUBLE AS value FROM range(2000000) t(i)";
    const dir = await makeTempDir({ "tree.csv": TREE, "values.sql": query });
    const error = await load({ indicators: "tree.csv", data: "values.sql", cwd: dir, queryMemoryLimit: "16MB" }).catch((caught: unknown) => caught);
    // load lists every problem of both files: this one alone.
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map(({ code, message, source }) => ({ code, message, source }))).toEqual([
      { code: "E_QUERY_MEMORY_LIMIT", message: limitMessages.queryMemoryLimit("values.sql", 16 * MEGABYTE, true, "option"), source: "values.sql" },
    ]);
    expect(issues[0].message).toBe(
      'values.sql: DuckDB needed more than 16 MB of memory, what it may use to read the values (option queryMemoryLimit of load), and was stopped; expected the values read within it: return one row per unit, year and indicator (aggregate the microdata in the query: GROUP BY unit, year), make the query cheaper (a join without a condition multiplies the rows), or run with --threads 1 (each DuckDB thread takes memory of its own), or give load a higher queryMemoryLimit (such as "8GB"), within the memory the machine has',
    );
  });

  it("anything but a size from 16 MB up is E_BAD_OPTION naming the option, what it is and what is expected, before any file is read", async () => {
    // 15MB and 16,777,215 bytes are under 16 MB (16,777,216); 1.5 × 16 MB + 0.5 = 25,165,824.5 bytes is no whole number;
    // 2^53 is past 2^53 − 1.
    const refused = ["15MB", 16 * MEGABYTE - 1, "lots", "8 GB RAM", 1.5 * MEGABYTE * 16 + 0.5, 2 ** 53, -1, true, null, ["8GB"]];
    for (const given of refused) {
      // No such files: the option is refused first, alone.
      const error = await load({ indicators: "absent.csv", data: "absent.sql", queryMemoryLimit: given as never }).catch((caught: unknown) => caught);
      expect(error, String(given)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues, String(given)).toEqual([
        { code: "E_BAD_OPTION", column: "queryMemoryLimit", message: checkMessages.optionNotExpected("queryMemoryLimit", given, checkMessages.expectedOption("queryMemoryLimit")) },
      ]);
    }
    const error = (await load({ indicators: "absent.csv", data: "absent.sql", queryMemoryLimit: "15MB" }).catch((caught: unknown) => caught)) as ValidationError;
    expect(error.issues[0].message).toBe('option queryMemoryLimit is "15MB"; expected a size of memory from 16 MB up: a text such as "8GB" or "512MB" (powers of 1024), or a whole number of bytes');
    // The bounds, as the variable's: 16 MB = 16,777,216 bytes the least; 8191 TB = 9,006,099,743,113,216 bytes allowed.
    expect([queryMemoryBytesOf(16 * MEGABYTE), queryMemoryBytesOf("16MB"), queryMemoryBytesOf("8191TB"), queryMemoryBytesOf(16 * MEGABYTE - 1)]).toEqual([16_777_216, 16_777_216, 9_006_099_743_113_216, undefined]);
  });
});

describe("a .sql values file of more units than a panel may hold", () => {
  it("is refused from DuckDB's counts (E_PANEL_SIZE), its units not read: no units and years given as read", async () => {
    // 30,000 rows, each of another unit, over the 9,000 years 1000 to 9999 (1000 + i % 9000), one indicator:
    // 30,000 × 9,000 × 1 = 270,000,000 cells, over the 268,435,456 (2^28) a panel may hold.
    const query = "SELECT 'u' || i AS unit, 1000 + i % 9000 AS year, 'A' AS indicator, 1.0::DOUBLE AS value FROM range(30000) t(i)";
    const dir = await makeTempDir({ "tree.csv": TREE, "values.sql": query });
    const tree = await readTree(join(dir, "tree.csv"), "tree.csv");
    const error = await readDuckdbValues(tree, join(dir, "values.sql"), "values.sql", dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map(({ code, message }) => ({ code, message }))).toEqual([
      { code: "E_PANEL_SIZE", message: limitMessages.panelTooLarge("values.sql", 30_000, 9_000, 1, 2 ** 28) },
    ]);
    // The 30,000 units stayed in DuckDB: none is given back as read.
    expect((error as ValidationError).partial).toBeUndefined();
  });
});

describe("a tree's sql query of more rows than one indicator may fill", () => {
  const tree = (rowsOfB: number) =>
    `code,parent,name,weight,direction,sql\nG,,g,1,,\nA,G,a,0.5,+,"SELECT 'U' || i AS unit, 2017 AS year, 1.0::DOUBLE AS value FROM range(5) t(i)"\nB,G,b,0.5,+,"SELECT 'U' || i AS unit, 2017 AS year, 2.0::DOUBLE AS value FROM range(${rowsOfB}) t(i)"\n`;

  it("is refused at the limit (E_QUERY_ROWS, naming the tree's line and column sql); the other queries still run", async () => {
    const dir = await makeTempDir({ "tree.csv": tree(6) });
    const parsed = await readTree(join(dir, "tree.csv"), "tree.csv");
    // A limit of 5 rows: A's query returns 5 (within it), B's 6 (one over it). The tree has 2 indicators (A, B).
    const issues = await issuesOf(readIndicatorQueries(parsed, dir, {}, 5));
    expect(issues.map(({ code, message, line, column, id }) => ({ code, message, line, column, id }))).toEqual([
      { code: "E_QUERY_ROWS", message: limitMessages.indicatorQueryRows(readerMessages.indicatorQuery("tree.csv:4", "B"), 5, 2, 2 ** 28), line: 4, column: "sql", id: "B" },
    ]);
    expect(issues[0].message).toBe(
      "tree.csv:4: indicator B, column sql: the query returns more than 5 rows, the most one indicator's values may fill (a panel holds at most 268,435,456 cells, shared by the tree's 2 indicators, one row per unit and year); expected one row per unit and year: aggregate the microdata in the query (GROUP BY unit, year)",
    );
  });

  it("reads a query of 200,000 rows (a unit each): its records were spread into push's arguments, which overflowed the stack", async () => {
    const dir = await makeTempDir({ "tree.csv": tree(200_000) });
    const parsed = await readTree(join(dir, "tree.csv"), "tree.csv");
    const records = await readIndicatorQueries(parsed, dir);
    // 5 rows of A and 200,000 of B (value 2, units U0 to U199999; 150,000 spread into push already overflow).
    expect(records.length).toBe(200_005);
    expect(records.filter((record) => record.indicator === "B" && record.value === 2).length).toBe(200_000);
  });

  it("reads queries of as many rows as the limit", async () => {
    const dir = await makeTempDir({ "tree.csv": tree(5) });
    const parsed = await readTree(join(dir, "tree.csv"), "tree.csv");
    const records = await readIndicatorQueries(parsed, dir, {}, 5);
    // 5 rows of A (value 1) and 5 of B (value 2), units U0 to U4, all in 2017.
    expect(records.length).toBe(10);
    expect(records.filter((record) => record.indicator === "B").map((record) => [record.unit, record.year, record.value])).toEqual(
      [0, 1, 2, 3, 4].map((i) => [`U${i}`, 2017, 2]),
    );
  });
});

const DUCKDB_BUILT = fileURLToPath(new URL("../../../dist/io/read/duckdb.js", import.meta.url));

describe.skipIf(!existsSync(DUCKDB_BUILT))("the folder DuckDB spills to, on an interruption (the built module)", () => {
  it("is removed when SIGTERM or SIGINT ends the process while a session is open, which then ends by the signal", async () => {
    const dir = await makeTempDir({ "values.csv": "unit,year,indicator,value\n" });
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      // A session opened, its spill folder made with a file in it (as DuckDB makes it when it spills), then waiting.
      const script = `
        const { mkdirSync, writeFileSync } = require("node:fs");
        import(${JSON.stringify(DUCKDB_BUILT)}).then(async ({ openSandbox }) => {
          const session = await openSandbox(${JSON.stringify(dir)});
          mkdirSync(session.spillFolder);
          writeFileSync(session.spillFolder + "/duckdb_temp_storage-0.tmp", "x".repeat(1024));
          process.stdout.write(session.spillFolder + "\\n");
          setInterval(() => {}, 1000);
        });`;
      const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
      const folder = await new Promise<string>((done) => child.stdout.once("data", (chunk: Buffer) => done(chunk.toString().trim())));
      expect(existsSync(folder)).toBe(true);
      const ended = new Promise<NodeJS.Signals | null>((done) => child.once("exit", (_code, by) => done(by)));
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(existsSync(folder)).toBe(false);
    }
  });
});
