/**
 * Results as Parquet, written by DuckDB (loaded only here): `index.parquet`, `scores.parquet` and `growth.parquet`,
 * the same rows and columns as the CSV files of those names, with typed columns (whole numbers as INTEGER, values as
 * DOUBLE, unrounded, a missing value as NULL) and zstd compression.
 *
 * The values go into DuckDB in the files' row order through a table function that DuckDB's `COPY` pulls chunk by
 * chunk, so no table is built in between: each chunk holds a row number and the DOUBLE columns. The text columns are
 * made inside DuckDB from each row's number, looked up in small lists of units and nodes, so that no string is built
 * per row in JavaScript. The growth figures are computed series by series as the rows go (`seriesGrowth`, as
 * `computeGrowth` does), so no growth array is needed.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBDataChunk, DuckDBVector } from "@duckdb/node-api";
import type { Analysis } from "../../core/analysis/analyze.js";
import { emptyGrowth, seriesGrowth } from "../../core/analysis/growth.js";
import type { IndexResult } from "../../core/compute.js";
import { loadDuckdb, openDuckdb, sqlString, type DuckdbSession } from "../read/duckdb.js";

/**
 * The Parquet files of a result, name -> bytes. `analysis` is not read: the growth figures are computed as the rows
 * are written (the same numbers as `analysis.growth`).
 */
export async function formatParquetFiles(result: IndexResult, analysis?: Pick<Analysis, "growth">): Promise<Record<string, Uint8Array>> {
  void analysis;
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
    await writeGrowth(session, result, growthPath);
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

/** Writes rows `start … start + count - 1` of DOUBLE columns into `columns` (one array per column); `NaN` is missing. */
type FillRows = (start: number, count: number, columns: readonly Float64Array[]) => void;

/** Rows a chunk holds: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

let functionCount = 0;

/**
 * Copies `select` (which reads `FROM rows`: an INTEGER column `row_number` counting from 0 and DOUBLE columns
 * `c0, c1, …`, `length` rows made by `fill`) into the Parquet file `path`. The rows come from a table function DuckDB
 * calls on this thread for one chunk at a time, in order, while its own threads encode and compress.
 */
async function copyRows(session: DuckdbSession, length: number, columnCount: number, fill: FillRows, select: string, path: string): Promise<void> {
  const { DuckDBTableFunction, DOUBLE, INTEGER } = await loadDuckdb();
  if (length >= 2 ** 31) throw new RangeError(`${length} rows; expected fewer than 2^31 in one Parquet file`);
  const name = `result_rows_${++functionCount}`;
  const scratch = Array.from({ length: columnCount }, () => new Float64Array(CHUNK_ROWS));
  let next = 0;
  session.connection.registerTableFunction(
    DuckDBTableFunction.create({
      name,
      bindFunction: (info) => {
        info.addResultColumn("row_number", INTEGER);
        for (let c = 0; c < columnCount; c++) info.addResultColumn(`c${c}`, DOUBLE);
      },
      initFunction: () => undefined,
      mainFunction: (_info, output: DuckDBDataChunk) => {
        const count = Math.min(CHUNK_ROWS, length - next);
        output.rowCount = count;
        if (count === 0) return;
        fill(next, count, scratch);
        const numbers = output.getColumnVector(0) as DuckDBVector<number>;
        for (let i = 0; i < count; i++) numbers.setItem(i, next + i);
        numbers.flush();
        for (let c = 0; c < columnCount; c++) {
          const vector = output.getColumnVector(c + 1) as DuckDBVector<number>;
          const values = scratch[c];
          for (let i = 0; i < count; i++) {
            const value = values[i];
            vector.setItem(i, value === value ? value : null);
          }
          vector.flush();
        }
        next += count;
      },
    }),
  );
  await session.connection.run(`COPY (${select.replace("FROM rows", `FROM ${name}()`)}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`);
}

/** DuckDB's 1-based position in a list of `modulo` entries, from the row number: `(row_number // divisor) % modulo + 1`. */
const position = (divisor: number, modulo: number) => `((row_number // ${divisor}) % ${modulo} + 1)`;

/** `unit,year,code,name,level,value` for `nodes`, rows by unit, then year, then node (as `index.csv`). */
async function writeLong(session: DuckdbSession, result: IndexResult, nodes: readonly number[], path: string): Promise<void> {
  const unitCount = result.units.length;
  const yearCount = result.years.length;
  const nodeCount = nodes.length;
  const { values } = result;
  // Row r: unit r / (years · nodes), year (r / nodes) % years, node r % nodes.
  const fill: FillRows = (start, count, [column]) => {
    let node = start % nodeCount;
    let year = Math.floor(start / nodeCount) % yearCount;
    let unit = Math.floor(start / (nodeCount * yearCount));
    for (let i = 0; i < count; i++) {
      column[i] = values[(nodes[node] * unitCount + unit) * yearCount + year];
      if (++node === nodeCount) {
        node = 0;
        if (++year === yearCount) (year = 0), unit++;
      }
    }
  };
  const kept = nodes.map((n) => result.nodes[n]);
  await copyRows(
    session,
    unitCount * yearCount * nodeCount,
    1,
    fill,
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
async function writeGrowth(session: DuckdbSession, result: IndexResult, path: string): Promise<void> {
  const unitCount = result.units.length;
  const yearCount = result.years.length;
  const nodeCount = result.nodes.length;
  const steps = Math.max(yearCount - 1, 0);
  const { values, years } = result;
  // The growth of the series being written (a node of a unit), computed when its first row comes.
  const growth = emptyGrowth(yearCount);
  let series = -1;
  // Row r: unit r / (nodes · steps), node (r / steps) % nodes, year 1 + r % steps.
  const fill: FillRows = (start, count, [value, change, changePercent, averageChange, cagrPercent]) => {
    for (let i = 0; i < count; i++) {
      const row = start + i;
      const year = 1 + (row % steps);
      const node = Math.floor(row / steps) % nodeCount;
      const unit = Math.floor(row / (steps * nodeCount));
      const first = (node * unitCount + unit) * yearCount;
      if (first !== series) {
        seriesGrowth(values, first, years, growth, 0);
        series = first;
      }
      value[i] = values[first + year];
      change[i] = growth.change[year];
      changePercent[i] = growth.changePercent[year];
      averageChange[i] = growth.averageChange[year];
      cagrPercent[i] = growth.cagrPercent[year];
    }
  };
  await copyRows(
    session,
    unitCount * nodeCount * steps,
    5,
    fill,
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
