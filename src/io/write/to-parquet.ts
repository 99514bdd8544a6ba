/**
 * Results as Parquet, written by DuckDB (loaded only here): `index.parquet`, `scores.parquet` and `growth.parquet`,
 * the same rows and columns as the CSV files of those names, with typed columns (whole numbers as INTEGER, values as
 * DOUBLE, unrounded, a missing value as NULL) and zstd compression.
 *
 * The rows go into DuckDB in the files' row order through a table function that DuckDB's `COPY` pulls chunk by
 * chunk, so no table is built in between. Each chunk is written straight into DuckDB's vectors, one copy per column:
 * the numbers as they are, and the text columns (unit, code, name) as positions in a DuckDB ENUM of their distinct
 * texts, which the Parquet writer turns into its dictionary without building or hashing a string per row. The growth
 * figures are computed series by series as the rows go (`seriesGrowth`, as `computeGrowth` does), so no growth array
 * is needed. Each file is a job that writes itself to the path it is given (`PathJob`), so that a run writes it
 * straight into its output folder, while the other files are written.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DuckDBDataChunk, DuckDBType } from "@duckdb/node-api";
import type { Analysis } from "../../core/analysis/analyze.js";
import { emptyGrowth, seriesGrowth } from "../../core/analysis/growth.js";
import { ratioScale } from "../../core/index-scale.js";
import type { IndexResult } from "../../core/compute.js";
import { loadDuckdb, loadDuckdbBindings, openDuckdb, sqlString } from "../read/duckdb.js";
import type { PathJob } from "./write.js";

/** The names of the Parquet files of a result. */
export const PARQUET_FILES = ["index.parquet", "scores.parquet", "growth.parquet"] as const;

/** The Parquet files of a result as jobs (name -> job), each writing its file to the path it is given. */
export function parquetFileJobs(result: IndexResult): Record<(typeof PARQUET_FILES)[number], PathJob> {
  const aggregates = result.nodes.flatMap((node, n) => (node.kind === "indicator" ? [] : [n]));
  const indicators = result.nodes.flatMap((node, n) => (node.kind === "indicator" ? [n] : []));
  const job = (write: (path: string) => Promise<void>): PathJob => ({ kind: "path-job", write });
  return {
    "index.parquet": job((path) => writeLong(result, aggregates, path)),
    "scores.parquet": job((path) => writeLong(result, indicators, path)),
    "growth.parquet": job((path) => writeGrowth(result, path)),
  };
}

/**
 * The Parquet files of a result, name -> bytes (written in a temporary folder, read back and removed). `analysis`
 * is not read: the growth figures are computed as the rows are written (the same numbers as `analysis.growth`).
 */
export async function formatParquetFiles(result: IndexResult, analysis?: Pick<Analysis, "growth">): Promise<Record<string, Uint8Array>> {
  void analysis;
  const folder = await mkdtemp(join(tmpdir(), "innovation-index-parquet-"));
  try {
    const files: Record<string, Uint8Array> = {};
    for (const [name, job] of Object.entries(parquetFileJobs(result))) {
      const path = join(folder, name);
      await job.write(path);
      files[name] = await readFile(path);
    }
    return files;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** A column of a Parquet file: text from a list of distinct texts (by position), a whole number, or a number. */
type Column = { name: string; kind: "text"; texts: readonly string[] } | { name: string; kind: "integer" } | { name: string; kind: "number" };

/** A column's values for one chunk of rows: positions in its texts, whole numbers, or numbers (`NaN` is missing). */
type ColumnBuffer = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** Writes rows `start … start + count - 1` into `buffers` (one per column, from index 0). */
type FillRows = (start: number, count: number, buffers: ColumnBuffer[]) => void;

/** Rows a chunk holds: DuckDB's vector size. */
const CHUNK_ROWS = 2048;

/**
 * Copies `length` rows of `columns`, made chunk by chunk by `fill`, into the Parquet file `path` (zstd), in order. The
 * rows come from a table function DuckDB calls on this thread for one chunk at a time while its own threads encode and
 * compress; each file has its own in-memory database, so that several files may be written at once.
 */
async function copyRows(path: string, length: number, columns: readonly Column[], fill: FillRows): Promise<void> {
  const { DuckDBTableFunction, DOUBLE, INTEGER, ENUM, DuckDBTypeId } = await loadDuckdb();
  const raw = await loadDuckdbBindings();
  if (length >= 2 ** 31) throw new RangeError(`${length} rows; expected fewer than 2^31 in one Parquet file`);
  const types: DuckDBType[] = columns.map((column) => (column.kind === "text" ? ENUM(column.texts) : column.kind === "integer" ? INTEGER : DOUBLE));
  // A column's buffer, of the width DuckDB keeps its values in (an ENUM's positions in 1, 2 or 4 bytes by its size).
  const buffers: ColumnBuffer[] = types.map((type, c) => {
    if (columns[c].kind === "number") return new Float64Array(CHUNK_ROWS);
    if (columns[c].kind === "integer") return new Int32Array(CHUNK_ROWS);
    const width = (type as { internalTypeId: number }).internalTypeId;
    return width === DuckDBTypeId.UTINYINT ? new Uint8Array(CHUNK_ROWS) : width === DuckDBTypeId.USMALLINT ? new Uint16Array(CHUNK_ROWS) : new Uint32Array(CHUNK_ROWS);
  });
  // The validity mask of a chunk with a missing value: one bit a row, set when the value is there.
  const validity = new BigUint64Array(CHUNK_ROWS / 64);
  const validityWords = new Uint32Array(validity.buffer);
  const session = await openDuckdb();
  try {
    let next = 0;
    session.connection.registerTableFunction(
      DuckDBTableFunction.create({
        name: "result_rows",
        bindFunction: (info) => columns.forEach((column, c) => info.addResultColumn(column.name, types[c])),
        initFunction: () => undefined,
        mainFunction: (_info, output: DuckDBDataChunk) => {
          const count = Math.min(CHUNK_ROWS, length - next);
          output.rowCount = count;
          if (count === 0) return;
          fill(next, count, buffers);
          for (let c = 0; c < columns.length; c++) {
            const vector = raw.data_chunk_get_vector(output.chunk, c);
            const buffer = buffers[c];
            raw.copy_data_to_vector(vector, 0, buffer.buffer as ArrayBuffer, 0, count * buffer.BYTES_PER_ELEMENT);
            if (!(buffer instanceof Float64Array)) continue;
            let missing = false;
            for (let i = 0; i < count; i++) if (buffer[i] !== buffer[i]) missing = true;
            if (!missing) continue;
            validityWords.fill(0xffffffff);
            for (let i = 0; i < count; i++) if (buffer[i] !== buffer[i]) validityWords[i >>> 5] &= ~(1 << (i & 31));
            raw.vector_ensure_validity_writable(vector);
            raw.copy_data_to_vector_validity(vector, 0, validity.buffer, 0, Math.ceil(count / 64) * 8);
          }
          next += count;
        },
      }),
    );
    await session.connection.run(`COPY (SELECT * FROM result_rows()) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    session.close();
  }
}

/** Distinct texts of `texts`, and each one's position among them (an ENUM's values must differ). */
function distinct(texts: readonly string[]): { texts: string[]; positions: Uint32Array } {
  const seen = new Map<string, number>();
  const positions = new Uint32Array(texts.length);
  texts.forEach((text, i) => {
    if (!seen.has(text)) seen.set(text, seen.size);
    positions[i] = seen.get(text)!;
  });
  return { texts: [...seen.keys()], positions };
}

/** `unit,year,code,name,level,value` for `nodes`, rows by unit, then year, then node (as `index.csv`). */
async function writeLong(result: IndexResult, nodes: readonly number[], path: string): Promise<void> {
  const unitCount = result.units.length;
  const yearCount = result.years.length;
  const nodeCount = nodes.length;
  const { values, years } = result;
  const kept = nodes.map((n) => result.nodes[n]);
  const names = distinct(kept.map((node) => node.name));
  const levels = kept.map((node) => node.level);
  // Row r: unit r / (years · nodes), year (r / nodes) % years, node r % nodes.
  const fill: FillRows = (start, count, [unit, year, code, name, level, value]) => {
    let k = start % nodeCount;
    let y = Math.floor(start / nodeCount) % yearCount;
    let u = Math.floor(start / (nodeCount * yearCount));
    for (let i = 0; i < count; i++) {
      unit[i] = u;
      year[i] = years[y];
      code[i] = k;
      name[i] = names.positions[k];
      level[i] = levels[k];
      value[i] = values[(nodes[k] * unitCount + u) * yearCount + y];
      if (++k === nodeCount) {
        k = 0;
        if (++y === yearCount) (y = 0), u++;
      }
    }
  };
  const columns: Column[] = [
    { name: "unit", kind: "text", texts: result.units },
    { name: "year", kind: "integer" },
    { name: "code", kind: "text", texts: kept.map((node) => node.code) },
    { name: "name", kind: "text", texts: names.texts },
    { name: "level", kind: "integer" },
    { name: "value", kind: "number" },
  ];
  await copyRows(path, unitCount * yearCount * nodeCount, columns, fill);
}

/** `growth.csv`'s rows and columns: by unit, then node, then year from the second year on. */
async function writeGrowth(result: IndexResult, path: string): Promise<void> {
  const unitCount = result.units.length;
  const yearCount = result.years.length;
  const nodeCount = result.nodes.length;
  const steps = Math.max(yearCount - 1, 0);
  const { values, years } = result;
  const names = distinct(result.nodes.map((node) => node.name));
  // The growth of the series being written (a node of a unit), computed when its first row comes.
  const growth = emptyGrowth(yearCount);
  // Percentages only on a ratio scale, as growth.csv (`computeGrowth`).
  const percent = ratioScale(result);
  let series = -1;
  // Row r: unit r / (nodes · steps), node (r / steps) % nodes, year 1 + r % steps.
  const fill: FillRows = (start, count, [unit, code, name, level, year, value, change, changePercent, averageChange, cagrPercent]) => {
    for (let i = 0; i < count; i++) {
      const row = start + i;
      const t = 1 + (row % steps);
      const k = Math.floor(row / steps) % nodeCount;
      const u = Math.floor(row / (steps * nodeCount));
      const first = (k * unitCount + u) * yearCount;
      if (first !== series) {
        seriesGrowth(values, first, years, growth, 0, percent);
        series = first;
      }
      unit[i] = u;
      code[i] = k;
      name[i] = names.positions[k];
      level[i] = result.nodes[k].level;
      year[i] = years[t];
      value[i] = values[first + t];
      change[i] = growth.change[t];
      changePercent[i] = growth.changePercent[t];
      averageChange[i] = growth.averageChange[t];
      cagrPercent[i] = growth.cagrPercent[t];
    }
  };
  const columns: Column[] = [
    { name: "unit", kind: "text", texts: result.units },
    { name: "code", kind: "text", texts: result.nodes.map((node) => node.code) },
    { name: "name", kind: "text", texts: names.texts },
    { name: "level", kind: "integer" },
    { name: "year", kind: "integer" },
    { name: "value", kind: "number" },
    { name: "change", kind: "number" },
    { name: "change_percent", kind: "number" },
    { name: "average_change", kind: "number" },
    { name: "cagr_percent", kind: "number" },
  ];
  await copyRows(path, unitCount * nodeCount * steps, columns, fill);
}
