import { describe, expect, it } from "vitest";
import { isNull, openDuckdb, positionValueChunks, statementText } from "../../../src/io/read/duckdb.js";

describe("positionValueChunks", () => {
  it("reads every row's position and value, and a NULL value by its mask", async () => {
    const session = await openDuckdb();
    try {
      // 5,000 rows (more than one chunk of 2,048): position i, value i / 2, every 1,000th NULL.
      const sql = "SELECT i::INTEGER AS cell, CASE WHEN i % 1000 = 0 THEN NULL ELSE i / 2 END::DOUBLE AS value FROM range(5000) t(i)";
      const values = new Float64Array(5000).fill(-1);
      for await (const { count, positions, values: numbers, valueNulls } of positionValueChunks(session.connection, sql)) {
        for (let i = 0; i < count; i++) values[positions[i]] = isNull(valueNulls, i) ? Number.NaN : numbers[i];
      }
      expect(values[1]).toBe(0.5);
      expect(values[4999]).toBe(2499.5);
      expect(Number.isNaN(values[3000])).toBe(true);
      expect(values.filter(Number.isNaN).length).toBe(5);
      expect(values.includes(-1)).toBe(false);
    } finally {
      session.close();
    }
  });

  it("throws DuckDB's error of a streamed result that fails part of the way, instead of ending early without a word", async () => {
    const session = await openDuckdb();
    try {
      // One thread, so that rows come before the failure: the stream ends after 1,247,232 of the 1,500,000 rows without
      // an error (@duckdb/node-api 1.5.6's fetch of a failed stream is its end); its count (2,000,000: no cast run) says
      // so, and the query run again throws the error.
      await session.connection.run("SET threads = 1");
      const sql = "SELECT (CASE WHEN i < 1500000 THEN i ELSE error('failed at row ' || i) END)::INTEGER AS cell, 1.0::DOUBLE AS value FROM range(2000000) t(i)";
      let rows = 0;
      const reading = (async () => {
        for await (const { count } of positionValueChunks(session.connection, sql)) rows += count;
      })();
      await expect(reading).rejects.toThrow("failed at row 1500000");
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBeLessThan(1_500_000);
    } finally {
      session.close();
    }
  });
});

describe("statementText", () => {
  it("is the text before the statement's ;, a ; in a string, a quoted name or a comment being none", () => {
    expect(statementText("SELECT 1 AS x; -- done")).toBe("SELECT 1 AS x");
    expect(statementText("SELECT ';' AS x, \"a;b\" -- c;\nFROM t;")).toBe("SELECT ';' AS x, \"a;b\" -- c;\nFROM t");
    expect(statementText("SELECT 1 /* ; */ -- end")).toBe("SELECT 1 /* ; */ -- end");
  });
});
