/**
 * The time limit of users' DuckDB queries: a `.sql` values file, a tree's `sql` column and a query started after the
 * limit ran out are all stopped with E_QUERY_TIME_LIMIT, naming the file (and the tree's line and column), the limit
 * and how to raise it. The slow query counts 10^11 rows of `range`, which takes minutes: stopped after 0.3 s, a test
 * that ends at all shows the interruption (vitest's own limit would fail it otherwise).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readerMessages } from "../../../src/core/reader-messages.js";
import { InputError, UsageError } from "../../../src/errors.js";
import { openSandbox, QUERY_TIME_LIMIT, QUERY_TIME_LIMIT_VARIABLE, queryTimeLimit, timeLimitError } from "../../../src/io/read/duckdb.js";
import { loadInputs } from "../../../src/io/read/load.js";
import { issuesOf, makeTempDir } from "../../helpers.js";

const TREE = "code,parent,name,weight,direction\nA,,a,0.5,+\nB,,b,0.5,+\n";
const SLOW = "SELECT 'U1' AS unit, 2017 AS year, 'A' AS indicator, count(*)::DOUBLE AS value FROM range(100000000000)";

describe("queryTimeLimit", () => {
  it("is an hour unless INNOVATION_INDEX_QUERY_TIME_LIMIT gives seconds above 0; anything else is a usage error naming it", () => {
    expect(QUERY_TIME_LIMIT).toBe(3600);
    expect(queryTimeLimit({})).toBe(3600);
    expect(queryTimeLimit({ [QUERY_TIME_LIMIT_VARIABLE]: " " })).toBe(3600);
    expect(queryTimeLimit({ [QUERY_TIME_LIMIT_VARIABLE]: "7200" })).toBe(7200);
    expect(queryTimeLimit({ [QUERY_TIME_LIMIT_VARIABLE]: "0.5" })).toBe(0.5);
    expect(queryTimeLimit({ [QUERY_TIME_LIMIT_VARIABLE]: " 0.001 " })).toBe(0.001);
    // The longest a timer holds: 2^31 - 1 ms, 2,147,483 whole seconds.
    expect(queryTimeLimit({ [QUERY_TIME_LIMIT_VARIABLE]: "2147483" })).toBe(2147483);
    // Digits only: Number() would take 0x10 as 16 and 1e3 as 1000; under a millisecond no timer counts.
    for (const text of ["1h", "0", "-5", "2147484", "NaN", "0x10", "1e3", "Infinity", "0.0001", "1,5"]) {
      expect(() => queryTimeLimit({ [QUERY_TIME_LIMIT_VARIABLE]: text }), text).toThrow(UsageError);
      expect(() => queryTimeLimit({ [QUERY_TIME_LIMIT_VARIABLE]: text }), text).toThrow(readerMessages.queryTimeLimitVariable(QUERY_TIME_LIMIT_VARIABLE, text, 2147483));
    }
  });
});

describe("a query over the time limit", () => {
  it("a .sql values file: stopped, E_QUERY_TIME_LIMIT naming the file and the limit", async () => {
    const dir = await makeTempDir({ "tree.csv": TREE, "values.sql": SLOW });
    const started = performance.now();
    const issues = await issuesOf(loadInputs(join(dir, "tree.csv"), join(dir, "values.sql"), { tree: "tree.csv", data: "values.sql" }, { queryRoot: dir, queryTimeLimit: 0.3 }));
    expect(issues.map(({ code, message, source }) => ({ code, message, source }))).toEqual([
      { code: "E_QUERY_TIME_LIMIT", message: readerMessages.queryTimeLimit("values.sql", 0.3, QUERY_TIME_LIMIT_VARIABLE), source: "values.sql" },
    ]);
    // Stopped, not finished: counting 10^11 rows takes minutes.
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it("a tree's sql column: one problem naming the line and the column sql; the queries after it are not run", async () => {
    const dir = await makeTempDir({
      "tree.csv": `code,parent,name,weight,direction,sql\nA,,a,0.5,+,"${SLOW.replace(", 'A' AS indicator", "")}"\nB,,b,0.5,+,"${SLOW.replace(", 'A' AS indicator", "")}"\n`,
      "values.csv": "unit,year,indicator,value\n",
    });
    const issues = await issuesOf(loadInputs(join(dir, "tree.csv"), join(dir, "values.csv"), { tree: "tree.csv", data: "values.csv" }, { queryRoot: dir, queryTimeLimit: 0.3 }));
    expect(issues.map(({ code, message, line, column }) => ({ code, message, line, column }))).toEqual([
      { code: "E_QUERY_TIME_LIMIT", message: readerMessages.queryTimeLimit(readerMessages.indicatorQuery("tree.csv:2", "A"), 0.3, QUERY_TIME_LIMIT_VARIABLE), line: 2, column: "sql" },
    ]);
  });

  it("a .sql values file and a tree's sql column: the limit is for both together, said once (the tree's queries are not run)", async () => {
    const query = SLOW.replace(", 'A' AS indicator", "");
    const dir = await makeTempDir({
      "tree.csv": `code,parent,name,weight,direction,sql\nA,,a,0.5,+,\nB,,b,0.5,+,"${query}"\n`,
      "values.sql": SLOW,
    });
    const issues = await issuesOf(loadInputs(join(dir, "tree.csv"), join(dir, "values.sql"), { tree: "tree.csv", data: "values.sql" }, { queryRoot: dir, queryTimeLimit: 0.3 }));
    expect(issues.map(({ code, message }) => ({ code, message }))).toEqual([
      { code: "E_QUERY_TIME_LIMIT", message: readerMessages.queryTimeLimit("values.sql", 0.3, QUERY_TIME_LIMIT_VARIABLE) },
    ]);
  });

  it("a session on a clock that has run out (the reading's first session took the time) stops its first query", async () => {
    const dir = await makeTempDir();
    // Started a second ago, with a limit of 0.2 s: none of it is left.
    const session = await openSandbox(dir, { timeLimit: 0.2, clock: { startedAt: Date.now() - 1000 } });
    try {
      const error = await session.connection.run(SLOW).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(timeLimitError(session, "tree.csv:3: indicator B, column sql", error)).toMatchObject({
        code: "E_QUERY_TIME_LIMIT",
        message: readerMessages.queryTimeLimit("tree.csv:3: indicator B, column sql", 0.2, QUERY_TIME_LIMIT_VARIABLE),
      });
    } finally {
      session.close();
    }
    // A .parquet file is not told to make its query cheaper: it has none.
    expect(readerMessages.queryTimeLimit("values.parquet", 3600, QUERY_TIME_LIMIT_VARIABLE, false)).toBe(
      "values.parquet: stopped after 3600 s, the time limit for reading the values with DuckDB; expected them read within it: raise the limit with INNOVATION_INDEX_QUERY_TIME_LIMIT=<seconds>",
    );
  });

  it("a query started after the limit ran out is interrupted too, and a session closed in time is left alone", async () => {
    const dir = await makeTempDir();
    const session = await openSandbox(dir, { timeLimit: 0.05 });
    try {
      await new Promise((done) => setTimeout(done, 150));
      const error = await session.connection.run(SLOW).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(session.timedOut()).toBe(true);
      const stopped = timeLimitError(session, "q.sql", error);
      expect(stopped).toBeInstanceOf(InputError);
      expect(stopped).toMatchObject({ code: "E_QUERY_TIME_LIMIT", message: readerMessages.queryTimeLimit("q.sql", 0.05, QUERY_TIME_LIMIT_VARIABLE) });
    } finally {
      session.close();
    }
    // Closed before its limit: the error of a query is its own.
    const quick = await openSandbox(dir, { timeLimit: 60 });
    quick.close();
    const own = new Error("Parser Error");
    expect(timeLimitError(quick, "q.sql", own)).toBe(own);
  });
});

describe("load's queryTimeLimit", () => {
  it("stops a slow query as the command line's limit does; a limit that is no number of seconds above 0 is E_BAD_OPTION", async () => {
    const { load } = await import("../../../src/api.js");
    const dir = await makeTempDir({ "tree.csv": TREE, "values.sql": SLOW });
    const refused = await load({ indicators: "tree.csv", data: "values.sql", cwd: dir, queryTimeLimit: 0.3 }).then(
      () => undefined,
      (caught: unknown) => caught as { issues?: { code: string; message: string }[]; code?: string; message: string },
    );
    const issues = refused?.issues ?? [refused];
    expect(issues.map((issue) => ({ code: issue?.code, message: issue?.message }))).toEqual([
      { code: "E_QUERY_TIME_LIMIT", message: readerMessages.queryTimeLimit("values.sql", 0.3, QUERY_TIME_LIMIT_VARIABLE) },
    ]);
    for (const limit of [0, 0.0001, -1, 3e6, "60"]) {
      const bad = await load({ indicators: "tree.csv", data: "values.sql", cwd: dir, queryTimeLimit: limit as number }).then(
        () => undefined,
        (caught: unknown) => caught as { issues: { code: string; column: string }[] },
      );
      expect(bad?.issues.map(({ code, column }) => ({ code, column })), String(limit)).toEqual([{ code: "E_BAD_OPTION", column: "queryTimeLimit" }]);
    }
  });
});
