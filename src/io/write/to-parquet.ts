/**
 * Results as Parquet, written by DuckDB (loaded only here): `index.parquet`, `scores.parquet` and `growth.parquet`,
 * the same rows and columns as the CSV files of those names, with typed columns (whole numbers as INTEGER, values as
 * DOUBLE, unrounded, a missing value as NULL) and zstd compression.
 *
 * The values go into DuckDB in the files' row order, one DOUBLE column through data chunks; the text columns are
 * made inside DuckDB from each row's position, looked up in small lists of units and nodes, so that no string is
 * built per row in JavaScript.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Analysis } from "../../core/analysis/analyze.js";
import type { IndexResult } from "../../core/compute.js";
import { loadDuckdb, openDuckdb, sqlString, type DuckdbSession } from "../read/duckdb.js";

/** The Parquet files of a result, name -> bytes. */
export async function formatParquetFiles(result: IndexResult, analysis: Pick<Analysis, "growth">): Promise<Record<string, Uint8Array>> {
  const session = await openDuckdb();
  const folder = await mkdtemp(join(tmpdir(), "innovation-index-parquet-"));
  try {
    const aggregates = result.nodes.flatMap((node, n) => (node.kind === "indicator" ? [] : [n]));
    const indicators = result.nodes.flatMap((node, n) => (node.kind === "indicator" ? [n] : []));
    const files: Record<string, Uint8Array> = {};
    for (const [name, nodes] of [["index.parquet", aggregates], ["scores.parquet", indicators]] as const) {
      const path = join(folder, name);
      await writeLong(session, result, nodes, path);
      files[name] = await readFile(path);
    }
    const growthPath = join(folder, "growth.parquet");
    await writeGrowth(session, result, analysis, growthPath);
    files["growth.parquet"] = await readFile(growthPath);
    return files;
  } finally {
    session.close();
    await rm(folder, { recursive: true, force: true });
  }
}

/** A list literal of SQL strings. */
function textList(texts: readonly string[]): string {
  return `[${texts.map(sqlString).join(", ")}]`;
}

/**
 * Appends `columns` (equal lengths, in row order) as a table of DOUBLE columns `c0, c1, …`; `NaN` becomes NULL.
 * Rows go in chunks of DuckDB's vector size.
 */
async function appendColumns(session: DuckdbSession, table: string, length: number, columns: readonly ((row: number) => number)[]): Promise<void> {
  const { DuckDBDataChunk, DOUBLE } = await loadDuckdb();
  await session.connection.run(`CREATE OR REPLACE TABLE ${table} (${columns.map((_, i) => `c${i} DOUBLE`).join(", ")})`);
  const appender = await session.connection.createAppender(table);
  const size = 2048;
  for (let start = 0; start < length; start += size) {
    const count = Math.min(size, length - start);
    const chunk = DuckDBDataChunk.create(columns.map(() => DOUBLE), count);
    columns.forEach((column, c) => {
      const vector = chunk.getColumnVector(c);
      for (let i = 0; i < count; i++) {
        const value = column(start + i);
        vector.setItem(i, Number.isNaN(value) ? null : value);
      }
      vector.flush();
    });
    chunk.rowCount = count;
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}

/** `unit,year,code,name,level,value` for `nodes`, rows by unit, then year, then node (as `index.csv`). */
async function writeLong(session: DuckdbSession, result: IndexResult, nodes: readonly number[], path: string): Promise<void> {
  const unitCount = result.units.length;
  const yearCount = result.years.length;
  const nodeCount = nodes.length;
  // Row r: unit r / (years · nodes), year (r / nodes) % years, node r % nodes.
  const value = (row: number) => {
    const node = nodes[row % nodeCount];
    const year = Math.floor(row / nodeCount) % yearCount;
    const unit = Math.floor(row / (nodeCount * yearCount));
    return result.values[(node * unitCount + unit) * yearCount + year];
  };
  await appendColumns(session, "rows", unitCount * yearCount * nodeCount, [value]);
  const kept = nodes.map((n) => result.nodes[n]);
  const position = (divisor: number, modulo: number) => `((rowid // ${divisor}) % ${modulo} + 1)`;
  await copyToParquet(
    session,
    `SELECT ${textList(result.units)}[${position(nodeCount * yearCount, Math.max(unitCount, 1))}] AS unit,
      [${result.years.join(", ")}][${position(nodeCount, yearCount)}]::INTEGER AS year,
      ${textList(kept.map((node) => node.code))}[${position(1, nodeCount)}] AS code,
      ${textList(kept.map((node) => node.name))}[${position(1, nodeCount)}] AS name,
      [${kept.map((node) => node.level).join(", ")}][${position(1, nodeCount)}]::INTEGER AS level,
      c0 AS value
    FROM rows`,
    path,
  );
}

/** `growth.csv`'s rows and columns: by unit, then node, then year from the second year on. */
async function writeGrowth(session: DuckdbSession, result: IndexResult, analysis: Pick<Analysis, "growth">, path: string): Promise<void> {
  const unitCount = result.units.length;
  const yearCount = result.years.length;
  const nodeCount = result.nodes.length;
  const steps = Math.max(yearCount - 1, 0);
  // Row r: unit r / (nodes · steps), node (r / steps) % nodes, year 1 + r % steps.
  const cell = (row: number) => {
    const year = 1 + (row % steps);
    const node = Math.floor(row / steps) % nodeCount;
    const unit = Math.floor(row / (steps * nodeCount));
    return (node * unitCount + unit) * yearCount + year;
  };
  const { growth } = analysis;
  await appendColumns(session, "rows", unitCount * nodeCount * steps, [
    (row) => result.values[cell(row)],
    (row) => growth.change[cell(row)],
    (row) => growth.changePercent[cell(row)],
    (row) => growth.averageChange[cell(row)],
    (row) => growth.cagrPercent[cell(row)],
  ]);
  const position = (divisor: number, modulo: number) => `((rowid // ${divisor}) % ${modulo} + 1)`;
  await copyToParquet(
    session,
    `SELECT ${textList(result.units)}[${position(nodeCount * Math.max(steps, 1), Math.max(unitCount, 1))}] AS unit,
      ${textList(result.nodes.map((node) => node.code))}[${position(Math.max(steps, 1), nodeCount)}] AS code,
      ${textList(result.nodes.map((node) => node.name))}[${position(Math.max(steps, 1), nodeCount)}] AS name,
      [${result.nodes.map((node) => node.level).join(", ")}][${position(Math.max(steps, 1), nodeCount)}]::INTEGER AS level,
      [${result.years.slice(1).join(", ") || "NULL"}][${position(1, Math.max(steps, 1))}]::INTEGER AS year,
      c0 AS value, c1 AS change, c2 AS change_percent, c3 AS average_change, c4 AS cagr_percent
    FROM rows`,
    path,
  );
}

async function copyToParquet(session: DuckdbSession, select: string, path: string): Promise<void> {
  await session.connection.run(`COPY (${select}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`);
}
